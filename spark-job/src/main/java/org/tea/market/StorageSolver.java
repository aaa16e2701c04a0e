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
 * <p>The stretches' water values are found by {@link StorageStretches}, the kink distances by {@link StorageKinks};
 * the unit-day they share is a {@link StorageDay}. One instance per thread; it never allocates while solving.
 * {@link #activeSet()} of a solve may be passed as the warm start of the next solve of the same unit.
 */
public final class StorageSolver {
    private static final int T = Hours.T;
    private static final int MAX_ITERATIONS = 16 * T;
    private static final long LOW_MASK = (1L << T) - 1;

    private final StorageDay day = new StorageDay();
    private final StorageStretches stretches = new StorageStretches(day);
    private final StorageKinks kinks = new StorageKinks(day);
    private final double[] point = new double[T + 1];

    // results of the last solve
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
        day.set(capacity, power, etaCharge, etaDischarge, throughputCost, soc0, lambda, off);
        iterations = 0;
        kkt = 0;
        if (!(capacity > 0 && power > 0)) {
            day.full = 0;
            day.empty = 0;
            Arrays.fill(c, 0, T, 0.0);
            Arrays.fill(g, 0, T, 0.0);
            Arrays.fill(e, 0, T, day.e0);
            Arrays.fill(s, 0, T, 0.0);
            return 0.0;
        }
        long inner = LOW_MASK & ~1L; // points 1 .. T-1
        day.full = (int) (warm & inner);
        day.empty = (int) ((warm >>> 32) & inner & ~day.full);
        double scaleE = Math.max(1.0, capacity);
        double tolE = 1e-12 * scaleE;
        double tolW = 1e-12 * (1.0 + day.kappa * power + day.maxAbs()) / Math.min(day.etaC, day.etaD);
        while (true) {
            if (++iterations > MAX_ITERATIONS) {
                throw new ArithmeticException("storage solver: no convergence in " + MAX_ITERATIONS
                        + " active-set steps (E=" + capacity + ", P=" + power + ")");
            }
            // a stretch out of reach (only after a warm start) frees a fixed end
            int release = stretches.solveStretches();
            if (release < 0 && signViolation() > tolW) {
                release = worstPoint;
            }
            // otherwise a fixed point whose multiplier has the wrong sign is released (the worst first)
            if (release >= 0) {
                day.full &= ~(1 << release);
                day.empty &= ~(1 << release);
                continue;
            }
            // otherwise the worst violated state of charge is fixed at its bound
            path();
            // otherwise each stretch's worst violated state of charge is fixed at its bound
            boolean fixed = false;
            for (int a = 0; a < T; a = day.segEnd[a]) {
                int fix = -1;
                double worst = tolE;
                for (int k = a + 1; k < day.segEnd[a]; k++) {
                    double v = Math.max(-point[k], point[k] - capacity);
                    if (v > worst) {
                        worst = v;
                        fix = k;
                    }
                }
                if (fix >= 0) {
                    fixed = true;
                    if (point[fix] > capacity) {
                        day.full |= 1 << fix;
                    } else {
                        day.empty |= 1 << fix;
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
        double lo = day.segLo[0];
        double hi = day.segHi[0];
        double worst = 0;
        worstPoint = -1;
        for (int k = day.segEnd[0]; k < T; k = day.segEnd[k]) {
            double gap;
            if (((day.full >>> k) & 1) != 0) { // w may only rise: next >= lo
                gap = lo - day.segHi[k];
                lo = Math.max(lo, day.segLo[k]);
                hi = day.segHi[k];
            } else { // empty: w may only fall: next <= hi
                gap = day.segLo[k] - hi;
                hi = Math.min(hi, day.segHi[k]);
                lo = day.segLo[k];
            }
            if (gap > worst) {
                worst = gap;
                worstPoint = k;
            }
            if (lo > hi) { // carry on from the next stretch alone
                lo = day.segLo[k];
                hi = day.segHi[k];
            }
        }
        return worst;
    }

    private void path() {
        double level = day.e0;
        point[0] = day.e0;
        for (int t = 0; t < T; t++) {
            level += day.flow(t, day.wHour[t]);
            point[t + 1] = level;
        }
    }

    private double finish(double[] c, double[] g, double[] e, double[] s, double tolE) {
        double profit = 0;
        double level = day.e0;
        double violation = 0;
        for (int a = 0; a < T; a = day.segEnd[a]) {
            int b = day.segEnd[a];
            double kSum = day.segSlope[a];
            double w = day.segW[a];
            for (int t = a; t < b; t++) {
                double ct = day.charge(t, w);
                double gt = day.discharge(t, w);
                c[t] = ct;
                g[t] = gt;
                level += day.etaC * ct - gt / day.etaD;
                e[t] = level;
                s[t] = sensitivity(ct > 0 && ct < day.pow, gt > 0 && gt < day.pow, kSum);
                profit += day.lam[t] * (gt - ct) - 0.5 * day.kappa * (ct * ct + gt * gt);
                violation = Math.max(violation, Math.max(-level, level - day.cap));
            }
            // a fixed end point: its bound exactly (the stretch meets it to rounding)
            if (b < T) {
                violation = Math.max(violation, Math.abs(level - day.level(b)));
                level = day.level(b);
                e[b - 1] = level;
            }
        }
        violation = Math.max(violation, Math.abs(level - day.e0));
        e[T - 1] = day.e0;
        // multipliers of the wrong sign, in kWh: the energy such a gap in water value would move
        violation = Math.max(violation, signViolation() * Math.max(day.slopeC, day.slopeD));
        kinks.consistentWaterValues();
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
        kinks.kinkDistances(up, down);
    }

    /**
     * {@code -d (c_t - g_t) / d lambda_t} of an hour whose charge and/or discharge is free, in a stretch with
     * free slope {@code kSum}: the stretch's water value moves by {@code -(dx_t/dlambda_t) / kSum}.
     */
    private double sensitivity(boolean chargeFree, boolean dischargeFree, double kSum) {
        if (!(chargeFree || dischargeFree)) {
            return 0.0;
        }
        double q = (chargeFree ? day.etaC : 0.0) + (dischargeFree ? 1.0 / day.etaD : 0.0); // -kappa dx_t/dlambda_t
        double dw = q / (day.kappa * kSum);
        double dNet = (chargeFree ? day.etaC * dw - 1.0 : 0.0) - (dischargeFree ? 1.0 - dw / day.etaD : 0.0);
        return Math.max(-dNet / day.kappa, 0.0);
    }

    /**
     * The coupling of the last solve's hours within each stretch: the derivative of the unit's net demand is
     * {@code d(c_t - g_t)/d lambda_u = -s_t [t = u] + r_t r_u} for hours t != u of one stretch (its water value
     * moves with every free hour's price, so a uniform move over a stretch changes nothing), with
     * {@code r_t = q_t / (kappa sqrt(K))}, 0 at a limit or idle. Writes {@code r} and, per hour, the end (exclusive)
     * of its stretch.
     */
    public void coupling(double[] r, int[] stretchEnd) {
        if (!(day.cap > 0 && day.pow > 0)) {
            Arrays.fill(r, 0, T, 0.0);
            Arrays.fill(stretchEnd, 0, T, T);
            return;
        }
        for (int a = 0; a < T; a = day.segEnd[a]) {
            int b = day.segEnd[a];
            double kSum = day.segSlope[a];
            double w = day.segW[a];
            double scale = kSum > 0 ? 1.0 / (day.kappa * Math.sqrt(kSum)) : 0.0;
            for (int t = a; t < b; t++) {
                double ct = day.charge(t, w);
                double gt = day.discharge(t, w);
                double q = (ct > 0 && ct < day.pow ? day.etaC : 0.0) + (gt > 0 && gt < day.pow ? 1.0 / day.etaD : 0.0);
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
        return (day.full & LOW_MASK) | ((long) (day.empty & LOW_MASK) << 32);
    }

    /**
     * The largest violation of the optimality conditions in the last solve (kWh): state of charge outside
     * [0, E] or off its fixed value, end state of charge off e0, and a bound multiplier of the wrong sign
     * (measured as the energy it would move).
     */
    public double kktResidual() {
        return kkt;
    }

    public int iterations() {
        return iterations;
    }
}
