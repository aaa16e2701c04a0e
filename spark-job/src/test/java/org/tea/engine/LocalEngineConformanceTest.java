package org.tea.engine;

import java.util.List;
import org.tea.engine.local.LocalEngine;

class LocalEngineConformanceTest extends EngineConformanceTest {
    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games) {
        return new LocalEngine(endUsers, prosumers, games, 3, null);
    }
}
