package org.tea.equilibrium;

/** Told after every pass; the CLI prints a progress line from it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (trace, totalGames) -> {
    };

    void passDone(PassTrace trace, int totalGames);
}
