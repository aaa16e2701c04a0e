package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.Hours;

/** The exact follower solver against an independent bisection, KKT and finite differences (MODEL section 4). */
class FollowerSolverTest {
    static final int T = Hours.T;

    /** One random user-day; the kind picks which constraints are likely to bind. */
    record Case(double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax, double[] lambda) {
    }

    static Case random(SplittableRandom r, int kind) {
        double[] alpha = new double[T];
        double[] dmin = new double[T];
        double[] dmax = new double[T];
        double[] lambda = new double[T];
        double beta = 0.05 + r.nextDouble();
        double sumMin = 0;
        double sumMax = 0;
        for (int t = 0; t < T; t++) {
            alpha[t] = 0.05 + 0.3 * r.nextDouble();
            lambda[t] = 0.02 + 0.2 * r.nextDouble();
            double ref = 0.2 + r.nextDouble();
            switch (kind) {
                case 0 -> { // zero flexibility: dmin = dmax everywhere
                    dmin[t] = ref;
                    dmax[t] = ref;
                }
                case 1 -> { // some hours pinned, others wide
                    dmin[t] = r.nextDouble() < 0.3 ? ref : 0.0;
                    dmax[t] = dmin[t] > 0 ? ref : ref * 3;
                }
                case 2 -> { // a single free hour
                    dmin[t] = t == 5 ? 0.0 : ref;
                    dmax[t] = t == 5 ? 10 * ref : ref;
                }
                default -> {
                    dmin[t] = (1 - r.nextDouble()) * ref * 0.8;
                    dmax[t] = ref + r.nextDouble() * ref;
                }
            }
            sumMin += dmin[t];
            sumMax += dmax[t];
        }
        double emin;
        double emax;
        double mid = sumMin + r.nextDouble() * (sumMax - sumMin);
        switch (r.nextInt(4)) {
            case 0 -> { // fixed daily energy (the calibrated default)
                emin = mid;
                emax = mid;
            }
            case 1 -> { // slack
                emin = sumMin;
                emax = sumMax;
            }
            case 2 -> { // likely to bind from below
                emin = sumMin + 0.9 * (sumMax - sumMin);
                emax = sumMax;
            }
            default -> { // likely to bind from above
                emin = sumMin;
                emax = sumMin + 0.1 * (sumMax - sumMin);
            }
        }
        return new Case(alpha, beta, dmin, dmax, emin, emax, lambda);
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static double total(Case c, double mu) {
        double s = 0;
        for (int t = 0; t < T; t++) {
            s += clip((c.alpha[t] - c.lambda[t] + mu) / c.beta, c.dmin[t], c.dmax[t]);
        }
        return s;
    }

    /** Independent reference: bisection on mu to the last representable bit. */
    static double[] bruteForce(Case c) {
        double mu = 0;
        double s0 = total(c, 0);
        if (s0 < c.emin || s0 > c.emax) {
            double target = s0 < c.emin ? c.emin : c.emax;
            double lo = -1e3;
            double hi = 1e3;
            for (int i = 0; i < 300 && hi - lo > 0; i++) {
                double mid = 0.5 * (lo + hi);
                if (mid == lo || mid == hi) {
                    break;
                }
                if (total(c, mid) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            mu = 0.5 * (lo + hi);
        }
        double[] d = new double[T];
        for (int t = 0; t < T; t++) {
            d[t] = clip((c.alpha[t] - c.lambda[t] + mu) / c.beta, c.dmin[t], c.dmax[t]);
        }
        return d;
    }

    static double objective(Case c, double[] d) {
        double v = 0;
        for (int t = 0; t < T; t++) {
            v += c.alpha[t] * d[t] - c.beta * d[t] * d[t] / 2 - c.lambda[t] * d[t];
        }
        return v;
    }

    @Test
    void matchesBruteForceBisectionOnThousandsOfUsersAndCoversEveryCase() {
        SplittableRandom r = new SplittableRandom(7);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int slack = 0;
        int fromBelow = 0;
        int fromAbove = 0;
        int singleFree = 0;
        int noFree = 0;
        for (int n = 0; n < 20_000; n++) {
            Case c = random(r, n % 4);
            double phi = solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, d, s);
            double[] ref = bruteForce(c);
            for (int t = 0; t < T; t++) {
                assertEquals(ref[t], d[t], 1e-9, "case " + n + " hour " + t);
            }
            assertEquals(objective(c, ref), phi, 1e-9 * Math.max(1, Math.abs(phi)), "phi of case " + n);
            if (!solver.energyBinding()) {
                slack++;
            } else if (solver.mu() > 0) {
                fromBelow++;
            } else {
                fromAbove++;
            }
            singleFree += solver.freeCount() == 1 ? 1 : 0;
            noFree += solver.freeCount() == 0 ? 1 : 0;
        }
        assertTrue(slack > 1000 && fromBelow > 1000 && fromAbove > 1000 && singleFree > 100 && noFree > 100,
                "slack " + slack + " below " + fromBelow + " above " + fromAbove + " single " + singleFree + " none " + noFree);
    }

    @Test
    void kktConditionsHold() {
        SplittableRandom r = new SplittableRandom(11);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        for (int n = 0; n < 5000; n++) {
            Case c = random(r, n % 4);
            solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, d, s);
            double mu = solver.mu();
            double sum = 0;
            for (int t = 0; t < T; t++) {
                double g = c.alpha[t] - c.lambda[t] - c.beta * d[t] + mu; // stationarity residual
                assertTrue(d[t] >= c.dmin[t] - 1e-12 && d[t] <= c.dmax[t] + 1e-12, "bounds");
                if (d[t] > c.dmin[t] + 1e-9 && d[t] < c.dmax[t] - 1e-9) {
                    assertEquals(0, g, 1e-9, "free hour " + t);
                } else if (d[t] <= c.dmin[t] + 1e-9 && c.dmin[t] < c.dmax[t]) {
                    assertTrue(g <= 1e-9, "at dmin the marginal value is not positive: " + g);
                } else if (c.dmin[t] < c.dmax[t]) {
                    assertTrue(g >= -1e-9, "at dmax the marginal value is not negative: " + g);
                }
                sum += d[t];
            }
            double tol = 1e-9 * Math.max(1, sum);
            assertTrue(sum >= c.emin - tol && sum <= c.emax + tol, "energy bounds");
            if (mu > 0) {
                assertEquals(c.emin, sum, tol, "mu > 0 only with Emin binding");
            } else if (mu < 0) {
                assertEquals(c.emax, sum, tol, "mu < 0 only with Emax binding");
            }
        }
    }

    @Test
    void sensitivityMatchesFiniteDifferencesWhereTheActiveSetHolds() {
        SplittableRandom r = new SplittableRandom(3);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        double[] up = new double[T];
        double[] down = new double[T];
        double[] scratch = new double[T];
        double h = 1e-7;
        int checked = 0;
        for (int n = 0; n < 2000; n++) {
            Case c = random(r, 3);
            solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, d, s);
            int mask = solver.freeMask();
            boolean binding = solver.energyBinding();
            for (int t = 0; t < T; t++) {
                c.lambda[t] += h;
                solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, up, scratch);
                boolean same = solver.freeMask() == mask && solver.energyBinding() == binding;
                c.lambda[t] -= 2 * h;
                solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, down, scratch);
                same &= solver.freeMask() == mask && solver.energyBinding() == binding;
                c.lambda[t] += h;
                if (same) {
                    double fd = -(up[t] - down[t]) / (2 * h);
                    assertEquals(fd, s[t], 1e-6 * Math.max(1, Math.abs(fd)), "case " + n + " hour " + t);
                    checked++;
                }
            }
        }
        assertTrue(checked > 20_000, "checked " + checked);
    }

    @Test
    void theDualValueIsTheMaximumOverFeasibleProfiles() {
        SplittableRandom r = new SplittableRandom(5);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        for (int n = 0; n < 500; n++) {
            Case c = random(r, 3);
            double phi = solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, d, s);
            for (int k = 0; k < 50; k++) {
                // move energy between two hours, staying within every bound: a feasible neighbour
                int a = r.nextInt(T);
                int b = r.nextInt(T);
                double room = Math.min(d[a] - c.dmin[a], c.dmax[b] - d[b]);
                if (a == b || room <= 0) {
                    continue;
                }
                double[] e = d.clone();
                double x = room * r.nextDouble();
                e[a] -= x;
                e[b] += x;
                assertTrue(objective(c, e) <= phi + 1e-12, "a feasible profile beats the optimum");
            }
        }
    }
}
