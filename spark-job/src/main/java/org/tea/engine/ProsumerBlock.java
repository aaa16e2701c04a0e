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

    /** Prosumer i's generation and load (kWh per hour) in one game; called once per prosumer-day of a pass. */
    void fill(int i, int game, double[] generation, double[] load);
}
