package org.tea.equilibrium;

/** What a game's next pass result is read as; see {@link EquilibriumSolver}. */
enum Phase {
    /** The followers' response at the start prices, which gives the first {@code S} (MODEL 7.1). */
    INIT,
    /** The accepted prices under the current offers. */
    EVAL,
    /** A trial point of the line search. */
    TRIAL,
    /** Converged or given up: the game no longer takes part in passes. */
    DONE
}
