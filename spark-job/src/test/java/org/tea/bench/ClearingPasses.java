package org.tea.bench;

import java.util.Locale;
import org.tea.engine.local.LocalEngine;
import org.tea.equilibrium.ClearingCriterion;
import org.tea.equilibrium.ClearingMethod;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.Instances;
import org.tea.equilibrium.SensitivityCriterion;
import org.tea.equilibrium.SolverSettings;
import org.tea.model.Behaviour;

/**
 * Passes per clearing, projected Newton against fixed-step tatonnement, on a synthetic day set (1,000
 * end-users, 50 strategic prosumers, 30 days). Two measures: one cold clearing per day with the offers
 * fixed at the first S (the inner iteration alone), and the full inner-outer equilibrium.
 * Run: see the Benchmarks section of the README (plain java on the test class path).
 */
public final class ClearingPasses {
    public static void main(String[] args) {
        Instances.Market m = Instances.random(5, 1000, 50, 30, 100, 0.0);
        SolverSettings cold = new SolverSettings(Behaviour.STRATEGIC, ClearingMethod.NEWTON, new ClearingCriterion(1e-7),
                new SensitivityCriterion(1e-6), 1.0, 1, 1_000_000, 1e-5);
        EquilibriumResult newton = solve(m, cold);
        double maxS = 0;
        for (double s : newton.sensitivity()) {
            maxS = Math.max(maxS, s);
        }
        report("newton, one clearing per day", newton);
        // the largest stable fixed step is about 2 / curvature; curvature reaches (1 + N) S with N prosumers
        for (double f : new double[] {1.0, 0.5}) {
            double step = f / (51 * maxS);
            report(String.format(Locale.ROOT, "tatonnement step %.2e, one clearing per day", step),
                    solve(m, cold.withMethod(ClearingMethod.TATONNEMENT, step, 1_000_000)));
        }
        report("tatonnement default step 1e-5, one clearing per day",
                solve(m, cold.withMethod(ClearingMethod.TATONNEMENT, 1e-5, 1_000_000)));
        report("newton, full equilibrium", solve(m, SolverSettings.defaults(Behaviour.STRATEGIC)));
    }

    static EquilibriumResult solve(Instances.Market m, SolverSettings s) {
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
            return new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
    }

    static void report(String what, EquilibriumResult r) {
        int inner = r.days().stream().mapToInt(DayResult::innerPasses).sum();
        int outer = r.days().stream().mapToInt(DayResult::outerIterations).sum();
        System.out.printf(Locale.ROOT, "%-55s passes per clearing %7.2f  clearings %4d  engine passes %6d%n",
                what, inner / (double) outer, outer, r.passes());
    }
}
