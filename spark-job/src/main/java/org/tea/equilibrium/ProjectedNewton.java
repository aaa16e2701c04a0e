package org.tea.equilibrium;

import org.tea.engine.PassAggregates;
import org.tea.model.Hours;

/**
 * The inner iteration's step on one game's prices (MODEL section 6): a projected Newton direction, the trial
 * point {@code P(lambda + step * direction)} and the Armijo test on Phi that halves the step when needed.
 *
 * <p>The Newton step uses the Hessian of Phi as the engine's sums give it: {@code diag(sum s + c + dA/dlambda)}
 * minus the rank-one coupling {@code c c^T / w} of users whose daily energy bound binds, inverted in O(24)
 * by Sherman-Morrison on the hours not held at a bound (Bertsekas' projected Newton). The approximation is
 * never below the true curvature, so full steps are rarely cut back.
 */
final class ProjectedNewton {
    private static final int T = Hours.T;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 50;

    private final SolverState state;
    private final MarketPrices prices;
    // one game's scratch, reused: the driver reads games one at a time
    private final double[] h = new double[T];
    private final boolean[] held = new boolean[T];

    ProjectedNewton(SolverState state, MarketPrices prices) {
        this.state = state;
        this.prices = prices;
    }

    /**
     * Projected Newton direction at game g's current point (slot k of the sums): hours held at a bound by a
     * gradient pushing outward stay; the others solve {@code (diag(h) - c c^T / w) x = -g} exactly.
     */
    void direction(int g, int k, double[] agg) {
        int base = g * T;
        double hMax = 0;
        for (int t = 0; t < T; t++) {
            h[t] = agg[PassAggregates.hourly(k, PassAggregates.SENSITIVITY, t)]
                    + agg[PassAggregates.hourly(k, PassAggregates.RANK, t)]
                    + agg[PassAggregates.hourly(k, PassAggregates.OFFER_SLOPE, t)];
            hMax = Math.max(hMax, h[t]);
        }
        double floor = Math.max(1e-9 * hMax, 1e-12);
        double w = agg[PassAggregates.daily(k, PassAggregates.WEIGHT)];
        double cy = 0;
        double cz = 0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            double width = prices.importPrice()[i] - prices.exportPrice()[i];
            double eps = 1e-12 * Math.max(width, 1e-12);
            held[t] = width <= 0
                    || (state.lambda[i] <= prices.exportPrice()[i] + eps && state.grad[i] > 0)
                    || (state.lambda[i] >= prices.importPrice()[i] - eps && state.grad[i] < 0);
            if (!held[t]) {
                double c = agg[PassAggregates.hourly(k, PassAggregates.RANK, t)];
                double hd = Math.max(h[t], floor);
                cy += c * (-state.grad[i] / hd);
                cz += c * c / hd;
            }
        }
        double denom = w - cz;
        double coupling = w > 0 ? cy / Math.max(denom, 1e-12 * w) : 0.0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            if (held[t]) {
                state.direction[i] = 0.0;
                state.hdiag[i] = Math.max(h[t], floor);
            } else {
                double c = agg[PassAggregates.hourly(k, PassAggregates.RANK, t)];
                double hd = Math.max(h[t], floor);
                state.direction[i] = (-state.grad[i] + c * coupling) / hd;
                state.hdiag[i] = hd;
            }
        }
    }

    /** Starts a line search from game g's current point with the full step. */
    void start(int g) {
        state.step[g] = 1.0;
        project(g);
    }

    /** Armijo on Phi at game g's trial point, whose Phi is {@code phiValue}; rounding noise is forgiven. */
    boolean sufficientDecrease(int g, double phiValue) {
        int base = g * T;
        double decrease = 0;
        for (int t = 0; t < T; t++) {
            decrease += state.grad[base + t] * (state.trial[base + t] - state.lambda[base + t]);
        }
        double noise = 1e-13 * (Math.abs(state.phi[g]) + 1.0);
        return !(phiValue > state.phi[g] + ARMIJO * decrease + noise);
    }

    /** Counts one rejected trial of game g; true once the halvings are used up (numerical trouble). */
    boolean giveUp(int g) {
        return ++state.halvings[g] > MAX_HALVINGS;
    }

    /** The next trial point of game g's line search, at half the step. */
    void halve(int g) {
        state.step[g] *= 0.5;
        project(g);
    }

    /** {@code trial = P(lambda + step * direction)}; falls back to the scaled gradient if that is no descent. */
    private void project(int g) {
        int base = g * T;
        double decrease = 0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            state.trial[i] = prices.clip(state.lambda[i] + state.step[g] * state.direction[i], i);
            decrease += state.grad[i] * (state.trial[i] - state.lambda[i]);
        }
        if (!(decrease < 0)) {
            // guard: the projected arc of a descent direction decreases Phi; if rounding says otherwise,
            // fall back to the diagonally scaled gradient, which always does
            for (int t = 0; t < T; t++) {
                int i = base + t;
                state.trial[i] = prices.clip(state.lambda[i] - state.step[g] * state.grad[i] / state.hdiag[i], i);
            }
        }
    }
}
