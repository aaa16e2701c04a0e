package org.tea.engine;

import org.tea.market.FollowerSolver;
import org.tea.market.OfferSums;
import org.tea.market.Settlement;
import org.tea.market.StorageSolver;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The per-block work of a pass and of the final settlement over end-users and prosumers, shared by every engine
 * (storage units': {@link StorageKernel}): pure Java on primitive arrays, no allocation per user-day. One
 * {@link Scratch} per thread.
 */
public final class PassKernel {
    private static final int T = Hours.T;

    private PassKernel() {
    }

    /** Per-thread scratch space: the follower solver, the arrays of one user-day and a day's offer sums. */
    public static final class Scratch {
        final FollowerSolver solver = new FollowerSolver();
        final double[] alpha = new double[T];
        final double[] dmin = new double[T];
        final double[] dmax = new double[T];
        final double[] energy = new double[2];
        final double[] d = new double[T];
        final double[] s = new double[T];
        final double[] up = new double[T];
        final double[] down = new double[T];
        final double[] moved = new double[T];
        final double[] bd = new double[T];
        final double[] bs = new double[T];
        final double[] generation = new double[T];
        final double[] load = new double[T];
        final double[] sums = new double[DaySum.ENDUSER_COUNT];
        final double[] figures = new double[UserResultSink.PROSUMER_FIGURES];
        final OfferSums offers = new OfferSums();
        final StorageSolver storage = new StorageSolver();
        final double[] charge = new double[T];
        final double[] discharge = new double[T];
        final double[] soc = new double[T];
        final double[] storageSens = new double[T];
        final double[] storageR = new double[T];
        final int[] stretchEnd = new int[T];
        final double[] bCharge = new double[T];
        final double[] bDischarge = new double[T];
        final double[] bSoc = new double[T];
        final double[] bSens = new double[T];
        final double[] storageFigures = new double[UserResultSink.STORAGE_FIGURES];
    }

    /**
     * Adds the block's followers at the request's prices to {@code partial} ({@link PassAggregates} layout), and
     * when the request asks for them ({@link PassRequest#settle}) their settlement sums ({@link EndUserSums}).
     */
    public static void followers(EndUserBlock block, PassRequest request, Scratch sc, double[] partial) {
        int n = block.size();
        int slots = request.slots();
        double[] lambda = request.lambda();
        double[] window = request.window();
        PassRequest.Settle settle = request.settle();
        if (settle != null) {
            checkArchetypes(block, settle.archetypes());
        }
        for (int k = 0; k < slots; k++) {
            if (request.known(k)) {
                continue; // the driver has this slot's followers at these prices
            }
            int game = request.games()[k];
            int off = k * T;
            int dem = PassAggregates.hourly(k, PassAggregates.DEMAND, 0);
            int sen = PassAggregates.hourly(k, PassAggregates.SENSITIVITY, 0);
            int rank = PassAggregates.hourly(k, PassAggregates.RANK, 0);
            int below = PassAggregates.hourly(k, PassAggregates.SENSITIVITY_BELOW, 0);
            int above = PassAggregates.hourly(k, PassAggregates.SENSITIVITY_ABOVE, 0);
            int kinkUp = PassAggregates.minimum(slots, k, PassAggregates.KINK_ABOVE, 0);
            int kinkDown = PassAggregates.minimum(slots, k, PassAggregates.KINK_BELOW, 0);
            int settled = settle == null ? -1 : PassAggregates.endUsers(slots, k, settle.stride());
            boolean baseline = settle != null && settle.baseline()[k];
            double weight = 0;
            double phi = 0;
            for (int j = 0; j < n; j++) {
                double beta = block.fill(j, game, sc.alpha, sc.dmin, sc.dmax, sc.energy);
                double phiJ = sc.solver.solve(sc.alpha, beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1], lambda,
                        off, sc.d, sc.s);
                phi += phiJ;
                int free = sc.solver.freeCount();
                if (sc.solver.energyBinding() && free > 0) {
                    double a = 1.0 / (beta * free);
                    weight += a;
                    for (int mask = sc.solver.freeMask(); mask != 0; mask &= mask - 1) {
                        partial[rank + Integer.numberOfTrailingZeros(mask)] += a;
                    }
                }
                // demand, sensitivity, one-sided sensitivities and the nearest kinks in one loop over the hours;
                // this user re-solves only the hours whose sensitivity changes within the window, which is rare
                // away from an equilibrium at a kink (the re-solve writes to other scratch arrays than d and s)
                sc.solver.kinkDistances(beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1], sc.up, sc.down);
                for (int t = 0; t < T; t++) {
                    partial[dem + t] += sc.d[t];
                    partial[sen + t] += sc.s[t];
                    double w = window[off + t];
                    double u = sc.up[t];
                    double dn = sc.down[t];
                    partial[above + t] += u > w ? sc.s[t] : sensitivityMoved(sc, beta, lambda, off, t, w);
                    partial[below + t] += dn > w ? sc.s[t] : sensitivityMoved(sc, beta, lambda, off, t, -w);
                    if (u > w && u < partial[kinkUp + t]) {
                        partial[kinkUp + t] = u;
                    }
                    if (dn > w && dn < partial[kinkDown + t]) {
                        partial[kinkDown + t] = dn;
                    }
                }
                if (settled >= 0) {
                    int arch = EndUserSums.archetype(settled, block.archetype(j));
                    EndUserSums.addTe(partial, settled, arch, sc.d, lambda, off, phiJ);
                    if (baseline) { // the moved solves are done with bd and bs: the baseline may use them
                        double bPhi = sc.solver.solve(sc.alpha, beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1],
                                settle.tariff(), off, sc.bd, sc.bs);
                        EndUserSums.addBaseline(partial, settled, arch, sc.bd, settle.tariff(), off, bPhi);
                    }
                }
            }
            partial[PassAggregates.daily(k, PassAggregates.WEIGHT)] += weight;
            partial[PassAggregates.daily(k, PassAggregates.PHI)] += phi;
        }
    }

    /**
     * The current user's sensitivity in hour t with that hour's price moved by {@code shift}: a second solve, into scratch
     * arrays that the first solve's results no longer need (read them before calling this).
     */
    private static double sensitivityMoved(Scratch sc, double beta, double[] lambda, int off, int t, double shift) {
        System.arraycopy(lambda, off, sc.moved, 0, T);
        sc.moved[t] += shift;
        sc.solver.solve(sc.alpha, beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1], sc.moved, 0, sc.bd,
                sc.bs);
        return sc.bs[t];
    }

    /**
     * Adds the block's offers at the request's prices to {@code partial}: per game, each prosumer's generation and
     * load are recomputed ({@link ProsumerBlock#fill}) and added to the hour's offer sums in block order, so a
     * block's partial depends only on the block and the request.
     */
    public static void offers(ProsumerBlock block, PassRequest request, Scratch sc, double[] partial) {
        Behaviour b = request.behaviour();
        OfferSums sums = sc.offers;
        int n = block.size();
        for (int k = 0; k < request.slots(); k++) {
            int game = request.games()[k];
            sums.start(request.lambda(), request.exportPrice(), request.sensitivity(), k * T);
            for (int i = 0; i < n; i++) {
                block.fill(i, game, sc.generation, sc.load);
                sums.add(sc.generation, sc.load);
            }
            for (int t = 0; t < T; t++) {
                partial[PassAggregates.hourly(k, PassAggregates.OFFERED, t)] += sums.offered(b, t);
                partial[PassAggregates.hourly(k, PassAggregates.OFFER_SLOPE, t)] += sums.slope(b, t);
                partial[PassAggregates.hourly(k, PassAggregates.OFFER_INTEGRAL, t)] += sums.integral(b, t);
                partial[PassAggregates.hourly(k, PassAggregates.OFFER_GROWTH, t)] += sums.growth(b, t);
                partial[PassAggregates.hourly(k, PassAggregates.SURPLUS, t)] += sums.surplus(t);
                partial[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)] += sums.deficit(t);
            }
        }
    }

    /**
     * Settles the block's end-users: TE at the cleared prices and the baseline at the tariff (MODEL section 8);
     * adds to {@code partial} ({@link SettleAggregates} layout: the game's sums and those of the user's archetype)
     * and hands each user-day to the sink.
     */
    public static void settleEndUsers(EndUserBlock block, SettleRequest request, Scratch sc, double[] partial,
            UserResultSink sink) {
        double[] fig = sc.sums;
        int slots = request.slots();
        int archetypes = request.archetypes();
        checkArchetypes(block, archetypes);
        for (int k = 0; k < slots; k++) {
            int game = request.games()[k];
            int off = k * T;
            int bdem = SettleAggregates.hourly(k, SettleAggregates.BASELINE_DEMAND, 0);
            int base = SettleAggregates.daily(k);
            int arch0 = SettleAggregates.archetype(slots, archetypes, k, 0);
            for (int j = 0; j < block.size(); j++) {
                int arch = arch0 + block.archetype(j) * SettleAggregates.ARCHETYPE_FIELDS;
                double beta = block.fill(j, game, sc.alpha, sc.dmin, sc.dmax, sc.energy);
                double surplus = sc.solver.solve(sc.alpha, beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1],
                        request.lambda(), off, sc.d, sc.s);
                double bSurplus = sc.solver.solve(sc.alpha, beta, sc.dmin, sc.dmax, sc.energy[0], sc.energy[1],
                        request.tariff(), off, sc.bd, sc.bs);
                double energy = 0;
                double payment = 0;
                double peak = 0;
                double bEnergy = 0;
                double bPayment = 0;
                for (int t = 0; t < T; t++) {
                    energy += sc.d[t];
                    payment += request.lambda()[off + t] * sc.d[t];
                    peak = Math.max(peak, sc.d[t]);
                    bEnergy += sc.bd[t];
                    bPayment += request.tariff()[off + t] * sc.bd[t];
                    partial[bdem + t] += sc.bd[t];
                }
                fig[DaySum.ENERGY.index()] = energy;
                fig[DaySum.PAYMENT.index()] = payment;
                fig[DaySum.UTILITY.index()] = surplus + payment;
                fig[DaySum.SURPLUS.index()] = surplus;
                fig[DaySum.BASELINE_ENERGY.index()] = bEnergy;
                fig[DaySum.BASELINE_PAYMENT.index()] = bPayment;
                fig[DaySum.BASELINE_UTILITY.index()] = bSurplus + bPayment;
                fig[DaySum.BASELINE_SURPLUS.index()] = bSurplus;
                for (int f = 0; f < DaySum.ENDUSER_COUNT; f++) {
                    partial[base + f] += fig[f];
                    partial[arch + f] += fig[f];
                }
                partial[arch + SettleAggregates.ARCHETYPE_USERS] += 1;
                String id = sink == UserResultSink.NONE ? null : block.id(j);
                sink.endUserDay(id, game, fig, peak, sc.d, sc.bd, sc.alpha, sc.dmin, sc.dmax, beta, sc.energy[0],
                        sc.energy[1]);
            }
        }
    }

    private static void checkArchetypes(EndUserBlock block, int archetypes) {
        for (int j = 0; j < block.size(); j++) {
            int a = block.archetype(j);
            if (a < 0 || a >= archetypes) {
                throw new IllegalArgumentException("end-user " + block.id(j) + ": archetype index " + a
                        + " outside [0, " + archetypes + ") of the settle request");
            }
        }
    }

    /**
     * Settles the block's prosumers (MODEL section 5) and their baseline; adds to {@code partial}, records the
     * largest best-response gap per slot in {@code gaps}, and hands each prosumer-hour to the sink.
     */
    public static void settleProsumers(ProsumerBlock block, SettleRequest request, Scratch sc, double[] partial,
            double[] gaps, UserResultSink sink) {
        Behaviour b = request.behaviour();
        double[] fig = sc.figures;
        for (int k = 0; k < request.slots(); k++) {
            int game = request.games()[k];
            for (int i = 0; i < block.size(); i++) {
                block.fill(i, game, sc.generation, sc.load);
                // ids are decoded on each call: once per prosumer-day, and never for a sink that drops them
                String id = sink == UserResultSink.NONE ? null : block.id(i);
                double profit = 0;
                double bProfit = 0;
                for (int t = 0; t < T; t++) {
                    int x = k * T + t;
                    double lambda = request.lambda()[x];
                    double piS = request.exportPrice()[x];
                    double u = Math.max(sc.generation[t] - sc.load[t], 0.0);
                    double w = Math.max(sc.load[t] - sc.generation[t], 0.0);
                    double sold = Settlement.sold(b, u, lambda, piS, request.sensitivity()[x], request.demand()[x],
                            request.offered()[x], request.surplusTotal()[x]);
                    double hourProfit = Settlement.profit(lambda, piS, u, w, sold);
                    double hourBaseline = Settlement.baselineProfit(request.feedIn()[x], request.tariff()[x], u, w);
                    gaps[k] = Math.max(gaps[k], Settlement.bestResponseGap(b, sold, u, lambda, piS,
                            request.importPrice()[x], request.sensitivity()[x]));
                    partial[SettleAggregates.hourly(k, SettleAggregates.SOLD, t)] += sold;
                    partial[SettleAggregates.hourly(k, SettleAggregates.EXPORTED, t)] += u - sold;
                    partial[SettleAggregates.hourly(k, SettleAggregates.GENERATION, t)] += sc.generation[t];
                    profit += hourProfit;
                    bProfit += hourBaseline;
                    fig[UserResultSink.GENERATION] = sc.generation[t];
                    fig[UserResultSink.LOAD] = sc.load[t];
                    fig[UserResultSink.SURPLUS_KWH] = u;
                    fig[UserResultSink.DEFICIT] = w;
                    fig[UserResultSink.SOLD] = sold;
                    fig[UserResultSink.EXPORTED] = u - sold;
                    fig[UserResultSink.PROFIT] = hourProfit;
                    fig[UserResultSink.BASELINE_PROFIT] = hourBaseline;
                    sink.prosumerHour(id, game, t, fig);
                }
                partial[SettleAggregates.daily(k, DaySum.PROFIT)] += profit;
                partial[SettleAggregates.daily(k, DaySum.BASELINE_PROFIT)] += bProfit;
            }
        }
    }
}
