package org.tea.equilibrium;

import org.tea.engine.PassAggregates;
import org.tea.model.Hours;

/**
 * The Newton system of a game whose storage couples hours (MODEL section 12), solved densely on the hours not held
 * at a bound: {@code (diag(h) - M - c c^T / w) x = b}, with {@code M_tu = sum_b r_bt r_bu} the storage units'
 * coupling of hours t != u within each stretch between full and empty.
 *
 * <p>Why not the diagonal model alone: within a stretch a unit's hours share one water value, so a uniform price
 * move over the stretch moves nothing, while the diagonal {@code s_t = 1/kappa - r_t^2} claims a response in every
 * hour. Where batteries outweigh the end-users' sensitivity, the diagonal step is far too short along such moves
 * and too long across them, and the clearing creeps or cycles until {@code solver.maxInner}. The exact curvature
 * costs 276 more sums per game and an O(24^3) factorisation per step, against passes over every user; a
 * safeguarded fallback (gradient steps on Phi) would still converge only linearly at the rate the diagonal model
 * leaves. Games without storage never come here, so their steps are unchanged to the bit.
 */
final class CoupledNewton {
    private static final int T = Hours.T;

    private final double[] chol = new double[T * T]; // lower factor of the free hours' matrix, row-major
    private final int[] free = new int[T];
    private final int[] slot = new int[T];
    private final double[] y = new double[T];
    private int n;

    /**
     * Factors game g's matrix on the hours not {@code held}: curvature {@code curv}, users' rank-one term
     * ({@code state.rank}, {@code state.weight}) and storage's coupling; pivots are kept above
     * {@code 1e-9 max(curv)} (the matrix is positive semi-definite: a flat direction, where no one responds, gets
     * the diagonal model's floor).
     */
    void factor(SolverState state, int g, double[] curv, boolean[] held) {
        int base = g * T;
        int cbase = g * PassAggregates.PAIRS;
        double w = state.weight[g];
        double hMax = 0;
        n = 0;
        for (int t = 0; t < T; t++) {
            slot[t] = -1;
            if (!held[t]) {
                slot[t] = n;
                free[n++] = t;
                hMax = Math.max(hMax, curv[t]);
            }
        }
        double floor = Math.max(1e-9 * hMax, 1e-12);
        for (int i = 0; i < n; i++) {
            int ti = free[i];
            for (int j = 0; j <= i; j++) {
                int tj = free[j];
                double v;
                if (i == j) {
                    v = curv[ti];
                } else {
                    v = -state.coupling[cbase + PassAggregates.pair(tj, ti)];
                }
                if (w > 0) {
                    v -= state.rank[base + ti] * state.rank[base + tj] / w;
                }
                for (int k = 0; k < j; k++) {
                    v -= chol[i * T + k] * chol[j * T + k];
                }
                if (i == j) {
                    chol[i * T + i] = Math.sqrt(Math.max(v, floor));
                } else {
                    chol[i * T + j] = v / chol[j * T + j];
                }
            }
        }
    }

    /** {@code out = A^-1 b} on the free hours of the last factorisation, 0 on the held ones. */
    void solve(double[] b, double[] out) {
        for (int i = 0; i < n; i++) {
            double v = b[free[i]];
            for (int k = 0; k < i; k++) {
                v -= chol[i * T + k] * y[k];
            }
            y[i] = v / chol[i * T + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = y[i];
            for (int k = i + 1; k < n; k++) {
                v -= chol[k * T + i] * y[k];
            }
            y[i] = v / chol[i * T + i];
        }
        for (int t = 0; t < T; t++) {
            out[t] = slot[t] < 0 ? 0.0 : y[slot[t]];
        }
    }

    /** {@code (A^-1)_tt} of the last factorisation (0 for a held hour): {@code |L^-1 e_t|^2}. */
    double inverseDiagonal(int t) {
        int s = slot[t];
        if (s < 0) {
            return 0.0;
        }
        double sum = 0;
        for (int i = s; i < n; i++) {
            double v = i == s ? 1.0 : 0.0;
            for (int k = s; k < i; k++) {
                v -= chol[i * T + k] * y[k];
            }
            y[i] = v / chol[i * T + i];
            sum += y[i] * y[i];
        }
        return sum;
    }
}
