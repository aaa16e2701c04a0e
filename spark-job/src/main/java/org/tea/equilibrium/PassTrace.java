package org.tea.equilibrium;

/**
 * One row per pass of the driver loop: which step it was, how many games were active and already done,
 * the largest clearing violation relative to its tolerance among the games evaluated, and the wall time.
 */
public record PassTrace(int pass, String step, int activeGames, int doneGames, double maxViolationRatio,
        double maxViolation, long millis) implements java.io.Serializable {
}
