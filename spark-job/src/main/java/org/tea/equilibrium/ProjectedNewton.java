package org.tea.equilibrium;

import org.tea.model.Hours;

/**
 * The inner iteration's step on one game's prices (MODEL section 6): a projected Newton direction, the trial
 * point {@code P(lambda + step * direction)} and the Armijo test on Phi that halves the step when needed.
 *
 * <p>The Newton step uses the Hessian of Phi as the engine's sums give it: {@code diag(sum s + c + dA/dlambda)}
 * minus the rank-one coupling {@code c c^T / w} of users whose daily energy bound binds, inverted in O(24)
 * by Sherman-Morrison on the hours not held at a bound (Bertsekas' projected Newton). The approximation is
 * never below the true curvature, so full steps are rarely cut back. Where storage couples hours, the system is
 * solved with that coupling by {@link CoupledNewton}.
 */
final class ProjectedNewton {
    private static final int T = Hours.T;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 50;

    private final SolverState state;
    private final MarketPrices prices;
    // one game's scratch, reused: the driver reads games one at a time
    private final double[] h = new double[T];
    private final double[] curvature = new double[T];
    private final double[] rhs = new double[T];
    private final double[] x = new double[T];
    private final boolean[] held = new boolean[T];
    private final CoupledNewton coupled = new CoupledNewton();
    private double lastCz;

    ProjectedNewton(SolverState state, MarketPrices prices) {
        this.state = state;
        this.prices = prices;
    }

    /**
     * The projected Newton direction at game g's accepted point, from the curvature its pass gave: hours held at
     * a bound by a gradient pushing outward stay; the others solve {@code (diag(h) - c c^T / w) x = -grad}
     * exactly, with {@code h = sum s + c + dA/dlambda}.
     */
    void direction(int g) {
        int base = g * T;
        double hMax = 0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            h[t] = state.followerSens[i] + state.rank[i] + state.offerSlope[i];
            hMax = Math.max(hMax, h[t]);
        }
        double floor = Math.max(1e-9 * hMax, 1e-12);
        for (int t = 0; t < T; t++) {
            state.hdiag[base + t] = Math.max(h[t], floor);
            curvature[t] = state.hdiag[base + t];
            rhs[t] = -state.grad[base + t];
        }
        solve(g, rhs, curvature, x);
        System.arraycopy(x, 0, state.direction, base, T);
    }

    /**
     * Where game g's prices clear once the published sensitivities have moved by {@code dS[from + t]} (hour t),
     * to first order:
     * the Newton step for {@code A(lambda, S + dS) - D(lambda) = 0} from the accepted point, with the offers'
     * growth {@code dA/dS} and their steeper slope {@code dA/dlambda} under the new S. Written into
     * {@code state.lambda}, projected on the box: the next pass starts there, so a move of S that crosses no kink
     * is cleared in that one pass.
     */
    void predict(int g, double[] dS, int from) {
        int base = g * T;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            // dA/dlambda = S x (unsaturated prosumers) and dA/dS = (lambda - pi_s) x (the same count)
            double y = state.lambda[i] - prices.exportPrice()[i];
            double slope = y > 0 ? state.sens[i] * state.offerGrowth[i] / y : state.offerSlope[i];
            curvature[t] = Math.max(state.hdiag[i] + slope - state.offerSlope[i], 1e-9 * state.hdiag[i]);
            rhs[t] = -(state.grad[i] + state.offerGrowth[i] * dS[from + t]);
        }
        solve(g, rhs, curvature, x);
        for (int t = 0; t < T; t++) {
            state.lambda[base + t] = prices.clip(state.lambda[base + t] + x[t], base + t);
        }
    }

    /**
     * {@code d lambda_t / d S_t} at game g's accepted point, hour t's own response with the others' sensitivities
     * fixed: {@code -dA/dS} times the diagonal of the inverse Hessian on the free hours; 0 for an hour held at a
     * bound, whose price the offers do not move.
     */
    double priceResponse(int g, int t) {
        int base = g * T;
        if (held[t]) {
            return 0.0;
        }
        if (state.coupled[g]) {
            return -state.offerGrowth[base + t] * coupled.inverseDiagonal(t);
        }
        double hd = state.hdiag[base + t];
        double inverse = 1.0 / hd;
        double w = state.weight[g];
        if (w > 0) {
            double c = state.rank[base + t] / hd;
            inverse += c * c / Math.max(w - lastCz, 1e-12 * w);
        }
        return -state.offerGrowth[base + t] * inverse;
    }

    /**
     * Solves {@code (diag(h) - c c^T / w) x = b} for game g on the hours not held at a bound (held hours, whose
     * gradient pushes outward, get 0), by Sherman-Morrison in O(24). Leaves the held set and {@code sum c^2/h} for
     * {@link #priceResponse}.
     */
    private void solve(int g, double[] b, double[] curv, double[] out) {
        int base = g * T;
        double cy = 0;
        double cz = 0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            double width = prices.importPrice()[i] - prices.exportPrice()[i];
            double eps = 1e-12 * Math.max(width, 1e-12);
            held[t] = width <= 0
                    || (state.lambda[i] <= prices.exportPrice()[i] + eps && b[t] < 0)
                    || (state.lambda[i] >= prices.importPrice()[i] - eps && b[t] > 0);
            if (!held[t]) {
                double c = state.rank[i];
                cy += c * (b[t] / curv[t]);
                cz += c * c / curv[t];
            }
        }
        lastCz = cz;
        if (state.coupled[g]) {
            coupled.factor(state, g, curv, held);
            coupled.solve(b, out);
            return;
        }
        double w = state.weight[g];
        double denom = w - cz;
        double coupling = w > 0 ? cy / Math.max(denom, 1e-12 * w) : 0.0;
        for (int t = 0; t < T; t++) {
            out[t] = held[t] ? 0.0 : (b[t] + state.rank[base + t] * coupling) / curv[t];
        }
    }

    /** Starts a line search from game g's current point with the full step. */
    void start(int g) {
        // the last accepted step says how far the Newton model could be trusted: start a little beyond it
        state.step[g] = Math.min(1.0, 4 * state.lastStep[g]);
        project(g);
    }

    /** Records that game g's trial at the current step was accepted. */
    void accepted(int g) {
        state.lastStep[g] = state.step[g];
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

    /** The next trial point of game g's line search, at a fraction of the step (quadratic interpolation). */
    void halve(int g, double phiValue) {
        // the minimiser of the quadratic through Phi(0), its slope and Phi(step), kept in [0.1, 0.5] of the step
        int base = g * T;
        double decrease = 0;
        for (int t = 0; t < T; t++) {
            decrease += state.grad[base + t] * (state.trial[base + t] - state.lambda[base + t]);
        }
        double curvature = phiValue - state.phi[g] - decrease;
        double factor = decrease < 0 && curvature > 0 ? -decrease / (2 * curvature) : 0.5;
        state.step[g] *= Math.max(0.1, Math.min(0.5, factor));
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
