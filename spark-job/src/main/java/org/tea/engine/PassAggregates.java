package org.tea.engine;

import org.tea.model.Hours;

/**
 * The sums one pass returns per active game (slot) and hour, in exact arithmetic ({@link ExactSums}):
 * <ul>
 *   <li>followers: {@code sum_j d_jt}, {@code sum_j s_jt} (MODEL section 4), the rank-one curvature term
 *       {@code c_t = sum_j a_j [t free for j]} with {@code a_j = 1 / (beta_j |F_j|)} for users whose energy bound
 *       binds, and per day {@code w = sum_j a_j} and {@code sum_j phi_j};</li>
 *   <li>offers: {@code A_t}, {@code dA_t/dlambda}, {@code G_t}, {@code U_t} and the prosumers' deficit {@code W_t}.</li>
 * </ul>
 * {@code c} and {@code w} let the clearing use the exact coupling of hours through daily energy bounds
 * ({@code -dD/dlambda = diag(sum s + c) - sum_j a_j 1_F 1_F^T}, approximated by its rank-one mean
 * {@code c c^T / w}) at the cost of one more sum per hour.
 */
public final class PassAggregates implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEMAND = 0;
    public static final int SENSITIVITY = 1;
    public static final int RANK = 2;
    public static final int OFFERED = 3;
    public static final int OFFER_SLOPE = 4;
    public static final int OFFER_INTEGRAL = 5;
    public static final int SURPLUS = 6;
    public static final int DEFICIT = 7;
    static final int HOURLY_FIELDS = 8;
    public static final int WEIGHT = HOURLY_FIELDS * Hours.T;
    public static final int PHI = WEIGHT + 1;
    /** Values per slot. */
    public static final int STRIDE = PHI + 1;

    private final int slots;
    private final ExactSums sums;

    public PassAggregates(int slots) {
        this.slots = slots;
        this.sums = new ExactSums(slots * STRIDE);
    }

    /** Index of an hourly field in a slot's block of a partial vector. */
    public static int hourly(int slot, int field, int t) {
        return slot * STRIDE + field * Hours.T + t;
    }

    /** Index of a daily field ({@link #WEIGHT}, {@link #PHI}). */
    public static int daily(int slot, int field) {
        return slot * STRIDE + field;
    }

    /** A zeroed partial vector for one block's double sums. */
    public static double[] newPartial(int slots) {
        return new double[slots * STRIDE];
    }

    /** Adds one block's partial sums. */
    public PassAggregates add(double[] partial) {
        sums.addAll(partial);
        return this;
    }

    public PassAggregates merge(PassAggregates other) {
        sums.merge(other.sums);
        return this;
    }

    public int slots() {
        return slots;
    }

    /** All sums as doubles, in the partial-vector layout. */
    public double[] values() {
        return sums.toDoubles();
    }
}
