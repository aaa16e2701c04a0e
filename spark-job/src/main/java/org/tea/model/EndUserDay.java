package org.tea.model;

/**
 * One end-user's problem for one day (MODEL section 4): marginal utility of the first kWh {@code alpha[t] > 0},
 * curvature {@code beta > 0}, hourly bounds {@code 0 <= dmin[t] <= dmax[t]} and daily energy bounds
 * {@code emin <= emax} that some hourly profile can meet.
 *
 * <p>Arrays are copied in and out, so a record is immutable. Hot paths do not allocate records; they
 * work on the primitive arrays of {@link org.tea.engine.EndUserBlock}s.
 */
public record EndUserDay(String id, double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax) {

    public EndUserDay {
        alpha = Checks.hourly(id, "alpha", alpha);
        dmin = Checks.hourly(id, "dmin", dmin);
        dmax = Checks.hourly(id, "dmax", dmax);
        Checks.positive(id, "beta", beta);
        Checks.finite(id, "emin", emin);
        Checks.finite(id, "emax", emax);
        String problem = feasibility(alpha, beta, dmin, dmax, emin, emax);
        if (problem != null) {
            throw new IllegalArgumentException(id + ": " + problem);
        }
    }

    /**
     * Why the parameters are not a valid follower problem, or {@code null} when they are. Shared by the
     * record constructor and by the blocks that calibrate users on the fly, so both apply one rule.
     */
    public static String feasibility(double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            return "beta = " + beta + ", expected a finite number > 0";
        }
        double sumMin = 0;
        double sumMax = 0;
        for (int t = 0; t < Hours.T; t++) {
            if (!(alpha[t] > 0) || !Double.isFinite(alpha[t])) {
                return "alpha[" + t + "] = " + alpha[t] + ", expected a finite number > 0";
            }
            if (!(dmin[t] >= 0)) {
                return "dmin[" + t + "] = " + dmin[t] + ", expected >= 0";
            }
            if (!(dmin[t] <= dmax[t]) || !Double.isFinite(dmax[t])) {
                return "dmax[" + t + "] = " + dmax[t] + ", expected a finite number >= dmin[" + t + "] = " + dmin[t];
            }
            sumMin += dmin[t];
            sumMax += dmax[t];
        }
        if (!(emin <= emax)) {
            return "emin = " + emin + " > emax = " + emax + ", expected emin <= emax";
        }
        // a relative slack of a few ulps: calibrated users with zero flexibility meet their bounds exactly
        double slack = 1e-12 * Math.max(1.0, Math.max(sumMax, Math.abs(emax)));
        if (sumMin > emax + slack) {
            return "sum of dmin = " + sumMin + " exceeds emax = " + emax + ": the daily energy bounds cannot be met";
        }
        if (sumMax < emin - slack) {
            return "sum of dmax = " + sumMax + " is below emin = " + emin + ": the daily energy bounds cannot be met";
        }
        return null;
    }

    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    public double[] dmin() {
        return dmin.clone();
    }

    @Override
    public double[] dmax() {
        return dmax.clone();
    }
}
