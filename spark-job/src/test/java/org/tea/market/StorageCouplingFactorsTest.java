package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.market.StorageSolverTest.Solution;
import org.tea.market.StorageSolverTest.Unit;
import org.tea.model.Hours;

/**
 * The coupling of a unit's hours (MODEL section 12) that the clearing's Newton step uses: the off-diagonal
 * derivative {@code d(c_t - g_t)/d lambda_u} is {@code r_t r_u} for hours of one stretch between full and empty and
 * 0 across a fixed point, by finite differences away from kinks.
 */
class StorageCouplingFactorsTest {
    static final int T = Hours.T;

    @Test
    void couplingMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(11);
        StorageSolver solver = new StorageSolver();
        double[] factor = new double[T];
        int[] end = new int[T];
        int checked = 0;
        int coupled = 0;
        for (int i = 0; i < 300; i++) {
            Unit u = StorageSolverTest.unit(r);
            double[] lambda = StorageSolverTest.prices(r);
            Solution x = StorageSolverTest.solve(solver, u, lambda, 0);
            solver.coupling(factor, end);
            double[] rt = factor.clone();
            int[] stretchEnd = end.clone();
            for (int h = 0; h < T; h++) {
                double step = 1e-7 * (1 + Math.abs(lambda[h]));
                double[] up = lambda.clone();
                up[h] += step;
                double[] down = lambda.clone();
                down[h] -= step;
                Solution a = StorageSolverTest.solve(solver, u, up, 0);
                Solution b = StorageSolverTest.solve(solver, u, down, 0);
                for (int t = 0; t < T; t++) {
                    if (t == h) {
                        continue;
                    }
                    double right = ((a.c()[t] - a.g()[t]) - (x.c()[t] - x.g()[t])) / step;
                    double left = ((x.c()[t] - x.g()[t]) - (b.c()[t] - b.g()[t])) / step;
                    if (Math.abs(right - left) > 1e-4 * (1 + Math.abs(right))) {
                        continue; // a kink within the step
                    }
                    int first = Math.min(t, h);
                    boolean same = stretchEnd[first] > Math.max(t, h);
                    double expected = same ? rt[t] * rt[h] : 0.0;
                    assertEquals(expected, right, 1e-4 * (1 + Math.abs(right)),
                            "case " + i + ", hours " + t + ", " + h);
                    checked++;
                    if (expected > 0) {
                        coupled++;
                    }
                }
            }
        }
        assertTrue(checked > 50_000 && coupled > 5_000, "checked " + checked + ", coupled " + coupled);
    }
}
