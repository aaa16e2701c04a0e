package org.tea.market;

import java.util.Arrays;
import org.tea.model.Hours;

/**
 * The exact storage problem of MODEL section 12 for one unit-day:
 * <pre>
 *   maximise sum_t [ lambda_t (g_t - c_t) - (kappa / 2) (c_t^2 + g_t^2) ]
 *   s.t. 0 <= c_t, g_t <= P,  e_t = e_{t-1} + eta_c c_t - g_t / eta_d,  0 <= e_t <= E,  e_0 = e_24 = e0.
 * </pre>
 * With a multiplier {@code w_t} on the state of charge after hour t (the value of stored energy, "water
 * value"), the hours separate: {@code c_t = clip((eta_c w_t - lambda_t) / kappa, 0, P)} and
 * {@code g_t = clip((lambda_t - w_t / eta_d) / kappa, 0, P)} (never both positive). {@code w} is constant
 * between the points where the state of charge sits on a bound: it may rise only after a full point and fall
 * only after an empty one. So the solver is an active-set method on the 23 inner state-of-charge constraints:
 * for a set of points fixed at 0 or E, each stretch between fixed points has one {@code w} with
 * {@code sum_t x_t(w) = e_end - e_start} ({@code x_t = eta_c c_t - g_t / eta_d}, non-decreasing and piecewise
 * linear in {@code w} with four breakpoints per hour), found exactly like the end-user's energy multiplier
 * (a few steps on the linear piece, else the sorted breakpoints). A fixed point whose multiplier has the
 * wrong sign is released; otherwise the worst violated state of charge is fixed at its bound. It stops when
 * the state of charge is within its bounds and every multiplier has its sign: the KKT conditions of this
 * strictly concave problem, so the answer is its unique optimum.
 *
 * <p>Where {@code w} is not unique (a stretch whose hours are all at a limit or idle), the range of valid
 * values is kept and the sign test uses it. The sensitivity of a free hour is {@code (1 - k_t / K) / kappa}
 * with {@code k_t} its slope {@code dx_t/dw} ({@code eta_c^2 / kappa} charging, {@code 1 / (kappa eta_d^2)}
 * discharging) and {@code K} the sum of the free slopes of its stretch; 0 at a limit or idle.
 *
 * <p>One instance per thread; it never allocates while solving. {@link #activeSet()} of a solve may be passed
 * as the warm start of the next solve of the same unit.
 */
public final class StorageSolver {
    private static final int T = Hours.T;
    private static final int FAST_STEPS = 4;
    private static final int MAX_ITERATIONS = 16 * T;
    private static final long LOW_MASK = (1L << T) - 1;

    private final double[] lam = new double[T];
    private final double[] wHour = new double[T];
    private final double[] kinks = new double[4 * T];
    /** Per stretch, indexed by its first point: its end point, its value and its range of valid values. */
    private final int[] segEnd = new int[T];
    private final double[] segW = new double[T];
    private final double[] segLo = new double[T];
    private final double[] segHi = new double[T];
    private final double[] segSlope = new double[T];
    private final double[] segFwdLo = new double[T];
    private final double[] segFwdHi = new double[T];
    private final double[] point = new double[T + 1];

    private double cap;
    private double pow;
    private double etaC;
    private double etaD;
    private double kappa;
    private double e0;
    private double slopeC;
    private double slopeD;

    // last evaluation of sum_t x_t(w) over a stretch
    private double sum;
    private double slope;

    // results of the last solve
    private int full;
    private int empty;
    private int worstPoint;
    private int iterations;
    private double kkt;

    /**
     * Solves one unit-day at the prices {@code lambda[off .. off + T)} and writes the charge {@code c}, the
     * discharge {@code g}, the state of charge after each hour {@code e} and the diagonal sensitivity
     * {@code s_t = -d (c_t - g_t) / d lambda_t} into caller-owned arrays of length T.
     *
     * @param capacity energy capacity E (kWh, >= 0)
     * @param power power limit P (kW, the same both ways, >= 0)
     * @param etaCharge charging efficiency in (0, 1]
     * @param etaDischarge discharging efficiency in (0, 1]
     * @param throughputCost kappa (currency per kWh^2, > 0)
     * @param soc0 start and end state of charge as a share of E, in [0, 1]
     * @param warm an {@link #activeSet()} of an earlier solve of this unit, or 0
     * @return the day's profit {@code sum_t lambda_t (g_t - c_t) - kappa/2 (c_t^2 + g_t^2)}, which is also the
     *         unit's dual value (its gradient in {@code lambda_t} is {@code g_t - c_t})
     */
    public double solve(double capacity, double power, double etaCharge, double etaDischarge,
            double throughputCost, double soc0, double[] lambda, int off, long warm, double[] c, double[] g,
            double[] e, double[] s) {
        cap = capacity;
        pow = power;
        etaC = etaCharge;
        etaD = etaDischarge;
        kappa = throughputCost;
        e0 = soc0 * capacity;
        slopeC = etaC * etaC / kappa;
        slopeD = 1.0 / (kappa * etaD * etaD);
        for (int t = 0; t < T; t++) {
            lam[t] = lambda[off + t];
        }
        iterations = 0;
        kkt = 0;
        if (!(capacity > 0 && power > 0)) {
            full = 0;
            empty = 0;
            Arrays.fill(c, 0, T, 0.0);
            Arrays.fill(g, 0, T, 0.0);
            Arrays.fill(e, 0, T, e0);
            Arrays.fill(s, 0, T, 0.0);
            return 0.0;
        }
        long inner = LOW_MASK & ~1L; // points 1 .. T-1
        full = (int) (warm & inner);
        empty = (int) ((warm >>> 32) & inner & ~full);
        double scaleE = Math.max(1.0, capacity);
        double tolE = 1e-12 * scaleE;
        double tolW = 1e-12 * (1.0 + kappa * power + maxAbs()) / Math.min(etaC, etaD);
        while (true) {
            if (++iterations > MAX_ITERATIONS) {
                throw new ArithmeticException("storage solver: no convergence in " + MAX_ITERATIONS
                        + " active-set steps (E=" + capacity + ", P=" + power + ")");
            }
            // a stretch out of reach (only after a warm start) frees a fixed end
            int release = solveStretches();
            if (release < 0 && signViolation() > tolW) {
                release = worstPoint;
            }
            // otherwise a fixed point whose multiplier has the wrong sign is released (the worst first)
            if (release >= 0) {
                full &= ~(1 << release);
                empty &= ~(1 << release);
                continue;
            }
            // otherwise the worst violated state of charge is fixed at its bound
            path();
            // otherwise each stretch's worst violated state of charge is fixed at its bound
            boolean fixed = false;
            for (int a = 0; a < T; a = segEnd[a]) {
                int fix = -1;
                double worst = tolE;
                for (int k = a + 1; k < segEnd[a]; k++) {
                    double v = Math.max(-point[k], point[k] - capacity);
                    if (v > worst) {
                        worst = v;
                        fix = k;
                    }
                }
                if (fix >= 0) {
                    fixed = true;
                    if (point[fix] > capacity) {
                        full |= 1 << fix;
                    } else {
                        empty |= 1 << fix;
                    }
                }
            }
            if (!fixed) {
                break;
            }
        }
        return finish(c, g, e, s, tolE);
    }

    /**
     * Whether the stretches' water values can be chosen within their ranges so that w rises only at full points
     * and falls only at empty ones: a forward pass over the interval of values consistent with all earlier
     * stretches. Returns the largest gap where that interval and the next stretch's range miss each other
     * (0 when consistent), its point in {@link #worstPoint}.
     */
    private double signViolation() {
        double lo = segLo[0];
        double hi = segHi[0];
        double worst = 0;
        worstPoint = -1;
        for (int k = segEnd[0]; k < T; k = segEnd[k]) {
            double gap;
            if (((full >>> k) & 1) != 0) { // w may only rise: next >= lo
                gap = lo - segHi[k];
                lo = Math.max(lo, segLo[k]);
                hi = segHi[k];
            } else { // empty: w may only fall: next <= hi
                gap = segLo[k] - hi;
                hi = Math.min(hi, segHi[k]);
                lo = segLo[k];
            }
            if (gap > worst) {
                worst = gap;
                worstPoint = k;
            }
            if (lo > hi) { // carry on from the next stretch alone
                lo = segLo[k];
                hi = segHi[k];
            }
        }
        return worst;
    }

    /**
     * Water values per hour ({@link #wHour}) that rise only at full points and fall only at empty ones, each
     * within its stretch's range (the stretch's own value where that is unique): the interval each stretch may
     * take given the earlier ones, forwards, then the value nearest its own within it, backwards. The flows
     * stay those of {@link #segW}; the kink distances read these.
     */
    private void consistentWaterValues() {
        double lo = segLo[0];
        double hi = segHi[0];
        segFwdLo[0] = lo;
        segFwdHi[0] = hi;
        int last = 0;
        for (int k = segEnd[0]; k < T; k = segEnd[k]) {
            if (((full >>> k) & 1) != 0) {
                lo = Math.max(lo, segLo[k]);
                hi = segHi[k];
            } else {
                hi = Math.min(hi, segHi[k]);
                lo = segLo[k];
            }
            if (lo > hi) {
                lo = segLo[k];
                hi = segHi[k];
            }
            segFwdLo[k] = lo;
            segFwdHi[k] = hi;
            last = k;
        }
        double next = Math.min(Math.max(segW[last], segFwdLo[last]), segFwdHi[last]);
        for (int a = last;;) {
            for (int t = a; t < segEnd[a]; t++) {
                wHour[t] = next;
            }
            if (a == 0) {
                break;
            }
            // the stretch before a
            int prev = 0;
            while (segEnd[prev] != a) {
                prev = segEnd[prev];
            }
            double l = segFwdLo[prev];
            double h = segFwdHi[prev];
            if (((full >>> a) & 1) != 0) {
                h = Math.min(h, next);
            } else {
                l = Math.max(l, next);
            }
            next = l <= h ? Math.min(Math.max(segW[prev], l), h) : segW[prev];
            a = prev;
        }
    }

    private double maxAbs() {
        double m = 0;
        for (int t = 0; t < T; t++) {
            m = Math.max(m, Math.abs(lam[t]));
        }
        return m;
    }

    private double level(int k) {
        if (k == 0 || k == T) {
            return e0;
        }
        return ((full >>> k) & 1) != 0 ? cap : 0.0;
    }

    /**
     * One water value per stretch between fixed points, with its range of valid values and free slope.
     *
     * @return a fixed point to release because a stretch next to it cannot reach its end level, or -1
     */
    private int solveStretches() {
        int fixed = full | empty;
        int release = -1;
        int a = 0;
        while (a < T) {
            int b = a + 1;
            while (b < T && ((fixed >>> b) & 1) == 0) {
                b++;
            }
            segEnd[a] = b;
            double target = level(b) - level(a);
            double w = root(a, b, target);
            if (release < 0 && Math.abs(sum - target) > reachTolerance(a, b, target)) {
                release = b < T ? b : a;
            }
            segW[a] = w;
            range(a, b, w);
            for (int t = a; t < b; t++) {
                wHour[t] = w;
            }
            a = b;
        }
        return release;
    }

    /** The state of charge at every point from the current water values (points 0 and T are e0). */
    private void path() {
        double level = e0;
        point[0] = e0;
        for (int t = 0; t < T; t++) {
            level += flow(t, wHour[t]);
            point[t + 1] = level;
        }
    }

    private double charge(int t, double w) {
        return Math.min(Math.max((etaC * w - lam[t]) / kappa, 0.0), pow);
    }

    private double discharge(int t, double w) {
        return Math.min(Math.max((lam[t] - w / etaD) / kappa, 0.0), pow);
    }

    /** {@code x_t(w) = eta_c c_t - g_t / eta_d}. */
    private double flow(int t, double w) {
        return etaC * charge(t, w) - discharge(t, w) / etaD;
    }

    /** {@code sum_t x_t(w)} over hours a .. b-1 and its slope on the linear piece that holds w. */
    private void evaluate(int a, int b, double w) {
        double x = 0;
        double k = 0;
        for (int t = a; t < b; t++) {
            double l = lam[t];
            double cc = (etaC * w - l) / kappa;
            double gg = (l - w / etaD) / kappa;
            if (cc > 0) {
                if (cc < pow) {
                    x += etaC * cc;
                    k += slopeC;
                } else {
                    x += etaC * pow;
                }
            }
            if (gg > 0) { // both only at a negative water value (negative prices)
                if (gg < pow) {
                    x -= gg / etaD;
                    k += slopeD;
                } else {
                    x -= pow / etaD;
                }
            }
        }
        sum = x;
        slope = k;
    }

    /** The w with {@code sum_t x_t(w) = target} over hours a .. b-1 (the nearest end when out of reach). */
    private double root(int a, int b, double target) {
        double tol = reachTolerance(a, b, target);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double w = 0;
        boolean flat = true;
        for (int t = a; t < b; t++) {
            w += lam[t];
            flat &= lam[t] == lam[a];
        }
        w = flat ? lam[a] : w / (b - a); // flat prices: exactly idle
        for (int step = 0; step < FAST_STEPS; step++) {
            evaluate(a, b, w);
            double f = sum - target;
            if (Math.abs(f) <= tol) {
                return w;
            }
            if (f < 0) {
                lo = w;
            } else {
                hi = w;
            }
            if (slope == 0) {
                break;
            }
            double next = w - f / slope;
            if (!(next > lo && next < hi)) {
                break;
            }
            w = next;
        }
        return byBreakpoints(a, b, target, tol);
    }

    private double reachTolerance(int a, int b, double target) {
        return 1e-13 * Math.max(1.0, Math.abs(target) + pow * (b - a));
    }

    private double byBreakpoints(int a, int b, double target, double tol) {
        int n = 0;
        for (int t = a; t < b; t++) {
            double l = lam[t];
            kinks[n++] = (l - kappa * pow) * etaD;
            kinks[n++] = l * etaD;
            kinks[n++] = l / etaC;
            kinks[n++] = (l + kappa * pow) / etaC;
        }
        Arrays.sort(kinks, 0, n);
        evaluate(a, b, kinks[0]);
        if (sum >= target - tol) {
            return kinks[0]; // at or below the bottom of reach: everything discharges at P
        }
        evaluate(a, b, kinks[n - 1]);
        if (sum <= target + tol) {
            return kinks[n - 1]; // at or beyond the top of reach: everything charges at P
        }
        int i = 0; // f(kinks[i]) < target
        int j = n - 1; // f(kinks[j]) > target
        while (j - i > 1) {
            int mid = (i + j) >>> 1;
            evaluate(a, b, kinks[mid]);
            if (Math.abs(sum - target) <= tol) {
                return kinks[mid];
            }
            if (sum < target) {
                i = mid;
            } else {
                j = mid;
            }
        }
        // linear between kinks[i] and kinks[j]
        evaluate(a, b, kinks[i]);
        double fi = sum;
        evaluate(a, b, kinks[j]);
        double fj = sum;
        double w = kinks[i] + (target - fi) * (kinks[j] - kinks[i]) / (fj - fi);
        w = Math.min(Math.max(w, kinks[i]), kinks[j]);
        evaluate(a, b, w);
        return w;
    }

    /**
     * The values w' that give the same flows as w over hours a .. b-1: the intersection of the flat intervals
     * of each hour's charge and discharge that hold w (w alone when one of them is free); also the stretch's
     * free slope.
     */
    private void range(int a, int b, double w) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double k = 0;
        for (int t = a; t < b; t++) {
            double l = lam[t];
            double cc = (etaC * w - l) / kappa;
            double gg = (l - w / etaD) / kappa;
            if (cc <= 0) {
                hi = Math.min(hi, l / etaC);
            } else if (cc >= pow) {
                lo = Math.max(lo, (l + kappa * pow) / etaC);
            } else {
                lo = Math.max(lo, w);
                hi = Math.min(hi, w);
                k += slopeC;
            }
            if (gg <= 0) {
                lo = Math.max(lo, l * etaD);
            } else if (gg >= pow) {
                hi = Math.min(hi, (l - kappa * pow) * etaD);
            } else {
                lo = Math.max(lo, w);
                hi = Math.min(hi, w);
                k += slopeD;
            }
        }
        segLo[a] = Math.min(lo, w); // w itself is always valid (rounding at a breakpoint)
        segHi[a] = Math.max(hi, w);
        segSlope[a] = k;
    }

    private double finish(double[] c, double[] g, double[] e, double[] s, double tolE) {
        double profit = 0;
        double level = e0;
        double violation = 0;
        for (int a = 0; a < T; a = segEnd[a]) {
            int b = segEnd[a];
            double kSum = segSlope[a];
            double w = segW[a];
            for (int t = a; t < b; t++) {
                double ct = charge(t, w);
                double gt = discharge(t, w);
                c[t] = ct;
                g[t] = gt;
                level += etaC * ct - gt / etaD;
                e[t] = level;
                s[t] = sensitivity(ct > 0 && ct < pow, gt > 0 && gt < pow, kSum);
                profit += lam[t] * (gt - ct) - 0.5 * kappa * (ct * ct + gt * gt);
                violation = Math.max(violation, Math.max(-level, level - cap));
            }
            // a fixed end point: its bound exactly (the stretch meets it to rounding)
            if (b < T) {
                violation = Math.max(violation, Math.abs(level - level(b)));
                level = level(b);
                e[b - 1] = level;
            }
        }
        violation = Math.max(violation, Math.abs(level - e0));
        e[T - 1] = e0;
        // multipliers of the wrong sign, in kWh: the energy such a gap in water value would move
        violation = Math.max(violation, signViolation() * Math.max(slopeC, slopeD));
        consistentWaterValues();
        kkt = violation;
        return profit;
    }

    /**
     * How far the price of each hour alone can rise ({@code up[t]}) or fall ({@code down[t]}), all other prices
     * fixed, before the sensitivity of that hour changes, from the last solve (MODEL 7, "Fixed points at a
     * kink"); {@code +Infinity} where it never does. Until the first event the solution is linear in the price:
     * the stretch's water value moves at {@code q_t / (kappa K)} (0 when the hour is at a limit or idle), so
     * every hour's charge and discharge, every state of charge inside the stretch and the multipliers at its
     * fixed ends move linearly, and the nearest of their thresholds (an hour reaching 0 or P, a state of charge
     * reaching 0 or E, a multiplier reaching 0) is the distance. Never more than the true distance; 0 where the
     * solve sits exactly on a threshold.
     */
    public void kinkDistances(double[] up, double[] down) {
        if (!(cap > 0 && pow > 0)) {
            Arrays.fill(up, 0, T, Double.POSITIVE_INFINITY);
            Arrays.fill(down, 0, T, Double.POSITIVE_INFINITY);
            return;
        }
        for (int a = 0; a < T; a = segEnd[a]) {
            int b = segEnd[a];
            double w = segW[a];
            if (segSlope[a] == 0) {
                flatStretch(a, b, w, up, down);
                continue;
            }
            for (int t = a; t < b; t++) {
                double l = lam[t];
                double cc = (etaC * w - l) / kappa;
                double gg = (l - w / etaD) / kappa;
                boolean cf = cc > 0 && cc < pow;
                boolean gf = gg > 0 && gg < pow;
                double q = (cf ? etaC : 0.0) + (gf ? 1.0 / etaD : 0.0);
                double rw = q > 0 ? q / (kappa * segSlope[a]) : 0.0; // dw / dlambda_t
                up[t] = event(a, b, t, w, rw, 1.0);
                down[t] = event(a, b, t, w, rw, -1.0);
            }
        }
    }

    /**
     * A stretch whose hours are all at a limit or idle: its water value is any value that the other hours' flat
     * pieces and the neighbours' water values (at the fixed ends) allow, so hour t keeps its state while some
     * such value does; rising prices first meet the highest, falling ones the lowest.
     */
    private void flatStretch(int a, int b, double w, double[] up, double[] down) {
        double nl = Double.NEGATIVE_INFINITY;
        double nh = Double.POSITIVE_INFINITY;
        if (a > 0) {
            if (((full >>> a) & 1) != 0) {
                nl = wHour[a - 1];
            } else {
                nh = wHour[a - 1];
            }
        }
        if (b < T) {
            if (((full >>> b) & 1) != 0) {
                nh = wHour[b];
            } else {
                nl = wHour[b];
            }
        }
        for (int t = a; t < b; t++) {
            double lo = nl;
            double hi = nh;
            for (int k = a; k < b; k++) {
                if (k == t) {
                    continue;
                }
                double l = lam[k];
                if ((etaC * w - l) / kappa <= 0) {
                    hi = Math.min(hi, l / etaC);
                } else {
                    lo = Math.max(lo, (l + kappa * pow) / etaC);
                }
                if ((l - w / etaD) / kappa <= 0) {
                    lo = Math.max(lo, l * etaD);
                } else {
                    hi = Math.min(hi, (l - kappa * pow) * etaD);
                }
            }
            if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
                lo = Math.min(Math.max(lo, Math.min(w, hi)), w);
                hi = Math.max(Math.min(hi, Math.max(w, lo)), w);
            }
            up[t] = event(a, b, t, hi, 0.0, 1.0);
            down[t] = event(a, b, t, lo, 0.0, -1.0);
        }
    }

    /** The nearest event for a move of hour t's price in direction {@code dir} (+1 up, -1 down). */
    private double event(int a, int b, int t, double w, double rw, double dir) {
        double best = Double.POSITIVE_INFINITY;
        double soc = level(a);
        double socRate = 0;
        for (int k = a; k < b; k++) {
            double l = lam[k];
            double cc = (etaC * w - l) / kappa;
            double gg = (l - w / etaD) / kappa;
            double rc = dir * (etaC * rw - (k == t ? 1.0 : 0.0)) / kappa; // d cc / d shift
            double rg = dir * ((k == t ? 1.0 : 0.0) - rw / etaD) / kappa;
            best = Math.min(best, reach(cc, rc));
            best = Math.min(best, reach(gg, rg));
            // the state of charge after hour k, for points inside the stretch
            socRate += (cc > 0 && cc < pow ? etaC * rc : 0.0) - (gg > 0 && gg < pow ? rg / etaD : 0.0);
            soc += etaC * Math.min(Math.max(cc, 0.0), pow) - Math.min(Math.max(gg, 0.0), pow) / etaD;
            if (k + 1 < b) {
                if (socRate > 0) {
                    best = Math.min(best, Math.max(cap - soc, 0.0) / socRate);
                } else if (socRate < 0) {
                    best = Math.min(best, Math.max(soc, 0.0) / -socRate);
                }
            }
        }
        // multipliers at the fixed ends: w - w_before at a full start, w_after - w at a full end (>= 0), and
        // the opposites at empty ends; only this stretch's w moves
        double move = dir * rw;
        if (move != 0) {
            if (a > 0) {
                double gap = ((full >>> a) & 1) != 0 ? w - wHour[a - 1] : wHour[a - 1] - w;
                double rate = ((full >>> a) & 1) != 0 ? move : -move;
                if (rate < 0) {
                    best = Math.min(best, Math.max(gap, 0.0) / -rate);
                }
            }
            if (b < T) {
                double gap = ((full >>> b) & 1) != 0 ? wHour[b] - w : w - wHour[b];
                double rate = ((full >>> b) & 1) != 0 ? -move : move;
                if (rate < 0) {
                    best = Math.min(best, Math.max(gap, 0.0) / -rate);
                }
            }
        }
        return best;
    }

    /** The shift at which a value v moving at {@code rate} per unit shift first meets 0 or P. */
    private double reach(double v, double rate) {
        if (rate > 0) {
            return v <= 0 ? -v / rate : v < pow ? (pow - v) / rate : Double.POSITIVE_INFINITY;
        }
        if (rate < 0) {
            return v >= pow ? (v - pow) / -rate : v > 0 ? v / -rate : Double.POSITIVE_INFINITY;
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * {@code -d (c_t - g_t) / d lambda_t} of an hour whose charge and/or discharge is free, in a stretch with
     * free slope {@code kSum}: the stretch's water value moves by {@code -(dx_t/dlambda_t) / kSum}.
     */
    private double sensitivity(boolean chargeFree, boolean dischargeFree, double kSum) {
        if (!(chargeFree || dischargeFree)) {
            return 0.0;
        }
        double q = (chargeFree ? etaC : 0.0) + (dischargeFree ? 1.0 / etaD : 0.0); // -kappa dx_t/dlambda_t
        double dw = q / (kappa * kSum);
        double dNet = (chargeFree ? etaC * dw - 1.0 : 0.0) - (dischargeFree ? 1.0 - dw / etaD : 0.0);
        return Math.max(-dNet / kappa, 0.0);
    }

    /**
     * The coupling of the last solve's hours within each stretch: the derivative of the unit's net demand is
     * {@code d(c_t - g_t)/d lambda_u = -s_t [t = u] + r_t r_u} for hours t != u of one stretch (its water value
     * moves with every free hour's price, so a uniform move over a stretch changes nothing), with
     * {@code r_t = q_t / (kappa sqrt(K))}, 0 at a limit or idle. Writes {@code r} and, per hour, the end (exclusive)
     * of its stretch.
     */
    public void coupling(double[] r, int[] stretchEnd) {
        if (!(cap > 0 && pow > 0)) {
            Arrays.fill(r, 0, T, 0.0);
            Arrays.fill(stretchEnd, 0, T, T);
            return;
        }
        for (int a = 0; a < T; a = segEnd[a]) {
            int b = segEnd[a];
            double kSum = segSlope[a];
            double w = segW[a];
            double scale = kSum > 0 ? 1.0 / (kappa * Math.sqrt(kSum)) : 0.0;
            for (int t = a; t < b; t++) {
                double ct = charge(t, w);
                double gt = discharge(t, w);
                double q = (ct > 0 && ct < pow ? etaC : 0.0) + (gt > 0 && gt < pow ? 1.0 / etaD : 0.0);
                r[t] = q * scale;
                stretchEnd[t] = b;
            }
        }
    }

    /**
     * The fixed points of the last solve: bit k (1..T-1) of the low word for a full point, of the high word
     * for an empty one. Pass it as {@code warm} to the next solve of the same unit.
     */
    public long activeSet() {
        return (full & LOW_MASK) | ((long) (empty & LOW_MASK) << 32);
    }

    /**
     * The largest violation of the optimality conditions in the last solve (kWh): state of charge outside
     * [0, E] or off its fixed value, end state of charge off e0, and a bound multiplier of the wrong sign
     * (measured as the energy it would move).
     */
    public double kktResidual() {
        return kkt;
    }

    /** Active-set steps of the last solve. */
    public int iterations() {
        return iterations;
    }
}
