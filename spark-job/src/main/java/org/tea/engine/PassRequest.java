package org.tea.engine;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * What one pass sends to where the populations live (MODEL section 6): for each active game (a scenario-day),
 * the retail prices {@code lambda} and the published sensitivities {@code S} (the leaders' offer parameter),
 * the export prices {@code pi_s} the offers are anchored at, and the price window within which followers count
 * as at a kink of their sensitivity (MODEL 7: the one-sided sums are taken at {@code lambda_t -+ window_t}). Slot
 * k of the arrays covers game {@code games[k]}, hour t at index {@code k * T + t}. Nothing private travels:
 * only prices and {@code S}.
 *
 * <p>{@code known} (null: none) marks the slots whose followers the driver has already evaluated at exactly these
 * prices: their results are a function of the prices alone, so only the prosumers' offers (which move with
 * {@code S}) are evaluated there, and the followers' sums of such a slot come back empty. A pass with storage
 * units has no known slot.
 */
public record PassRequest(int[] games, double[] lambda, double[] sensitivity, double[] exportPrice, double[] window,
        Behaviour behaviour, Settle settle, boolean[] known) implements java.io.Serializable {

    /** A request that gathers no end-user settlement sums and evaluates every slot's followers. */
    public PassRequest(int[] games, double[] lambda, double[] sensitivity, double[] exportPrice, double[] window,
            Behaviour behaviour) {
        this(games, lambda, sensitivity, exportPrice, window, behaviour, null, null);
    }

    /** A request that evaluates every slot's followers. */
    public PassRequest(int[] games, double[] lambda, double[] sensitivity, double[] exportPrice, double[] window,
            Behaviour behaviour, Settle settle) {
        this(games, lambda, sensitivity, exportPrice, window, behaviour, settle, null);
    }

    public PassRequest {
        int n = games.length * Hours.T;
        if (lambda.length != n || sensitivity.length != n || exportPrice.length != n || window.length != n) {
            throw new IllegalArgumentException("pass request: arrays must hold " + n + " values (games x 24)");
        }
        if (settle != null && (settle.tariff().length != n || settle.baseline().length != games.length)) {
            throw new IllegalArgumentException("pass request: the settle part must hold " + n + " tariff values and "
                    + games.length + " baseline flags");
        }
        if (known != null && known.length != games.length) {
            throw new IllegalArgumentException("pass request: " + known.length + " known flags for "
                    + games.length + " games");
        }
    }

    /** Whether slot k's followers are known at these prices (not evaluated in this pass). */
    public boolean known(int k) {
        return known != null && known[k];
    }

    /** Slots whose followers this pass evaluates. */
    public int followerSlots() {
        int n = games.length;
        if (known != null) {
            for (boolean b : known) {
                n -= b ? 1 : 0;
            }
        }
        return n;
    }

    public int slots() {
        return games.length;
    }

    /**
     * Asks the followers' pass to gather the end-users' settlement sums ({@link EndUserSums}) as well: the TE
     * ones at the pass's prices for every slot, the baseline ones at {@code tariff} (slot k at {@code k * T + t})
     * for the slots with {@code baseline[k]}. {@code archetypes}: as in {@link SettleRequest#archetypes()}.
     */
    public record Settle(int archetypes, double[] tariff, boolean[] baseline) implements java.io.Serializable {
        public Settle {
            if (archetypes < 1) {
                throw new IllegalArgumentException("pass request: archetypes = " + archetypes + ", expected >= 1");
            }
        }

        /** End-user sums per slot. */
        public int stride() {
            return EndUserSums.stride(archetypes);
        }
    }
}
