package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.Instances;
import org.tea.equilibrium.SolverSettings;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * One suite for every engine (PowSyBl style): each implementation extends it and says how to make itself.
 * Engines must give exactly what a single-threaded run of the kernel over the same blocks gives.
 */
public abstract class EngineConformanceTest {
    static final int T = Hours.T;

    protected abstract MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games);

    static Instances.Market market() {
        return Instances.random(42, 900, 60, 5, 128, 0.05);
    }

    /** The reference: every block through the kernel, one thread, blocks added in list order. */
    static PassAggregates reference(Instances.Market m, PassRequest r) {
        PassAggregates sums = new PassAggregates(r.slots());
        for (EndUserBlock b : m.endUsers()) {
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.followers(b, r, new PassKernel.Scratch(), partial);
            sums.add(partial);
        }
        for (ProsumerBlock b : m.prosumers()) {
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.offers(b, r, partial);
            sums.add(partial);
        }
        return sums;
    }

    static PassRequest request(Instances.Market m, int[] games, double shift, Behaviour b) {
        double[] l = new double[games.length * T];
        double[] s = new double[games.length * T];
        double[] ps = new double[games.length * T];
        for (int k = 0; k < games.length; k++) {
            for (int t = 0; t < T; t++) {
                int i = games[k] * T + t;
                ps[k * T + t] = m.prices().exportPrice()[i];
                l[k * T + t] = ps[k * T + t] + shift * (m.prices().importPrice()[i] - ps[k * T + t]);
                s[k * T + t] = 300 + 10 * t;
            }
        }
        return new PassRequest(games, l, s, ps, b);
    }

    @Test
    void aPassEqualsTheSingleThreadedKernelBitForBit() {
        Instances.Market m = market();
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games())) {
            for (Behaviour b : Behaviour.values()) {
                PassRequest r = request(m, new int[] {0, 2, 4}, 0.4, b);
                assertArrayEquals(reference(m, r).values(), e.evaluate(r).values(), 0.0, b.name());
            }
            assertEquals(2, e.passes());
        }
    }

    @Test
    void theEquilibriumIsTheLocalEnginesToTheLastBit() {
        Instances.Market m = market();
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        EquilibriumResult expected;
        try (MarketEngine local = new org.tea.engine.local.LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1, null)) {
            expected = new EquilibriumSolver(s).solve(local, m.prices(), null);
        }
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games())) {
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertTrue(r.allConverged(), r.days().toString());
            assertArrayEquals(expected.lambda(), r.lambda(), 0.0);
            assertArrayEquals(expected.sensitivity(), r.sensitivity(), 0.0);
            assertArrayEquals(expected.soldLocal(), r.soldLocal(), 0.0);
            assertArrayEquals(expected.daily(), r.daily(), 0.0);
            assertEquals(expected.passes(), r.passes());
        }
    }
}
