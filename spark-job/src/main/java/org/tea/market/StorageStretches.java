package org.tea.market;

import java.util.Arrays;

/**
 * The water value of each stretch between fixed points of a {@link StorageDay}: the w with
 * {@code sum_t x_t(w) = e_end - e_start} over the stretch ({@code x_t = eta_c c_t - g_t / eta_d}, non-decreasing
 * and piecewise linear in w with four breakpoints per hour), found like the end-user's energy multiplier (a few
 * steps on the linear piece, else the sorted breakpoints), with its range of valid values and free slope.
 */
final class StorageStretches {
    private static final int T = StorageDay.T;
    private static final int FAST_STEPS = 4;

    private final StorageDay day;
    private final double[] kinks = new double[4 * T];
    // last evaluation of sum_t x_t(w) over a stretch
    private double sum;
    private double slope;

    StorageStretches(StorageDay day) {
        this.day = day;
    }

    /**
     * One water value per stretch between fixed points, with its range of valid values and free slope.
     *
     * @return a fixed point to release because a stretch next to it cannot reach its end level, or -1
     */
    int solveStretches() {
        int fixed = day.full | day.empty;
        int release = -1;
        int a = 0;
        while (a < T) {
            int b = a + 1;
            while (b < T && ((fixed >>> b) & 1) == 0) {
                b++;
            }
            day.segEnd[a] = b;
            double target = day.level(b) - day.level(a);
            double w = root(a, b, target);
            if (release < 0 && Math.abs(sum - target) > reachTolerance(a, b, target)) {
                release = b < T ? b : a;
            }
            day.segW[a] = w;
            range(a, b, w);
            for (int t = a; t < b; t++) {
                day.wHour[t] = w;
            }
            a = b;
        }
        return release;
    }

    private void evaluate(int a, int b, double w) {
        double x = 0;
        double k = 0;
        for (int t = a; t < b; t++) {
            double l = day.lam[t];
            double cc = (day.etaC * w - l) / day.kappa;
            double gg = (l - w / day.etaD) / day.kappa;
            if (cc > 0) {
                if (cc < day.pow) {
                    x += day.etaC * cc;
                    k += day.slopeC;
                } else {
                    x += day.etaC * day.pow;
                }
            }
            if (gg > 0) { // both only at a negative water value (negative prices)
                if (gg < day.pow) {
                    x -= gg / day.etaD;
                    k += day.slopeD;
                } else {
                    x -= day.pow / day.etaD;
                }
            }
        }
        sum = x;
        slope = k;
    }

    private double root(int a, int b, double target) {
        double tol = reachTolerance(a, b, target);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double w = 0;
        boolean flat = true;
        for (int t = a; t < b; t++) {
            w += day.lam[t];
            flat &= day.lam[t] == day.lam[a];
        }
        w = flat ? day.lam[a] : w / (b - a); // flat prices: exactly idle
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
        return 1e-13 * Math.max(1.0, Math.abs(target) + day.pow * (b - a));
    }

    private double byBreakpoints(int a, int b, double target, double tol) {
        int n = 0;
        for (int t = a; t < b; t++) {
            double l = day.lam[t];
            kinks[n++] = (l - day.kappa * day.pow) * day.etaD;
            kinks[n++] = l * day.etaD;
            kinks[n++] = l / day.etaC;
            kinks[n++] = (l + day.kappa * day.pow) / day.etaC;
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
            double l = day.lam[t];
            double cc = (day.etaC * w - l) / day.kappa;
            double gg = (l - w / day.etaD) / day.kappa;
            if (cc <= 0) {
                hi = Math.min(hi, l / day.etaC);
            } else if (cc >= day.pow) {
                lo = Math.max(lo, (l + day.kappa * day.pow) / day.etaC);
            } else {
                lo = Math.max(lo, w);
                hi = Math.min(hi, w);
                k += day.slopeC;
            }
            if (gg <= 0) {
                lo = Math.max(lo, l * day.etaD);
            } else if (gg >= day.pow) {
                hi = Math.min(hi, (l - day.kappa * day.pow) * day.etaD);
            } else {
                lo = Math.max(lo, w);
                hi = Math.min(hi, w);
                k += day.slopeD;
            }
        }
        day.segLo[a] = Math.min(lo, w); // w itself is always valid (rounding at a breakpoint)
        day.segHi[a] = Math.max(hi, w);
        day.segSlope[a] = k;
    }
}
