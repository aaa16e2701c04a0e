package org.tea.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tea.engine.DaySum;
import org.tea.engine.MarketEngine;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.model.Hours;

/**
 * The last pass of a solve: the settle request at every game's final point, and the engine's settlement sums
 * read back with the driver's state into one {@link EquilibriumResult}, each game's certificate and the trace's
 * last row. Kept apart from the iteration because it only reads the state once the iteration is over.
 */
final class ResultAssembly {
    private static final int T = Hours.T;

    private ResultAssembly() {
    }

    static EquilibriumResult settle(MarketEngine engine, MarketPrices prices, SolverState state,
            ProgressListener progress) {
        long t0 = System.nanoTime();
        int games = state.games;
        int n = games * T;
        int[] all = new int[games];
        double[] demand = new double[n];
        for (int g = 0; g < games; g++) {
            all[g] = g;
        }
        for (int i = 0; i < n; i++) {
            demand[i] = state.demandUsers[i] + state.deficit[i];
        }
        // end-users whose sums the passes gathered are not settled again: their sums join the others' exactly
        boolean inPasses = state.endUserSums != null;
        SettleRequest request = new SettleRequest(all, state.lambda.clone(), state.sens.clone(), demand,
                state.offered.clone(), state.surplus.clone(), prices.exportPrice(), prices.importPrice(),
                prices.tariff(), prices.feedIn(), state.settings.behaviour(), engine.archetypes(), !inPasses);
        SettleAggregates sums = engine.settle(request);
        if (inPasses) {
            sums.addEndUsers(state.endUserSums, state.endUserStride);
        }
        double[] v = sums.values();
        double[] sold = new double[n];
        double[] exported = new double[n];
        double[] generation = new double[n];
        double[] baseline = new double[n];
        double[] charge = new double[n];
        double[] discharge = new double[n];
        double[] enduser = new double[n];
        double[] daily = new double[games * DaySum.COUNT];
        double[] archetypeDaily = Arrays.copyOfRange(v, SettleAggregates.archetype(games, request.archetypes(), 0, 0),
                v.length);
        List<DayResult> days = new ArrayList<>(games);
        for (int g = 0; g < games; g++) {
            for (int t = 0; t < T; t++) {
                sold[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.SOLD, t)];
                exported[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.EXPORTED, t)];
                generation[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.GENERATION, t)];
                baseline[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.BASELINE_DEMAND, t)];
                charge[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.STORAGE_CHARGE, t)];
                discharge[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.STORAGE_DISCHARGE, t)];
                // the followers' demand holds the storage units' net demand: the end-users' is the rest
                int i = g * T + t;
                enduser[i] = charge[i] == 0 && discharge[i] == 0 ? state.demandUsers[i]
                        : state.demandUsers[i] - (charge[i] - discharge[i]);
            }
            System.arraycopy(v, SettleAggregates.daily(g), daily, g * DaySum.COUNT, DaySum.COUNT);
            days.add(new DayResult(g, state.status[g], state.outer[g], state.innerTotal[g], state.maxViolation(g),
                    state.sensChange[g], state.bracketGap[g], sums.maxBestResponseGap(g), sums.maxStorageKkt(g)));
        }
        PassTrace row = new PassTrace(state.trace.size() + 1, "settle", games, games, 0, 0,
                (System.nanoTime() - t0) / 1_000_000);
        state.trace.add(row);
        progress.passDone(row, games);
        return new EquilibriumResult(prices, state.lambda.clone(), state.sens.clone(), demand,
                enduser, state.deficit.clone(), state.offered.clone(), state.surplus.clone(), sold,
                exported, generation, baseline, daily, archetypeDaily, List.copyOf(days), List.copyOf(state.trace),
                state.passes + 1, charge, discharge);
    }
}
