package org.tea.engine;

/**
 * A test engine that hands every call to {@link #engine()}; a test's engine overrides only what it changes
 * (what a pass is sent, or where settlement results are read from).
 */
interface DelegatingEngine extends MarketEngine {

    /** The engine that does the work. */
    MarketEngine engine();

    @Override
    default int games() {
        return engine().games();
    }

    @Override
    default int archetypes() {
        return engine().archetypes();
    }

    @Override
    default boolean hasStorage() {
        return engine().hasStorage();
    }

    @Override
    default boolean sumsEndUsersInPasses() {
        return engine().sumsEndUsersInPasses();
    }

    @Override
    default PassAggregates evaluate(PassRequest request) {
        return engine().evaluate(request);
    }

    @Override
    default SettleAggregates settle(SettleRequest request) {
        return engine().settle(request);
    }

    @Override
    default long passes() {
        return engine().passes();
    }

    @Override
    default void close() {
        engine().close();
    }
}
