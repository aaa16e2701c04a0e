package org.tea.engine;

/**
 * The per-day sums of the final pass (MODEL sections 8-9), in the one layout that the settlement kernel fills,
 * {@link SettleAggregates} adds up per game, {@link org.tea.equilibrium.EquilibriumResult} keeps and the
 * per-user sinks receive: end-user energy, payment, utility and surplus, TE then baseline, then prosumer profit,
 * TE then baseline. Each constant's {@link #column()} is its name in the per-user tables.
 */
public enum DaySum {
    ENERGY("energy"),
    PAYMENT("payment"),
    UTILITY("utility"),
    SURPLUS("surplus"),
    BASELINE_ENERGY("baseline_energy"),
    BASELINE_PAYMENT("baseline_payment"),
    BASELINE_UTILITY("baseline_utility"),
    BASELINE_SURPLUS("baseline_surplus"),
    PROFIT("profit"),
    BASELINE_PROFIT("baseline_profit");

    /** Number of sums. */
    public static final int COUNT = values().length;
    /** The end-users' sums are the first ones, {@code [0, ENDUSER_COUNT)}; the rest are prosumers'. */
    public static final int ENDUSER_COUNT = PROFIT.ordinal();

    private final String column;

    DaySum(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** Index of this sum in a vector of {@link #COUNT} (or of {@link #ENDUSER_COUNT} end-user) sums. */
    public int index() {
        return ordinal();
    }
}
