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

    /**
     * How far an hour is from balancing money (MODEL 9), relative to what it may keep: inside the price box the
     * market must not import, since an import {@code M = max(D - U, 0)} left by an inexact clearing at
     * {@code lambda < pi_b} is paid {@code pi_b} but charged only {@code lambda}. It may keep
     * {@link #BUDGET} of the hour's money flow {@code |lambda| D + |pi_b| M}, and a rounding residue of the
     * quantities ({@code 1e-12 D}); <= 1 means balanced.
     */
    public double budgetRatio(double lambda, double importPrice, double demand, double surplusTotal) {
        double imported = Math.max(demand - surplusTotal, 0.0);
        if (!(lambda < importPrice) || imported == 0) {
            return 0.0;
        }
        double gap = (importPrice - lambda) * imported;
        double limit = BUDGET * (Math.abs(lambda) * demand + Math.abs(importPrice) * imported)
                + (importPrice - lambda) * 1e-12 * Math.max(demand, 1.0);
        return gap / limit;
    }

    /** Share of an hour's money flow that an inexact clearing may leave unbalanced; the run checks 1e-9. */
    public static final double BUDGET = 1e-10;

    /** The violation relative to its limit: <= 1 means cleared. */
    public double ratio(double violation, double demand) {
        return violation / limit(demand);
    }
}
