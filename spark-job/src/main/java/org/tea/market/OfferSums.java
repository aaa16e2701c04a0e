package org.tea.market;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The aggregated offer of a day's 24 hours (MODEL section 5) at one price per hour, accumulated one prosumer at a
 * time: what a pass needs from a group of prosumers, without sorting or storing their surpluses. Start a day with
 * its prices and sensitivities, {@link #add} each prosumer's generation and load (self-use first:
 * {@code u = max(r - l, 0)}, {@code w = max(l - r, 0)}), then read the hour's sums. With {@code y = lambda - pi_s}
 * and {@code x = S y}, a prosumer offers {@code min(u, x)}: all its surplus when {@code u <= x} (saturated), else
 * {@code x}, which still rises with the price and with S. Per hour this keeps {@code U = sum u}, {@code W = sum w},
 * the number {@code n} of prosumers with {@code u > x} and the sum and sum of squares of the saturated surpluses,
 * from which
 * <pre>
 *   strategic:   A = sum_{u <= x} u + x n,   dA/dlambda = S n,   dA/dS = y n,
 *                G = integral_{pi_s}^{lambda} A = sum_{u <= x} (u y - u^2 / (2 S)) + n S y^2 / 2;
 *   competitive: A = U for lambda >= pi_s (0 below),  dA/dlambda = 0,  dA/dS = 0,  G = U y.
 * </pre>
 * Below {@code pi_s} nothing is offered and nothing integrated. At {@code lambda = pi_b} the strategic value is the
 * left limit {@code A(pi_b-)}; the vertical part above it is settled pro rata (see {@link Settlement}). Zero
 * surpluses count nowhere. Sums over disjoint groups add, which is how blocks combine.
 *
 * <p>Per prosumer-hour: two comparisons, four additions and three multiplications, without branches; no allocation, so one
 * instance serves as scratch for every day a thread evaluates.
 */
public final class OfferSums {
    private static final int T = Hours.T;

    private final double[] excess = new double[T];     // y = lambda - pi_s
    private final double[] sens = new double[T];       // S
    private final double[] cap = new double[T];        // x = S y
    private final double[] threshold = new double[T];  // max(x, 0): a surplus above it is not saturated
    private final double[] total = new double[T];      // U
    private final double[] deficit = new double[T];    // W
    private final double[] saturated = new double[T];  // sum of u <= x
    private final double[] saturatedSq = new double[T];// sum of their squares
    private final double[] rising = new double[T];     // n = #{u > x}, counted in a double (exact below 2^53)

    /**
     * Starts a day: hour t is evaluated at {@code lambda[off + t]} with export price {@code exportPrice[off + t]}
     * and published sensitivity {@code sensitivity[off + t]}; all sums restart at zero.
     */
    public void start(double[] lambda, double[] exportPrice, double[] sensitivity, int off) {
        for (int t = 0; t < T; t++) {
            double y = lambda[off + t] - exportPrice[off + t];
            double s = sensitivity[off + t];
            excess[t] = y;
            sens[t] = s;
            cap[t] = s * y;
            threshold[t] = Math.max(cap[t], 0.0);
            total[t] = 0;
            deficit[t] = 0;
            saturated[t] = 0;
            saturatedSq[t] = 0;
            rising[t] = 0;
        }
    }

    /** Adds one prosumer's day: generation and load, kWh per hour. */
    public void add(double[] generation, double[] load) {
        for (int t = 0; t < T; t++) {
            add(t, generation[t], load[t]);
        }
    }

    /** Adds one prosumer's hour t: self-use first, then its surplus is offered and its deficit bought. */
    public void add(int t, double generation, double load) {
        if (!(Math.abs(generation) + Math.abs(load) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("generation = " + generation + ", load = " + load
                    + " in hour " + t + ", expected finite numbers");
        }
        double u = Math.max(generation - load, 0.0);
        deficit[t] += Math.max(load - generation, 0.0);
        // without branches (which surplus is saturated is data, not a pattern); a zero surplus counts as saturated
        // (threshold max(x, 0)) and adds zeros, which leaves every sum as it was
        double rises = u > threshold[t] ? 1.0 : 0.0;
        double all = u - rises * u;           // u when saturated, else 0
        total[t] += u;
        rising[t] += rises;
        saturated[t] += all;
        saturatedSq[t] += all * all;
    }

    /** {@code U_t = sum_i u_it}. */
    public double surplus(int t) {
        return total[t];
    }

    /** {@code W_t = sum_i w_it}. */
    public double deficit(int t) {
        return deficit[t];
    }

    /** {@code A_t(lambda_t)}; the strategic value at {@code pi_b} is the left limit. */
    public double offered(Behaviour behaviour, int t) {
        if (behaviour == Behaviour.COMPETITIVE) {
            return excess[t] >= 0 ? total[t] : 0.0;
        }
        double x = cap[t];
        return x > 0 ? saturated[t] + x * rising[t] : 0.0;
    }

    /** {@code dA_t/dlambda} on the open box (0 where the curve is vertical or flat). */
    public double slope(Behaviour behaviour, int t) {
        if (behaviour == Behaviour.COMPETITIVE || !(cap[t] >= 0) || sens[t] <= 0) {
            return 0.0;
        }
        return sens[t] * rising[t];
    }

    /**
     * {@code dA_t/dS_t}: how the offer at {@code lambda_t} grows with the published sensitivity,
     * {@code (lambda - pi_s)} per prosumer with {@code u > x} (0 for price takers, whose offer does not depend on S).
     */
    public double growth(Behaviour behaviour, int t) {
        double y = excess[t];
        if (behaviour == Behaviour.COMPETITIVE || !(y > 0)) {
            return 0.0;
        }
        return y * rising[t];
    }

    /** {@code G_t(lambda_t) = integral from pi_s to lambda_t of A_t}: the offers' part of the clearing objective. */
    public double integral(Behaviour behaviour, int t) {
        double y = excess[t];
        if (!(y > 0)) {
            return 0.0;
        }
        if (behaviour == Behaviour.COMPETITIVE) {
            return total[t] * y;
        }
        double s = sens[t];
        if (s <= 0) {
            return 0.0;
        }
        return saturated[t] * y - saturatedSq[t] / (2 * s) + rising[t] * s * y * y / 2;
    }
}
