package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.Hours;

/**
 * The distances to the next change of a user's sensitivity ({@link FollowerSolver#kinkDistances}) against
 * re-solving at moved prices: half-way there nothing has changed, just beyond it the sensitivity of the hour
 * differs. Every kind of event (an hour meeting or leaving a bound, another hour doing so through the energy
 * multiplier, an energy bound starting or stopping to bind) must occur among the cases.
 */
class FollowerKinkTest {
    static final int T = Hours.T;

    static double sensitivityAt(FollowerSolverTest.Case c, int t, double move) {
        double[] lambda = c.lambda().clone();
        lambda[t] += move;
        double[] d = new double[T];
        double[] s = new double[T];
        new FollowerSolver().solve(c.alpha(), c.beta(), c.dmin(), c.dmax(), c.emin(), c.emax(), lambda, 0, d, s);
        return s[t];
    }

    @Test
    void theSensitivityHoldsUpToTheReportedDistanceAndChangesJustBeyondIt() {
        SplittableRandom r = new SplittableRandom(7);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        double[] up = new double[T];
        double[] down = new double[T];
        int finite = 0;
        int infinite = 0;
        int[] byKind = new int[FollowerSolverTest.KINDS];
        int bindingFree = 0;
        int slackFree = 0;
        for (int n = 0; n < 3000; n++) {
            int kind = n % FollowerSolverTest.KINDS;
            FollowerSolverTest.Case c = FollowerSolverTest.generate(r, kind);
            FollowerSolverTest.solve(solver, c, d, s);
            solver.kinkDistances(c.beta(), c.dmin(), c.dmax(), c.emin(), c.emax(), up, down);
            boolean binding = solver.energyBinding();
            int freeMask = solver.freeMask();
            for (int hour = 0; hour < T; hour++) {
                int t = hour;
                for (double dist : new double[] {up[t], -down[t]}) {
                    assertTrue(!(Math.abs(dist) < 0), "distances are >= 0");
                    if (Double.isInfinite(dist)) {
                        infinite++;
                        continue;
                    }
                    double a = Math.abs(dist);
                    if (a < 1e-9) {
                        continue; // on the kink already: nothing measurable on the near side
                    }
                    double here = s[t];
                    assertEquals(here, sensitivityAt(c, t, 0.5 * dist), 1e-12 * Math.abs(here) + 1e-15,
                            () -> "case kind " + kind + " hour " + t + ": changed before the reported distance");
                    double beyond = sensitivityAt(c, t, dist + Math.signum(dist) * (1e-7 * a + 1e-12));
                    assertNotEquals(here, beyond, 1e-9 * Math.abs(here) + 1e-12,
                            () -> "case kind " + kind + " hour " + t + ": unchanged beyond the reported distance");
                    finite++;
                    byKind[kind]++;
                    if (((freeMask >>> t) & 1) != 0) {
                        if (binding) {
                            bindingFree++;
                        } else {
                            slackFree++;
                        }
                    }
                }
            }
        }
        assertTrue(finite > 10_000 && infinite > 1_000, finite + " finite, " + infinite + " infinite");
        for (int k = 0; k < byKind.length; k++) {
            if (k != FollowerSolverTest.ZERO_FLEX) {
                assertTrue(byKind[k] > 100, "kind " + k + " has " + byKind[k] + " checked distances");
            }
        }
        assertTrue(bindingFree > 1000 && slackFree > 1000, bindingFree + " binding, " + slackFree + " slack");
    }
}
