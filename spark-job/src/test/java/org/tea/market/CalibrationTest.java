package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;

/**
 * Calibration (MODEL section 4): at the tariff the calibrated user consumes exactly its reference load, the
 * elasticity of its daily energy at the tariff is {@code eps} when nothing binds, and the parameters are the
 * documented formulas.
 */
class CalibrationTest {
    static final int T = Hours.T;

    /** Residential-like reference load: a night base, a morning and a larger evening peak, noise per hour. */
    static double[] reference(SplittableRandom r) {
        double level = 0.2 + 0.8 * r.nextDouble();
        double[] ref = new double[T];
        for (int t = 0; t < T; t++) {
            double peaks = 1 + 0.8 * Math.exp(-(t - 7.5) * (t - 7.5) / 3) + 1.5 * Math.exp(-(t - 19) * (t - 19) / 4.0);
            ref[t] = level * peaks * (0.8 + 0.4 * r.nextDouble());
        }
        return ref;
    }

    static double[] tariff(boolean timeOfUse, double base) {
        double[] p0 = new double[T];
        for (int t = 0; t < T; t++) {
            p0[t] = !timeOfUse ? base : t < 7 || t >= 22 ? 0.6 * base : t >= 16 && t < 21 ? 1.7 * base : base;
        }
        return p0;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    /** One calibrated user: its follower problem and its inputs. */
    record User(double[] ref, double[] p0, double eps, double flex, double energyFlex, double[] alpha, double beta,
            double[] dmin, double[] dmax, double emin, double emax) {

        static User calibrate(double[] ref, double[] p0, double eps, double flex, double energyFlex) {
            double[] alpha = new double[T];
            double[] dmin = new double[T];
            double[] dmax = new double[T];
            double[] energy = new double[2];
            double beta = Calibration.calibrate(ref, p0, eps, flex, energyFlex, alpha, dmin, dmax, energy);
            return new User(ref, p0, eps, flex, energyFlex, alpha, beta, dmin, dmax, energy[0], energy[1]);
        }

        double solve(double[] lambda, double[] d, double[] s, FollowerSolver solver) {
            return solver.solve(alpha, beta, dmin, dmax, emin, emax, lambda, 0, d, s);
        }
    }

    @ParameterizedTest(name = "time of use {0}, energy flex {1}, flex {2}")
    @CsvSource({"false, 0.0, 0.2", "true, 0.0, 0.2", "false, 0.1, 0.2", "true, 0.1, 0.2", "false, 0.0, 0.0",
        "true, 0.3, 1.0", "true, 0.0, 0.0"})
    void consumesExactlyTheReferenceLoadAtTheTariff(boolean timeOfUse, double energyFlex, double flex) {
        SplittableRandom r = new SplittableRandom(17);
        FollowerSolver solver = new FollowerSolver();
        double[] d = new double[T];
        double[] s = new double[T];
        for (int n = 0; n < 500; n++) {
            double[] p0 = tariff(timeOfUse, 0.05 + 0.2 * r.nextDouble());
            User u = User.calibrate(reference(r), p0, -(0.05 + 0.6 * r.nextDouble()), flex, energyFlex);
            new EndUserDay("U" + n, u.alpha, u.beta, u.dmin, u.dmax, u.emin, u.emax); // a valid follower problem
            u.solve(p0, d, s, solver);
            for (int t = 0; t < T; t++) {
                assertEquals(u.ref[t], d[t], 1e-9, "user " + n + " hour " + t);
            }
            assertEquals(0.0, solver.mu(), 1e-12, "no energy multiplier at the tariff");
        }
    }

    @ParameterizedTest(name = "time of use {0}")
    @CsvSource({"false", "true"})
    void theElasticityOfDailyEnergyAtTheTariffIsEpsWhenNothingBinds(boolean timeOfUse) {
        // d_t = ref_t - dl / beta for every free hour with slack energy bounds, so the daily sum moves by
        // -24 dl / beta and its elasticity at mean(p0) is -(24 / beta) mean(p0) / sum(ref) = eps.
        SplittableRandom r = new SplittableRandom(23);
        FollowerSolver solver = new FollowerSolver();
        double[] up = new double[T];
        double[] down = new double[T];
        double[] s = new double[T];
        for (int n = 0; n < 500; n++) {
            double[] p0 = tariff(timeOfUse, 0.05 + 0.2 * r.nextDouble());
            double eps = -(0.05 + 0.6 * r.nextDouble());
            User u = User.calibrate(reference(r), p0, eps, 0.2 + 0.6 * r.nextDouble(), 0.05 + 0.2 * r.nextDouble());
            double mean = sum(p0) / T;
            double dl = 1e-4 * mean;
            double[] hi = p0.clone();
            double[] lo = p0.clone();
            for (int t = 0; t < T; t++) {
                hi[t] += dl;
                lo[t] -= dl;
            }
            u.solve(hi, up, s, solver);
            assertFalse(solver.energyBinding(), "energy bounds slack");
            assertEquals(T, solver.freeCount(), "all hours free");
            u.solve(lo, down, s, solver);
            assertFalse(solver.energyBinding(), "energy bounds slack");
            assertEquals(T, solver.freeCount(), "all hours free");
            double total = sum(u.ref);
            double elasticity = (sum(up) - sum(down)) / (2 * dl) * mean / total;
            assertEquals(eps, elasticity, 1e-6 * Math.abs(eps), "user " + n);
            // the sensitivity the solver reports gives the same number
            u.solve(p0, up, s, solver);
            assertEquals(eps, -sum(s) * mean / total, 1e-12 * Math.abs(eps), "user " + n + " from s");
        }
    }

    @ParameterizedTest(name = "time of use {0}, energy flex {1}")
    @CsvSource({"false, 0.0", "true, 0.0", "true, 0.15"})
    void parametersFollowTheModelFormulas(boolean timeOfUse, double energyFlex) {
        SplittableRandom r = new SplittableRandom(29);
        for (int n = 0; n < 200; n++) {
            double[] ref = reference(r);
            double[] p0 = tariff(timeOfUse, 0.05 + 0.2 * r.nextDouble());
            double eps = -(0.05 + 0.6 * r.nextDouble());
            double flex = r.nextDouble();
            User u = User.calibrate(ref, p0, eps, flex, energyFlex);
            double total = sum(ref);
            double mean = total / T;
            double peak = Arrays.stream(ref).max().orElseThrow();
            double p0Mean = sum(p0) / T;
            double beta = p0Mean / (Math.abs(eps) * mean);
            assertEquals(beta, u.beta, 1e-12 * beta, "beta = p0 / (|eps| mean ref)");
            for (int t = 0; t < T; t++) {
                assertEquals(p0[t] + beta * ref[t], u.alpha[t], 1e-12 * u.alpha[t], "alpha = p0 + beta ref");
                assertEquals((1 - flex) * ref[t], u.dmin[t], 1e-12, "dmin = (1 - flex) ref");
                assertEquals(ref[t] + flex * peak, u.dmax[t], 1e-12, "dmax = ref + flex max ref");
            }
            assertEquals((1 - energyFlex) * total, u.emin, 1e-12 * total, "Emin = (1 - e) sum ref");
            assertEquals((1 + energyFlex) * total, u.emax, 1e-12 * total, "Emax = (1 + e) sum ref");
        }
    }

    @ParameterizedTest(name = "flex {0}")
    @CsvSource({"0.0", "0.5"})
    void aDayWithoutLoadStaysAtZeroWithAFiniteBeta(double flex) {
        double[] ref = new double[T];
        double[] p0 = tariff(true, 0.12);
        User u = User.calibrate(ref, p0, -0.2, flex, 0.1);
        assertTrue(Double.isFinite(u.beta) && u.beta > 0, "beta " + u.beta);
        double[] d = new double[T];
        double[] s = new double[T];
        double[] lambda = tariff(false, 0.01);
        u.solve(lambda, d, s, new FollowerSolver());
        for (int t = 0; t < T; t++) {
            assertEquals(0.0, d[t], 0.0, "hour " + t);
            assertEquals(0.0, s[t], 0.0, "hour " + t);
        }
    }
}
