package org.tea.equilibrium;

import org.tea.engine.DaySum;
import org.tea.engine.SettleAggregates;
import java.util.List;
import org.tea.model.Hours;

/**
 * Everything the driver knows at the end, flat by game then hour ({@code game * 24 + t}): the market's
 * hourly state at the equilibrium prices, the settlement sums, each game's certificate and the pass trace.
 * All figures are market-level sums; no per-user data.
 *
 * @param lambda         retail price
 * @param sensitivity    published {@code S_t} the last offers were made with
 * @param demand         retail demand {@code D_t} = end-user demand + prosumer deficit + storage net demand (kWh)
 * @param enduserDemand  {@code sum_j d_jt}
 * @param deficit        {@code W_t}
 * @param offered        {@code A_t(lambda_t)} (left limit at pi_b)
 * @param surplusTotal   {@code U_t}
 * @param soldLocal      sum of prosumers' local sales
 * @param exported       sum of unsold surplus
 * @param generation     prosumers' renewable output
 * @param baselineEnduserDemand end-user demand at the tariff
 * @param daily          per game its {@link DaySum}s, in their order
 * @param archetypeDaily per game and end-user archetype, the end-user {@link DaySum}s of the archetype's users then
 *                       their number ({@link SettleAggregates#ARCHETYPE_FIELDS} each)
 * @param storageCharge    storage units' charge {@code sum_b c_bt} (MODEL section 12; 0 without storage)
 * @param storageDischarge storage units' discharge {@code sum_b g_bt}
 */
public record EquilibriumResult(MarketPrices prices, double[] lambda, double[] sensitivity, double[] demand,
        double[] enduserDemand, double[] deficit, double[] offered, double[] surplusTotal, double[] soldLocal,
        double[] exported, double[] generation, double[] baselineEnduserDemand, double[] daily, double[] archetypeDaily, List<DayResult> days, List<PassTrace> trace,
        long passes, double[] storageCharge, double[] storageDischarge) implements java.io.Serializable {

    /** A result without storage. */
    public EquilibriumResult(MarketPrices prices, double[] lambda, double[] sensitivity, double[] demand,
            double[] enduserDemand, double[] deficit, double[] offered, double[] surplusTotal, double[] soldLocal,
            double[] exported, double[] generation, double[] baselineEnduserDemand, double[] daily,
            double[] archetypeDaily, List<DayResult> days, List<PassTrace> trace, long passes) {
        this(prices, lambda, sensitivity, demand, enduserDemand, deficit, offered, surplusTotal, soldLocal, exported,
                generation, baselineEnduserDemand, daily, archetypeDaily, days, trace, passes,
                new double[lambda.length], new double[lambda.length]);
    }

    public int games() {
        return lambda.length / Hours.T;
    }

    public double daily(int game, DaySum sum) {
        return daily[game * DaySum.COUNT + sum.index()];
    }

    /** End-user archetypes of the settlement sums. */
    public int archetypes() {
        int games = games();
        return games == 0 ? 0 : archetypeDaily.length / (games * SettleAggregates.ARCHETYPE_FIELDS);
    }

    /** An end-user {@link DaySum} summed over the users of one archetype in one game. */
    public double archetypeDaily(int game, int archetype, DaySum sum) {
        if (sum.index() >= DaySum.ENDUSER_COUNT) {
            throw new IllegalArgumentException(sum + " is not an end-user sum");
        }
        return archetypeDaily[(game * archetypes() + archetype) * SettleAggregates.ARCHETYPE_FIELDS + sum.index()];
    }

    /** End-users of one archetype in one game. */
    public long archetypeUsers(int game, int archetype) {
        return (long) archetypeDaily[(game * archetypes() + archetype) * SettleAggregates.ARCHETYPE_FIELDS
                + SettleAggregates.ARCHETYPE_USERS];
    }

    /** {@code M_t = max(D_t - U_t, 0)}. */
    public double imported(int i) {
        return Math.max(demand[i] - surplusTotal[i], 0.0);
    }

    /** Baseline retail demand: end-users (and storage units' net demand) at the tariff plus prosumers' deficit. */
    public double baselineDemand(int i) {
        return baselineEnduserDemand[i] + deficit[i];
    }

    public boolean allConverged() {
        return days.stream().allMatch(DayResult::converged);
    }
}
