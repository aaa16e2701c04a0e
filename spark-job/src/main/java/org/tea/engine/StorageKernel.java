package org.tea.engine;

import org.tea.market.StorageSolver;
import org.tea.model.Hours;

/**
 * The per-block work of a pass and of the final settlement over storage units (MODEL section 12), as
 * {@link PassKernel} is over end-users and prosumers: pure Java on primitive arrays, no allocation per unit-day,
 * in a {@link PassKernel.Scratch} per thread.
 */
public final class StorageKernel {
    private static final int T = Hours.T;

    private StorageKernel() {
    }

    /**
     * Adds the block's storage units at the request's prices to {@code partial}
     * ({@link PassAggregates#newStoragePartial}), as followers (MODEL section 12):
     * net demand {@code c - g} to the demand, their sensitivity to {@code S_t} and to the one-sided sums (a unit
     * re-solves an hour at {@code lambda_t -+ window} only when a kink of its sensitivity lies within the window),
     * their nearest kinks to the minima, and their dual value (the day's best profit) to {@code Phi}.
     */
    public static void storage(StorageBlock block, PassRequest request, PassKernel.Scratch sc, double[] partial) {
        int n = block.size();
        int slots = request.slots();
        double[] lambda = request.lambda();
        double[] window = request.window();
        for (int k = 0; k < slots; k++) {
            int off = k * T;
            int dem = PassAggregates.hourly(k, PassAggregates.DEMAND, 0);
            int sen = PassAggregates.hourly(k, PassAggregates.SENSITIVITY, 0);
            int below = PassAggregates.hourly(k, PassAggregates.SENSITIVITY_BELOW, 0);
            int above = PassAggregates.hourly(k, PassAggregates.SENSITIVITY_ABOVE, 0);
            int kinkUp = PassAggregates.minimum(slots, k, PassAggregates.KINK_ABOVE, 0);
            int kinkDown = PassAggregates.minimum(slots, k, PassAggregates.KINK_BELOW, 0);
            double phi = 0;
            for (int j = 0; j < n; j++) {
                phi += solveStorage(block, j, sc.storage, lambda, off, sc.charge, sc.discharge, sc.soc,
                        sc.storageSens);
                sc.storage.kinkDistances(sc.up, sc.down);
                for (int t = 0; t < T; t++) {
                    partial[dem + t] += sc.charge[t] - sc.discharge[t];
                    partial[sen + t] += sc.storageSens[t];
                }
                addCoupling(sc, partial, slots, k);
                for (int t = 0; t < T; t++) {
                    double w = window[off + t];
                    double u = sc.up[t];
                    double dn = sc.down[t];
                    partial[above + t] += u > w ? sc.storageSens[t] : storageMoved(block, j, sc, lambda, off, t, w);
                    partial[below + t] += dn > w ? sc.storageSens[t] : storageMoved(block, j, sc, lambda, off, t, -w);
                    if (u > w && u < partial[kinkUp + t]) {
                        partial[kinkUp + t] = u;
                    }
                    if (dn > w && dn < partial[kinkDown + t]) {
                        partial[kinkDown + t] = dn;
                    }
                }
            }
            partial[PassAggregates.daily(k, PassAggregates.PHI)] += phi;
        }
    }

    /** The last solved unit's coupling of hours within each of its stretches, to slot k's pair sums. */
    private static void addCoupling(PassKernel.Scratch sc, double[] partial, int slots, int k) {
        sc.storage.coupling(sc.storageR, sc.stretchEnd);
        int base = PassAggregates.coupling(slots, k, 0, 1) - PassAggregates.pair(0, 1);
        for (int t = 0; t < T; t++) {
            double rt = sc.storageR[t];
            if (rt == 0) {
                continue;
            }
            int row = base + PassAggregates.pair(t, t + 1) - (t + 1);
            for (int u = t + 1; u < sc.stretchEnd[t]; u++) {
                partial[row + u] += rt * sc.storageR[u];
            }
        }
    }

    private static double solveStorage(StorageBlock block, int j, StorageSolver solver, double[] lambda, int off,
            double[] c, double[] g, double[] e, double[] s) {
        return solver.solve(block.capacity(j), block.power(j), block.etaCharge(j), block.etaDischarge(j),
                block.throughputCost(j), block.soc0(j), lambda, off, 0L, c, g, e, s);
    }

    /** Unit j's sensitivity in hour t with that hour's price moved by {@code shift}, into the baseline scratch. */
    private static double storageMoved(StorageBlock block, int j, PassKernel.Scratch sc, double[] lambda, int off, int t,
            double shift) {
        System.arraycopy(lambda, off, sc.moved, 0, T);
        sc.moved[t] += shift;
        solveStorage(block, j, sc.storage, sc.moved, 0, sc.bCharge, sc.bDischarge, sc.bSoc, sc.bSens);
        return sc.bSens[t];
    }

    /**
     * Settles the block's storage units (MODEL section 12): at the cleared prices (a unit pays {@code lambda c}
     * and receives {@code lambda g}) and, as baseline, at the tariff for buying and selling; adds the hourly
     * charge and discharge (and the baseline's net demand to the baseline demand) and the day's profits to
     * {@code partial}, records each slot's largest violation of a unit's optimality conditions in {@code kkt},
     * and hands each unit-hour to the sink.
     */
    public static void settleStorage(StorageBlock block, SettleRequest request, PassKernel.Scratch sc, double[] partial,
            double[] kkt, UserResultSink sink) {
        double[] fig = sc.storageFigures;
        for (int k = 0; k < request.slots(); k++) {
            int game = request.games()[k];
            int off = k * T;
            for (int j = 0; j < block.size(); j++) {
                String id = sink == UserResultSink.NONE ? null : block.id(j);
                solveStorage(block, j, sc.storage, request.lambda(), off, sc.charge, sc.discharge, sc.soc,
                        sc.storageSens);
                kkt[k] = Math.max(kkt[k], sc.storage.kktResidual());
                solveStorage(block, j, sc.storage, request.tariff(), off, sc.bCharge, sc.bDischarge, sc.bSoc,
                        sc.bSens);
                kkt[k] = Math.max(kkt[k], sc.storage.kktResidual());
                double kappa = block.throughputCost(j);
                double profit = 0;
                double bProfit = 0;
                for (int t = 0; t < T; t++) {
                    double c = sc.charge[t];
                    double g = sc.discharge[t];
                    double bc = sc.bCharge[t];
                    double bg = sc.bDischarge[t];
                    double hourProfit = request.lambda()[off + t] * (g - c) - 0.5 * kappa * (c * c + g * g);
                    double hourBaseline = request.tariff()[off + t] * (bg - bc) - 0.5 * kappa * (bc * bc + bg * bg);
                    profit += hourProfit;
                    bProfit += hourBaseline;
                    partial[SettleAggregates.hourly(k, SettleAggregates.STORAGE_CHARGE, t)] += c;
                    partial[SettleAggregates.hourly(k, SettleAggregates.STORAGE_DISCHARGE, t)] += g;
                    partial[SettleAggregates.hourly(k, SettleAggregates.BASELINE_DEMAND, t)] += bc - bg;
                    fig[UserResultSink.CHARGE] = c;
                    fig[UserResultSink.DISCHARGE] = g;
                    fig[UserResultSink.SOC] = sc.soc[t];
                    fig[UserResultSink.STORAGE_PROFIT] = hourProfit;
                    fig[UserResultSink.BASELINE_CHARGE] = bc;
                    fig[UserResultSink.BASELINE_DISCHARGE] = bg;
                    fig[UserResultSink.STORAGE_BASELINE_PROFIT] = hourBaseline;
                    sink.storageHour(id, j, block, game, t, fig);
                }
                partial[SettleAggregates.daily(k, DaySum.STORAGE_PROFIT)] += profit;
                partial[SettleAggregates.daily(k, DaySum.STORAGE_BASELINE_PROFIT)] += bProfit;
            }
        }
    }
}
