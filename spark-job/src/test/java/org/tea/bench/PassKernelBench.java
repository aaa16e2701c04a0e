package org.tea.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.tea.engine.ExplicitEndUserBlock;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.PassRequest;
import org.tea.market.Calibration;
import org.tea.model.Behaviour;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;

/**
 * ns per user-day of the followers' part of one pass, {@link PassKernel#followers}, on an
 * {@link ExplicitEndUserBlock} of {@value #USERS} calibrated residential users x {@value #DAYS} days (the
 * population of {@link FollowerSolverBench}: flexible share 0.2, elasticity -0.2, Emin = Emax), all days in
 * one request at prices within +-20% of the tariff. Includes what a pass adds to the solve: copying each
 * user-day's parameters out of the block and accumulating demand, sensitivity, rank-one term and phi.
 *
 * <p>Run from the repository root (see {@link FollowerSolverBench} for the alternatives and why
 * {@code exec:java} needs {@code -f 0}):
 * <pre>
 * mvn -B -o -pl spark-job test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main PassKernelBench -f 1 -wi 3 -i 5"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PassKernelBench {
    static final int T = Hours.T;
    static final int USERS = 512;
    static final int DAYS = 30;

    ExplicitEndUserBlock block;
    PassRequest request;
    double[] partial;
    final PassKernel.Scratch scratch = new PassKernel.Scratch();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(2);
        double[] tariff = new double[T];
        Arrays.fill(tariff, FollowerSolverBench.TARIFF);
        double[] ref = new double[T];
        double[] alpha = new double[T];
        double[] dmin = new double[T];
        double[] dmax = new double[T];
        double[] energy = new double[2];
        List<List<EndUserDay>> days = new ArrayList<>();
        for (int g = 0; g < DAYS; g++) {
            List<EndUserDay> users = new ArrayList<>();
            for (int j = 0; j < USERS; j++) {
                FollowerSolverBench.referenceLoad(r, ref);
                double beta = Calibration.calibrate(ref, tariff, -0.2, 0.2, 0.0, alpha, dmin, dmax, energy);
                users.add(new EndUserDay("U" + j, alpha, beta, dmin, dmax, energy[0], energy[1]));
            }
            days.add(users);
        }
        block = new ExplicitEndUserBlock(days);
        int[] games = new int[DAYS];
        double[] lambda = new double[DAYS * T];
        double[] sensitivity = new double[DAYS * T];
        double[] exportPrice = new double[DAYS * T];
        for (int g = 0; g < DAYS; g++) {
            games[g] = g;
        }
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = FollowerSolverBench.price(r);
            sensitivity[i] = 1000;
            exportPrice[i] = 0.04;
        }
        double[] window = new double[DAYS * T];
        java.util.Arrays.fill(window, 2e-8);
        request = new PassRequest(games, lambda, sensitivity, exportPrice, window, Behaviour.STRATEGIC);
        partial = PassAggregates.newPartial(DAYS);
    }

    @Benchmark
    @OperationsPerInvocation(USERS * DAYS)
    public double[] followers() {
        Arrays.fill(partial, 0.0);
        PassKernel.followers(block, request, scratch, partial);
        return partial;
    }

    /** Runs this benchmark through {@code org.openjdk.jmh.Main}; arguments are further JMH options ({@code -f 1 -wi 3 -i 5}). */
    public static void main(String[] args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = PassKernelBench.class.getSimpleName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
