package org.tea.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tea.market.Calibration;
import org.tea.market.FollowerSolver;
import org.tea.model.Hours;

/**
 * ns per user-day of the exact follower solver on calibrated residential users (flex 0.2, elasticity around
 * -0.2, fixed daily energy: the default), at prices within +-20% of the tariff, hour by hour.
 * Run: see the Benchmarks section of the README (plain java on the test class path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FollowerSolverBench {
    static final int T = Hours.T;
    static final int USERS = 4096;

    double[][] alpha = new double[USERS][T];
    double[][] dmin = new double[USERS][T];
    double[][] dmax = new double[USERS][T];
    double[] beta = new double[USERS];
    double[] emin = new double[USERS];
    double[] emax = new double[USERS];
    double[] lambda = new double[USERS * T];
    final double[] d = new double[T];
    final double[] s = new double[T];
    final FollowerSolver solver = new FollowerSolver();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        double[] tariff = new double[T];
        java.util.Arrays.fill(tariff, 0.13);
        double[] ref = new double[T];
        double[] energy = new double[2];
        for (int j = 0; j < USERS; j++) {
            double level = 0.3 + 0.5 * r.nextDouble();
            for (int t = 0; t < T; t++) {
                double peaks = 1 + 0.8 * Math.exp(-(t - 7.5) * (t - 7.5) / 3) + 1.2 * Math.exp(-(t - 19) * (t - 19) / 4.0);
                ref[t] = level * peaks * (0.9 + 0.2 * r.nextDouble());
                lambda[j * T + t] = 0.13 * (0.8 + 0.4 * r.nextDouble());
            }
            beta[j] = Calibration.calibrate(ref, tariff, -0.2 * (0.75 + 0.5 * r.nextDouble()), 0.2, 0.0, alpha[j],
                    dmin[j], dmax[j], energy);
            emin[j] = energy[0];
            emax[j] = energy[1];
        }
    }

    @Benchmark
    @OperationsPerInvocation(USERS)
    public double solve() {
        double sum = 0;
        for (int j = 0; j < USERS; j++) {
            sum += solver.solve(alpha[j], beta[j], dmin[j], dmax[j], emin[j], emax[j], lambda, j * T, d, s);
        }
        return sum;
    }
}
