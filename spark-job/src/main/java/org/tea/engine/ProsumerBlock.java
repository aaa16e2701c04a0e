package org.tea.engine;

/**
 * A fixed group of prosumers: their offers are evaluated where they live (MODEL section 6), so neither
 * population is ever collected on the driver. A block stores what its prosumers are, not what they offer: each
 * pass and the final settlement recompute every prosumer's generation and load of a game with {@link #fill}, and
 * {@link PassKernel#offers} accumulates the hour's offer sums from them ({@link org.tea.market.OfferSums}).
 */
public interface ProsumerBlock extends java.io.Serializable {

    int size();

    String id(int i);

    /**
     * What this block shares with every other block of its study (load shapes, tariff, capacity factors): one
     * copy per executor, however many blocks and partitions refer to it. Spark's storage counts it once per
     * cached partition; the engine's memory accounting takes that back out and counts it once per executor.
     * Null when the block shares nothing.
     */
    default Object shared() {
        return null;
    }

    /** Prosumer i's generation and load (kWh per hour) in one game; called once per prosumer-day of a pass. */
    void fill(int i, int game, double[] generation, double[] load);
}
