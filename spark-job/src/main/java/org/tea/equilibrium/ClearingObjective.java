package org.tea.equilibrium;

import org.tea.engine.PassAggregates;
import org.tea.model.Hours;

/**
 * The clearing objective {@code Phi} of MODEL section 6 for one game, from one pass's sums. Its gradient must be
 * {@code A_t - D_t} with {@code D_t = sum_j d_jt + W_t}: the prosumers' deficit {@code W_t} is bought at the
 * retail price like the end-users' demand, so it enters as {@code -lambda_t W_t} (the end-users' dual value
 * {@code phi_j} falls by {@code d_jt} per unit of price in the same way). MODEL section 6 prints {@code +lambda_t
 * W_t}, whose gradient would be {@code A_t - D_t + 2 W_t}: the line search then rejected good steps where the
 * offer curve bends.
 */
final class ClearingObjective {
    private ClearingObjective() {
    }

    /** {@code Phi} of slot {@code k} of {@code agg}, evaluated at {@code point} (slot-major, 24 prices a slot). */
    static double value(double[] agg, int k, double[] point) {
        double phi = agg[PassAggregates.daily(k, PassAggregates.PHI)];
        for (int t = 0; t < Hours.T; t++) {
            phi += agg[PassAggregates.hourly(k, PassAggregates.OFFER_INTEGRAL, t)]
                    - point[k * Hours.T + t] * agg[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)];
        }
        return phi;
    }
}
