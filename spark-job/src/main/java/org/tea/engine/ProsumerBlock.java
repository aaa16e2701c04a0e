package org.tea.engine;

import org.tea.market.OfferCurve;

/**
 * A fixed group of prosumers: their offers are evaluated where they live (MODEL section 6), so neither
 * population is ever collected on the driver. Per game and hour a block provides its sorted offer curve and
 * deficit total; per prosumer, its generation and load for the final settlement.
 */
public interface ProsumerBlock extends java.io.Serializable {

    int size();

    String id(int i);

    /** The offer curve over this block's surpluses in one game-hour. */
    OfferCurve curve(int game, int hour);

    /** {@code W_t} over this block. */
    double deficit(int game, int hour);

    /** Prosumer i's generation and load (kWh per hour) in one game. */
    void fill(int i, int game, double[] generation, double[] load);
}
