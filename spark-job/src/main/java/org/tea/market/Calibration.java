package org.tea.market;

import org.tea.model.Hours;

/**
 * Turns a reference load into a follower problem (MODEL section 4): at the reference prices {@code p0} the
 * user consumes exactly its reference load.
 * <pre>
 *   beta = mean(p0) / (|eps| mean(ref)),  alpha_t = p0_t + beta ref_t,
 *   dmin_t = (1 - flex) ref_t,  dmax_t = ref_t + flex max(ref),  Emin/max = (1 -/+ e) sum(ref).
 * </pre>
 * MODEL writes a scalar {@code p0}; with a time-of-use tariff {@code p0_t} varies by hour and beta uses its
 * mean, which keeps the stated property (demand equals ref at the tariff) and the elasticity at the mean price.
 */
public final class Calibration {
    /** A day with no reference load gets this mean instead, so beta stays finite; its bounds pin demand to 0. */
    private static final double MIN_MEAN_LOAD = 1e-9;

    private Calibration() {
    }

    /**
     * Fills {@code alpha}, {@code dmin}, {@code dmax} and {@code energy[0] = Emin}, {@code energy[1] = Emax};
     * returns beta. Allocation-free.
     */
    public static double calibrate(double[] ref, double[] p0, double elasticity, double flexShare, double energyFlex,
            double[] alpha, double[] dmin, double[] dmax, double[] energy) {
        double total = 0;
        double peak = 0;
        for (int t = 0; t < Hours.T; t++) {
            total += ref[t];
            peak = Math.max(peak, ref[t]);
        }
        return fromSums(ref, total, peak, p0, meanPrice(p0), elasticity, flexShare, energyFlex, alpha, dmin, dmax,
                energy);
    }

    /** {@code mean(p0)}, as {@link #calibrate} takes it: a caller with one tariff for many users computes it once. */
    public static double meanPrice(double[] p0) {
        double p0Sum = 0;
        for (int t = 0; t < Hours.T; t++) {
            p0Sum += p0[t];
        }
        return p0Sum / Hours.T;
    }

    /**
     * As {@link #calibrate}, given what it sums first: {@code total = sum_t ref_t} and {@code peak = max_t ref_t}
     * (both accumulated from 0 in hour order, so the results are those of {@link #calibrate} bit for bit) and
     * {@code p0Mean = }{@link #meanPrice}{@code (p0)}; saves a loop over the hours for a caller that makes the
     * reference load itself.
     */
    public static double fromSums(double[] ref, double total, double peak, double[] p0, double p0Mean,
            double elasticity, double flexShare, double energyFlex, double[] alpha, double[] dmin, double[] dmax,
            double[] energy) {
        double mean = Math.max(total / Hours.T, MIN_MEAN_LOAD);
        double beta = p0Mean / (Math.abs(elasticity) * mean);
        double headroom = flexShare * peak;
        for (int t = 0; t < Hours.T; t++) {
            alpha[t] = p0[t] + beta * ref[t];
            dmin[t] = (1.0 - flexShare) * ref[t];
            dmax[t] = ref[t] + headroom;
        }
        energy[0] = (1.0 - energyFlex) * total;
        energy[1] = (1.0 + energyFlex) * total;
        return beta;
    }
}
