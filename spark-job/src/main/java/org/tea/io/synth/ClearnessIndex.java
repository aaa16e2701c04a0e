package org.tea.io.synth;

import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * A stochastic clear-sky index per hour of the year: the ratio of actual to clear-sky PV output, in [0, 1]
 * (MODEL section 10: "seasonal daily weather state plus hourly autocorrelated noise, correlated across prosumers
 * through a common factor"). PV capacity factor = {@link SolarGeometry#clearSky} times this index.
 * <ul>
 * <li>Daily sky state: a Markov chain of {@link Sky clear, partly cloudy and overcast} days. Tomorrow repeats today
 * with probability {@value #PERSISTENCE}, else is drawn from the season's weather mix, which slides with a cosine
 * from a cloudy winter to a sunny summer (seasons flip south of the equator). So the transition probabilities vary
 * by season and the stationary mix of each season is the one given below.</li>
 * <li>Hourly: the state's mean plus its spread times a unit AR(1) process (lag-one correlation
 * {@value #HOURLY_CORRELATION}, continuous across midnight), clipped to [0, 1].</li>
 * </ul>
 * One draw per (seed, scenario) is the common factor shared by all prosumers of a scenario, which is what
 * correlates them; {@link #prosumerFactor} adds the small idiosyncratic part. The defaults give an annual PV
 * capacity factor of about 0.15 at 44 N, typical of southern Ontario or northern Italy.
 */
public final class ClearnessIndex {
    /** The weather of a day. */
    public enum Sky {
        CLEAR(0.97, 0.04), PARTLY_CLOUDY(0.62, 0.18), OVERCAST(0.25, 0.10);

        /** Mean and standard deviation of the hourly clear-sky index on such a day. */
        final double mean;
        final double spread;

        Sky(double mean, double spread) {
            this.mean = mean;
            this.spread = spread;
        }
    }

    /** Probability that tomorrow's sky repeats today's: day-to-day persistence of weather. */
    static final double PERSISTENCE = 0.5;
    static final double HOURLY_CORRELATION = 0.8;
    /** Weather mix of mid-winter and mid-summer (clear, partly cloudy, overcast), at mid-latitudes. */
    private static final double[] WINTER = {0.25, 0.35, 0.40};
    private static final double[] SUMMER = {0.50, 0.35, 0.15};
    private static final int[] STATES = {0, 1, 2};

    private final Sky[] days;
    private final double[] hourly;

    private ClearnessIndex(Sky[] days, double[] hourly) {
        this.days = days;
        this.hourly = hourly;
    }

    /** The common clear-sky index of scenario {@code scenario}: a function of (seed, scenario, year, hemisphere). */
    public static ClearnessIndex draw(long seed, int scenario, int year, double latitude) {
        SolarGeometry.checkLatitude(latitude);
        RandomGenerator rng = Seeds.series(Seeds.of(Seeds.stream(seed, "clearness"), scenario, 0, 0));
        NormalDistribution unit = new NormalDistribution(rng, 0, 1);
        int hours = StudySeries.hoursInYear(year);
        int n = hours / Hours.T;
        Sky[] sky = new Sky[n];
        double[] index = new double[hours];
        double innovation = Math.sqrt(1 - HOURLY_CORRELATION * HOURLY_CORRELATION);
        double x = unit.sample();
        int state = new EnumeratedIntegerDistribution(rng, STATES, mix(1, n, latitude)).sample();
        for (int d = 1; d <= n; d++) {
            if (d > 1) {
                state = new EnumeratedIntegerDistribution(rng, STATES, transition(state, d, n, latitude)).sample();
            }
            Sky s = Sky.values()[state];
            sky[d - 1] = s;
            for (int h = 0; h < Hours.T; h++) {
                x = HOURLY_CORRELATION * x + innovation * unit.sample();
                index[(d - 1) * Hours.T + h] = Math.max(0.0, Math.min(1.0, s.mean + s.spread * x));
            }
        }
        return new ClearnessIndex(sky, index);
    }

    /** The hourly index in [0, 1], indexed by hour of year (a copy). */
    public double[] hourly() {
        return hourly.clone();
    }

    /** The sky state of day {@code day} (1-based). */
    public Sky sky(int day) {
        return days[day - 1];
    }

    /**
     * A prosumer's idiosyncratic daily multiplier of its PV output (local shading, soiling, a passing cloud):
     * lognormal with mean 1 and log-standard-deviation {@code sigma} (1 when sigma is 0), a pure function of
     * (seed, scenario, prosumer id, day), so executors can recompute it per prosumer-day in any order and
     * partitioning. Apply it with {@link #apply} so the capacity factor stays in [0, 1].
     */
    public static double prosumerFactor(long seed, int scenario, String prosumerId, int day, double sigma) {
        checkSigma(sigma);
        return prosumerFactor(prosumerStream(seed), scenario, Seeds.id(prosumerId), day, sigma);
    }

    /** The named stream of {@link #prosumerFactor}: compute it once per study. */
    public static long prosumerStream(long seed) {
        return Seeds.stream(seed, "clearness-prosumer");
    }

    /**
     * {@link #prosumerFactor(long, int, String, int, double)} from the study's {@link #prosumerStream} and the
     * prosumer's {@link Seeds#id} hash, as a pass evaluates it per prosumer-day: counter-based, without a generator
     * or any allocation. The coordinates hash to a uniform {@code p} ({@link Seeds#uniform}) and the factor is
     * {@code exp(sigma z - sigma^2 / 2)} with {@code z} the standard normal quantile of {@code p}, which makes its
     * mean exactly 1. {@code sigma} must be finite and {@code >= 0} (checked by the String form, not here).
     */
    public static double prosumerFactor(long stream, int scenario, long idHash, int day, double sigma) {
        return CounterNoise.lognormal(stream, scenario, idHash, day, sigma);
    }

    /** Rejects a log-standard-deviation that is negative or not finite. */
    public static double checkSigma(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ", expected a finite number >= 0");
        }
        return sigma;
    }

    /** A capacity factor times a prosumer's factor, clipped to [0, 1]. */
    public static double apply(double capacityFactor, double factor) {
        return Math.max(0.0, Math.min(1.0, capacityFactor * factor));
    }

    /** Next-day probabilities from state {@code from} on day {@code day}: persistence plus the season's mix. */
    static double[] transition(int from, int day, int days, double latitude) {
        double[] p = mix(day, days, latitude);
        for (int j = 0; j < p.length; j++) {
            p[j] = (1 - PERSISTENCE) * p[j] + (j == from ? PERSISTENCE : 0);
        }
        return p;
    }

    /** The season's weather mix: winter around New Year in the north, around midsummer's day in the south. */
    static double[] mix(int day, int days, double latitude) {
        double summer = (1 - Math.cos(2 * Math.PI * (day - 1) / days)) / 2;
        if (latitude < 0) {
            summer = 1 - summer;
        }
        double[] p = new double[3];
        for (int j = 0; j < 3; j++) {
            p[j] = (1 - summer) * WINTER[j] + summer * SUMMER[j];
        }
        return p;
    }
}
