package org.tea.equilibrium;

/** How a game's equilibrium computation ended. */
public enum Status {
    /** Clearing within tolerance and sensitivities at their fixed point. */
    CONVERGED,
    /** {@code max_outer} outer iterations or {@code max_inner} passes in one clearing were used up. */
    MAX_ITERATIONS_REACHED,
    /** The line search could not make progress (numerical trouble); never silent. */
    FAILED
}
