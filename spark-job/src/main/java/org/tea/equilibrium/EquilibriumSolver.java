package org.tea.equilibrium;

import java.util.Arrays;
import org.tea.engine.EndUserSums;
import org.tea.engine.ExactSums;
import org.tea.engine.MarketEngine;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassRequest;
import org.tea.market.Settlement;
import org.tea.model.Hours;

/**
 * The inner-outer driver of MODEL sections 6-7, the same for every engine. All games (scenario-days) iterate
 * in lockstep: each pass sends the prices and sensitivities of every game still active, and a game leaves
 * the pass set once it has converged or given up.
 *
 * <p>Per game, a pass result is read by a small state machine on its {@link Phase}:
 * <ol>
 *   <li>{@code INIT}: the followers' response at the start prices gives the first {@code S} (MODEL 7.1);</li>
 *   <li>{@code EVAL}: the current prices under new offers; cleared: update {@code S}; otherwise a step;</li>
 *   <li>{@code TRIAL}: a trial point of the line search: accepted (Armijo on Phi, or already cleared) or halved.</li>
 * </ol>
 * Only the transitions are here: the price step is {@link ProjectedNewton}'s, the update of {@code S} and its
 * fixed point {@link SensitivityUpdate}'s, the settle pass {@link ResultAssembly}'s, and everything they share
 * lives in the {@link SolverState}, which is what a checkpoint holds.
 */
public final class EquilibriumSolver {
    private static final int T = Hours.T;

    /**
     * Violation ratio under which a clearing is close enough for the leaders to move S: 1e5 x tol_clear, a
     * violation of 1% of demand with the default tolerance. The followers' response there already tells where S
     * must go, and clearing offers that are about to change any closer only costs passes (on the most elastic,
     * most flexible city of the convergence benchmark, 38 passes for its year against 35).
     */
    private static final double LOOSE = 1e5;

    private final SolverSettings settings;

    public EquilibriumSolver(SolverSettings settings) {
        this.settings = settings;
    }

    /** Solves every game of the engine and settles it. */
    public EquilibriumResult solve(MarketEngine engine, MarketPrices prices, ProgressListener progress) {
        return solve(engine, prices, progress, Checkpoints.NONE);
    }

    /**
     * Solves every game, resuming from {@code checkpoints.load()} if it holds a state, and hands the state to
     * {@code checkpoints.save} after every pass. Passes are deterministic, so a resumed solve gives exactly
     * the results of an uninterrupted one.
     */
    public EquilibriumResult solve(MarketEngine engine, MarketPrices prices, ProgressListener progress,
            Checkpoints checkpoints) {
        if (engine.games() != prices.games()) {
            throw new IllegalArgumentException("engine holds " + engine.games() + " games, prices " + prices.games());
        }
        SolverState state = checkpoints.load();
        boolean inPasses = engine.sumsEndUsersInPasses();
        if (state == null) {
            state = new SolverState(settings, prices);
            if (inPasses) {
                state.gatherEndUsers(engine.archetypes());
            }
        } else {
            state.check(settings, prices);
            if (!inPasses || state.endUserStride != EndUserSums.stride(engine.archetypes())) {
                state.endUserSums = null; // what the passes summed is not what this engine settles
            }
        }
        return new Run(engine, prices, progress, state, checkpoints).run();
    }

    /** Where a solve keeps its state between passes, so an interrupted run can resume. */
    public interface Checkpoints {
        Checkpoints NONE = new Checkpoints() {
            @Override
            public SolverState load() {
                return null;
            }

            @Override
            public void save(SolverState state, boolean last) {
            }
        };

        /** The state to resume from, or {@code null} to start afresh. */
        SolverState load();

        /**
         * Called after every pass with the live state: serialise it now ({@code last}: the solve is about to
         * settle, so this is the state to keep whatever happens next).
         */
        void save(SolverState state, boolean last);
    }

    /** One solve: the state, what it runs against, and the two steps that move it. */
    private final class Run {
        final MarketEngine engine;
        final MarketPrices prices;
        final ProgressListener progress;
        final Checkpoints checkpoints;
        final SolverState state;
        final ProjectedNewton newton;
        final SensitivityUpdate leaders;
        /** Games in the pass being read, and its sums. */
        int slots;
        PassAggregates pass;
        /** The request of the pass being read: which of its slots' followers were known. */
        PassRequest known;

        Run(MarketEngine engine, MarketPrices prices, ProgressListener progress, SolverState state,
                Checkpoints checkpoints) {
            this.engine = engine;
            this.prices = prices;
            this.progress = progress == null ? ProgressListener.NONE : progress;
            this.checkpoints = checkpoints;
            this.state = state;
            this.newton = new ProjectedNewton(state, prices);
            this.leaders = new SensitivityUpdate(state, prices);
        }

        /** Passes over all active games until none is left, then the settle pass. */
        EquilibriumResult run() {
            int[] active = state.activeGames();
            while (active.length > 0) {
                long t0 = System.nanoTime();
                PassRequest request = request(active);
                pass = engine.evaluate(request);
                known = request;
                double[] agg = pass.values();
                for (int k = 0; k < active.length; k++) {
                    if (request.known(k)) {
                        restoreFollowers(active[k], k, active.length, agg);
                    }
                }
                double worstRatio = 0;
                double worst = 0;
                slots = active.length;
                for (int k = 0; k < active.length; k++) {
                    int g = active[k];
                    worstRatio = Math.max(worstRatio, absorb(g, k, agg, request.lambda()));
                    worst = Math.max(worst, state.maxViolation(g));
                }
                int evaluated = active.length;
                active = state.activeGames();
                PassTrace row = new PassTrace(state.trace.size() + 1, "clear", evaluated, state.games - active.length,
                        worstRatio, worst, (System.nanoTime() - t0) / 1_000_000);
                state.trace.add(row);
                state.passes++;
                checkpoints.save(state, active.length == 0);
                progress.passDone(row, state.games);
            }
            return ResultAssembly.settle(engine, prices, state, progress);
        }

        /** Each active game's point: its line search's trial point, else its accepted prices. */
        PassRequest request(int[] active) {
            int n = active.length * T;
            double[] l = new double[n];
            double[] s = new double[n];
            double[] ps = new double[n];
            double[] window = new double[n];
            for (int k = 0; k < active.length; k++) {
                int g = active[k];
                double[] point = state.phase[g] == Phase.TRIAL ? state.trial : state.lambda;
                System.arraycopy(point, g * T, l, k * T, T);
                System.arraycopy(state.sens, g * T, s, k * T, T);
                System.arraycopy(prices.exportPrice(), g * T, ps, k * T, T);
                for (int t = 0; t < T; t++) {
                    int i = g * T + t;
                    window[k * T + t] = SensitivityUpdate.window(prices, i);
                }
            }
            return new PassRequest(active, l, s, ps, window, settings.behaviour(), settle(active),
                    knownFollowers(active, l));
        }

        /**
         * The slots whose followers were evaluated at exactly these prices when their game's point was last
         * accepted (a game waiting for its offers to clear again under a new S at an unmoved price): their sums
         * are a function of the prices, so the pass evaluates only the offers there. None with storage, whose
         * units share the followers' sums.
         */
        boolean[] knownFollowers(int[] active, double[] l) {
            if (engine.hasStorage()) {
                return null;
            }
            boolean[] known = new boolean[active.length];
            for (int k = 0; k < active.length; k++) {
                int g = active[k];
                known[k] = state.phase[g] == Phase.EVAL && Arrays.equals(l, k * T, (k + 1) * T, state.evaluated,
                        g * T, (g + 1) * T);
            }
            return known;
        }

        /** Puts game g's follower sums at its accepted point, unchanged at these prices, into slot k of agg. */
        void restoreFollowers(int g, int k, int slots, double[] agg) {
            for (int t = 0; t < T; t++) {
                int i = g * T + t;
                agg[PassAggregates.hourly(k, PassAggregates.DEMAND, t)] = state.demandUsers[i];
                agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY, t)] = state.followerSens[i];
                agg[PassAggregates.hourly(k, PassAggregates.RANK, t)] = state.rank[i];
                agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY_BELOW, t)] = state.below[i];
                agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY_ABOVE, t)] = state.above[i];
                agg[PassAggregates.minimum(slots, k, PassAggregates.KINK_BELOW, t)] = state.kinkBelow[i];
                agg[PassAggregates.minimum(slots, k, PassAggregates.KINK_ABOVE, t)] = state.kinkAbove[i];
            }
            agg[PassAggregates.daily(k, PassAggregates.WEIGHT)] = state.weight[g];
            agg[PassAggregates.daily(k, PassAggregates.PHI)] = state.followerPhi[g];
        }

        /** The end-users' settlement sums to gather, if any: the baseline only in a game's first pass. */
        PassRequest.Settle settle(int[] active) {
            if (state.endUserSums == null) {
                return null;
            }
            double[] tariff = new double[active.length * T];
            boolean[] baseline = new boolean[active.length];
            for (int k = 0; k < active.length; k++) {
                int g = active[k];
                System.arraycopy(prices.tariff(), g * T, tariff, k * T, T);
                baseline[k] = state.phase[g] == Phase.INIT;
            }
            return new PassRequest.Settle(engine.archetypes(), tariff, baseline);
        }

        /** Reads game g's sums (slot k) evaluated at {@code point}; returns its worst violation ratio. */
        double absorb(int g, int k, double[] agg, double[] point) {
            int base = g * T;
            double ratio = 0;
            double clearing = 0;
            double phiValue = ClearingObjective.value(agg, k, point);
            for (int t = 0; t < T; t++) {
                int i = base + t;
                double w = agg[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)];
                double d = agg[PassAggregates.hourly(k, PassAggregates.DEMAND, t)] + w;
                double a = agg[PassAggregates.hourly(k, PassAggregates.OFFERED, t)];
                double l = point[k * T + t];
                double v = Settlement.violation(l, prices.exportPrice()[i], prices.importPrice()[i], d, a);
                double u = agg[PassAggregates.hourly(k, PassAggregates.SURPLUS, t)];
                clearing = Math.max(clearing, settings.clearing().ratio(v, d));
                ratio = Math.max(ratio, settings.clearing().budgetRatio(l, prices.importPrice()[i], d, u));
            }
            ratio = Math.max(ratio, clearing);
            if (state.phase[g] == Phase.INIT) {
                accept(g, k, agg, point, phiValue);
                state.clearingRatio[g] = clearing;
                leaders.start(g);
                state.phase[g] = Phase.EVAL;
                state.outer[g] = 1;
                return ratio;
            }
            state.inner[g]++;
            state.innerTotal[g]++;
            // A trial is taken when Phi decreases enough (Armijo), or when it halves the worst violation: close to
            // the solution Phi, a sum over every user, changes by less than its own rounding, and the test on it
            // becomes noise that would halve good Newton steps again and again.
            if (state.phase[g] == Phase.TRIAL && ratio > 1 && settings.method() == ClearingMethod.NEWTON
                    && !(clearing <= 0.5 * state.clearingRatio[g]) && !newton.sufficientDecrease(g, phiValue)) {
                if (newton.giveUp(g)) {
                    state.finish(g, Status.FAILED);
                } else if (state.inner[g] >= settings.maxInner()) {
                    state.finish(g, Status.MAX_ITERATIONS_REACHED);
                } else {
                    newton.halve(g, phiValue);
                }
                return ratio;
            }
            if (state.phase[g] == Phase.TRIAL) {
                newton.accepted(g);
            }
            accept(g, k, agg, point, phiValue);
            state.clearingRatio[g] = clearing;
            if (ratio <= 1) {
                cleared(g);
            } else if (settings.method() == ClearingMethod.NEWTON && clearing <= LOOSE
                    && state.outer[g] < settings.maxOuter() && !leaders.atFixedPoint(g)) {
                // close enough to cleared to tell where S must go: move it now rather than clear offers that
                // are about to change (the prediction takes the remaining imbalance into account)
                leaders.advance(g, newton);
                state.outer[g]++;
                state.inner[g] = 0;
                state.phase[g] = Phase.EVAL;
            } else if (state.inner[g] >= settings.maxInner()) {
                state.finish(g, Status.MAX_ITERATIONS_REACHED);
            } else {
                newStep(g);
            }
            return ratio;
        }

        /** Makes the evaluated point game g's current point. */
        void accept(int g, int k, double[] agg, double[] point, double phiValue) {
            int base = g * T;
            for (int t = 0; t < T; t++) {
                int i = base + t;
                state.lambda[i] = point[k * T + t];
                state.demandUsers[i] = agg[PassAggregates.hourly(k, PassAggregates.DEMAND, t)];
                state.deficit[i] = agg[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)];
                state.offered[i] = agg[PassAggregates.hourly(k, PassAggregates.OFFERED, t)];
                state.surplus[i] = agg[PassAggregates.hourly(k, PassAggregates.SURPLUS, t)];
                state.followerSens[i] = agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY, t)];
                state.below[i] = agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY_BELOW, t)];
                state.above[i] = agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY_ABOVE, t)];
                state.kinkBelow[i] = agg[PassAggregates.minimum(slots, k, PassAggregates.KINK_BELOW, t)];
                state.kinkAbove[i] = agg[PassAggregates.minimum(slots, k, PassAggregates.KINK_ABOVE, t)];
                state.offerSlope[i] = agg[PassAggregates.hourly(k, PassAggregates.OFFER_SLOPE, t)];
                state.offerGrowth[i] = agg[PassAggregates.hourly(k, PassAggregates.OFFER_GROWTH, t)];
                state.rank[i] = agg[PassAggregates.hourly(k, PassAggregates.RANK, t)];
                double dem = state.demandUsers[i] + state.deficit[i];
                state.grad[i] = state.offered[i] - dem;
                state.viol[i] = Settlement.violation(state.lambda[i], prices.exportPrice()[i], prices.importPrice()[i],
                        dem, state.offered[i]);
            }
            state.weight[g] = agg[PassAggregates.daily(k, PassAggregates.WEIGHT)];
            state.followerPhi[g] = agg[PassAggregates.daily(k, PassAggregates.PHI)];
            System.arraycopy(point, k * T, state.evaluated, base, T);
            acceptCoupling(g, k, agg);
            acceptEndUsers(g, k);
            state.phi[g] = phiValue;
            state.halvings[g] = 0;
            if (settings.method() == ClearingMethod.NEWTON) {
                newton.direction(g);
            }
        }

        /**
         * The end-users' settlement sums at the accepted point, if gathered: its TE sums, and the baseline ones in
         * the game's first pass (they do not change after). A rejected trial never gets here, so a game that
         * stops at its last accepted point is settled there.
         */
        void acceptEndUsers(int g, int k) {
            if (state.endUserSums == null || known.known(k)) {
                return; // a known slot's sums are those already kept: the same prices
            }
            boolean first = state.phase[g] == Phase.INIT;
            int stride = state.endUserStride;
            ExactSums from = pass.endUserSums();
            for (int i = 0; i < stride; i++) {
                if (first || !EndUserSums.baseline(i)) {
                    state.endUserSums.set(g * stride + i, from, k * stride + i);
                }
            }
        }

        /** Storage's coupling of hours at the accepted point (none without storage: nothing is stored). */
        void acceptCoupling(int g, int k, double[] agg) {
            int from = PassAggregates.coupling(slots, k, 0, 1);
            boolean any = false;
            if (from >= agg.length) { // the pass had no storage
                state.coupled[g] = false;
                return;
            }
            for (int p = 0; p < PassAggregates.PAIRS && !any; p++) {
                any = agg[from + p] != 0;
            }
            state.coupled[g] = any;
            if (any) {
                if (state.coupling == null) {
                    state.coupling = new double[state.games * PassAggregates.PAIRS];
                }
                System.arraycopy(agg, from, state.coupling, g * PassAggregates.PAIRS, PassAggregates.PAIRS);
            }
        }

        /** Game g is cleared under its current offers: done, or on to the next outer iteration. */
        void cleared(int g) {
            if (leaders.atFixedPoint(g)) {
                state.finish(g, Status.CONVERGED);
            } else if (state.outer[g] >= settings.maxOuter()) {
                state.finish(g, Status.MAX_ITERATIONS_REACHED);
            } else {
                leaders.advance(g, settings.method() == ClearingMethod.NEWTON ? newton : null);
                state.outer[g]++;
                state.inner[g] = 0;
                state.phase[g] = Phase.EVAL;
            }
        }

        /** Starts a line search (Newton) or takes the fixed step (tatonnement) from the current point. */
        void newStep(int g) {
            int base = g * T;
            if (settings.method() == ClearingMethod.TATONNEMENT) {
                for (int t = 0; t < T; t++) {
                    int i = base + t;
                    state.lambda[i] = prices.clip(state.lambda[i] - settings.tatonnementStep() * state.grad[i], i);
                }
                state.phase[g] = Phase.EVAL;
                return;
            }
            newton.start(g);
            state.phase[g] = Phase.TRIAL;
        }
    }
}
