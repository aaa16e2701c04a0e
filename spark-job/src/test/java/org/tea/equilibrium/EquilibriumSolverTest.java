package org.tea.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassRequest;
import org.tea.engine.local.LocalEngine;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/** Analytic answers of MODEL section 7, with the work they take bounded. */
class EquilibriumSolverTest {
    private static final int T = Hours.T;

    static EquilibriumResult solve(Instances.Market m, SolverSettings s) {
        try (LocalEngine engine = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
            return new EquilibriumSolver(s).solve(engine, m.prices(), null);
        }
    }

    static SolverSettings tight(Behaviour b) {
        return new SolverSettings(b, ClearingMethod.NEWTON, new ClearingCriterion(1e-12), new SensitivityCriterion(1e-9),
                1.0, 50, 50, 1e-5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void strategicProsumersClearAtTheCournotPrice(int n) {
        double alpha = 0.30;
        double piS = 0.03;
        Instances.Market m = Instances.cournot(40, alpha, 0.5, n, 1e4, piS, 0.50, 3);
        EquilibriumResult r = solve(m, tight(Behaviour.STRATEGIC));
        double expected = (alpha + n * piS) / (n + 1);
        for (int i = 0; i < r.lambda().length; i++) {
            assertEquals(expected, r.lambda()[i], 1e-9, "hour " + i);
        }
        for (DayResult d : r.days()) {
            assertEquals(Status.CONVERGED, d.status());
            assertTrue(d.outerIterations() <= 2, "outer iterations " + d.outerIterations());
            assertTrue(d.innerPasses() <= 6, "inner passes " + d.innerPasses());
            assertTrue(d.maxBestResponseGap() < 1e-9, "best-response gap " + d.maxBestResponseGap());
        }
    }

    @Test
    void anEquilibriumOnAKinkIsFoundInAFewOuterIterationsWithSBetweenTheOneSidedSensitivities() {
        // 10 users want (0.30 - lambda) / 0.5 kWh but at most 0.2: their kink is at lambda = 0.20, below which they
        // are pinned (s = 0, so S = 0 offers nothing and the price rises) and above which they are free (s = 20,
        // whose Cournot price with 2 prosumers, (0.30 + 2 x 0.03) / 3 = 0.12, lies below the kink). No S is a plain
        // fixed point; the equilibrium is the kink itself, lambda = 0.20, D = 2 kWh, cleared by
        // S = D / (N (lambda - pi_s)) = 5.88, which lies between the one-sided sensitivities 0 and 20.
        Instances.Market m = Instances.kinked(10, 0.30, 0.5, 0.2, 2, 1e4, 0.03, 0.25, 3);
        EquilibriumResult r = solve(m, SolverSettings.defaults(Behaviour.STRATEGIC));
        double window = SensitivityUpdate.WINDOW * (0.25 - 0.03);
        for (int i = 0; i < r.lambda().length; i++) {
            assertEquals(0.20, r.lambda()[i], window, "hour " + i);
            assertEquals(2.0, r.demand()[i], 10 * 0.5 * window / 0.5 + 1e-9, "hour " + i);
            double cleared = r.demand()[i] / (2 * (r.lambda()[i] - 0.03));
            assertEquals(cleared, r.sensitivity()[i], 1e-6 * cleared, "hour " + i);
        }
        for (DayResult d : r.days()) {
            assertEquals(Status.CONVERGED, d.status());
            assertTrue(d.outerIterations() <= 8, "outer iterations " + d.outerIterations());
            assertEquals(0.0, d.maxSensitivityBracketGap(), "S lies between the one-sided sensitivities");
            // the plain criterion cannot hold at a kink: s is 0 or 20 on either side, never 5.88
            assertTrue(d.maxSensitivityChange() > 0.5, "change " + d.maxSensitivityChange());
        }
    }

    @Test
    void moneyBalancesInEveryHourAtTheDefaultClearingTolerance() {
        for (double energyFlex : new double[] {0.0, 0.1}) {
            Instances.Market m = Instances.random(23, 600, 40, 8, 64, energyFlex);
            EquilibriumResult r = solve(m, SolverSettings.defaults(Behaviour.STRATEGIC));
            assertTrue(r.allConverged());
            assertTrue(interiorHours(r) > 20, "the instance must clear inside the box: " + interiorHours(r));
            for (int i = 0; i < r.lambda().length; i++) {
                double l = r.lambda()[i];
                double gap = l * r.demand()[i] - l * r.soldLocal()[i] - r.prices().importPrice()[i] * r.imported(i);
                assertTrue(Math.abs(gap) <= 1e-9 * l * r.demand()[i], "hour " + i + ": budget off by " + gap);
            }
        }
    }

    @Test
    void competitiveModePublishesTheFollowersSensitivityAtTheFinalPrices() {
        Instances.Market m = Instances.random(29, 600, 40, 4, 64, 0.1);
        EquilibriumResult r = solve(m, SolverSettings.defaults(Behaviour.COMPETITIVE));
        int games = r.games();
        int[] all = new int[games];
        java.util.Arrays.setAll(all, g -> g);
        double[] window = new double[games * T];
        PassRequest at = new PassRequest(all, r.lambda(), r.sensitivity(), r.prices().exportPrice(), window,
                Behaviour.COMPETITIVE);
        double[] sums;
        try (LocalEngine engine = new LocalEngine(m.endUsers(), m.prosumers(), games, 1, null)) {
            sums = engine.evaluate(at).values();
        }
        for (int g = 0; g < games; g++) {
            for (int t = 0; t < T; t++) {
                assertEquals(sums[PassAggregates.hourly(g, PassAggregates.SENSITIVITY, t)],
                        r.sensitivity()[g * T + t], 0.0, "game " + g + " hour " + t);
            }
        }
    }

    @Test
    void competitiveProsumersWithAmpleSurplusClearAtTheExportPrice() {
        Instances.Market m = Instances.cournot(40, 0.30, 0.5, 3, 1e4, 0.03, 0.50, 2);
        EquilibriumResult r = solve(m, tight(Behaviour.COMPETITIVE));
        for (int i = 0; i < r.lambda().length; i++) {
            assertEquals(0.03, r.lambda()[i], 1e-12);
            assertEquals(r.demand()[i], r.soldLocal()[i], 1e-9);
        }
        r.days().forEach(d -> {
            assertEquals(Status.CONVERGED, d.status());
            assertEquals(1, d.outerIterations());
        });
    }

    @Test
    void aMarketShortOfSupplyClearsAtTheImportPriceAndImportsTheShortfall() {
        // 40 users want (0.30 - lambda) / 0.5 each, far more than 2 x 0.1 kWh of surplus
        Instances.Market m = Instances.cournot(40, 0.30, 0.5, 2, 0.1, 0.03, 0.10, 2);
        for (Behaviour b : Behaviour.values()) {
            EquilibriumResult r = solve(m, tight(b));
            for (int i = 0; i < r.lambda().length; i++) {
                assertEquals(0.10, r.lambda()[i], 0.0, b + " hour " + i);
                double demand = 40 * (0.30 - 0.10) / 0.5;
                assertEquals(demand, r.demand()[i], 1e-9);
                assertEquals(demand - 0.2, r.imported(i), 1e-9);
                assertEquals(0.2, r.soldLocal()[i], 1e-12);
            }
        }
    }

    @Test
    void randomMultiDayMarketsClearWithinToleranceAndBalance() {
        for (double energyFlex : new double[] {0.0, 0.1}) {
            for (Behaviour b : Behaviour.values()) {
                Instances.Market m = Instances.random(11 + (long) (energyFlex * 100), 600, 40, 6, 64, energyFlex);
                // a tight clearing: at the default 1e-7 an interior hour may import a residue at pi_b, which
                // unbalances the budget by (pi_b - lambda) x residue; balance is exact only as that vanishes
                SolverSettings s = new SolverSettings(b, ClearingMethod.NEWTON, new ClearingCriterion(1e-11),
                        new SensitivityCriterion(1e-6), 1.0, 100, 200, 1e-5);
                EquilibriumResult r = solve(m, s);
                assertTrue(r.allConverged(), b + " " + r.days());
                for (int g = 0; g < r.games(); g++) {
                    for (int t = 0; t < T; t++) {
                        int i = g * T + t;
                        double v = org.tea.market.Settlement.violation(r.lambda()[i], r.prices().exportPrice()[i],
                                r.prices().importPrice()[i], r.demand()[i], r.offered()[i]);
                        assertTrue(v <= 1e-11 * Math.max(r.demand()[i], 1), "violation " + v);
                        // energy balance: demand = local sales + imports; surplus = local sales + exports
                        double scale = Math.max(1, r.demand()[i]);
                        assertEquals(r.demand()[i], r.soldLocal()[i] + r.imported(i), 1e-9 * scale);
                        assertEquals(r.surplusTotal()[i], r.soldLocal()[i] + r.exported()[i], 1e-9 * scale);
                    }
                    // budget: buyers pay lambda D = prosumers' lambda * sold + importer pi_b M
                    double paid = 0;
                    double received = 0;
                    for (int t = 0; t < T; t++) {
                        int i = g * T + t;
                        paid += r.lambda()[i] * r.demand()[i];
                        received += r.lambda()[i] * r.soldLocal()[i] + r.prices().importPrice()[i] * r.imported(i);
                    }
                    assertEquals(paid, received, 1e-9 * Math.abs(paid), "budget of game " + g);
                }
            }
        }
    }

    @Test
    void newtonAndTatonnementAgreeOnAClearingAndNewtonNeedsFarFewerPasses() {
        Instances.Market m = Instances.random(5, 600, 40, 8, 100, 0.0);
        // one clearing per day from the cold start, the offers fixed at the first S: the inner iteration alone
        SolverSettings one = new SolverSettings(Behaviour.STRATEGIC, ClearingMethod.NEWTON, new ClearingCriterion(1e-7),
                new SensitivityCriterion(1e-6), 1.0, 1, 20_000, 1e-5);
        EquilibriumResult newton = solve(m, one);
        double maxS = 0;
        for (double s : newton.sensitivity()) {
            maxS = Math.max(maxS, s);
        }
        // tatonnement is only stable for a step below 2 / curvature, and the curvature of Phi is the followers'
        // sensitivity plus the offers' slope, up to (1 + N) S with N = 40 strategic prosumers
        EquilibriumResult tat = solve(m, one.withMethod(ClearingMethod.TATONNEMENT, 1.0 / (41 * maxS), 20_000));
        assertTrue(interiorHours(newton) > 10, "the instance must clear inside the box somewhere");
        for (int i = 0; i < newton.lambda().length; i++) {
            assertEquals(newton.lambda()[i], tat.lambda()[i], 1e-6, "hour " + i);
        }
        int newtonPasses = newton.days().stream().mapToInt(DayResult::innerPasses).sum();
        int tatPasses = tat.days().stream().mapToInt(DayResult::innerPasses).sum();
        assertTrue(newtonPasses <= 8 * m.games(), "newton " + newtonPasses);
        assertTrue(tatPasses > 5 * newtonPasses, "newton " + newtonPasses + " tatonnement " + tatPasses);
    }

    static int interiorHours(EquilibriumResult r) {
        int n = 0;
        for (int i = 0; i < r.lambda().length; i++) {
            if (r.lambda()[i] > r.prices().exportPrice()[i] && r.lambda()[i] < r.prices().importPrice()[i]) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aDayThatRunsOutOfIterationsIsReportedNotSilentlyPassed() {
        Instances.Market m = Instances.random(3, 600, 40, 4, 100, 0.0);
        SolverSettings s = new SolverSettings(Behaviour.STRATEGIC, ClearingMethod.NEWTON, new ClearingCriterion(1e-7),
                new SensitivityCriterion(1e-6), 1.0, 1, 1, 1e-5);
        EquilibriumResult r = solve(m, s);
        assertTrue(r.days().stream().anyMatch(d -> d.status() == Status.MAX_ITERATIONS_REACHED));
        assertTrue(!r.allConverged());
    }
}
