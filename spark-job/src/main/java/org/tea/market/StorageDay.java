package org.tea.market;

import org.tea.model.Hours;

/**
 * One unit-day of the storage problem as its solvers share it (MODEL section 12): the unit's parameters, the prices,
 * the points fixed full or empty and, per stretch between them (indexed by its first point), its end, water value,
 * range of valid water values and free slope; and the flows an hour has at a water value.
 */
final class StorageDay {
    static final int T = Hours.T;

    final double[] lam = new double[T];
    /** Water value per hour: the stretch's own, or after the solve values consistent across fixed points. */
    final double[] wHour = new double[T];
    final int[] segEnd = new int[T];
    final double[] segW = new double[T];
    final double[] segLo = new double[T];
    final double[] segHi = new double[T];
    final double[] segSlope = new double[T];

    double cap;
    double pow;
    double etaC;
    double etaD;
    double kappa;
    double e0;
    double slopeC;
    double slopeD;
    /** Points 1 .. T-1 fixed full (bit k) and empty. */
    int full;
    int empty;

    /** Takes a unit's parameters and the prices {@code lambda[off .. off + T)}. */
    void set(double capacity, double power, double etaCharge, double etaDischarge, double throughputCost,
            double soc0, double[] lambda, int off) {
        cap = capacity;
        pow = power;
        etaC = etaCharge;
        etaD = etaDischarge;
        kappa = throughputCost;
        e0 = soc0 * capacity;
        slopeC = etaC * etaC / kappa;
        slopeD = 1.0 / (kappa * etaD * etaD);
        for (int t = 0; t < T; t++) {
            lam[t] = lambda[off + t];
        }
    }

    double maxAbs() {
        double m = 0;
        for (int t = 0; t < T; t++) {
            m = Math.max(m, Math.abs(lam[t]));
        }
        return m;
    }

    double level(int k) {
        if (k == 0 || k == T) {
            return e0;
        }
        return ((full >>> k) & 1) != 0 ? cap : 0.0;
    }

    double charge(int t, double w) {
        return Math.min(Math.max((etaC * w - lam[t]) / kappa, 0.0), pow);
    }

    double discharge(int t, double w) {
        return Math.min(Math.max((lam[t] - w / etaD) / kappa, 0.0), pow);
    }

    double flow(int t, double w) {
        return etaC * charge(t, w) - discharge(t, w) / etaD;
    }
}
