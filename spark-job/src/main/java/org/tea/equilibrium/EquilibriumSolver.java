package org.tea.equilibrium;

import java.util.ArrayList;
import java.util.List;
import org.tea.engine.MarketEngine;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassRequest;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.market.Settlement;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The inner-outer driver of MODEL sections 6-7, the same for every engine. All games (scenario-days) iterate
 * in lockstep: each pass sends the prices and sensitivities of every game still active, and a game leaves
 * the pass set once it has converged or given up.
 *
 * <p>Per game, a pass result is read by a small state machine:
 * <ol>
 *   <li>{@code INIT}: the followers' response at the start prices gives the first {@code S} (MODEL 7.1);</li>
 *   <li>{@code EVAL}: the current prices under new offers; cleared: update {@code S}; otherwise a step;</li>
 *   <li>{@code TRIAL}: a trial point of the line search: accepted (Armijo on Phi, or already cleared) or halved.</li>
 * </ol>
 * The step itself is {@link ProjectedNewton}'s.
 */
public final class EquilibriumSolver {
    private static final int T = Hours.T;

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
        if (state == null) {
            state = new SolverState(settings, prices);
        } else {
            state.check(settings, prices);
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

    /** One solve: the state plus what it runs against. */
    private final class Run {
        final MarketEngine engine;
        final MarketPrices prices;
        final ProgressListener progress;
        final Checkpoints checkpoints;
        final SolverState state;
        final int games;
        final Behaviour behaviour = settings.behaviour();

        final ProjectedNewton newton;
        final SensitivityUpdate leaders;

        Run(MarketEngine engine, MarketPrices prices, ProgressListener progress, SolverState st, Checkpoints checkpoints) {
            this.engine = engine;
            this.prices = prices;
            this.progress = progress == null ? ProgressListener.NONE : progress;
            this.checkpoints = checkpoints;
            this.state = st;
            this.games = st.games;
            this.newton = new ProjectedNewton(st, prices);
            this.leaders = new SensitivityUpdate(st);
        }

        EquilibriumResult run() {
            int[] active = state.activeGames();
            while (active.length > 0) {
                long t0 = System.nanoTime();
                PassRequest request = request(active);
                double[] agg = engine.evaluate(request).values();
                double worstRatio = 0;
                double worst = 0;
                for (int k = 0; k < active.length; k++) {
                    int g = active[k];
                    double ratio = absorb(g, k, agg, request.lambda());
                    worstRatio = Math.max(worstRatio, ratio);
                    worst = Math.max(worst, state.maxViolation(g));
                }
                int done = games - state.activeGames().length;
                PassTrace row = new PassTrace(state.trace.size() + 1, "clear", active.length, done, worstRatio, worst,
                        (System.nanoTime() - t0) / 1_000_000);
                state.trace.add(row);
                state.passes++;
                active = state.activeGames();
                checkpoints.save(state, active.length == 0);
                progress.passDone(row, games);
            }
            return settle();
        }

        PassRequest request(int[] active) {
            int n = active.length * T;
            double[] l = new double[n];
            double[] s = new double[n];
            double[] ps = new double[n];
            for (int k = 0; k < active.length; k++) {
                int g = active[k];
                double[] point = state.phase[g] == Phase.TRIAL ? state.trial : state.lambda;
                System.arraycopy(point, g * T, l, k * T, T);
                System.arraycopy(state.sens, g * T, s, k * T, T);
                System.arraycopy(prices.exportPrice(), g * T, ps, k * T, T);
            }
            return new PassRequest(active, l, s, ps, behaviour);
        }

        /** Reads game g's sums (slot k) evaluated at {@code point}; returns its worst violation ratio. */
        double absorb(int g, int k, double[] agg, double[] point) {
            int base = g * T;
            double ratio = 0;
            double phiValue = agg[PassAggregates.daily(k, PassAggregates.PHI)];
            for (int t = 0; t < T; t++) {
                int i = base + t;
                double w = agg[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)];
                double d = agg[PassAggregates.hourly(k, PassAggregates.DEMAND, t)] + w;
                double a = agg[PassAggregates.hourly(k, PassAggregates.OFFERED, t)];
                double l = point[k * T + t];
                phiValue += l * w + agg[PassAggregates.hourly(k, PassAggregates.OFFER_INTEGRAL, t)];
                double v = Settlement.violation(l, prices.exportPrice()[i], prices.importPrice()[i], d, a);
                ratio = Math.max(ratio, settings.clearing().ratio(v, d));
            }
            if (state.phase[g] == Phase.INIT) {
                accept(g, k, agg, point, phiValue);
                leaders.start(g);
                state.phase[g] = Phase.EVAL;
                state.outer[g] = 1;
                return ratio;
            }
            state.inner[g]++;
            state.innerTotal[g]++;
            if (state.phase[g] == Phase.TRIAL && ratio > 1 && settings.method() == ClearingMethod.NEWTON
                    && !newton.sufficientDecrease(g, phiValue)) {
                if (newton.giveUp(g)) {
                    state.finish(g, Status.FAILED);
                } else if (state.inner[g] >= settings.maxInner()) {
                    state.finish(g, Status.MAX_ITERATIONS_REACHED);
                } else {
                    newton.halve(g);
                }
                return ratio;
            }
            accept(g, k, agg, point, phiValue);
            if (ratio <= 1) {
                cleared(g);
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
                double dem = state.demandUsers[i] + state.deficit[i];
                state.grad[i] = state.offered[i] - dem;
                state.viol[i] = Settlement.violation(state.lambda[i], prices.exportPrice()[i], prices.importPrice()[i], dem, state.offered[i]);
            }
            state.phi[g] = phiValue;
            state.halvings[g] = 0;
            if (settings.method() == ClearingMethod.NEWTON) {
                newton.direction(g, k, agg);
            }
        }

        /** Game g is cleared under its current offers: done, or on to the next outer iteration. */
        void cleared(int g) {
            if (leaders.atFixedPoint(g)) {
                state.finish(g, Status.CONVERGED);
            } else if (state.outer[g] >= settings.maxOuter()) {
                state.finish(g, Status.MAX_ITERATIONS_REACHED);
            } else {
                leaders.advance(g);
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
                    state.lambda[base + t] = prices.clip(state.lambda[base + t] - settings.tatonnementStep() * state.grad[base + t], base + t);
                }
                state.phase[g] = Phase.EVAL;
                return;
            }
            newton.start(g);
            state.phase[g] = Phase.TRIAL;
        }

        EquilibriumResult settle() {
            long t0 = System.nanoTime();
            int n = games * T;
            int[] all = new int[games];
            double[] demand = new double[n];
            for (int g = 0; g < games; g++) {
                all[g] = g;
            }
            for (int i = 0; i < n; i++) {
                demand[i] = state.demandUsers[i] + state.deficit[i];
            }
            SettleRequest request = new SettleRequest(all, state.lambda.clone(), state.sens.clone(), demand, state.offered.clone(),
                    state.surplus.clone(), prices.exportPrice(), prices.importPrice(), prices.tariff(), prices.feedIn(),
                    behaviour);
            SettleAggregates sums = engine.settle(request);
            double[] v = sums.values();
            double[] sold = new double[n];
            double[] exported = new double[n];
            double[] generation = new double[n];
            double[] baseline = new double[n];
            double[] daily = new double[games * EquilibriumResult.DAILY_FIELDS];
            List<DayResult> days = new ArrayList<>(games);
            for (int g = 0; g < games; g++) {
                for (int t = 0; t < T; t++) {
                    sold[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.SOLD, t)];
                    exported[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.EXPORTED, t)];
                    generation[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.GENERATION, t)];
                    baseline[g * T + t] = v[SettleAggregates.hourly(g, SettleAggregates.BASELINE_DEMAND, t)];
                }
                for (int f = 0; f < EquilibriumResult.DAILY_FIELDS; f++) {
                    daily[g * EquilibriumResult.DAILY_FIELDS + f] = v[SettleAggregates.daily(g, SettleAggregates.ENERGY + f)];
                }
                days.add(new DayResult(g, state.status[g], state.outer[g], state.innerTotal[g], state.maxViolation(g), state.sensChange[g],
                        sums.maxBestResponseGap(g)));
            }
            PassTrace row = new PassTrace(state.trace.size() + 1, "settle", games, games, 0, 0,
                    (System.nanoTime() - t0) / 1_000_000);
            state.trace.add(row);
            progress.passDone(row, games);
            return new EquilibriumResult(prices, state.lambda.clone(), state.sens.clone(), demand, state.demandUsers.clone(),
                    state.deficit.clone(), state.offered.clone(), state.surplus.clone(), sold, exported, generation, baseline, daily, List.copyOf(days),
                    List.copyOf(state.trace), state.passes + 1);
        }
    }
}
