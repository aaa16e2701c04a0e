package org.tea.io.synth;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * A synthetic day-ahead wholesale price per hour of the year (MODEL section 10: "daily and seasonal shape and a
 * midday dip that deepens with solar output"), in currency per kWh:
 * <pre>
 *   price = k * ( season(d) * daily(h) + COOLING * cdd(d) * afternoon(h) - DIP * solar(d, h) + noise )
 * </pre>
 * <ul>
 * <li>{@code daily}: a night base with a morning (~8h) and a higher evening (~18-19h) peak;</li>
 * <li>{@code season}: 1 plus a share per heating degree of {@link LoadShapes#temperature} (winter demand), minus a
 * late-spring dip (hydro run-off from snowmelt), and an afternoon air-conditioning bump per cooling degree (summer
 * demand);</li>
 * <li>{@code solar}: the region's solar output, clear-sky times the day's mean clear-sky index of a regional
 * weather history: sunny days dip deeper at midday. Spring middays, with sun but neither heating nor cooling
 * demand, are the cheapest hours and a few of them go negative, as in markets with much solar;</li>
 * <li>{@code noise}: AR(1), standard deviation a tenth of the shape's mean level;</li>
 * <li>{@code k}: the scale that makes the annual mean exactly {@code mean} (multiplicative, so the sign of every
 * hour stays).</li>
 * </ul>
 * The price is the same in every scenario (MODEL section 10: only renewables change): the regional weather is one
 * fixed history drawn from its own stream of the study seed, not the local clear-sky index of a scenario.
 */
public final class WholesalePrices {
    /** Default annual mean, currency per kWh. */
    public static final double DEFAULT_MEAN = 0.04;

    private static final double HEATING_SHARE = 0.012;
    private static final double COOLING = 0.08;
    /** Price drop, in units of the mean, at a regional solar capacity factor of 1. */
    private static final double DIP = 0.85;
    /** Spring run-off: hydro plants must run on snowmelt, which cheapens every hour of late spring. */
    private static final double FRESHET = 0.10;
    private static final int FRESHET_PEAK_DAY = 130;
    private static final double FRESHET_WIDTH_DAYS = 30;
    private static final double NOISE = 0.10;
    private static final double NOISE_CORRELATION = 0.6;

    private WholesalePrices() {
    }

    /** The study's wholesale prices: a function of (year, latitude, seed, mean), never of the scenario. */
    public static double[] generate(int year, double latitude, long seed, double mean) {
        return fromSolar(year, latitude, regionalSolar(year, latitude, seed), seed, mean);
    }

    /**
     * The region's solar capacity factor behind the midday dip: clear-sky output times the daily mean of a
     * clear-sky index drawn from the stream "wholesale-weather" of the seed (a whole market region averages out
     * hourly cloud noise, not the day's weather).
     */
    public static double[] regionalSolar(int year, double latitude, long seed) {
        double[] clear = SolarGeometry.clearSky(year, latitude);
        double[] index = ClearnessIndex.draw(Seeds.stream(seed, "wholesale-weather"), 0, year, latitude).hourly();
        double[] solar = new double[clear.length];
        for (int d = 0; d < clear.length / Hours.T; d++) {
            double dayMean = 0;
            for (int h = 0; h < Hours.T; h++) {
                dayMean += index[d * Hours.T + h] / Hours.T;
            }
            for (int h = 0; h < Hours.T; h++) {
                solar[d * Hours.T + h] = clear[d * Hours.T + h] * dayMean;
            }
        }
        return solar;
    }

    /** Prices given the region's solar capacity factor per hour ({@code solar}, in [0, 1]). */
    public static double[] fromSolar(int year, double latitude, double[] solar, long seed, double mean) {
        if (!(mean > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("wholesale mean = " + mean + ", expected a finite number > 0");
        }
        int hours = StudySeries.hoursInYear(year);
        if (solar.length != hours) {
            throw new IllegalArgumentException("solar has " + solar.length + " hours, expected " + hours);
        }
        int days = hours / Hours.T;
        NormalDistribution unit = new NormalDistribution(
                Seeds.series(Seeds.of(Seeds.stream(seed, "wholesale"), 0, 0, 0)), 0, 1);
        double innovation = Math.sqrt(1 - NOISE_CORRELATION * NOISE_CORRELATION);
        double[] price = new double[hours];
        double x = unit.sample();
        double total = 0;
        for (int d = 1; d <= days; d++) {
            double temperature = LoadShapes.temperature(d, days, latitude);
            double springDay = latitude < 0 ? FRESHET_PEAK_DAY + days / 2.0 : FRESHET_PEAK_DAY;
            double season = 1 + HEATING_SHARE * Math.max(0, 15.5 - temperature)
                    - FRESHET * Math.exp(-0.5 * Math.pow(dayDistance(d, springDay, days) / FRESHET_WIDTH_DAYS, 2));
            double cooling = COOLING * Math.max(0, temperature - 18.0);
            for (int h = 0; h < Hours.T; h++) {
                int i = (d - 1) * Hours.T + h;
                x = NOISE_CORRELATION * x + innovation * unit.sample();
                double shape = season * daily(h) + cooling * Math.exp(-0.5 * Math.pow((h - 16) / 4.0, 2))
                        - DIP * solar[i];
                price[i] = shape + NOISE * x;
                total += price[i];
            }
        }
        double k = mean / (total / hours);
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("wholesale: the shape has a non-positive mean; is solar in [0, 1]?");
        }
        for (int i = 0; i < hours; i++) {
            price[i] *= k;
        }
        return price;
    }

    /** Distance in days between day {@code d} and {@code centre} around the year's circle. */
    private static double dayDistance(int d, double centre, int days) {
        double x = Math.abs(d - centre) % days;
        return Math.min(x, days - x);
    }

    /** Daily shape in units of the mean: night base, morning peak at 8h, evening peak at 18-19h. */
    static double daily(int hour) {
        return 0.8 + 0.35 * Math.exp(-0.5 * Math.pow((hour - 8) / 1.5, 2))
                + 0.5 * Math.exp(-0.5 * Math.pow((hour - 18.5) / 2.0, 2));
    }
}
