package org.tea.engine;

/**
 * Where the populations live and are evaluated. The equilibrium driver is the same for every engine: it
 * sends prices and sensitivities for all active games and gets sums back, never per-user data.
 * Implementations: {@link org.tea.engine.local.LocalEngine} (in memory, threads) and
 * {@code org.tea.engine.spark.SparkEngine} (persisted datasets, one mapPartitions and treeAggregate a pass).
 */
public interface MarketEngine extends AutoCloseable {

    /** Number of games (scenario-days) the engine's populations cover. */
    int games();

    /**
     * How many end-user archetypes the populations' {@link EndUserBlock#archetype} indices range over: the most
     * any block says ({@link EndUserBlock#archetypes()}), at least 1. The final settlement sums each archetype's
     * users apart ({@link SettleRequest#archetypes()}).
     */
    default int archetypes() {
        return 1;
    }

    /**
     * Whether the populations include storage units. A pass with storage evaluates every slot's followers: the
     * units' sums share the end-users' fields, so known end-user sums could not be put back exactly.
     */
    boolean hasStorage();

    /**
     * One pass: every end-user solves its day at {@code lambda} (except in the slots whose followers are
     * {@link PassRequest#known}), every prosumer evaluates its offer.
     */
    PassAggregates evaluate(PassRequest request);

    /** The final pass: per-user settlement and baseline, summed, and handed to the engine's per-user output. */
    SettleAggregates settle(SettleRequest request);

    /**
     * Whether the passes should gather the end-users' settlement sums ({@link PassRequest.Settle}) so that the
     * final settlement skips them ({@link SettleRequest#endUsers()}): true when the engine writes no per-user
     * end-user results, which would need each user-day settled where it lives anyway.
     */
    default boolean sumsEndUsersInPasses() {
        return false;
    }

    /** Passes evaluated so far (settlement included). */
    long passes();

    /** What the engine measured about itself, for the run's manifest (names to numbers); may be empty. */
    default java.util.Map<String, Object> metrics() {
        return java.util.Map.of();
    }

    @Override
    default void close() {
    }
}
