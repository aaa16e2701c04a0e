package org.tea.market;

import java.util.Arrays;
import org.tea.model.Behaviour;

/**
 * The aggregated offer of one hour (MODEL section 5) over a set of prosumers, from their sorted surpluses
 * {@code u_(1) <= ... <= u_(N)} and prefix sums, each evaluation in O(log N). With {@code y = lambda - pi_s}
 * and {@code x = S y}:
 * <pre>
 *   strategic:   A = sum_{u <= x} u + x #{u > x},   dA/dlambda = S #{u > x},
 *                G = integral_{pi_s}^{lambda} A = sum_{u <= x} (u y - u^2 / (2 S)) + #{u > x} S y^2 / 2;
 *   competitive: A = U on the whole box [pi_s, pi_b],  dA/dlambda = 0,  G = U y.
 * </pre>
 * At {@code lambda = pi_b} the strategic value is the left limit {@code A(pi_b-)}; the vertical part above it is
 * settled pro rata (see {@link Settlement}). Sums over disjoint sets of prosumers add, so curves of different
 * partitions combine by summing their evaluations.
 */
public final class OfferCurve implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final OfferCurve EMPTY = new OfferCurve(new double[0]);

    private final double[] sorted;
    private final double[] prefix;      // prefix[k] = sum of the k smallest
    private final double[] prefixSq;    // prefixSq[k] = sum of their squares

    private OfferCurve(double[] sortedSurplus) {
        this.sorted = sortedSurplus;
        this.prefix = new double[sorted.length + 1];
        this.prefixSq = new double[sorted.length + 1];
        for (int k = 0; k < sorted.length; k++) {
            prefix[k + 1] = prefix[k] + sorted[k];
            prefixSq[k + 1] = prefixSq[k] + sorted[k] * sorted[k];
        }
    }

    /** A curve over the given surpluses (kWh, each >= 0); zero surpluses are dropped, they offer nothing. */
    public static OfferCurve of(double[] surplus, int from, int to) {
        int n = 0;
        double[] copy = new double[to - from];
        for (int k = from; k < to; k++) {
            double u = surplus[k];
            if (!(u >= 0) || Double.isInfinite(u)) {
                throw new IllegalArgumentException("surplus = " + u + ", expected a finite number >= 0");
            }
            if (u > 0) {
                copy[n++] = u;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        double[] s = Arrays.copyOf(copy, n);
        Arrays.sort(s);
        return new OfferCurve(s);
    }

    public static OfferCurve of(double... surplus) {
        return of(surplus, 0, surplus.length);
    }

    /** {@code U = sum_i u_i}. */
    public double total() {
        return prefix[sorted.length];
    }

    public int size() {
        return sorted.length;
    }

    /** Number of surpluses {@code <= x}. */
    private int countAtMost(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code A(lambda)} on the box; the strategic value at {@code pi_b} is the left limit. */
    public double offered(Behaviour behaviour, double lambda, double piS, double sensitivity) {
        if (behaviour == Behaviour.COMPETITIVE) {
            return lambda >= piS ? total() : 0.0;
        }
        double x = sensitivity * (lambda - piS);
        if (!(x > 0)) {
            return 0.0;
        }
        int k = countAtMost(x);
        return prefix[k] + x * (sorted.length - k);
    }

    /** {@code dA/dlambda} on the open box (0 where the curve is vertical or flat). */
    public double slope(Behaviour behaviour, double lambda, double piS, double sensitivity) {
        if (behaviour == Behaviour.COMPETITIVE) {
            return 0.0;
        }
        double x = sensitivity * (lambda - piS);
        if (!(x >= 0) || sensitivity <= 0) {
            return 0.0;
        }
        return sensitivity * (sorted.length - countAtMost(x));
    }

    /**
     * {@code dA/dS}: how the offer at {@code lambda} grows with the published sensitivity, {@code (lambda - pi_s)}
     * per unsaturated prosumer (0 for price takers, whose offer does not depend on S).
     */
    public double growth(Behaviour behaviour, double lambda, double piS, double sensitivity) {
        double y = lambda - piS;
        if (behaviour == Behaviour.COMPETITIVE || !(y > 0)) {
            return 0.0;
        }
        return y * (sorted.length - countAtMost(sensitivity * y));
    }

    /** {@code G(lambda) = integral from pi_s to lambda of A}: the offers' part of the clearing objective. */
    public double integral(Behaviour behaviour, double lambda, double piS, double sensitivity) {
        double y = lambda - piS;
        if (!(y > 0)) {
            return 0.0;
        }
        if (behaviour == Behaviour.COMPETITIVE) {
            return total() * y;
        }
        if (sensitivity <= 0) {
            return 0.0;
        }
        double x = sensitivity * y;
        int k = countAtMost(x);
        return prefix[k] * y - prefixSq[k] / (2 * sensitivity) + (sorted.length - k) * sensitivity * y * y / 2;
    }
}
