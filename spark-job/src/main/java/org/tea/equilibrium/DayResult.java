package org.tea.equilibrium;

/**
 * One game's outcome and its certificate (MODEL section 7): inner passes, outer iterations, the largest
 * clearing violation (kWh), the largest relative change of {@code S} a plain update would make
 * ({@code |s(lambda) - S| / S}), the largest relative distance of {@code S} from the one-sided sensitivities
 * {@code [S^-, S^+]} (0 inside: the set-valued fixed point), the largest best-response gap (kWh). The change and
 * the gap are NaN for a game that never cleared. And the largest violation of a storage unit's optimality
 * conditions at the final prices (kWh, MODEL section 12; 0 without storage).
 */
public record DayResult(int game, Status status, int outerIterations, int innerPasses, double maxClearingViolation,
        double maxSensitivityChange, double maxSensitivityBracketGap, double maxBestResponseGap, double maxStorageKkt)
        implements java.io.Serializable {

    /** A day without storage. */
    public DayResult(int game, Status status, int outerIterations, int innerPasses, double maxClearingViolation,
            double maxSensitivityChange, double maxSensitivityBracketGap, double maxBestResponseGap) {
        this(game, status, outerIterations, innerPasses, maxClearingViolation, maxSensitivityChange,
                maxSensitivityBracketGap, maxBestResponseGap, 0.0);
    }

    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
