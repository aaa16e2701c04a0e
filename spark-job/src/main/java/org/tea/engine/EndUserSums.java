package org.tea.engine;

import org.tea.model.Hours;

/**
 * The end-users' settlement sums of one game, as a pass gathers them when no per-user end-user table is written
 * ({@link PassRequest.Settle}): the same figures, made in the same user order, as
 * {@link PassKernel#settleEndUsers} adds to a {@link SettleAggregates} slot, so the final settlement needs no
 * pass over end-users. Per slot, {@link #stride} sums: the baseline hourly demand ({@code T}), the end-user
 * {@link DaySum}s, then per archetype its {@link SettleAggregates#ARCHETYPE_FIELDS} sums.
 *
 * <p>The TE sums (energy, payment, utility, surplus, of the game and of each archetype) come from the solve a pass
 * does anyway at the game's prices; the rest (the baseline at the tariff, and the user counts) from one more solve
 * per user-day in the pass that asks for them, the game's first: the tariff never changes.
 */
public final class EndUserSums {
    private static final int T = Hours.T;
    /** Where the {@link DaySum}s start, after the baseline hourly demand. */
    private static final int DAILY = T;
    /** Where the archetypes' sums start. */
    private static final int ARCHETYPES = DAILY + DaySum.ENDUSER_COUNT;
    /** The TE figures are the first of the end-user {@link DaySum}s, the baseline ones follow. */
    private static final int TE_COUNT = DaySum.BASELINE_ENERGY.index();

    private EndUserSums() {
    }

    /** Sums per slot for {@code archetypes} archetypes. */
    public static int stride(int archetypes) {
        return ARCHETYPES + archetypes * SettleAggregates.ARCHETYPE_FIELDS;
    }

    /** Whether sum i of a slot is a baseline sum (or a user count), made only in the game's first pass. */
    public static boolean baseline(int i) {
        if (i < DAILY) {
            return true;
        }
        if (i < ARCHETYPES) {
            return i - DAILY >= TE_COUNT;
        }
        return (i - ARCHETYPES) % SettleAggregates.ARCHETYPE_FIELDS >= TE_COUNT;
    }

    /**
     * Where sum i of game {@code slot}'s end-user sums goes in a {@link SettleAggregates} of {@code slots} slots
     * and {@code archetypes} archetypes.
     */
    public static int settleIndex(int slots, int archetypes, int slot, int i) {
        if (i < DAILY) {
            return SettleAggregates.hourly(slot, SettleAggregates.BASELINE_DEMAND, i);
        }
        if (i < ARCHETYPES) {
            return SettleAggregates.daily(slot) + i - DAILY;
        }
        return SettleAggregates.archetype(slots, archetypes, slot, 0) + i - ARCHETYPES;
    }

    /**
     * Adds the TE figures of the user-day just solved at {@code lambda[off ..]} (demand {@code d}, surplus
     * {@code phi}) to the slot's sums from {@code base} and to its archetype's from {@code arch}: energy, payment,
     * utility and surplus, each a plain double sum over the hours in order, as the settlement makes them.
     */
    static void addTe(double[] partial, int base, int arch, double[] d, double[] lambda, int off, double phi) {
        double energy = 0;
        double payment = 0;
        for (int t = 0; t < T; t++) {
            energy += d[t];
            payment += lambda[off + t] * d[t];
        }
        add(partial, base, arch, DaySum.ENERGY, energy);
        add(partial, base, arch, DaySum.PAYMENT, payment);
        add(partial, base, arch, DaySum.UTILITY, phi + payment);
        add(partial, base, arch, DaySum.SURPLUS, phi);
    }

    /**
     * Adds the user-day's baseline at the tariff (demand {@code bd}, surplus {@code bPhi}): the hourly demand,
     * the baseline figures, and one user to its archetype's count.
     */
    static void addBaseline(double[] partial, int base, int arch, double[] bd, double[] tariff, int off,
            double bPhi) {
        double energy = 0;
        double payment = 0;
        for (int t = 0; t < T; t++) {
            energy += bd[t];
            payment += tariff[off + t] * bd[t];
            partial[base + t] += bd[t];
        }
        add(partial, base, arch, DaySum.BASELINE_ENERGY, energy);
        add(partial, base, arch, DaySum.BASELINE_PAYMENT, payment);
        add(partial, base, arch, DaySum.BASELINE_UTILITY, bPhi + payment);
        add(partial, base, arch, DaySum.BASELINE_SURPLUS, bPhi);
        partial[arch + SettleAggregates.ARCHETYPE_USERS] += 1;
    }

    private static void add(double[] partial, int base, int arch, DaySum sum, double v) {
        partial[base + DAILY + sum.index()] += v;
        partial[arch + sum.index()] += v;
    }

    /** Index of the first sum of archetype {@code a} of a slot whose sums start at {@code base}. */
    static int archetype(int base, int a) {
        return base + ARCHETYPES + a * SettleAggregates.ARCHETYPE_FIELDS;
    }
}
