package org.tea.engine.spark;

import org.apache.spark.util.AccumulatorV2;
import org.tea.engine.SettleAggregates;

/**
 * The settlement sums of a population gathered inside the job that writes one of its per-user tables, so each
 * user is settled once for both. Sound because that job's tasks are its result stage: Spark merges the
 * accumulator of a result task once, from its first successful attempt, and never a failed or speculative
 * duplicate's. The user-days counted let the driver check that every user was summed exactly once.
 */
final class SettleSums extends AccumulatorV2<SettleAggregates, SettleAggregates> {
    private static final long serialVersionUID = 1L;

    private final int slots;
    private final int archetypes;
    /** Null until something is added: a task's copy travels empty. */
    private SettleAggregates sums;
    private long userDays;

    SettleSums(int slots, int archetypes) {
        this.slots = slots;
        this.archetypes = archetypes;
    }

    /** Adds a block's one-game partial as slot {@code slot}'s ({@link SettleAggregates#addSlot}). */
    void addSlot(double[] one, int slot, double gap, double kkt, int users) {
        sums().addSlot(one, slot, gap, kkt);
        userDays += users;
    }

    long userDays() {
        return userDays;
    }

    private SettleAggregates sums() {
        if (sums == null) {
            sums = new SettleAggregates(slots, archetypes);
        }
        return sums;
    }

    @Override
    public boolean isZero() {
        return sums == null && userDays == 0;
    }

    @Override
    public AccumulatorV2<SettleAggregates, SettleAggregates> copy() {
        SettleSums c = new SettleSums(slots, archetypes);
        c.merge(this);
        return c;
    }

    @Override
    public void reset() {
        sums = null;
        userDays = 0;
    }

    @Override
    public void add(SettleAggregates v) {
        sums().merge(v);
    }

    @Override
    public void merge(AccumulatorV2<SettleAggregates, SettleAggregates> other) {
        SettleSums o = (SettleSums) other;
        if (o.sums != null) {
            sums().merge(o.sums);
        }
        userDays += o.userDays;
    }

    @Override
    public SettleAggregates value() {
        return sums();
    }
}
