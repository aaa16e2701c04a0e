package org.tea.equilibrium;

/**
 * When the leaders' update has reached its fixed point (MODEL section 7):
 * {@code max_t |S_new - S_old| / max(S_old, tiny) <= relativeTolerance}.
 */
public record SensitivityCriterion(double relativeTolerance, double tiny) implements java.io.Serializable {

    /** {@code tiny} in kWh per (currency/kWh): below it a sensitivity counts as zero. */
    public static final double DEFAULT_TINY = 1e-9;

    public SensitivityCriterion {
        if (!(relativeTolerance > 0) || !Double.isFinite(relativeTolerance)) {
            throw new IllegalArgumentException("outer tolerance = " + relativeTolerance + ", expected > 0");
        }
        if (!(tiny > 0)) {
            throw new IllegalArgumentException("tiny = " + tiny + ", expected > 0");
        }
    }

    public SensitivityCriterion(double relativeTolerance) {
        this(relativeTolerance, DEFAULT_TINY);
    }

    /** Largest relative change over {@code [from, from + n)}. */
    public double change(double[] oldS, double[] newS, int from, int n) {
        double max = 0;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, Math.abs(newS[i] - oldS[i]) / Math.max(oldS[i], tiny));
        }
        return max;
    }

    public boolean converged(double change) {
        return change <= relativeTolerance;
    }
}
