package org.tea.io.synth;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Counter-based noise (MODEL section 10): a draw that is a pure function of its coordinates (named stream,
 * scenario, entity id hash, day), recomputed wherever it is used, so nothing per entity-day is stored and no
 * generator is made. The coordinates hash to a uniform ({@link Seeds#of}, {@link Seeds#uniform}) that goes
 * through the standard normal's quantile function.
 */
public final class CounterNoise {
    /** The standard normal, for its quantile function only (stateless, so shared by all threads): no generator. */
    private static final NormalDistribution UNIT_NORMAL = new NormalDistribution(null, 0, 1);

    private CounterNoise() {
    }

    /** The standard normal draw at these coordinates. */
    public static double normal(long stream, int scenario, long idHash, int day) {
        return UNIT_NORMAL.inverseCumulativeProbability(Seeds.uniform(Seeds.of(stream, scenario, idHash, day)));
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
}
