package org.tea.io.synth;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * Small-wind capacity factor per hour of the year. Hub-height wind speed is Weibull distributed at every hour
 * and autocorrelated through a Gaussian copula: a unit AR(1) process {@code x} (lag-one correlation
 * {@code hourlyCorrelation}) becomes a speed by {@code v = F^-1(Phi(x))}, F the Weibull distribution of that hour
 * (scale slightly larger in winter and in the afternoon). The turbine's power curve: nothing below
 * {@code cutIn}, a cubic rise to rated power at {@code rated}, rated power up to {@code cutOut}, then stopped.
 *
 * @param shape Weibull shape k (2: the Rayleigh distribution typical of inland sites)
 * @param meanSpeed annual mean wind speed at hub height, m/s
 * @param cutIn speed below which the turbine does not turn, m/s
 * @param rated speed from which it gives rated power, m/s
 * @param cutOut speed from which it stops to protect itself, m/s
 * @param hourlyCorrelation lag-one correlation of the Gaussian process, in [0, 1)
 */
public record WindModel(double shape, double meanSpeed, double cutIn, double rated, double cutOut,
        double hourlyCorrelation) {

    /** A small turbine (a few kW, ~20 m hub) at a modest inland site: annual capacity factor about 0.15. */
    public static final WindModel DEFAULT = new WindModel(2.0, 5.0, 3.0, 11.0, 25.0, 0.9);

    /** Relative amplitude of the seasonal (windier winter) and diurnal (windier afternoon) scale variation. */
    private static final double SEASONAL = 0.15;
    private static final double DIURNAL = 0.10;

    public WindModel {
        if (!(shape > 0) || !(meanSpeed > 0) || !Double.isFinite(shape) || !Double.isFinite(meanSpeed)) {
            throw new IllegalArgumentException("wind: shape and mean speed must be finite and > 0");
        }
        if (!(0 <= cutIn && cutIn < rated && rated < cutOut && Double.isFinite(cutOut))) {
            throw new IllegalArgumentException("wind: expected 0 <= cut-in < rated < cut-out, got " + cutIn + ", "
                    + rated + ", " + cutOut);
        }
        if (!(hourlyCorrelation >= 0 && hourlyCorrelation < 1)) {
            throw new IllegalArgumentException("wind: hourly correlation = " + hourlyCorrelation
                    + ", expected in [0, 1)");
        }
    }

    /** Capacity factor in [0, 1] per hour of {@code year}, drawn from a generator seeded by (seed, scenario). */
    public double[] capacityFactor(long seed, int scenario, int year, double latitude) {
        SolarGeometry.checkLatitude(latitude);
        RandomGenerator rng = Seeds.series(Seeds.of(Seeds.stream(seed, "wind"), scenario, 0, 0));
        NormalDistribution unit = new NormalDistribution(rng, 0, 1);
        // unit scale: the scale family lets each hour stretch one distribution instead of building its own
        WeibullDistribution weibull = new WeibullDistribution(rng, shape, 1.0);
        double scale = meanSpeed / Gamma.gamma(1 + 1 / shape);
        int hours = StudySeries.hoursInYear(year);
        int days = hours / Hours.T;
        double winterSign = latitude < 0 ? -1 : 1;
        double innovation = Math.sqrt(1 - hourlyCorrelation * hourlyCorrelation);
        double[] cf = new double[hours];
        double x = unit.sample();
        for (int h = 0; h < hours; h++) {
            x = hourlyCorrelation * x + innovation * unit.sample();
            int day = h / Hours.T + 1;
            int hour = h % Hours.T;
            double s = scale * (1 + winterSign * SEASONAL * Math.cos(2 * Math.PI * (day - 1) / days))
                    * (1 + DIURNAL * Math.cos(2 * Math.PI * (hour - 15) / Hours.T));
            // keep the probability off 0 and 1, where the quantile function is infinite
            double u = Math.max(1e-12, Math.min(1 - 1e-12, unit.cumulativeProbability(x)));
            cf[h] = power(s * weibull.inverseCumulativeProbability(u));
        }
        return cf;
    }

    /** Output as a fraction of rated power at wind speed {@code v} (m/s). */
    public double power(double v) {
        if (v < cutIn || v >= cutOut) {
            return 0;
        }
        if (v >= rated) {
            return 1;
        }
        double c3 = cutIn * cutIn * cutIn;
        return (v * v * v - c3) / (rated * rated * rated - c3);
    }
}
