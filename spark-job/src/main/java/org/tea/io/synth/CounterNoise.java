package org.tea.io.synth;

import org.apache.commons.math3.util.FastMath;

/**
 * Counter-based noise (MODEL section 10): a draw that is a pure function of its coordinates (named stream,
 * scenario, entity id hash, day), recomputed wherever it is used, so nothing per entity-day is stored and no
 * generator is made. The coordinates hash to a uniform ({@link Seeds#of}, {@link Seeds#uniform}) that goes
 * through the standard normal's quantile function ({@link #quantile}).
 */
public final class CounterNoise {
    private CounterNoise() {
    }

    /** The standard normal draw at these coordinates. */
    public static double normal(long stream, int scenario, long idHash, int day) {
        return quantile(Seeds.uniform(Seeds.of(stream, scenario, idHash, day)));
    }

    /**
     * A lognormal factor with mean exactly 1 and log-standard-deviation {@code sigma}: {@code exp(sigma z -
     * sigma^2 / 2)} with {@code z} the {@link #normal} at these coordinates; 1 when sigma is 0. {@code sigma}
     * must be finite and {@code >= 0} (callers check it once, not per draw).
     */
    public static double lognormal(long stream, int scenario, long idHash, int day, double sigma) {
        if (sigma == 0) {
            return 1.0;
        }
        return Math.exp(sigma * normal(stream, scenario, idHash, day) - sigma * sigma / 2);
    }

    /**
     * The standard normal quantile at {@code p} in (0, 1): Wichura's algorithm AS 241 (PPND16, Applied Statistics
     * 37, 1988), relative error about 1e-16. A pass recomputes a quantile per user-day, so it must be cheap: for
     * {@code |p - 1/2| <= 0.425} (85% of draws) it is one rational function, with no logarithm; commons-math's
     * {@code erfInv} takes a logarithm on every call and cost about twice as much. Pure arithmetic and
     * {@link FastMath#log} (pure Java), so the same bits on every JVM and platform.
     */
    public static double quantile(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = Math.sqrt(-FastMath.log(q < 0 ? p : 1.0 - p));
        double x;
        if (r == Double.POSITIVE_INFINITY) {
            x = r; // p = 0 or 1 (Seeds#uniform rounds its largest value to 1): the quantile's limit, as commons-math
        } else if (r <= 5.0) {
            r -= 1.6;
            x = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5.0;
            x = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -x : x;
    }
}
