package org.tea.engine;

import java.util.Arrays;
import org.tea.model.Hours;

/**
 * What one pass returns per active game (slot) and hour. Sums, in exact arithmetic ({@link ExactSums}):
 * <ul>
 *   <li>followers: {@code sum_j d_jt}, {@code sum_j s_jt} (MODEL section 4), the one-sided sums
 *       {@code S_t^-}, {@code S_t^+} (the sensitivity with hour t's price moved down or up by the request's
 *       window, MODEL 7 "Fixed points at a kink"), the rank-one curvature term {@code c_t = sum_j a_j [t free
 *       for j]} with {@code a_j = 1 / (beta_j |F_j|)} for users whose energy bound binds, and per day
 *       {@code w = sum_j a_j} and {@code sum_j phi_j};</li>
 *   <li>offers: {@code A_t}, {@code dA_t/dlambda}, {@code dA_t/dS}, {@code G_t}, {@code U_t} and the prosumers'
 *       deficit {@code W_t}.</li>
 * </ul>
 * And minima, which combine exactly too: how far hour t's price can move up or down beyond the window before
 * some follower's sensitivity changes (the nearest kinks of {@code S_t}).
 *
 * <p>{@code c} and {@code w} let the clearing use the exact coupling of hours through daily energy bounds
 * ({@code -dD/dlambda = diag(sum s + c) - sum_j a_j 1_F 1_F^T}, approximated by its rank-one mean
 * {@code c c^T / w}) at the cost of one more sum per hour.
 *
 * <p>A block's partial is one double vector: the sums of every slot ({@link #STRIDE} each), then the minima of
 * every slot ({@link #MIN_STRIDE} each), and in a storage block's partial the coupling of hours of every slot
 * ({@link #PAIRS} each).
 */
public final class PassAggregates implements java.io.Serializable {
    private static final long serialVersionUID = 4L;

    public static final int DEMAND = 0;
    public static final int SENSITIVITY = 1;
    public static final int RANK = 2;
    public static final int OFFERED = 3;
    public static final int OFFER_SLOPE = 4;
    public static final int OFFER_INTEGRAL = 5;
    public static final int SURPLUS = 6;
    public static final int DEFICIT = 7;
    /** {@code S_t^-}: followers' sensitivity with hour t's price lowered by the window. */
    public static final int SENSITIVITY_BELOW = 8;
    /** {@code S_t^+}: followers' sensitivity with hour t's price raised by the window. */
    public static final int SENSITIVITY_ABOVE = 9;
    /** {@code dA_t/dS_t}: how the aggregated offer grows with the published sensitivity. */
    public static final int OFFER_GROWTH = 10;
    static final int HOURLY_FIELDS = 11;
    public static final int WEIGHT = HOURLY_FIELDS * Hours.T;
    public static final int PHI = WEIGHT + 1;
    /** Sums per slot. */
    public static final int STRIDE = PHI + 1;
    /**
     * Pairs of hours t < u. Storage's coupling of hours t < u, {@code sum_b r_bt r_bu} over units whose hours t and
     * u lie in one stretch between full and empty ({@code -d(c_bt - g_bt)/d lambda_u = -r_bt r_bu}, MODEL section
     * 12), is summed per slot and pair after the minima ({@link #coupling}), in storage blocks' partials only: a
     * pass without storage carries and returns none of it.
     */
    public static final int PAIRS = Hours.T * (Hours.T - 1) / 2;

    /** Minimum over followers of how far hour t's price can rise beyond the window before a sensitivity changes. */
    public static final int KINK_ABOVE = 0;
    /** The same downwards. */
    public static final int KINK_BELOW = 1;
    static final int MIN_FIELDS = 2;
    /** Minima per slot. */
    public static final int MIN_STRIDE = MIN_FIELDS * Hours.T;

    private final int slots;
    private final ExactSums sums;
    /* Holds no arrays until a storage block adds a coupling. */
    private final ExactSums coupling;
    /* The end-users' settlement sums (EndUserSums) when the request asks for them: endUserStride per slot. */
    private final int endUserStride;
    private final ExactSums endUsers;
    /* Allocated on the first addition, like the sums: the zero value of a tree aggregate travels in every task. */
    private double[] minima;

    public PassAggregates(int slots) {
        this(slots, 0);
    }

    /** Sums for the slots of {@code request}, with the end-users' settlement sums if it asks for them. */
    public PassAggregates(PassRequest request) {
        this(request.slots(), request.settle() == null ? 0 : request.settle().stride());
    }

    private PassAggregates(int slots, int endUserStride) {
        // a follower partial tells its settlement sums from a storage partial's coupling by its length:
        // EndUserSums.stride is 32 + 9 x archetypes, never PAIRS = 276
        if (endUserStride == PAIRS) {
            throw new IllegalArgumentException("end-user sums of the coupling's size " + PAIRS);
        }
        this.slots = slots;
        this.sums = new ExactSums(slots * STRIDE);
        this.coupling = new ExactSums(slots * PAIRS);
        this.endUserStride = endUserStride;
        this.endUsers = new ExactSums(slots * endUserStride);
    }

    /** Index of an hourly sum in a slot's block of a partial vector. */
    public static int hourly(int slot, int field, int t) {
        return slot * STRIDE + field * Hours.T + t;
    }

    /** Index of a daily sum ({@link #WEIGHT}, {@link #PHI}). */
    public static int daily(int slot, int field) {
        return slot * STRIDE + field;
    }

    /** Index of the coupling of hours {@code t < u} ({@link #PAIRS}) in a partial of {@code slots} slots. */
    public static int coupling(int slots, int slot, int t, int u) {
        return slots * (STRIDE + MIN_STRIDE) + slot * PAIRS + pair(t, u);
    }

    /** Position of the pair {@code t < u} among the {@link #PAIRS}, row by row. */
    public static int pair(int t, int u) {
        return t * (2 * Hours.T - t - 1) / 2 + (u - t - 1);
    }

    /** Index of an hourly minimum ({@link #KINK_ABOVE}, {@link #KINK_BELOW}) in a partial of {@code slots} slots. */
    public static int minimum(int slots, int slot, int field, int t) {
        return slots * STRIDE + slot * MIN_STRIDE + field * Hours.T + t;
    }

    /** A partial vector for one block: zero sums, minima at {@code +Infinity}. */
    public static double[] newPartial(int slots) {
        double[] p = new double[slots * (STRIDE + MIN_STRIDE)];
        Arrays.fill(p, slots * STRIDE, p.length, Double.POSITIVE_INFINITY);
        return p;
    }

    /**
     * An end-user block's partial for {@code request}: that of {@link #newPartial(int)}, then the end-users'
     * settlement sums of every slot ({@link #endUsers}) if the request asks for them.
     */
    public static double[] newFollowerPartial(PassRequest request) {
        int slots = request.slots();
        double[] p = newPartial(slots);
        return request.settle() == null ? p : Arrays.copyOf(p, p.length + slots * request.settle().stride());
    }

    /** Index of slot k's first end-user settlement sum in a follower partial of {@code slots} slots. */
    public static int endUsers(int slots, int slot, int stride) {
        return slots * (STRIDE + MIN_STRIDE) + slot * stride;
    }

    /** A storage block's partial: that of {@link #newPartial(int)}, then the coupling of hours per slot. */
    public static double[] newStoragePartial(int slots) {
        return Arrays.copyOf(newPartial(slots), slots * (STRIDE + MIN_STRIDE + PAIRS));
    }

    /** Adds one block's partial. */
    public PassAggregates add(double[] partial) {
        int n = slots * STRIDE;
        int end = slots * (STRIDE + MIN_STRIDE);
        for (int i = 0; i < n; i++) {
            sums.add(i, partial[i]);
        }
        int tail = partial.length - end;
        if (tail > 0 && tail == slots * PAIRS) { // a storage block's
            for (int i = end; i < partial.length; i++) {
                coupling.add(i - end, partial[i]);
            }
        } else if (tail > 0 && tail == slots * endUserStride) { // an end-user block's, with settlement sums
            for (int i = end; i < partial.length; i++) {
                endUsers.add(i - end, partial[i]);
            }
        } else if (tail != 0) {
            throw new IllegalArgumentException("partial of " + partial.length + " values for " + slots + " slots");
        }
        if (minima == null) {
            minima = Arrays.copyOfRange(partial, n, end);
        } else {
            for (int i = 0; i < minima.length; i++) {
                minima[i] = Math.min(minima[i], partial[n + i]);
            }
        }
        return this;
    }

    public PassAggregates merge(PassAggregates other) {
        sums.merge(other.sums);
        coupling.merge(other.coupling);
        endUsers.merge(other.endUsers);
        if (other.minima != null) {
            if (minima == null) {
                minima = other.minima.clone();
            } else {
                for (int i = 0; i < minima.length; i++) {
                    minima[i] = Math.min(minima[i], other.minima[i]);
                }
            }
        }
        return this;
    }

    public int slots() {
        return slots;
    }

    /**
     * The end-users' settlement sums, exact: {@link EndUserSums#stride} per slot, empty unless the request asked
     * for them. Exact, so that they add to the other populations' settlement sums as a settle pass would.
     */
    public ExactSums endUserSums() {
        return endUsers;
    }

    /**
     * All sums as doubles, then all minima, in the partial-vector layout; then the coupling of hours when a storage
     * block added one ({@link #coupling}).
     */
    public double[] values() {
        int end = slots * (STRIDE + MIN_STRIDE);
        double[] out = Arrays.copyOf(sums.toDoubles(), coupling.isEmpty() ? end : end + slots * PAIRS);
        if (!coupling.isEmpty()) {
            System.arraycopy(coupling.toDoubles(), 0, out, end, slots * PAIRS);
        }
        if (minima == null) {
            Arrays.fill(out, slots * STRIDE, end, Double.POSITIVE_INFINITY);
        } else {
            System.arraycopy(minima, 0, out, slots * STRIDE, minima.length);
        }
        return out;
    }
}
