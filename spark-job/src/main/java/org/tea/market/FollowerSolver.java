package org.tea.market;

import org.tea.model.Hours;

/**
 * The exact end-user problem of MODEL section 4:
 * <pre>
 *   maximise sum_t (alpha_t d_t - beta d_t^2 / 2 - lambda_t d_t)
 *   s.t. dmin_t <= d_t <= dmax_t,  emin <= sum_t d_t <= emax.
 * </pre>
 * The optimum is {@code d_t(mu) = clip((alpha_t - lambda_t + mu) / beta, dmin_t, dmax_t)} with one scalar
 * {@code mu}. {@code sum_t d_t(mu)} is non-decreasing and piecewise linear with at most 2T breakpoints, so
 * {@code mu} is found exactly: on the linear piece that holds the current point the root is one division
 * away, and if it stays on that piece (same active set) it is the answer. Two or three evaluations are
 * typical because {@code mu = 0} is usually on or next to the right piece; when a few such steps do not
 * settle it, the breakpoints are sorted and bisected, which always ends on the right piece.
 *
 * <p>One instance per thread: it keeps scratch space and the last solve's {@link #mu()}, {@link #freeCount()},
 * {@link #freeMask()} and {@link #energyBinding()}, and never allocates while solving.
 */
public final class FollowerSolver {
    private static final int T = Hours.T;
    private static final int FAST_STEPS = 4;

    private final double[] z = new double[T];
    private final double[] kinks = new double[2 * T];

    // state of the last evaluation of sum_t d_t(mu)
    private double sum;
    private double clipped;
    private double freeZ;
    private int low;
    private int high;
    private int free;

    // results of the last solve
    private double mu;
    private boolean binding;
    private long evaluations;

    /**
     * Solves one user-day at the prices {@code lambda[off .. off + T)} and writes the demand {@code d} and the
     * diagonal price sensitivity {@code s_t = -d d_t / d lambda_t} (MODEL section 4) into caller-owned arrays.
     *
     * @return the dual value {@code phi = max_d (utility - cost)}
     */
    public double solve(double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax,
            double[] lambda, int off, double[] d, double[] s) {
        for (int t = 0; t < T; t++) {
            z[t] = alpha[t] - lambda[off + t];
        }
        // Starting a fixed daily energy (emin = emax) at the root for all hours free saves the second evaluation
        // but did not measure faster in FollowerSolverBench (the extra sum costs what the evaluation saved)
        double m = 0;
        evaluate(0, beta, dmin, dmax);
        binding = !(sum >= emin && sum <= emax);
        if (binding) {
            m = findMu(sum < emin ? emin : emax, beta, dmin, dmax);
        }
        mu = m;
        double invBeta = 1.0 / beta;
        double sFree = binding ? (free > 0 ? invBeta * (1.0 - 1.0 / free) : 0.0) : invBeta;
        double phi = 0;
        for (int t = 0; t < T; t++) {
            double x = (z[t] + m) * invBeta;
            double dt;
            if (((low >>> t) & 1) != 0) {
                dt = dmin[t];
            } else if (((high >>> t) & 1) != 0) {
                dt = dmax[t];
            } else {
                dt = Math.min(Math.max(x, dmin[t]), dmax[t]); // a free hour, clipped against rounding
            }
            d[t] = dt;
            s[t] = (((low | high) >>> t) & 1) != 0 ? 0.0 : sFree;
            phi += (z[t] - 0.5 * beta * dt) * dt;
        }
        return phi;
    }

    /**
     * The root of {@code sum_t d_t(mu) = target}. Fast path: a few interpolations on the current linear piece
     * (exact as soon as the result stays on its piece). Fallback, always exact: sort the 2T breakpoints,
     * bisect over them to the piece where the sum crosses the target, interpolate on that piece.
     */
    private double findMu(double target, double beta, double[] dmin, double[] dmax) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double m = 0;
        for (int step = 0; step < FAST_STEPS; step++) {
            double f = sum - target;
            if (f == 0) {
                return m;
            }
            if (f < 0) {
                lo = m;
            } else {
                hi = m;
            }
            if (free == 0) {
                break;
            }
            double next = (beta * (target - clipped) - freeZ) / free; // root of this linear piece
            if (next == m) {
                return m; // the piece's root is where we are: sum and target differ by rounding only
            }
            if (!(next > lo && next < hi)) {
                break;
            }
            int oldLow = low;
            int oldHigh = high;
            evaluate(next, beta, dmin, dmax);
            m = next;
            if (low == oldLow && high == oldHigh) {
                return m; // same active set: the linear formula was exact
            }
        }
        return byBreakpoints(target, beta, dmin, dmax);
    }

    private double byBreakpoints(double target, double beta, double[] dmin, double[] dmax) {
        for (int t = 0; t < T; t++) {
            kinks[2 * t] = beta * dmin[t] - z[t];
            kinks[2 * t + 1] = beta * dmax[t] - z[t];
        }
        java.util.Arrays.sort(kinks);
        // smallest breakpoint where the sum reaches the target (the sum is non-decreasing in mu)
        int a = 0;
        int b = kinks.length - 1;
        evaluate(kinks[b], beta, dmin, dmax);
        if (sum < target) {
            if (sum < target - roundingSlack(target)) {
                throw new ArithmeticException("follower solver: energy target " + target + " above sum of dmax");
            }
            return kinks[b]; // Emin = sum of dmax up to rounding (EndUserDay accepts it): every hour at dmax
        }
        while (a < b) {
            int mid = (a + b) >>> 1;
            evaluate(kinks[mid], beta, dmin, dmax);
            if (sum >= target) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        evaluate(kinks[a], beta, dmin, dmax);
        if (sum == target || a == 0) {
            if (sum > target + roundingSlack(target)) {
                throw new ArithmeticException("follower solver: energy target " + target + " below sum of dmin");
            }
            return kinks[a]; // Emax = sum of dmin up to rounding (EndUserDay accepts it): every hour at dmin
        }
        // the sum is linear between kinks[a - 1] and kinks[a]: take that piece's active set at the midpoint
        evaluate(0.5 * (kinks[a - 1] + kinks[a]), beta, dmin, dmax);
        double root = free > 0 ? (beta * (target - clipped) - freeZ) / free : kinks[a];
        root = Math.min(Math.max(root, kinks[a - 1]), kinks[a]);
        evaluate(root, beta, dmin, dmax);
        return root;
    }

    /** The few-ulp tolerance of {@link org.tea.model.EndUserDay#feasibility} between energy and hourly bounds. */
    private double roundingSlack(double target) {
        return 1e-12 * Math.max(1.0, Math.max(Math.abs(sum), Math.abs(target)));
    }

    /** {@code sum_t d_t(mu)} with its active set: hours at dmin ({@code low}), at dmax ({@code high}), free. */
    private void evaluate(double m, double beta, double[] dmin, double[] dmax) {
        evaluations++;
        double c = 0;
        double fz = 0;
        int lowMask = 0;
        int highMask = 0;
        int k = 0;
        for (int t = 0; t < T; t++) {
            double v = z[t] + m;
            if (v <= beta * dmin[t]) {
                c += dmin[t];
                lowMask |= 1 << t;
            } else if (v >= beta * dmax[t]) {
                c += dmax[t];
                highMask |= 1 << t;
            } else {
                fz += z[t];
                k++;
            }
        }
        clipped = c;
        freeZ = fz;
        low = lowMask;
        high = highMask;
        free = k;
        sum = c + (fz + k * m) / beta;
    }

    /**
     * How far the price of each hour alone can rise ({@code up[t]}) or fall ({@code down[t]}), all other prices
     * fixed, before this user's sensitivity in that hour changes (MODEL 7, "Fixed points at a kink"), from the
     * last solve; {@code +Infinity} where it never does. The sensitivity of hour t changes when hour t itself
     * meets or leaves a bound, when another hour does because the energy multiplier moves with the price of t
     * (at rate {@code 1/|F|} while an energy bound binds), or when an energy bound starts or stops binding.
     * Exact for the first such event: the solution is linear in the price until then.
     */
    public void kinkDistances(double beta, double[] dmin, double[] dmax, double emin, double emax, double[] up,
            double[] down) {
        int freeMask = freeMask();
        // with a binding energy bound, mu rises by dPrice / |F| when a free hour's price rises: the nearest
        // event of the other hours as mu rises (a free hour reaching dmax, an hour at dmin freed) and falls
        double rise1 = Double.POSITIVE_INFINITY;
        double rise2 = Double.POSITIVE_INFINITY;
        int riseAt = -1;
        double fall1 = Double.POSITIVE_INFINITY;
        double fall2 = Double.POSITIVE_INFINITY;
        int fallAt = -1;
        if (binding) {
            for (int t = 0; t < T; t++) {
                double v = z[t] + mu;
                double r;
                double f;
                if (!(dmax[t] > dmin[t])) { // a fixed hour never changes state
                    r = Double.POSITIVE_INFINITY;
                    f = Double.POSITIVE_INFINITY;
                } else if (((low >>> t) & 1) != 0) {
                    r = beta * dmin[t] - v;
                    f = Double.POSITIVE_INFINITY;
                } else if (((high >>> t) & 1) != 0) {
                    r = Double.POSITIVE_INFINITY;
                    f = v - beta * dmax[t];
                } else {
                    r = beta * dmax[t] - v;
                    f = v - beta * dmin[t];
                }
                if (r < rise1) {
                    rise2 = rise1;
                    rise1 = r;
                    riseAt = t;
                } else if (r < rise2) {
                    rise2 = r;
                }
                if (f < fall1) {
                    fall2 = fall1;
                    fall1 = f;
                    fallAt = t;
                } else if (f < fall2) {
                    fall2 = f;
                }
            }
        }
        // an energy bound that starts binding (slack user) or stops binding (mu reaches 0); never when the two
        // bounds are equal, since then one of them always binds
        boolean canSwitch = emax > emin;
        // a free hour's v_t falls at rate 1 - 1/|F| as its price rises (the multiplier takes back 1/|F|): the
        // distances below divide by that rate, infinite for a lone free hour
        double inverseRate = free > 1 ? free / (free - 1.0) : Double.POSITIVE_INFINITY;
        double sumNow = sum; // slack: the last evaluation was at mu = 0
        for (int t = 0; t < T; t++) {
            double v = z[t] + mu;
            double u;
            double d;
            if (!(dmax[t] > dmin[t])) {
                u = Double.POSITIVE_INFINITY;
                d = Double.POSITIVE_INFINITY;
            } else if (((low >>> t) & 1) != 0) {
                u = Double.POSITIVE_INFINITY;
                d = beta * dmin[t] - v;
            } else if (((high >>> t) & 1) != 0) {
                u = v - beta * dmax[t];
                d = Double.POSITIVE_INFINITY;
            } else if (!binding) {
                u = v - beta * dmin[t];
                d = beta * dmax[t] - v;
                if (canSwitch) {
                    u = min(u, beta * (sumNow - emin));
                    d = min(d, beta * (emax - sumNow));
                }
            } else {
                int f = free;
                u = inverseRate < Double.POSITIVE_INFINITY ? (v - beta * dmin[t]) * inverseRate : inverseRate;
                d = inverseRate < Double.POSITIVE_INFINITY ? (beta * dmax[t] - v) * inverseRate : inverseRate;
                u = min(u, f * (t == riseAt ? rise2 : rise1));
                d = min(d, f * (t == fallAt ? fall2 : fall1));
                if (canSwitch) {
                    if (mu > 0) {
                        d = min(d, f * mu);
                    } else if (mu < 0) {
                        u = min(u, -f * mu);
                    }
                }
            }
            // plain compares instead of Math.min and Math.max: no operand here is NaN or -0 (distances of a
            // state that holds at mu, products of non-negative factors), so the results are the same bits
            up[t] = u > 0.0 ? u : 0.0;
            down[t] = d > 0.0 ? d : 0.0;
        }
    }

    /** {@code Math.min} for operands that are neither NaN nor -0, as a plain compare. */
    private static double min(double a, double b) {
        return a <= b ? a : b;
    }

    /** The energy multiplier of the last solve: 0 when the daily energy bounds are slack. */
    public double mu() {
        return mu;
    }

    /** How many times this solver has evaluated a demand sum {@code sum_t d_t(mu)}: the work of its solves. */
    public long evaluations() {
        return evaluations;
    }

    /** Whether a daily energy bound binds in the last solve. */
    public boolean energyBinding() {
        return binding;
    }

    /** {@code |F|}: hours strictly inside their bounds in the last solve. */
    public int freeCount() {
        return free;
    }

    /** Bit t set when hour t is free in the last solve. */
    public int freeMask() {
        return ~(low | high) & ((1 << T) - 1);
    }
}
