package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.Hours;

/**
 * The exact storage solver (MODEL section 12) against an independent reference (accelerated projected
 * gradient on the Lagrangian dual of the state-of-charge constraints, written here), an independent
 * optimality certificate (no feasible transfer of energy between two hours gains: for a separable concave
 * objective on this path-flow polytope that is global optimality), feasibility, finite differences of the
 * sensitivity and warm starts, on random and corner cases. Every corner the generator aims at (full, empty,
 * power limit, idle) must actually occur in the solutions, so no check passes vacuously.
 */
class StorageSolverTest {
    static final int T = Hours.T;

    record Unit(double cap, double pow, double etaC, double etaD, double kappa, double soc0) {
        double e0() {
            return soc0 * cap;
        }
    }

    record Solution(double[] c, double[] g, double[] e, double[] s, double profit, double kkt, long active) {
    }

    static Solution solve(StorageSolver solver, Unit u, double[] lambda, long warm) {
        double[] c = new double[T];
        double[] g = new double[T];
        double[] e = new double[T];
        double[] s = new double[T];
        double profit = solver.solve(u.cap, u.pow, u.etaC, u.etaD, u.kappa, u.soc0, lambda, 0, warm, c, g, e, s);
        return new Solution(c, g, e, s, profit, solver.kktResidual(), solver.activeSet());
    }

    // ------------------------------------------------------------------------------------------------------
    // generator

    /** Prices with a night low, a midday dip (solar), an evening peak and noise. */
    static double[] prices(SplittableRandom r) {
        double base = 0.05 + 0.15 * r.nextDouble();
        double dip = 0.6 * r.nextDouble();
        double peak = 0.8 * r.nextDouble();
        double noise = 0.2 * r.nextDouble();
        double[] l = new double[T];
        for (int t = 0; t < T; t++) {
            double shape = 1 - dip * Math.exp(-(t - 13) * (t - 13) / 6.0) + peak * Math.exp(-(t - 19) * (t - 19) / 4.0)
                    - 0.2 * (t < 6 ? 1 : 0);
            l[t] = base * shape * (1 + noise * (r.nextDouble() - 0.5));
        }
        return l;
    }

    static Unit unit(SplittableRandom r) {
        double cap = 0.5 + 20 * r.nextDouble();
        double pow = 0.2 + 8 * r.nextDouble();
        double etaC = r.nextInt(4) == 0 ? 1.0 : 0.8 + 0.2 * r.nextDouble();
        double etaD = r.nextInt(4) == 0 ? 1.0 : 0.8 + 0.2 * r.nextDouble();
        double kappa = Math.exp(Math.log(0.0005) + r.nextDouble() * Math.log(200));
        int k = r.nextInt(5);
        double soc0 = k == 0 ? 0.0 : k == 1 ? 1.0 : k == 2 ? 0.5 : r.nextDouble();
        return new Unit(cap, pow, etaC, etaD, kappa, soc0);
    }

    // ------------------------------------------------------------------------------------------------------
    // independent checks

    static double hourProfit(Unit u, double lambda, double c, double g) {
        return lambda * (g - c) - 0.5 * u.kappa * (c * c + g * g);
    }

    static double profit(Unit u, double[] lambda, double[] c, double[] g) {
        double p = 0;
        for (int t = 0; t < T; t++) {
            p += hourProfit(u, lambda[t], c[t], g[t]);
        }
        return p;
    }

    /** Limits, the state of charge recomputed from the flows, the end state and the returned SOC. */
    static void assertFeasible(Unit u, Solution x, double tol) {
        double level = u.e0();
        for (int t = 0; t < T; t++) {
            assertTrue(x.c[t] >= 0 && x.c[t] <= u.pow, "charge within [0, P]");
            assertTrue(x.g[t] >= 0 && x.g[t] <= u.pow, "discharge within [0, P]");
            assertTrue(x.c[t] == 0 || x.g[t] == 0, "never charges and discharges in the same hour");
            level += u.etaC * x.c[t] - x.g[t] / u.etaD;
            assertTrue(level >= -tol && level <= u.cap + tol, "SOC within [0, E] at hour " + t + ": " + level);
            assertEquals(level, x.e[t], tol, "returned SOC");
        }
        assertEquals(u.e0(), level, tol, "end SOC = start SOC");
    }

    /**
     * Optimality certificate independent of the solver: with {@code x_t = eta_c c_t - g_t / eta_d} the
     * problem is a separable concave maximisation over flows on a path with bounded partial sums, whose
     * feasible directions are transfers of energy between two hours. Moving {@code dx} from hour b to hour a
     * (x_a up, x_b down) is feasible when x_a is below its top, x_b above its bottom and the SOC between them
     * has room; it must not gain (first order) beyond {@code tol}. Returns the largest gain found.
     */
    static double bestTransferGain(Unit u, double[] lambda, Solution x, double room) {
        double worst = Double.NEGATIVE_INFINITY;
        double[] xs = new double[T];
        double[] point = new double[T + 1];
        point[0] = u.e0();
        for (int t = 0; t < T; t++) {
            xs[t] = u.etaC * x.c[t] - x.g[t] / u.etaD;
            point[t + 1] = point[t] + xs[t];
        }
        for (int a = 0; a < T; a++) {
            if (xs[a] > u.etaC * u.pow - room) {
                continue;
            }
            double up = upSlope(u, lambda[a], xs[a]); // marginal profit of raising x_a
            for (int b = 0; b < T; b++) {
                if (b == a || xs[b] < -u.pow / u.etaD + room) {
                    continue;
                }
                // a before b: points a+1 .. b rise; a after b: points b+1 .. a fall
                boolean ok = true;
                if (a < b) {
                    for (int k = a + 1; k <= b && ok; k++) {
                        ok = point[k] < u.cap - room;
                    }
                } else {
                    for (int k = b + 1; k <= a && ok; k++) {
                        ok = point[k] > room;
                    }
                }
                if (ok) {
                    double down = downSlope(u, lambda[b], xs[b]); // marginal profit of lowering x_b
                    worst = Math.max(worst, up + down);
                }
            }
        }
        return worst;
    }

    /** d/dx (+) of the hour's best profit at flow x: charging x/eta_c or discharging -x eta_d. */
    static double upSlope(Unit u, double lambda, double x) {
        if (x >= 0) {
            double c = x / u.etaC;
            return (-lambda - u.kappa * c) / u.etaC;
        }
        double g = -x * u.etaD;
        return (-lambda + u.kappa * g) * u.etaD;
    }

    /** d/d(-x) (+) of the hour's best profit at flow x. */
    static double downSlope(Unit u, double lambda, double x) {
        if (x <= 0) {
            double g = -x * u.etaD;
            return (lambda - u.kappa * g) * u.etaD;
        }
        double c = x / u.etaC;
        return (lambda + u.kappa * c) / u.etaC;
    }

    /**
     * Reference: the Lagrangian dual of the SOC constraints (nu free for e_24 = e0; muL_k, muH_k >= 0 for
     * 0 <= e_k <= E, k = 1..23) minimised by FISTA with restarts. Returns the dual value (an upper bound on
     * every feasible profit) and writes the hourly flows at the final multipliers.
     */
    static double dualReference(Unit u, double[] lambda, int iterations, double[] cOut, double[] gOut) {
        int n = 1 + 2 * (T - 1);
        double[] y = new double[n];
        double[] yPrev = new double[n];
        double[] z = new double[n];
        double[] grad = new double[n];
        double maxSlope = Math.max(u.etaC * u.etaC, 1 / (u.etaD * u.etaD)) / u.kappa;
        double step = 1.0 / (maxSlope * (2 * T - 1) * T);
        double tk = 1;
        double last = Double.POSITIVE_INFINITY;
        for (int it = 0; it < iterations; it++) {
            dual(u, lambda, z, grad, null, null);
            for (int i = 0; i < n; i++) {
                yPrev[i] = y[i];
                double v = z[i] - step * grad[i];
                y[i] = i == 0 ? v : Math.max(v, 0.0);
            }
            double tNext = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
            double cur = dual(u, lambda, y, grad, null, null);
            if (cur > last) { // restart the momentum
                tk = 1;
                tNext = 1;
            }
            last = cur;
            for (int i = 0; i < n; i++) {
                z[i] = y[i] + (tk - 1) / tNext * (y[i] - yPrev[i]);
            }
            tk = tNext;
        }
        return dual(u, lambda, y, grad, cOut, gOut);
    }

    static double dual(Unit u, double[] lambda, double[] y, double[] grad, double[] cOut, double[] gOut) {
        double value = 0;
        double[] w = new double[T];
        double acc = y[0];
        for (int t = T - 1; t >= 0; t--) {
            w[t] = acc;
            if (t >= 1) {
                acc += y[1 + 2 * (t - 1)] - y[2 + 2 * (t - 1)]; // point t constrains hours 0..t-1
            }
        }
        double level = 0;
        double[] partial = new double[T + 1];
        for (int t = 0; t < T; t++) {
            double c = Math.min(Math.max((u.etaC * w[t] - lambda[t]) / u.kappa, 0), u.pow);
            double g = Math.min(Math.max((lambda[t] - w[t] / u.etaD) / u.kappa, 0), u.pow);
            double x = u.etaC * c - g / u.etaD;
            value += hourProfit(u, lambda[t], c, g) + w[t] * x;
            level += x;
            partial[t + 1] = level;
            if (cOut != null) {
                cOut[t] = c;
                gOut[t] = g;
            }
        }
        grad[0] = partial[T];
        for (int k = 1; k < T; k++) {
            double muL = y[1 + 2 * (k - 1)];
            double muH = y[2 + 2 * (k - 1)];
            value += muL * u.e0() + muH * (u.cap - u.e0());
            grad[1 + 2 * (k - 1)] = u.e0() + partial[k];
            grad[2 + 2 * (k - 1)] = u.cap - u.e0() - partial[k];
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------------------
    // tests

    @Test
    void randomDaysMatchTheDualReferenceAndAreOptimal() {
        SplittableRandom r = new SplittableRandom(16);
        StorageSolver solver = new StorageSolver();
        int atFull = 0;
        int atEmpty = 0;
        int atPower = 0;
        int idleHours = 0;
        double maxFlowGap = 0;
        for (int i = 0; i < 60; i++) {
            Unit u = unit(r);
            double[] lambda = prices(r);
            Solution x = solve(solver, u, lambda, 0);
            double scale = Math.max(1, u.cap);
            assertFeasible(u, x, 1e-9 * scale);
            assertTrue(x.kkt <= 1e-9 * scale, "KKT residual " + x.kkt);
            assertEquals(profit(u, lambda, x.c, x.g), x.profit, 1e-12 * (1 + Math.abs(x.profit)));
            assertTrue(bestTransferGain(u, lambda, x, 1e-9 * scale) <= 1e-9, "a transfer of energy gains");
            double[] cr = new double[T];
            double[] gr = new double[T];
            double dualValue = dualReference(u, lambda, 60000, cr, gr);
            // weak duality: no feasible schedule beats a dual value; and the gap closes
            assertTrue(x.profit <= dualValue + 1e-12 * (1 + Math.abs(dualValue)), "weak duality");
            assertEquals(dualValue, x.profit, 1e-6 * (1 + Math.abs(dualValue)), "duality gap, case " + i);
            for (int t = 0; t < T; t++) {
                maxFlowGap = Math.max(maxFlowGap, Math.abs(cr[t] - x.c[t]) + Math.abs(gr[t] - x.g[t]));
                if (Math.abs(x.e[t] - u.cap) < 1e-12 && t < T - 1) {
                    atFull++;
                }
                if (Math.abs(x.e[t]) < 1e-12 && t < T - 1) {
                    atEmpty++;
                }
                if (x.c[t] == u.pow || x.g[t] == u.pow) {
                    atPower++;
                }
                if (x.c[t] == 0 && x.g[t] == 0) {
                    idleHours++;
                }
            }
        }
        assertTrue(maxFlowGap < 1e-3 * 8, "flows match the reference: " + maxFlowGap);
        assertTrue(atFull > 0 && atEmpty > 0 && atPower > 0 && idleHours > 0,
                "corners occur: full " + atFull + ", empty " + atEmpty + ", power " + atPower + ", idle " + idleHours);
    }

    @Test
    void manyRandomDaysAreOptimalByTheTransferCertificate() {
        SplittableRandom r = new SplittableRandom(1216);
        StorageSolver solver = new StorageSolver();
        for (int i = 0; i < 5000; i++) {
            Unit u = unit(r);
            double[] lambda = prices(r);
            if (i % 3 == 0) { // rougher prices: many switches between charging and discharging
                for (int t = 0; t < T; t++) {
                    lambda[t] = 0.02 + 0.3 * r.nextDouble();
                }
            }
            Solution x = solve(solver, u, lambda, 0);
            double scale = Math.max(1, u.cap);
            assertFeasible(u, x, 1e-9 * scale);
            assertTrue(x.kkt <= 1e-9 * scale, "KKT residual " + x.kkt);
            assertTrue(bestTransferGain(u, lambda, x, 1e-9 * scale) <= 1e-9, "case " + i + ": a transfer gains");
        }
    }

    @Test
    void flatPricesLeaveTheUnitIdle() {
        StorageSolver solver = new StorageSolver();
        double[] lambda = new double[T];
        Arrays.fill(lambda, 0.17);
        for (double eta : new double[] {1.0, 0.9}) {
            Unit u = new Unit(10, 5, eta, eta, 0.01, 0.5);
            Solution x = solve(solver, u, lambda, 0);
            assertArrayEquals(new double[T], x.c, 0.0);
            assertArrayEquals(new double[T], x.g, 0.0);
            double[] soc = new double[T];
            Arrays.fill(soc, 5.0);
            assertArrayEquals(soc, x.e, 0.0);
            assertArrayEquals(new double[T], x.s, 0.0);
            assertEquals(0.0, x.profit, 0.0);
        }
    }

    @Test
    void twoPriceLevelsWithUnitEfficiencyHaveTheClosedForm() {
        // 12 cheap hours then 12 dear ones, eta = 1, no SOC bound binding: with w constant,
        // c = (w - lo)/kappa in cheap hours, g = (hi - w)/kappa in dear ones, balance gives w = (lo + hi)/2
        double lo = 0.08;
        double hi = 0.20;
        double kappa = 0.02;
        double[] lambda = new double[T];
        for (int t = 0; t < T; t++) {
            lambda[t] = t < 12 ? lo : hi;
        }
        Unit u = new Unit(1000, 100, 1, 1, kappa, 0.5);
        Solution x = solve(new StorageSolver(), u, lambda, 0);
        double flow = (hi - lo) / 2 / kappa; // 3 kWh per hour
        for (int t = 0; t < T; t++) {
            assertEquals(t < 12 ? flow : 0, x.c[t], 1e-12);
            assertEquals(t < 12 ? 0 : flow, x.g[t], 1e-12);
            // each free hour: (1 - 1/24)/kappa
            assertEquals((1 - 1.0 / 24) / kappa, x.s[t], 1e-9);
        }
        assertEquals(12 * (hi - lo) * flow - 24 * 0.5 * kappa * flow * flow, x.profit, 1e-12);
    }

    @Test
    void capacityAndPowerLimitsBind() {
        double[] lambda = new double[T];
        for (int t = 0; t < T; t++) {
            lambda[t] = t < 12 ? 0.05 : 0.30;
        }
        StorageSolver solver = new StorageSolver();
        // small capacity: fills up during the cheap hours, empties in the dear ones, starts and ends empty
        Unit small = new Unit(2, 100, 1, 1, 0.001, 0.0);
        Solution x = solve(solver, small, lambda, 0);
        assertEquals(2.0, x.e[11], 1e-12);
        assertEquals(2.0 / 12, x.c[0], 1e-12);
        assertEquals(2.0 / 12, x.g[23], 1e-12);
        assertTrue(x.kkt <= 1e-12);
        // free hours of a stretch between fixed points: (1 - 1/12)/kappa
        assertEquals((1 - 1.0 / 12) / 0.001, x.s[3], 1e-6);
        // small power: at P in every hour, SOC bounds slack
        Unit weak = new Unit(1000, 0.5, 1, 1, 0.001, 0.5);
        Solution y = solve(solver, weak, lambda, 0);
        for (int t = 0; t < T; t++) {
            assertEquals(t < 12 ? 0.5 : 0.0, y.c[t], 0.0);
            assertEquals(t < 12 ? 0.0 : 0.5, y.g[t], 0.0);
            assertEquals(0.0, y.s[t], 0.0);
        }
        // full at the start: may only discharge first, then refill
        Unit fullStart = new Unit(5, 100, 0.95, 0.95, 0.001, 1.0);
        double[] reverse = new double[T];
        for (int t = 0; t < T; t++) {
            reverse[t] = t < 12 ? 0.30 : 0.05;
        }
        Solution z = solve(solver, fullStart, reverse, 0);
        assertEquals(0.0, z.e[11], 1e-12);
        assertTrue(z.g[0] > 0 && z.c[23] > 0);
        assertFeasible(fullStart, z, 1e-12);
    }

    @Test
    void sensitivityMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(7);
        StorageSolver solver = new StorageSolver();
        int checked = 0;
        int positive = 0;
        for (int i = 0; i < 400; i++) {
            Unit u = unit(r);
            double[] lambda = prices(r);
            Solution x = solve(solver, u, lambda, 0);
            for (int t = 0; t < T; t++) {
                double h = 1e-7 * (1 + Math.abs(lambda[t]));
                double[] up = lambda.clone();
                up[t] += h;
                double[] down = lambda.clone();
                down[t] -= h;
                Solution a = solve(solver, u, up, 0);
                Solution b = solve(solver, u, down, 0);
                double right = -((a.c[t] - a.g[t]) - (x.c[t] - x.g[t])) / h;
                double left = -((x.c[t] - x.g[t]) - (b.c[t] - b.g[t])) / h;
                double tol = 1e-4 * (1 + Math.abs(right)) / 1;
                if (Math.abs(right - left) <= tol) { // away from a kink
                    assertEquals(right, x.s[t], 1e-4 * (1 + Math.abs(right)), "case " + i + ", hour " + t);
                    checked++;
                    if (x.s[t] > 0) {
                        positive++;
                    }
                }
            }
        }
        assertTrue(checked > 5000 && positive > 1000, "checked " + checked + ", positive " + positive);
    }

    @Test
    void warmStartGivesTheSameAnswer() {
        SplittableRandom r = new SplittableRandom(99);
        StorageSolver solver = new StorageSolver();
        int fewer = 0;
        for (int i = 0; i < 500; i++) {
            Unit u = unit(r);
            double[] lambda = prices(r);
            Solution cold = solve(solver, u, lambda, 0);
            int coldSteps = solver.iterations();
            double[] moved = lambda.clone();
            for (int t = 0; t < T; t++) {
                moved[t] *= 1 + 0.01 * (r.nextDouble() - 0.5);
            }
            Solution ref = solve(solver, u, moved, 0);
            int refSteps = solver.iterations();
            Solution warm = solve(solver, u, moved, cold.active);
            if (solver.iterations() < refSteps) {
                fewer++;
            }
            assertTrue(coldSteps >= 1);
            for (int t = 0; t < T; t++) {
                assertEquals(ref.c[t], warm.c[t], 1e-9 * Math.max(1, u.cap));
                assertEquals(ref.g[t], warm.g[t], 1e-9 * Math.max(1, u.cap));
            }
            // a wrong warm start (everything fixed full) is corrected
            Solution wrong = solve(solver, u, moved, (1L << T) - 2);
            for (int t = 0; t < T; t++) {
                assertEquals(ref.c[t], wrong.c[t], 1e-9 * Math.max(1, u.cap));
            }
        }
        assertTrue(fewer > 50, "warm starts save steps: " + fewer);
    }

    @Test
    void noCapacityOrPowerMeansIdle() {
        double[] lambda = prices(new SplittableRandom(3));
        StorageSolver solver = new StorageSolver();
        for (Unit u : new Unit[] {new Unit(0, 5, 0.9, 0.9, 0.01, 0.5), new Unit(10, 0, 0.9, 0.9, 0.01, 0.3)}) {
            Solution x = solve(solver, u, lambda, 0);
            assertArrayEquals(new double[T], x.c, 0.0);
            assertArrayEquals(new double[T], x.g, 0.0);
            assertEquals(0.0, x.profit, 0.0);
            assertEquals(u.e0(), x.e[5], 0.0);
        }
    }

    @Test
    void kinkDistancesNeverOvershootTheNextChangeOfSensitivity() {
        SplittableRandom r = new SplittableRandom(2016);
        StorageSolver solver = new StorageSolver();
        double[] up = new double[T];
        double[] down = new double[T];
        int checked = 0;
        int finite = 0;
        int far = 0;
        for (int i = 0; i < 300; i++) {
            Unit u = unit(r);
            double[] lambda = prices(r);
            Solution x = solve(solver, u, lambda, 0);
            solver.kinkDistances(up, down);
            for (int t = 0; t < T; t++) {
                for (int side = 0; side < 2; side++) {
                    double dist = side == 0 ? up[t] : down[t];
                    assertTrue(dist >= 0, "distances are >= 0");
                    if (dist < 0.5) {
                        finite++;
                    }
                    dist = Math.min(dist, 0.5); // beyond: try a large move (prices stay realistic)
                    if (dist > 1e-6) {
                        far++;
                    }
                    for (double f : new double[] {0.25, 0.5, 0.9}) {
                        double[] moved = lambda.clone();
                        moved[t] += (side == 0 ? 1 : -1) * f * dist;
                        Solution y = solve(solver, u, moved, 0);
                        assertEquals(x.s[t], y.s[t], 1e-6 * (1 + x.s[t]),
                                "case " + i + ", hour " + t + (side == 0 ? " up " : " down ") + f + " of " + dist);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 10000 && finite > 1000 && far > 1000, checked + " " + finite + " " + far);
    }
}
