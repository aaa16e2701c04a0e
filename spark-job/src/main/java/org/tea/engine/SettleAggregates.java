package org.tea.engine;

import org.tea.model.Hours;

/**
 * What the final pass sums per game (exactly, {@link ExactSums}) plus the largest best-response gap.
 * Hourly: end-users' baseline demand {@code sum_j d_j(p_u)}, prosumers' local sales, exports and generation.
 * Daily: the {@link DaySum}s.
 */
public final class SettleAggregates implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final int BASELINE_DEMAND = 0;
    public static final int SOLD = 1;
    public static final int EXPORTED = 2;
    public static final int GENERATION = 3;
    static final int HOURLY_FIELDS = 4;
    /** Where a slot's {@link DaySum}s start, after its hourly fields. */
    private static final int D0 = HOURLY_FIELDS * Hours.T;
    public static final int STRIDE = D0 + DaySum.COUNT;

    private final ExactSums sums;
    private final double[] maxGap;

    public SettleAggregates(int slots) {
        sums = new ExactSums(slots * STRIDE);
        maxGap = new double[slots];
    }

    public static int hourly(int slot, int field, int t) {
        return slot * STRIDE + field * Hours.T + t;
    }

    /** Index of a slot's daily sum. */
    public static int daily(int slot, DaySum sum) {
        return daily(slot) + sum.index();
    }

    /** Index of a slot's first daily sum: its {@link DaySum}s follow in their order. */
    public static int daily(int slot) {
        return slot * STRIDE + D0;
    }

    public static double[] newPartial(int slots) {
        return new double[slots * STRIDE];
    }

    public SettleAggregates add(double[] partial, double[] gaps) {
        sums.addAll(partial);
        for (int k = 0; k < maxGap.length; k++) {
            maxGap[k] = Math.max(maxGap[k], gaps[k]);
        }
        return this;
    }

    public SettleAggregates merge(SettleAggregates other) {
        sums.merge(other.sums);
        for (int k = 0; k < maxGap.length; k++) {
            maxGap[k] = Math.max(maxGap[k], other.maxGap[k]);
        }
        return this;
    }

    public double[] values() {
        return sums.toDoubles();
    }

    /** Largest {@code |sold - BR|} of any prosumer hour in the slot's game. */
    public double maxBestResponseGap(int slot) {
        return maxGap[slot];
    }
}
