package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;

/**
 * The exact follower solver (MODEL section 4) against an independent bisection reference, the KKT conditions,
 * central finite differences of its sensitivity and the definition of its dual value, on thousands of random
 * user-days from a seeded generator. Each generated case is classified from the reference solution (not from
 * the solver) and every class must actually occur, so no check can pass vacuously.
 */
class FollowerSolverTest {
    static final int T = Hours.T;
    static final int USERS = 5000;

    /** One user-day: the follower problem and the prices it is solved at. */
    record Case(double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax, double[] lambda) {
    }

    // ------------------------------------------------------------------------------------------------------
    // generator

    static final int GENERIC = 0;
    static final int PINNED_HOURS = 1;
    static final int SINGLE_FREE = 2;
    static final int ZERO_FLEX = 3;
    static final int CALIBRATED_FIXED_ENERGY = 4;
    static final int CALIBRATED_ENERGY_FLEX = 5;
    static final int FIXED_ENERGY_WIDE = 6;
    static final int KINDS = 7;

    /** Residential-like reference load: night base, morning and evening peaks, with per-hour noise. */
    static double[] residential(SplittableRandom r) {
        double level = 0.2 + 0.8 * r.nextDouble();
        double morning = 6 + 3 * r.nextDouble();
        double evening = 17 + 4 * r.nextDouble();
        double[] ref = new double[T];
        for (int t = 0; t < T; t++) {
            double peaks = 1 + 0.8 * Math.exp(-(t - morning) * (t - morning) / 3)
                    + 1.5 * Math.exp(-(t - evening) * (t - evening) / 4);
            ref[t] = level * peaks * (0.8 + 0.4 * r.nextDouble());
        }
        return ref;
    }

    static double[] tariff(SplittableRandom r) {
        double[] p0 = new double[T];
        double base = 0.08 + 0.1 * r.nextDouble();
        boolean timeOfUse = r.nextBoolean();
        for (int t = 0; t < T; t++) {
            p0[t] = timeOfUse ? (t < 7 || t >= 22 ? 0.6 * base : (t >= 16 && t < 21 ? 1.6 * base : base)) : base;
        }
        return p0;
    }

    static Case calibrated(SplittableRandom r, double energyFlex, double spread) {
        double[] ref = residential(r);
        double[] p0 = tariff(r);
        double[] alpha = new double[T];
        double[] dmin = new double[T];
        double[] dmax = new double[T];
        double[] energy = new double[2];
        double eps = -(0.05 + 0.45 * r.nextDouble());
        double flex = 0.05 + 0.45 * r.nextDouble();
        double beta = Calibration.calibrate(ref, p0, eps, flex, energyFlex, alpha, dmin, dmax, energy);
        double[] lambda = new double[T];
        double shift = energyFlex > 0 ? 1 + spread * (2 * r.nextDouble() - 1) : 1; // moves total demand
        for (int t = 0; t < T; t++) {
            lambda[t] = p0[t] * shift * (1 + spread * (2 * r.nextDouble() - 1));
        }
        return new Case(alpha, beta, dmin, dmax, energy[0], energy[1], lambda);
    }

    static Case generate(SplittableRandom r, int kind) {
        if (kind == CALIBRATED_FIXED_ENERGY) {
            return calibrated(r, 0.0, r.nextBoolean() ? 0.2 : 0.6);
        }
        if (kind == CALIBRATED_ENERGY_FLEX) {
            return calibrated(r, 0.02 + 0.2 * r.nextDouble(), 0.5);
        }
        double[] alpha = new double[T];
        double[] dmin = new double[T];
        double[] dmax = new double[T];
        double[] lambda = new double[T];
        double beta = 0.05 + r.nextDouble();
        int freeHour = r.nextInt(T);
        for (int t = 0; t < T; t++) {
            alpha[t] = 0.05 + 0.3 * r.nextDouble();
            lambda[t] = 0.02 + 0.2 * r.nextDouble();
            double ref = 0.2 + r.nextDouble();
            switch (kind) {
                case PINNED_HOURS -> { // some hours fixed (dmin = dmax), the rest wide
                    boolean pinned = r.nextDouble() < 0.3;
                    dmin[t] = pinned ? ref : 0.2 * ref * r.nextDouble();
                    dmax[t] = pinned ? ref : ref * (1 + 2 * r.nextDouble());
                }
                case SINGLE_FREE -> { // every hour fixed but one
                    dmin[t] = t == freeHour ? 0.0 : ref;
                    dmax[t] = t == freeHour ? 10 * ref : ref;
                }
                case ZERO_FLEX -> {
                    dmin[t] = ref;
                    dmax[t] = ref;
                }
                case FIXED_ENERGY_WIDE -> {
                    dmin[t] = 0.0;
                    dmax[t] = 3 * ref;
                }
                default -> {
                    dmin[t] = 0.8 * ref * r.nextDouble();
                    dmax[t] = ref * (1 + r.nextDouble());
                }
            }
        }
        double sumMin = sum(dmin);
        double sumMax = sum(dmax);
        if (kind == ZERO_FLEX) {
            return new Case(alpha, beta, dmin, dmax, sumMin, sumMin, lambda);
        }
        double mid = sumMin + (0.05 + 0.9 * r.nextDouble()) * (sumMax - sumMin);
        if (kind == FIXED_ENERGY_WIDE) {
            return new Case(alpha, beta, dmin, dmax, mid, mid, lambda);
        }
        double emin;
        double emax;
        switch (r.nextInt(5)) {
            case 0 -> { // fixed daily energy
                emin = mid;
                emax = mid;
            }
            case 1 -> { // slack
                emin = sumMin;
                emax = sumMax;
            }
            case 2 -> { // likely to bind from below
                emin = sumMin + (0.6 + 0.35 * r.nextDouble()) * (sumMax - sumMin);
                emax = sumMax;
            }
            case 3 -> { // likely to bind from above
                emin = sumMin;
                emax = sumMin + (0.02 + 0.25 * r.nextDouble()) * (sumMax - sumMin);
            }
            default -> { // an interval around the middle
                emin = mid - 0.1 * (mid - sumMin);
                emax = mid + 0.1 * (sumMax - mid);
            }
        }
        return new Case(alpha, beta, dmin, dmax, emin, emax, lambda);
    }

    // ------------------------------------------------------------------------------------------------------
    // independent reference

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static double demand(Case c, int t, double mu) {
        return clip((c.alpha[t] - c.lambda[t] + mu) / c.beta, c.dmin[t], c.dmax[t]);
    }

    static double total(Case c, double mu) {
        double s = 0;
        for (int t = 0; t < T; t++) {
            s += demand(c, t, mu);
        }
        return s;
    }

    /**
     * The energy multiplier by plain bisection: 0 when {@code sum_t d_t(0)} lies in the energy bounds, else 256
     * halvings of a bracket that holds every breakpoint (far below it all hours sit at dmin, far above at dmax).
     */
    static double referenceMu(Case c) {
        double s0 = total(c, 0);
        if (s0 >= c.emin && s0 <= c.emax) {
            return 0;
        }
        double target = s0 < c.emin ? c.emin : c.emax;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < T; t++) {
            double z = c.alpha[t] - c.lambda[t];
            lo = Math.min(lo, c.beta * c.dmin[t] - z);
            hi = Math.max(hi, c.beta * c.dmax[t] - z);
        }
        lo -= 1;
        hi += 1;
        for (int i = 0; i < 256; i++) {
            double mid = 0.5 * (lo + hi);
            if (total(c, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static double[] referenceDemand(Case c, double mu) {
        double[] d = new double[T];
        for (int t = 0; t < T; t++) {
            d[t] = demand(c, t, mu);
        }
        return d;
    }

    /** Utility minus cost of a profile, straight from the problem statement. */
    static double objective(Case c, double[] d) {
        double v = 0;
        for (int t = 0; t < T; t++) {
            v += c.alpha[t] * d[t] - c.beta * d[t] * d[t] / 2 - c.lambda[t] * d[t];
        }
        return v;
    }

    /** The size of the terms of the objective, the scale for relative comparisons of phi. */
    static double objectiveScale(Case c, double[] d) {
        double v = 0;
        for (int t = 0; t < T; t++) {
            v += Math.abs(c.alpha[t] * d[t]) + c.beta * d[t] * d[t] / 2 + Math.abs(c.lambda[t] * d[t]);
        }
        return v;
    }

    static double solve(FollowerSolver solver, Case c, double[] d, double[] s) {
        return solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, c.lambda, 0, d, s);
    }

    // ------------------------------------------------------------------------------------------------------

    @Test
    void matchesBisectionReferenceOnThousandsOfUsersCoveringEveryCase() {
        SplittableRandom r = new SplittableRandom(20261124L);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int hourBound = 0;
        int fromBelow = 0;
        int fromAbove = 0;
        int slack = 0;
        int somePinned = 0;
        int singleFree = 0;
        int zeroFlex = 0;
        int fixedEnergyWide = 0;
        int noFree = 0;
        for (int n = 0; n < USERS; n++) {
            Case c = generate(r, n % KINDS);
            double phi = solve(solver, c, d, s);
            double mu = referenceMu(c);
            double[] ref = referenceDemand(c, mu);
            for (int t = 0; t < T; t++) {
                assertEquals(ref[t], d[t], 1e-9, "user " + n + " hour " + t);
            }
            double phiRef = objective(c, ref);
            assertEquals(phiRef, phi, 1e-9 * Math.max(Math.abs(phiRef), objectiveScale(c, ref)), "phi of user " + n);

            // classify the case from the reference solution
            double s0 = total(c, 0);
            if (s0 < c.emin - 1e-9) {
                fromBelow++;
                assertTrue(solver.energyBinding() && solver.mu() > 0, "Emin binds for user " + n);
            } else if (s0 > c.emax + 1e-9) {
                fromAbove++;
                assertTrue(solver.energyBinding() && solver.mu() < 0, "Emax binds for user " + n);
            } else if (s0 > c.emin + 1e-9 && s0 < c.emax - 1e-9) {
                slack++;
                assertTrue(!solver.energyBinding() && solver.mu() == 0, "energy bounds slack for user " + n);
            }
            int free = 0;
            int pinned = 0;
            boolean atHourBound = false;
            boolean wide = true;
            for (int t = 0; t < T; t++) {
                double x = (c.alpha[t] - c.lambda[t] + mu) / c.beta;
                if (c.dmin[t] == c.dmax[t]) {
                    pinned++;
                    wide = false;
                } else if (x <= c.dmin[t] || x >= c.dmax[t]) {
                    atHourBound = true;
                } else {
                    free++;
                }
            }
            hourBound += atHourBound ? 1 : 0;
            somePinned += pinned > 0 && pinned < T ? 1 : 0;
            singleFree += free == 1 ? 1 : 0;
            noFree += free == 0 ? 1 : 0;
            zeroFlex += pinned == T && c.emin == c.emax ? 1 : 0;
            fixedEnergyWide += wide && c.emin == c.emax ? 1 : 0;
        }
        String counts = "hourBound " + hourBound + " fromBelow " + fromBelow + " fromAbove " + fromAbove + " slack "
                + slack + " somePinned " + somePinned + " singleFree " + singleFree + " zeroFlex " + zeroFlex
                + " fixedEnergyWide " + fixedEnergyWide + " noFree " + noFree;
        assertTrue(hourBound > 1000, counts);
        assertTrue(fromBelow > 500, counts);
        assertTrue(fromAbove > 500, counts);
        assertTrue(slack > 500, counts);
        assertTrue(somePinned > 500, counts);
        assertTrue(singleFree > 200, counts);
        assertTrue(zeroFlex > 500, counts);
        assertTrue(fixedEnergyWide > 1000, counts);
        assertTrue(noFree > 500, counts);
    }

    @Test
    void kktConditionsHoldWithTheReportedMultiplier() {
        SplittableRandom r = new SplittableRandom(11);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int free = 0;
        int atMin = 0;
        int atMax = 0;
        int positiveMu = 0;
        int negativeMu = 0;
        for (int n = 0; n < USERS; n++) {
            Case c = generate(r, n % KINDS);
            solve(solver, c, d, s);
            double mu = solver.mu();
            for (int t = 0; t < T; t++) {
                assertTrue(d[t] >= c.dmin[t] && d[t] <= c.dmax[t], "hour bounds, user " + n + " hour " + t);
                double g = c.alpha[t] - c.lambda[t] - c.beta * d[t] + mu; // stationarity residual
                boolean lo = d[t] <= c.dmin[t] + 1e-12;
                boolean hi = d[t] >= c.dmax[t] - 1e-12;
                if (lo && hi) {
                    continue; // dmin = dmax: any multiplier
                } else if (lo) {
                    atMin++;
                    assertTrue(g <= 1e-9, "at dmin the marginal value must not be positive: " + g + ", user " + n);
                } else if (hi) {
                    atMax++;
                    assertTrue(g >= -1e-9, "at dmax the marginal value must not be negative: " + g + ", user " + n);
                } else {
                    free++;
                    assertEquals(0, g, 1e-9, "free hour " + t + " of user " + n);
                    assertTrue((solver.freeMask() >>> t & 1) == 1, "free hour " + t + " in the mask, user " + n);
                }
            }
            double total = sum(d);
            double tol = 1e-9 * Math.max(1, total);
            assertTrue(total >= c.emin - tol && total <= c.emax + tol, "energy bounds, user " + n);
            if (mu > 0) {
                positiveMu++;
                assertEquals(c.emin, total, tol, "mu > 0 only with Emin binding, user " + n);
            } else if (mu < 0) {
                negativeMu++;
                assertEquals(c.emax, total, tol, "mu < 0 only with Emax binding, user " + n);
            }
            if (!solver.energyBinding()) {
                assertEquals(0.0, mu, 0.0, "no multiplier without a binding energy bound, user " + n);
            }
        }
        assertTrue(free > 10_000 && atMin > 5_000 && atMax > 5_000 && positiveMu > 500 && negativeMu > 500,
                "free " + free + " atMin " + atMin + " atMax " + atMax + " mu>0 " + positiveMu + " mu<0 " + negativeMu);
    }

    @Test
    void sensitivityMatchesCentralFiniteDifferencesWhereTheActiveSetHolds() {
        SplittableRandom r = new SplittableRandom(3);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        double[] up = new double[T];
        double[] down = new double[T];
        double[] scratch = new double[T];
        double h = 1e-6;
        int checked = 0;
        int checkedFreeSlack = 0;
        int checkedFreeBinding = 0;
        int checkedAtBound = 0;
        int total = 0;
        for (int n = 0; n < 2000; n++) {
            Case c = generate(r, n % KINDS);
            solve(solver, c, d, s);
            int mask = solver.freeMask();
            boolean binding = solver.energyBinding();
            int freeCount = solver.freeCount();
            assertEquals(Integer.bitCount(mask), freeCount, "freeCount matches freeMask");
            for (int t = 0; t < T; t++) {
                total++;
                double keep = c.lambda[t];
                c.lambda[t] = keep + h;
                solve(solver, c, up, scratch);
                boolean same = solver.freeMask() == mask && solver.energyBinding() == binding;
                c.lambda[t] = keep - h;
                solve(solver, c, down, scratch);
                same &= solver.freeMask() == mask && solver.energyBinding() == binding;
                c.lambda[t] = keep;
                if (!same) {
                    continue;
                }
                double fd = -(up[t] - down[t]) / (2 * h);
                double scale = Math.max(Math.abs(fd), 1 / c.beta);
                assertEquals(fd, s[t], 1e-6 * scale, "user " + n + " hour " + t + " binding " + binding + " |F| " + freeCount);
                checked++;
                if ((mask >>> t & 1) == 0) {
                    checkedAtBound++;
                } else if (binding && freeCount > 1) {
                    checkedFreeBinding++;
                } else if (!binding) {
                    checkedFreeSlack++;
                }
            }
        }
        assertTrue(checked > total / 2 && checkedFreeSlack > 2000 && checkedFreeBinding > 2000 && checkedAtBound > 2000,
                "checked " + checked + " of " + total + ": free slack " + checkedFreeSlack + ", free binding "
                        + checkedFreeBinding + ", at a bound " + checkedAtBound);
    }

    /** A random feasible profile: uniform in the hourly box, then moved toward dmax or dmin into the energy bounds. */
    static double[] randomFeasible(SplittableRandom r, Case c) {
        double[] x = new double[T];
        for (int t = 0; t < T; t++) {
            x[t] = c.dmin[t] + r.nextDouble() * (c.dmax[t] - c.dmin[t]);
        }
        double total = sum(x);
        if (total < c.emin) {
            double room = sum(c.dmax) - total;
            double theta = room > 0 ? Math.min(1, (c.emin - total) / room) : 0;
            for (int t = 0; t < T; t++) {
                x[t] += theta * (c.dmax[t] - x[t]);
            }
        } else if (total > c.emax) {
            double room = total - sum(c.dmin);
            double theta = room > 0 ? Math.min(1, (total - c.emax) / room) : 0;
            for (int t = 0; t < T; t++) {
                x[t] -= theta * (x[t] - c.dmin[t]);
            }
        }
        return x;
    }

    @Test
    void theDualValueIsTheMaximumOfUtilityMinusCost() {
        SplittableRandom r = new SplittableRandom(5);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int neighbours = 0;
        for (int n = 0; n < 1000; n++) {
            Case c = generate(r, n % KINDS);
            double phi = solve(solver, c, d, s);
            double scale = objectiveScale(c, d);
            assertEquals(objective(c, d), phi, 1e-12 * scale, "phi is utility minus cost at the solution, user " + n);
            double tol = 1e-12 * scale;
            for (int k = 0; k < 100; k++) {
                double[] x = randomFeasible(r, c);
                assertTrue(objective(c, x) <= phi + tol, "a random feasible profile beats phi, user " + n);
            }
            for (int k = 0; k < 100; k++) {
                // shift energy between two hours of the solution within their bounds: a feasible neighbour
                int a = r.nextInt(T);
                int b = r.nextInt(T);
                double room = Math.min(d[a] - c.dmin[a], c.dmax[b] - d[b]);
                if (a == b || room <= 0) {
                    continue;
                }
                double[] x = d.clone();
                double step = room * Math.pow(10, -6 * r.nextDouble());
                x[a] -= step;
                x[b] += step;
                neighbours++;
                assertTrue(objective(c, x) <= phi + tol, "a feasible neighbour beats phi, user " + n);
            }
        }
        assertTrue(neighbours > 20_000, "neighbours " + neighbours);
    }

    @Test
    void readsPricesAtTheOffsetAndIgnoresTheRestOfTheArray() {
        SplittableRandom r = new SplittableRandom(9);
        FollowerSolver solver = new FollowerSolver();
        Case c = generate(r, GENERIC);
        double[] days = new double[5 * T];
        for (int i = 0; i < days.length; i++) {
            days[i] = 0.02 + 0.2 * r.nextDouble();
        }
        double[] d = new double[T];
        double[] s = new double[T];
        double[] d2 = new double[T];
        double[] s2 = new double[T];
        for (int k = 0; k < 5; k++) {
            double phi = solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, days, k * T, d, s);
            double[] own = Arrays.copyOfRange(days, k * T, (k + 1) * T);
            double phi2 = solver.solve(c.alpha, c.beta, c.dmin, c.dmax, c.emin, c.emax, own, 0, d2, s2);
            assertArrayEquals(d2, d, 0.0);
            assertArrayEquals(s2, s, 0.0);
            assertEquals(phi2, phi, 0.0);
        }
    }

    @Test
    void aUserAcceptedByValidationIsSolvedEvenWhenItsEnergyBoundsMeetTheHourlyBoundsOnlyToRounding() {
        // Fixed hours and a fixed daily energy given as the same total summed in another order (as a CSV
        // written by another tool would have it): EndUserDay accepts it, so the solver must solve it.
        SplittableRandom r = new SplittableRandom(13);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int differ = 0;
        for (int n = 0; n < 200; n++) {
            double[] ref = new double[T];
            double[] alpha = new double[T];
            double[] lambda = new double[T];
            for (int t = 0; t < T; t++) {
                ref[t] = 0.1 + r.nextDouble();
                alpha[t] = 0.3;
                lambda[t] = 0.1 + 0.1 * r.nextDouble();
            }
            double reversed = 0;
            for (int t = T - 1; t >= 0; t--) {
                reversed += ref[t];
            }
            differ += reversed != sum(ref) ? 1 : 0;
            EndUserDay u = new EndUserDay("U" + n, alpha, 1.0, ref, ref, reversed, reversed);
            solver.solve(u.alpha(), u.beta(), u.dmin(), u.dmax(), u.emin(), u.emax(), lambda, 0, d, s);
            assertArrayEquals(ref, d, 0.0, "user " + n);
            assertArrayEquals(new double[T], s, 0.0);
        }
        assertTrue(differ > 50, "the two orders of summation differ in " + differ + " cases");
    }

    @Test
    void aGenuinelyInfeasibleUserIsAnErrorNotAnAnswer() {
        double[] alpha = new double[T];
        double[] lo = new double[T];
        double[] hi = new double[T];
        double[] lambda = new double[T];
        Arrays.fill(alpha, 0.3);
        Arrays.fill(lo, 1.0);
        Arrays.fill(hi, 2.0);
        Arrays.fill(lambda, 0.1);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        assertThrows(ArithmeticException.class, () -> solver.solve(alpha, 1.0, lo, hi, 10, 20, lambda, 0, d, s));
        assertThrows(ArithmeticException.class, () -> solver.solve(alpha, 1.0, lo, hi, 50, 60, lambda, 0, d, s));
    }

    /** Mean evaluations of the demand sum per solve over calibrated users at prices near their tariff. */
    static double evaluationsPerSolve(double energyFlex, double spread) {
        SplittableRandom r = new SplittableRandom(20261202L);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        int n = 2000;
        for (int j = 0; j < n; j++) {
            solve(solver, calibrated(r, energyFlex, spread), d, s);
        }
        return solver.evaluations() / (double) n;
    }

    @Test
    void aSolveTakesAtMostTwoEvaluationsWhenHoursAreFree() {
        // the sum at mu = 0, then, where an energy bound binds, the root of its linear piece, which is exact when
        // no hour changes state: the breakpoint search (a sort and a bisection) is for users whose hours do
        double fixed = evaluationsPerSolve(0, 0.05);
        double flexible = evaluationsPerSolve(0.1, 0.05);
        assertEquals(2.0, fixed, 0.02, "fixed daily energy");
        assertTrue(flexible <= 2.0, "flexible daily energy: " + flexible);
    }
}
