package org.tea.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import org.tea.engine.EndUserSums;
import org.tea.engine.ExactSums;
import org.tea.model.Hours;

/**
 * Everything the driver knows between two passes: the prices and sensitivities of all games, each game's
 * iteration state and certificate, the trace. One object of flat arrays (game-hour {@code g * 24 + t}) so that
 * it serialises in one piece: it is what a checkpoint holds, and a resumed solve continues from it bit for bit.
 * The driver's parts read and write these arrays in place.
 */
public final class SolverState implements java.io.Serializable {
    private static final long serialVersionUID = 5L;
    private static final int T = Hours.T;

    final SolverSettings settings;
    final int games;
    // per game-hour
    final double[] lambda;      // accepted point
    final double[] sens;        // published S
    final double[] trial;
    final double[] direction;
    final double[] grad;        // A - D at the accepted point
    final double[] demandUsers; // at the accepted point
    final double[] deficit;
    final double[] offered;
    final double[] surplus;
    final double[] followerSens; // s(lambda), the followers' sensitivity at the accepted point
    final double[] evaluated;   // the prices the accepted point's follower sums were evaluated at
    final double[] followerPhi; // the followers' summed dual value there, per game
    final double[] below;       // S^-: the followers' sensitivity with the hour's price lowered by the window
    final double[] above;       // S^+: with the price raised by the window
    final double[] kinkBelow;   // how far the price can fall beyond the window before s changes
    final double[] kinkAbove;   // how far it can rise
    final double[] offerSlope;  // dA/dlambda at the accepted point
    final double[] offerGrowth; // dA/dS
    final double[] rank;        // c_t, the rank-one coupling of users whose energy bound binds
    final double[] viol;
    final double[] hdiag;       // diagonal curvature of Phi used by the last Newton step
    // per game-hour, the leaders' update: S values known to lie below (lo) and above (hi) the fixed point, with
    // the signed distance F = s - S to the fixed point seen there (NaN until seen)
    final double[] bracketLo;
    final double[] bracketHi;
    final double[] distanceLo;
    final double[] distanceHi;
    final double[] priceLo;     // the hour's price when each end was seen
    final double[] priceHi;
    final double[] kinkPriceLo; // and the nearest kink it saw towards the other end (lo: below, hi: above)
    final double[] kinkPriceHi;
    final byte[] lastEnd;       // the end the last leaders' update replaced: 1 lo, -1 hi, 0 none yet
    final double[] damping;     // the plain step's factor, halved when a late plain step reverses (1 until then)
    // per game
    final Phase[] phase;
    final double[] phi;
    final double[] step;
    final double[] lastStep;    // the last line-search step accepted
    final int[] outer;
    final int[] inner;
    final int[] innerTotal;
    final int[] halvings;
    final double[] weight;      // w = sum of a_j of users whose energy bound binds
    final boolean[] coupled;    // storage couples hours at the accepted point (MODEL 12)
    // per game, PassAggregates.PAIRS each: storage's coupling of hours t < u; allocated with the first coupling
    double[] coupling;
    final double[] clearingRatio; // worst clearing violation over its tolerance, at the accepted point
    final double[] sensChange;
    final double[] bracketGap;
    final Status[] status;
    final ArrayList<PassTrace> trace = new ArrayList<>();
    /*
     * The end-users' settlement sums per game (EndUserSums, endUserStride each), exact, when the passes gather
     * them (MarketEngine.sumsEndUsersInPasses): the TE ones of the accepted point, the baseline ones of the first
     * pass. Null when the settle pass sums the end-users.
     */
    ExactSums endUserSums;
    int endUserStride;
    /** Engine passes so far, across resumes. */
    long passes;

    SolverState(SolverSettings settings, MarketPrices prices) {
        this.settings = settings;
        this.games = prices.games();
        int n = games * T;
        lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = prices.clip(prices.tariff()[i], i);
        }
        sens = new double[n];
        trial = new double[n];
        direction = new double[n];
        grad = new double[n];
        demandUsers = new double[n];
        deficit = new double[n];
        offered = new double[n];
        surplus = new double[n];
        followerSens = new double[n];
        evaluated = new double[n];
        followerPhi = new double[games];
        below = new double[n];
        above = new double[n];
        kinkBelow = new double[n];
        kinkAbove = new double[n];
        offerSlope = new double[n];
        offerGrowth = new double[n];
        rank = new double[n];
        viol = new double[n];
        hdiag = new double[n];
        bracketLo = new double[n];
        bracketHi = new double[n];
        distanceLo = new double[n];
        distanceHi = new double[n];
        Arrays.fill(bracketLo, Double.NEGATIVE_INFINITY);
        Arrays.fill(bracketHi, Double.POSITIVE_INFINITY);
        Arrays.fill(distanceLo, Double.NaN);
        Arrays.fill(distanceHi, Double.NaN);
        priceLo = new double[n];
        priceHi = new double[n];
        kinkPriceLo = new double[n];
        kinkPriceHi = new double[n];
        lastEnd = new byte[n];
        damping = new double[n];
        Arrays.fill(damping, 1.0);
        phase = new Phase[games];
        Arrays.fill(phase, Phase.INIT);
        phi = new double[games];
        step = new double[games];
        lastStep = new double[games];
        Arrays.fill(lastStep, 1.0);
        outer = new int[games];
        inner = new int[games];
        innerTotal = new int[games];
        halvings = new int[games];
        weight = new double[games];
        coupled = new boolean[games];
        clearingRatio = new double[games];
        sensChange = new double[games];
        Arrays.fill(sensChange, Double.NaN);
        bracketGap = new double[games];
        Arrays.fill(bracketGap, Double.NaN);
        status = new Status[games];
    }

    void check(SolverSettings s, MarketPrices prices) {
        if (!settings.equals(s) || games != prices.games()) {
            throw new IllegalArgumentException("the checkpoint was made with other solver settings or another "
                    + "number of days and scenarios; it cannot be resumed with this configuration");
        }
    }

    /** From now on the passes gather the end-users' settlement sums of {@code archetypes} archetypes. */
    void gatherEndUsers(int archetypes) {
        endUserStride = EndUserSums.stride(archetypes);
        endUserSums = new ExactSums(games * endUserStride);
    }

    /** Passes evaluated so far. */
    public int passesDone() {
        return trace.size();
    }

    /** The games still taking part in passes, in game order. */
    int[] activeGames() {
        int count = 0;
        for (int g = 0; g < games; g++) {
            if (phase[g] != Phase.DONE) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int g = 0; g < games; g++) {
            if (phase[g] != Phase.DONE) {
                out[k++] = g;
            }
        }
        return out;
    }

    void finish(int g, Status s) {
        status[g] = s;
        phase[g] = Phase.DONE;
    }

    /** Game g's largest clearing violation at its accepted point (kWh). */
    double maxViolation(int g) {
        double max = 0;
        for (int t = 0; t < T; t++) {
            max = Math.max(max, viol[g * T + t]);
        }
        return max;
    }
}
