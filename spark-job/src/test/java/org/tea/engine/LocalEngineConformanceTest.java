package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tea.engine.local.LocalEngine;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.Instances;
import org.tea.equilibrium.SolverSettings;
import org.tea.model.Behaviour;

/** The local engine on three threads, so blocks finish out of order and the exact sums must make up for it. */
class LocalEngineConformanceTest extends EngineConformanceTest {
    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games,
            UserResultSink sink) {
        return new LocalEngine(endUsers, prosumers, games, 3, sink);
    }

    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers,
            List<StorageBlock> storage, int games) {
        return new LocalEngine(endUsers, prosumers, storage, games, 3, null);
    }

    /**
     * With storage, whose baseline joins the end-users' in the baseline demand: summed in the passes (no sink)
     * or by a settle pass (a sink), the results are the same bits.
     */
    @Test
    void withStorageEndUsersSummedInThePassesAreTheSettlePassesSums() {
        Instances.Market m = market();
        List<StorageBlock> storage = storageBlocks();
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        EquilibriumResult settled;
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), storage, m.games(), 2, new RecordingSink())) {
            settled = new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), storage, m.games(), 2, null)) {
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertArrayEquals(settled.baselineEnduserDemand(), r.baselineEnduserDemand(), 0.0, "baseline");
            assertArrayEquals(settled.daily(), r.daily(), 0.0, "daily");
            assertArrayEquals(settled.archetypeDaily(), r.archetypeDaily(), 0.0, "archetypeDaily");
            assertArrayEquals(settled.storageCharge(), r.storageCharge(), 0.0, "charge");
            assertEquals(settled.days(), r.days());
            assertEquals(settled.passes(), r.passes());
        }
    }
}
