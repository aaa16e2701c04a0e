package org.tea.engine;

import java.util.List;
import org.tea.engine.local.LocalEngine;

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
}
