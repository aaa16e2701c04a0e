/**
 * The inner-outer driver of MODEL sections 6-7, shared by every engine: all games in lockstep, projected Newton
 * (or tatonnement) clearing, the leaders' sensitivity update, convergence criteria as value objects, each game's
 * status and certificate, a trace row per pass.
 *
 * <p>One file per part, so each can be read and changed alone: {@code EquilibriumSolver} is the public entry
 * and the lockstep loop with each game's transitions ({@code Phase}); {@code SolverState} is all the loop
 * knows between passes, in one serialisable object because a checkpoint must resume bit for bit;
 * {@code ProjectedNewton} is the clearing step on a game's prices, solved densely by {@code CoupledNewton} where
 * storage couples hours; {@code SensitivityUpdate} is how the leaders' {@code S} moves and when it has arrived,
 * the seam where a set-valued fixed point at kinks goes;
 * {@code ResultAssembly} is the settle pass and the result, read once the iteration is over (with the
 * end-users' settlement sums the passes gathered, when the engine has them summed there).
 */
package org.tea.equilibrium;
