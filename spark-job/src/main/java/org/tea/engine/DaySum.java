package org.tea.engine;

/**
 * The per-day sums of the final pass (MODEL sections 8-9), in the one layout that the settlement kernel fills,
 * {@link SettleAggregates} adds up per game (and, the end-user ones, per game and archetype),
 * {@link org.tea.equilibrium.EquilibriumResult} keeps and the per-user sinks receive: end-user energy, payment,
 * utility and surplus, TE then baseline, then prosumer profit, TE then baseline, then storage profit (MODEL
 * section 12), TE then baseline. The tables {@code enduser_daily}
 * and {@code enduser_archetype_daily} name their columns after these constants.
 */
public enum DaySum {
    ENERGY,
    PAYMENT,
    UTILITY,
    SURPLUS,
    BASELINE_ENERGY,
    BASELINE_PAYMENT,
    BASELINE_UTILITY,
    BASELINE_SURPLUS,
    PROFIT,
    BASELINE_PROFIT,
    STORAGE_PROFIT,
    STORAGE_BASELINE_PROFIT;

    /** Number of sums. */
    public static final int COUNT = values().length;
    /** The end-users' sums are the first ones, {@code [0, ENDUSER_COUNT)}; the rest are prosumers'. */
    public static final int ENDUSER_COUNT = PROFIT.ordinal();

    /** Index of this sum in a vector of {@link #COUNT} (or of {@link #ENDUSER_COUNT} end-user) sums. */
    public int index() {
        return ordinal();
    }
}
