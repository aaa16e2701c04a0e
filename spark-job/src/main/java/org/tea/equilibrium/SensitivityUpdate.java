package org.tea.equilibrium;

import org.tea.model.Behaviour;
import org.tea.model.Hours;

/**
 * The leaders' update of the published sensitivities (MODEL 7), one game at a time: where {@code S} starts,
 * whether a cleared game is at its fixed point, and the {@code S} of the next outer iteration.
 *
 * <p><b>The fixed point is set-valued.</b> The followers' sensitivity {@code s_t(lambda)} is piecewise constant
 * in the prices: it jumps where a user's hour meets a bound. Each pass returns its one-sided values {@code S_t^-}
 * and {@code S_t^+} (the sensitivity with hour t's price lowered or raised by a window far below any price
 * difference that matters), and an hour is at its fixed point when {@code S_t} lies in {@code [S_t^-, S_t^+]}
 * within {@code tol_outer} (MODEL 7, "Fixed points at a kink"); away from kinks the two are equal and this is the
 * plain criterion {@code S_t = s_t(lambda)}.
 *
 * <p><b>How S moves.</b> Seen from one hour, {@code F(S) = s(lambda(S)) - S} is a staircase of slope -1: between
 * two kinks of the followers' response {@code s} is constant, so the fixed point on the current step, if any,
 * is {@code S = s} exactly. Each pass also says how far the price can move before the next kink, and the
 * Newton model of the clearing says how far a change of {@code S} moves the price ({@link
 * ProjectedNewton#priceResponse}). So:
 * <ol>
 *   <li>if the plain target {@code s} (the one-sided value on the side the price will move to) is reached
 *       before the nearest kink, it is the fixed point: take it;</li>
 *   <li>otherwise the fixed point lies at or beyond that kink. Until the iteration has seen {@code F} change
 *       sign, take the plain target anyway (cities of many users have many small kinks, and the plain step
 *       crosses them by the hundred); once it has, the fixed point is bracketed, and the next S is the secant
 *       of the bracket (regula falsi, Illinois-weighted), or exactly the S that puts the price on the nearest
 *       kink when the secant would reach no further than twice that far: where one user's jump decides the
 *       fixed point, the price then lands on the kink and the one-sided sums there certify it. Where the Newton
 *       model sees no response to S (the offers saturated, or the price on a bound), nothing says where the plain
 *       step lands, and across a large kink it lands near the bracket's far end again and again: take the secant.</li>
 * </ol>
 * The secant and kink steps stay inside the bracket; the plain step need not, since an hour's staircase moves
 * when the other hours' prices move (users couple hours through their energy bounds), and a bracket that those
 * moves have made stale (its two ends meet) is dropped. After {@link #DAMP_AFTER} outer iterations a plain step
 * that reverses the hour's last one is halved, once more at each further reversal, and doubled again (up to
 * the full step) by each step that goes on in the same direction: the safeguard against a two-cycle across a
 * kink that the Newton model cannot see.
 *
 * <p><b>Hours where S cannot matter.</b> Where no prosumer has a surplus, or the area is short at {@code pi_b},
 * the hour's clearing is the same for every S ({@link #inert}); its S is set to the followers' response at the
 * fixed-point test, exactly, instead of trailing the other hours' moves by one outer iteration.
 */
final class SensitivityUpdate {
    private static final int T = Hours.T;
    /** The price window of the one-sided sums, relative to the width of the price box. */
    static final double WINDOW = 1e-4;
    /**
     * Outer iterations after which a plain step that reverses the last one is halved. Where one hour's price
     * jumps across a large kink of the followers' response (many hours meeting a bound at once) and no bracket
     * holds (the other hours keep moving the staircase), the plain step can swing between the two sides of the
     * kink for ever; halving on each reversal closes in on the S that puts the price on the kink, and doubling on
     * each step that does not reverse keeps the approach from creeping. Late, so days that converge sooner are
     * untouched.
     */
    static final int DAMP_AFTER = 16;

    private final SolverState state;
    private final MarketPrices prices;
    private final SensitivityCriterion criterion;
    private final boolean competitive;
    private final double theta;
    private final double[] dS = new double[T];

    SensitivityUpdate(SolverState state, MarketPrices prices) {
        this.state = state;
        this.prices = prices;
        this.criterion = state.settings.outer();
        this.competitive = state.settings.behaviour() == Behaviour.COMPETITIVE;
        this.theta = state.settings.theta();
    }

    /** The first S of game g: the followers' response at its start prices (MODEL 7.1). */
    void start(int g) {
        System.arraycopy(state.followerSens, g * T, state.sens, g * T, T);
    }

    /**
     * At game g's cleared point: records the certificate (the largest relative change a plain update would make,
     * and the largest relative distance of S from {@code [S^-, S^+]}) and says whether every hour is at its fixed
     * point. In competitive mode S plays no part in the offers: the followers' sensitivity at the final prices is
     * published, and one clearing is the equilibrium.
     */
    boolean atFixedPoint(int g) {
        int base = g * T;
        if (competitive) {
            System.arraycopy(state.followerSens, base, state.sens, base, T);
        }
        double change = 0;
        double gap = 0;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            if (inert(i)) {
                state.sens[i] = Math.max(Math.min(state.below[i], state.above[i]),
                        Math.min(Math.max(state.below[i], state.above[i]), state.followerSens[i]));
            }
            double scale = Math.max(state.sens[i], criterion.tiny());
            change = Math.max(change, Math.abs(state.followerSens[i] - state.sens[i]) / scale);
            gap = Math.max(gap, outside(i) / scale);
        }
        state.sensChange[g] = change;
        state.bracketGap[g] = gap;
        return competitive || criterion.converged(gap);
    }

    /**
     * Whether game-hour i's clearing cannot depend on its S, so that the leaders may publish the followers'
     * response there without clearing again: no prosumer has a surplus to offer ({@code A_t = 0} for every S), or
     * the area is short at the import price ({@code D_t >= U_t >= A_t} for every S, so the price stays at
     * {@code pi_b} and every surplus is sold). Such hours (nights, evening peaks) otherwise only follow the
     * other hours' moves through users' energy bounds, one outer iteration behind.
     */
    private boolean inert(int i) {
        double u = state.surplus[i];
        return u == 0 || (state.lambda[i] >= prices.importPrice()[i]
                && state.demandUsers[i] + state.deficit[i] >= u);
    }

    /** How far S lies outside {@code [S^-, S^+]} at game-hour i (0 inside). */
    private double outside(int i) {
        double lo = Math.min(state.below[i], state.above[i]);
        double hi = Math.max(state.below[i], state.above[i]);
        return Math.max(0.0, Math.max(lo - state.sens[i], state.sens[i] - hi));
    }

    /**
     * Moves the S of every hour of game g that is not at its fixed point, publishes it, and starts the next
     * clearing where the Newton model says the new offers clear ({@link ProjectedNewton#predict}; with
     * tatonnement, {@code newton} is null and the next clearing starts where this one ended).
     */
    void advance(int g, ProjectedNewton newton) {
        int base = g * T;
        for (int t = 0; t < T; t++) {
            int i = base + t;
            double s = state.sens[i];
            double scale = Math.max(s, criterion.tiny());
            if (criterion.converged(outside(i) / scale)) {
                dS[t] = 0.0;
                continue;
            }
            double lo = Math.min(state.below[i], state.above[i]);
            boolean up = s < lo;
            // a higher S lowers the price, so the value that applies is the one below the price, and vice versa
            double target = up ? state.below[i] : state.above[i];
            double distance = target - s;
            double response = newton == null ? 0.0 : newton.priceResponse(g, t);
            if (state.outer[g] >= DAMP_AFTER && state.lastEnd[i] != 0) {
                boolean reverses = (state.lastEnd[i] > 0) != (distance > 0);
                state.damping[i] = reverses ? 0.5 * state.damping[i] : Math.min(1.0, 2 * state.damping[i]);
            }
            remember(i, s, distance, scale);
            double next = s + theta * state.damping[i] * distance;
            double kink = up ? state.kinkBelow[i] : state.kinkAbove[i];
            if (bracketed(i)) {
                double far = up ? state.bracketHi[i] : state.bracketLo[i];
                boolean leaves = up ? next >= far : next <= far;
                // no kink between here and the far end: on this step F falls with slope -1, so the far end's
                // sign of F cannot be this step's, the other hours have moved the staircase since it was seen
                boolean sameStep = response != 0 && kink / Math.abs(response) >= Math.abs(far - s);
                if (leaves && (sameStep || stale(i))) {
                    drop(i, up);
                } else if (response != 0 && Math.abs(response * (next - s)) > kink) {
                    // the plain target lies past the nearest kink; if the two ends see the same nearest kink
                    // between them, that kink is where F changes sign: put the price on it
                    double toKink = Math.copySign(kink / Math.abs(response), distance);
                    double secant = secant(i);
                    boolean single = Math.abs(state.kinkPriceLo[i] - state.kinkPriceHi[i]) <= 2 * window(i);
                    next = inside(i, single || Math.abs(secant - s) <= 2 * Math.abs(toKink) ? s + toKink : secant);
                } else if (leaves || response == 0) {
                    next = secant(i); // the fixed point lies inside the bracket
                }
            }
            next = Math.max(0.0, next);
            dS[t] = next - s;
            state.sens[i] = next;
        }
        if (newton != null) {
            newton.predict(g, dS, 0);
        }
    }

    /**
     * Records S as an end of game-hour i's bracket, with its distance to the fixed point (Illinois: an end kept
     * twice running weighs half, so the secant does not creep from one side). A bracket holds only while this
     * hour's price moves by what its own S did: where the other hours moved it instead (users couple hours through
     * their energy bounds), the hour's staircase has moved and both ends are dropped; so are ends that meet with
     * no fixed point between them.
     */
    private void remember(int i, double s, double distance, double scale) {
        if (distance > 0) {
            if (state.lastEnd[i] > 0) {
                state.distanceHi[i] *= 0.5;
            }
            state.bracketLo[i] = s;
            state.distanceLo[i] = distance;
            state.priceLo[i] = state.lambda[i];
            state.kinkPriceLo[i] = state.lambda[i] - state.kinkBelow[i];
            state.lastEnd[i] = 1;
        } else {
            if (state.lastEnd[i] < 0) {
                state.distanceLo[i] *= 0.5;
            }
            state.bracketHi[i] = s;
            state.distanceHi[i] = distance;
            state.priceHi[i] = state.lambda[i];
            state.kinkPriceHi[i] = state.lambda[i] + state.kinkAbove[i];
            state.lastEnd[i] = -1;
        }
        if (state.bracketHi[i] - state.bracketLo[i] <= 0.1 * criterion.relativeTolerance() * scale) {
            drop(i, distance > 0);
        }
    }

    /**
     * Whether game-hour i's bracket says nothing about its own fixed point: its ends were seen at the same price,
     * so the sign of F flipped because the other hours moved (users couple hours through their energy bounds).
     * An end where the Newton model saw no response to S (all offers saturated, or the price on a bound) still
     * counts: the two prices differ, so the hour's own S moved its price, only not smoothly.
     */
    private boolean stale(int i) {
        return Math.abs(state.priceHi[i] - state.priceLo[i]) <= window(i);
    }

    /** Forgets game-hour i's upper bracket end ({@code upper}) or its lower one. */
    private void drop(int i, boolean upper) {
        if (upper) {
            state.bracketHi[i] = Double.POSITIVE_INFINITY;
            state.distanceHi[i] = Double.NaN;
        } else {
            state.bracketLo[i] = Double.NEGATIVE_INFINITY;
            state.distanceLo[i] = Double.NaN;
        }
    }

    /** The price window of game-hour i's one-sided sums (currency/kWh). */
    static double window(MarketPrices prices, int i) {
        return WINDOW * (prices.importPrice()[i] - prices.exportPrice()[i]);
    }

    private double window(int i) {
        return window(prices, i);
    }

    private boolean bracketed(int i) {
        return state.distanceLo[i] > 0 && state.distanceHi[i] < 0;
    }

    /** Regula falsi between the bracket ends of game-hour i. */
    private double secant(int i) {
        double lo = state.bracketLo[i];
        double hi = state.bracketHi[i];
        double fLo = state.distanceLo[i];
        double fHi = state.distanceHi[i];
        return lo + fLo * (hi - lo) / (fLo - fHi);
    }

    /** {@code next} if it lies strictly inside game-hour i's bracket, else the bracket's midpoint. */
    private double inside(int i, double next) {
        double lo = state.bracketLo[i];
        double hi = state.bracketHi[i];
        if (next > lo && next < hi) {
            return next;
        }
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return next; // one-sided: nothing to keep it in
        }
        return 0.5 * (lo + hi);
    }
}
