package org.tea.market;

import java.util.Arrays;

/**
 * After a solve of a {@link StorageDay}: water values consistent across fixed points, and from them how far each
 * hour's price can move before that hour's sensitivity changes (MODEL 7, "Fixed points at a kink").
 */
final class StorageKinks {
    private static final int T = StorageDay.T;

    private final StorageDay day;
    private final double[] segFwdLo = new double[T];
    private final double[] segFwdHi = new double[T];

    StorageKinks(StorageDay day) {
        this.day = day;
    }

    /**
     * Water values per hour ({@link StorageDay#wHour}) that rise only at full points and fall only at empty ones, each
     * within its stretch's range (the stretch's own value where that is unique): the interval each stretch may
     * take given the earlier ones, forwards, then the value nearest its own within it, backwards. The flows
     * stay those of {@link StorageDay#segW}; the kink distances read these.
     */
    void consistentWaterValues() {
        double lo = day.segLo[0];
        double hi = day.segHi[0];
        segFwdLo[0] = lo;
        segFwdHi[0] = hi;
        int last = 0;
        for (int k = day.segEnd[0]; k < T; k = day.segEnd[k]) {
            if (((day.full >>> k) & 1) != 0) {
                lo = Math.max(lo, day.segLo[k]);
                hi = day.segHi[k];
            } else {
                hi = Math.min(hi, day.segHi[k]);
                lo = day.segLo[k];
            }
            if (lo > hi) {
                lo = day.segLo[k];
                hi = day.segHi[k];
            }
            segFwdLo[k] = lo;
            segFwdHi[k] = hi;
            last = k;
        }
        double next = Math.min(Math.max(day.segW[last], segFwdLo[last]), segFwdHi[last]);
        for (int a = last;;) {
            for (int t = a; t < day.segEnd[a]; t++) {
                day.wHour[t] = next;
            }
            if (a == 0) {
                break;
            }
            // the stretch before a
            int prev = 0;
            while (day.segEnd[prev] != a) {
                prev = day.segEnd[prev];
            }
            double l = segFwdLo[prev];
            double h = segFwdHi[prev];
            if (((day.full >>> a) & 1) != 0) {
                h = Math.min(h, next);
            } else {
                l = Math.max(l, next);
            }
            next = l <= h ? Math.min(Math.max(day.segW[prev], l), h) : day.segW[prev];
            a = prev;
        }
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
    void kinkDistances(double[] up, double[] down) {
        if (!(day.cap > 0 && day.pow > 0)) {
            Arrays.fill(up, 0, T, Double.POSITIVE_INFINITY);
            Arrays.fill(down, 0, T, Double.POSITIVE_INFINITY);
            return;
        }
        for (int a = 0; a < T; a = day.segEnd[a]) {
            int b = day.segEnd[a];
            double w = day.segW[a];
            if (day.segSlope[a] == 0) {
                flatStretch(a, b, w, up, down);
                continue;
            }
            for (int t = a; t < b; t++) {
                double l = day.lam[t];
                double cc = (day.etaC * w - l) / day.kappa;
                double gg = (l - w / day.etaD) / day.kappa;
                boolean cf = cc > 0 && cc < day.pow;
                boolean gf = gg > 0 && gg < day.pow;
                double q = (cf ? day.etaC : 0.0) + (gf ? 1.0 / day.etaD : 0.0);
                double rw = q > 0 ? q / (day.kappa * day.segSlope[a]) : 0.0; // dw / dlambda_t
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
            if (((day.full >>> a) & 1) != 0) {
                nl = day.wHour[a - 1];
            } else {
                nh = day.wHour[a - 1];
            }
        }
        if (b < T) {
            if (((day.full >>> b) & 1) != 0) {
                nh = day.wHour[b];
            } else {
                nl = day.wHour[b];
            }
        }
        for (int t = a; t < b; t++) {
            double lo = nl;
            double hi = nh;
            for (int k = a; k < b; k++) {
                if (k == t) {
                    continue;
                }
                double l = day.lam[k];
                if ((day.etaC * w - l) / day.kappa <= 0) {
                    hi = Math.min(hi, l / day.etaC);
                } else {
                    lo = Math.max(lo, (l + day.kappa * day.pow) / day.etaC);
                }
                if ((l - w / day.etaD) / day.kappa <= 0) {
                    lo = Math.max(lo, l * day.etaD);
                } else {
                    hi = Math.min(hi, (l - day.kappa * day.pow) * day.etaD);
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

    private double event(int a, int b, int t, double w, double rw, double dir) {
        double best = Double.POSITIVE_INFINITY;
        double soc = day.level(a);
        double socRate = 0;
        for (int k = a; k < b; k++) {
            double l = day.lam[k];
            double cc = (day.etaC * w - l) / day.kappa;
            double gg = (l - w / day.etaD) / day.kappa;
            double rc = dir * (day.etaC * rw - (k == t ? 1.0 : 0.0)) / day.kappa; // d cc / d shift
            double rg = dir * ((k == t ? 1.0 : 0.0) - rw / day.etaD) / day.kappa;
            best = Math.min(best, reach(cc, rc));
            best = Math.min(best, reach(gg, rg));
            // the state of charge after hour k, for points inside the stretch
            socRate += (cc > 0 && cc < day.pow ? day.etaC * rc : 0.0) - (gg > 0 && gg < day.pow ? rg / day.etaD : 0.0);
            soc += day.etaC * Math.min(Math.max(cc, 0.0), day.pow) - Math.min(Math.max(gg, 0.0), day.pow) / day.etaD;
            if (k + 1 < b) {
                if (socRate > 0) {
                    best = Math.min(best, Math.max(day.cap - soc, 0.0) / socRate);
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
                double gap = ((day.full >>> a) & 1) != 0 ? w - day.wHour[a - 1] : day.wHour[a - 1] - w;
                double rate = ((day.full >>> a) & 1) != 0 ? move : -move;
                if (rate < 0) {
                    best = Math.min(best, Math.max(gap, 0.0) / -rate);
                }
            }
            if (b < T) {
                double gap = ((day.full >>> b) & 1) != 0 ? day.wHour[b] - w : w - day.wHour[b];
                double rate = ((day.full >>> b) & 1) != 0 ? -move : move;
                if (rate < 0) {
                    best = Math.min(best, Math.max(gap, 0.0) / -rate);
                }
            }
        }
        return best;
    }

    private double reach(double v, double rate) {
        if (rate > 0) {
            return v <= 0 ? -v / rate : v < day.pow ? (day.pow - v) / rate : Double.POSITIVE_INFINITY;
        }
        if (rate < 0) {
            return v >= day.pow ? (v - day.pow) / -rate : v > 0 ? v / -rate : Double.POSITIVE_INFINITY;
        }
        return Double.POSITIVE_INFINITY;
    }
}
