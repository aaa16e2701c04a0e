package org.tea.equilibrium;

/**
 * One game's outcome and its certificate (MODEL section 7): inner passes, outer iterations, the largest
 * clearing violation (kWh), the last relative change of {@code S}, the largest best-response gap (kWh).
 */
public record DayResult(int game, Status status, int outerIterations, int innerPasses, double maxClearingViolation,
        double maxSensitivityChange, double maxBestResponseGap) implements java.io.Serializable {

    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
