package org.tea.engine;

import org.tea.model.Hours;

/**
 * What the final pass sums per game (exactly, {@link ExactSums}) plus the largest best-response gap.
 * Hourly: the followers' baseline demand {@code sum_j d_j(p_u)} (with storage units' net demand at the tariff),
 * prosumers' local sales, exports and generation, storage units' charge and discharge.
 * Daily: the {@link DaySum}s.
 *
 * <p>Per game and end-user archetype ({@link SettleRequest#archetypes()} of them, {@link EndUserBlock#archetype}
 * says each user's): the end-user {@link DaySum}s of that archetype's users ({@code [0, DaySum.ENDUSER_COUNT)}),
 * then their number ({@link #ARCHETYPE_USERS}), {@link #ARCHETYPE_FIELDS} sums in all. They follow every slot's
 * own sums, by slot then archetype ({@link #archetype}), so the per-slot layout does not depend on the number
 * of archetypes.
 */
public final class SettleAggregates implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final int BASELINE_DEMAND = 0;
    public static final int SOLD = 1;
    public static final int EXPORTED = 2;
    public static final int GENERATION = 3;
    /** Storage units' charge and discharge at the cleared prices (MODEL section 12). */
    public static final int STORAGE_CHARGE = 4;
    public static final int STORAGE_DISCHARGE = 5;
    static final int HOURLY_FIELDS = 6;
    /** Where a slot's {@link DaySum}s start, after its hourly fields. */
    private static final int D0 = HOURLY_FIELDS * Hours.T;
    public static final int STRIDE = D0 + DaySum.COUNT;
    /** Where an archetype's user count sits among its sums, after its end-user {@link DaySum}s. */
    public static final int ARCHETYPE_USERS = DaySum.ENDUSER_COUNT;
    /** Sums per game and archetype: the end-user {@link DaySum}s and the user count. */
    public static final int ARCHETYPE_FIELDS = ARCHETYPE_USERS + 1;

    private final ExactSums sums;
    private final double[] maxGap;
    private final double[] maxKkt;

    public SettleAggregates(int slots, int archetypes) {
        sums = new ExactSums(size(slots, archetypes));
        maxGap = new double[slots];
        maxKkt = new double[slots];
    }

    private static int size(int slots, int archetypes) {
        if (archetypes < 1) {
            throw new IllegalArgumentException("archetypes = " + archetypes + ", expected >= 1");
        }
        return slots * STRIDE + slots * archetypes * ARCHETYPE_FIELDS;
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

    /**
     * Index of the first of the {@link #ARCHETYPE_FIELDS} sums of archetype {@code a} in slot {@code slot}, in a
     * vector of {@code slots} slots and {@code archetypes} archetypes. With every game a slot, in order (the
     * final settlement), the archetypes' sums are the vector's tail from {@code archetype(slots, archetypes, 0, 0)}
     * on, by game, archetype and sum.
     */
    public static int archetype(int slots, int archetypes, int slot, int a) {
        return slots * STRIDE + (slot * archetypes + a) * ARCHETYPE_FIELDS;
    }

    public static double[] newPartial(int slots, int archetypes) {
        return new double[size(slots, archetypes)];
    }

    public SettleAggregates add(double[] partial, double[] gaps) {
        sums.addAll(partial);
        for (int k = 0; k < maxGap.length; k++) {
            maxGap[k] = Math.max(maxGap[k], gaps[k]);
        }
        return this;
    }

    /** Adds a block's partial, its best-response gaps and its storage units' largest KKT violations per slot. */
    public SettleAggregates add(double[] partial, double[] gaps, double[] kkt) {
        add(partial, gaps);
        for (int k = 0; k < maxKkt.length; k++) {
            maxKkt[k] = Math.max(maxKkt[k], kkt[k]);
        }
        return this;
    }

    /**
     * Adds a one-game partial ({@code newPartial(1, archetypes)} layout) as slot {@code slot}'s, with that game's
     * best-response gap and KKT violation: the same exact sums as the slot's part of a many-game partial made in
     * the same user order, since a slot's doubles are summed from zero over its game's users alone.
     */
    public SettleAggregates addSlot(double[] one, int slot, double gap, double kkt) {
        int slots = maxGap.length;
        int archetypeSums = one.length - STRIDE;
        if (archetypeSums != (sums.size() - slots * STRIDE) / slots || slot < 0 || slot >= slots) {
            throw new IllegalArgumentException("one-game partial of " + one.length + " sums as slot " + slot
                    + " of " + slots + " slots and " + sums.size() + " sums");
        }
        for (int i = 0; i < STRIDE; i++) {
            sums.add(slot * STRIDE + i, one[i]);
        }
        int a0 = slots * STRIDE + slot * archetypeSums;
        for (int i = 0; i < archetypeSums; i++) {
            sums.add(a0 + i, one[STRIDE + i]);
        }
        maxGap[slot] = Math.max(maxGap[slot], gap);
        maxKkt[slot] = Math.max(maxKkt[slot], kkt);
        return this;
    }

    /**
     * Adds the end-users' settlement sums gathered by the passes ({@link EndUserSums}, {@code stride} per game in
     * game order, one game per slot), exactly: what a settle pass over the end-users would have added.
     */
    public SettleAggregates addEndUsers(ExactSums endUsers, int stride) {
        int slots = maxGap.length;
        int archetypes = archetypes();
        if (endUsers.size() != slots * stride || stride != EndUserSums.stride(archetypes)) {
            throw new IllegalArgumentException("end-user sums of " + endUsers.size() + " values, stride " + stride
                    + ", for " + slots + " slots of " + archetypes + " archetypes");
        }
        for (int k = 0; k < slots; k++) {
            for (int i = 0; i < stride; i++) {
                sums.addFrom(EndUserSums.settleIndex(slots, archetypes, k, i), endUsers, k * stride + i);
            }
        }
        return this;
    }

    /** Slots (games) summed. */
    public int slots() {
        return maxGap.length;
    }

    /** End-user archetypes summed apart. */
    public int archetypes() {
        return (sums.size() - maxGap.length * STRIDE) / (maxGap.length * ARCHETYPE_FIELDS);
    }

    public SettleAggregates merge(SettleAggregates other) {
        sums.merge(other.sums);
        for (int k = 0; k < maxGap.length; k++) {
            maxGap[k] = Math.max(maxGap[k], other.maxGap[k]);
            maxKkt[k] = Math.max(maxKkt[k], other.maxKkt[k]);
        }
        return this;
    }

    /** Largest violation of a storage unit's optimality conditions (kWh) in the slot's game; 0 without storage. */
    public double maxStorageKkt(int slot) {
        return maxKkt[slot];
    }

    public double[] values() {
        return sums.toDoubles();
    }

    /** Largest {@code |sold - BR|} of any prosumer hour in the slot's game. */
    public double maxBestResponseGap(int slot) {
        return maxGap[slot];
    }
}
