package org.tea.engine;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The final pass (MODEL sections 5, 8): the cleared market of each game, published to every participant so
 * each can settle itself and compare with the conventional retailer. Slot k covers game {@code games[k]},
 * hour t at {@code k * T + t}: retail price, sensitivity, total retail demand {@code D}, aggregated offer
 * {@code A} at the price, surplus total {@code U}, and the exogenous prices. {@code archetypes}: how many
 * end-user archetypes the users' {@link EndUserBlock#archetype} indices range over, so how many per-archetype
 * sums each game has ({@link SettleAggregates}); their names stay with the study. {@code endUsers}: settle the
 * end-users too; false when the passes have summed them already ({@link MarketEngine#sumsEndUsersInPasses}), and
 * then only prosumers and storage units are settled and the end-users' sums are left at zero.
 */
public record SettleRequest(int[] games, double[] lambda, double[] sensitivity, double[] demand, double[] offered,
        double[] surplusTotal, double[] exportPrice, double[] importPrice, double[] tariff, double[] feedIn,
        Behaviour behaviour, int archetypes, boolean endUsers) implements java.io.Serializable {

    /** A request that settles every population. */
    public SettleRequest(int[] games, double[] lambda, double[] sensitivity, double[] demand, double[] offered,
            double[] surplusTotal, double[] exportPrice, double[] importPrice, double[] tariff, double[] feedIn,
            Behaviour behaviour, int archetypes) {
        this(games, lambda, sensitivity, demand, offered, surplusTotal, exportPrice, importPrice, tariff, feedIn,
                behaviour, archetypes, true);
    }

    /** A request whose end-users are all of one archetype (index 0). */
    public SettleRequest(int[] games, double[] lambda, double[] sensitivity, double[] demand, double[] offered,
            double[] surplusTotal, double[] exportPrice, double[] importPrice, double[] tariff, double[] feedIn,
            Behaviour behaviour) {
        this(games, lambda, sensitivity, demand, offered, surplusTotal, exportPrice, importPrice, tariff, feedIn,
                behaviour, 1);
    }

    public SettleRequest {
        if (archetypes < 1) {
            throw new IllegalArgumentException("settle request: archetypes = " + archetypes + ", expected >= 1");
        }
        int n = games.length * Hours.T;
        for (double[] a : new double[][] {lambda, sensitivity, demand, offered, surplusTotal, exportPrice, importPrice,
                tariff, feedIn}) {
            if (a.length != n) {
                throw new IllegalArgumentException("settle request: arrays must hold " + n + " values (games x 24)");
            }
        }
    }

    public int slots() {
        return games.length;
    }
}
