package org.tea.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import org.tea.model.Hours;

/**
 * Everything the driver knows between two passes: the prices and sensitivities of all games, each game's
 * iteration state and certificate, the trace. One object of flat arrays (game-hour {@code g * 24 + t}) so that
 * it serialises in one piece: it is what a checkpoint holds, and a resumed solve continues from it bit for bit.
 * The driver's parts read and write these arrays in place.
 */
public final class SolverState implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
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
    final double[] followerSens;
    final double[] viol;
    final double[] hdiag;       // diagonal curvature of Phi used by the last Newton step
    final double[] theta;       // damping of the sensitivity update, per game-hour
    final double[] lastDelta;   // last s(lambda) - S, to detect cycling
    // per game
    final Phase[] phase;
    final double[] phi;
    final double[] step;
    final int[] outer;
    final int[] inner;
    final int[] innerTotal;
    final int[] halvings;
    final double[] sensChange;
    final Status[] status;
    final ArrayList<PassTrace> trace = new ArrayList<>();
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
        viol = new double[n];
        hdiag = new double[n];
        theta = new double[n];
        Arrays.fill(theta, settings.theta());
        lastDelta = new double[n];
        phase = new Phase[games];
        Arrays.fill(phase, Phase.INIT);
        phi = new double[games];
        step = new double[games];
        outer = new int[games];
        inner = new int[games];
        innerTotal = new int[games];
        halvings = new int[games];
        sensChange = new double[games];
        Arrays.fill(sensChange, Double.NaN);
        status = new Status[games];
    }

    void check(SolverSettings s, MarketPrices prices) {
        if (!settings.equals(s) || games != prices.games()) {
            throw new IllegalArgumentException("the checkpoint was made with other solver settings or another "
                    + "number of days and scenarios; it cannot be resumed with this configuration");
        }
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
