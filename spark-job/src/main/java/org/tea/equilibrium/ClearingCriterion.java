package org.tea.equilibrium;

/**
 * When a day's clearing is done (MODEL section 6): every hour's violation is at most
 * {@code relativeTolerance * max(D_t, 1)} (kWh).
 */
public record ClearingCriterion(double relativeTolerance) implements java.io.Serializable {

    public ClearingCriterion {
        if (!(relativeTolerance > 0) || !Double.isFinite(relativeTolerance)) {
            throw new IllegalArgumentException("clearing tolerance = " + relativeTolerance + ", expected > 0");
        }
    }

    /** The violation an hour with demand {@code demand} may keep. */
    public double limit(double demand) {
        return relativeTolerance * Math.max(demand, 1.0);
    }

    /** The violation relative to its limit: <= 1 means cleared. */
    public double ratio(double violation, double demand) {
        return violation / limit(demand);
    }
}
