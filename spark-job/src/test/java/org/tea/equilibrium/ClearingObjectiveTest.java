package org.tea.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassRequest;
import org.tea.engine.local.LocalEngine;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/** The clearing objective's gradient is {@code A_t - D_t} (MODEL section 6), checked by central differences. */
class ClearingObjectiveTest {
    static final int T = Hours.T;

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void centralDifferencesOfPhiAreOffersMinusDemandDeficitIncluded(Behaviour behaviour) {
        // prosumers' loads exceed their output at night: the deficit W_t is part of D_t there
        Instances.Market m = Instances.random(41, 300, 30, 1, 64, 0.1);
        MarketPrices p = m.prices();
        double[] lambda = new double[T];
        double[] sens = new double[T];
        for (int t = 0; t < T; t++) {
            lambda[t] = 0.5 * (p.exportPrice()[t] + p.importPrice()[t]);
            sens[t] = 50.0;
        }
        double h = 1e-5;
        int checked = 0;
        double deficitSeen = 0;
        try (LocalEngine engine = new LocalEngine(m.endUsers(), m.prosumers(), 1, 1, null)) {
            double[] at = evaluate(engine, lambda, sens, p, behaviour);
            for (int t = 0; t < T; t++) {
                double w = at[PassAggregates.hourly(0, PassAggregates.DEFICIT, t)];
                double gradient = at[PassAggregates.hourly(0, PassAggregates.OFFERED, t)]
                        - at[PassAggregates.hourly(0, PassAggregates.DEMAND, t)] - w;
                double[] up = lambda.clone();
                double[] down = lambda.clone();
                up[t] += h;
                down[t] -= h;
                double difference = (ClearingObjective.value(evaluate(engine, up, sens, p, behaviour), 0, up)
                        - ClearingObjective.value(evaluate(engine, down, sens, p, behaviour), 0, down)) / (2 * h);
                assertEquals(gradient, difference, 1e-4 * Math.max(1, Math.abs(gradient)), "hour " + t);
                deficitSeen = Math.max(deficitSeen, w);
                checked++;
            }
        }
        assertEquals(T, checked);
        assertTrue(deficitSeen > 1, "the instance must have a deficit to test its sign: " + deficitSeen);
    }

    static double[] evaluate(LocalEngine engine, double[] lambda, double[] sens, MarketPrices p, Behaviour b) {
        double[] window = new double[T];
        PassRequest r = new PassRequest(new int[] {0}, lambda, sens, p.exportPrice().clone(), window, b);
        return engine.evaluate(r).values();
    }
}
