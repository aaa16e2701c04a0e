package org.tea.equilibrium;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The leaders' update of the published sensitivities (MODEL 7.1, 7.4-7.5), one game at a time: where {@code S}
 * starts, whether a cleared game is at its fixed point, and the {@code S} of the next outer iteration. The
 * driver only asks these three questions, so how {@code S} moves and when it has arrived can change here alone.
 *
 * <p>The followers' sensitivity is piecewise constant in the prices (it jumps when a user's hour hits a bound),
 * so the plain update can cycle across such a jump forever, by one user's share. An hour whose update changes
 * sign has its damping halved: the iteration then settles at the jump, where {@code S} lies between the
 * one-sided sensitivities.
 */
final class SensitivityUpdate {
    private static final int T = Hours.T;

    private final SolverState state;
    private final SensitivityCriterion criterion;
    private final boolean competitive;
    /** The proposed S, laid out like {@code state.sens}; read only right after it is written. */
    private final double[] next;

    SensitivityUpdate(SolverState state) {
        this.state = state;
        this.criterion = state.settings.outer();
        this.competitive = state.settings.behaviour() == Behaviour.COMPETITIVE;
        this.next = new double[state.games * T];
    }

    /** The first S of game g: the followers' response at its start prices (MODEL 7.1). */
    void start(int g) {
        int base = g * T;
        for (int t = 0; t < T; t++) {
            state.sens[base + t] = state.followerSens[base + t];
        }
    }

    /**
     * At game g's cleared point: proposes the next S, records its relative change in the certificate, and says
     * whether S is at its fixed point. In competitive mode S plays no part in the offers: one outer iteration.
     */
    boolean atFixedPoint(int g) {
        int base = g * T;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            double delta = state.followerSens[i] - state.sens[i];
            if (delta * state.lastDelta[i] < 0) {
                state.theta[i] *= 0.5;
            }
            state.lastDelta[i] = delta;
            next[i] = state.sens[i] + state.theta[i] * delta;
        }
        double change = criterion.change(state.sens, next, base, T);
        state.sensChange[g] = change;
        return competitive || criterion.converged(change);
    }

    /** Publishes the S proposed by the last {@link #atFixedPoint} of game g: the next offers are made with it. */
    void advance(int g) {
        System.arraycopy(next, g * T, state.sens, g * T, T);
    }
}
