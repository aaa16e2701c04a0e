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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tea.engine.CalibratedEndUserBlock;
import org.tea.engine.DailyFactor;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ExplicitEndUserBlock;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.PassRequest;
import org.tea.io.synth.CounterNoise;
import org.tea.io.synth.LoadShapes;
import org.tea.io.synth.Seeds;
import org.tea.market.Calibration;
import org.tea.model.Behaviour;
import org.tea.model.EndUserDay;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * ns per user-day of the followers' part of one pass, {@link PassKernel#followers}, on an
 * {@link ExplicitEndUserBlock} of {@value #USERS} calibrated residential users x {@value #DAYS} days (the
 * population of {@link FollowerSolverBench}: flexible share 0.2, elasticity -0.2, Emin = Emax), all days in
 * one request at prices within +-20% of the tariff. Includes what a pass adds to the solve: copying each
 * user-day's parameters out of the block and accumulating demand, sensitivity, rank-one term and phi.
 *
 * <p>{@link #population} {@code calibrated} is a study's population instead, as the Spark engine evaluates it
 * ({@link CalibratedEndUserBlock}): residential and commercial load shapes of 2025, a daily level factor per user-day
 * from counter-based noise (sigma 0.1) and habit factors per user and hour (sigma 0.05), elasticity -0.2, flexible
 * share 0.2, energy flexibility 0, the first {@value #DAYS} days of the year; so it adds the calibration and
 * the noise that every pass recomputes per user-day. Compare it with {@code ns_per_user_day_in_spark}.
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

    /** {@code explicit}: stored user-days; {@code calibrated}: a study's block, calibrated on the fly. */
    @Param({"explicit", "calibrated"})
    public String population;

    /**
     * The end-users' settlement sums the pass gathers when no end-user table is written ({@link PassRequest.Settle}):
     * {@code none}; {@code te}, at the pass's prices (every such pass); {@code te+baseline}, also the baseline
     * solve at the tariff (a day's first pass). A city run with per-user tables off evaluates each day's
     * end-users once, in its first pass: compare {@code te+baseline} with its {@code ns_per_user_day_in_spark}.
     */
    @Param({"none", "te", "te+baseline"})
    public String sums;

    EndUserBlock block;
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
        block = population.equals("calibrated") ? calibrated(new SplittableRandom(5), tariff) : new ExplicitEndUserBlock(days);
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
        boolean[] baseline = new boolean[DAYS];
        Arrays.fill(baseline, sums.equals("te+baseline"));
        double[] tariffs = new double[DAYS * T];
        Arrays.fill(tariffs, FollowerSolverBench.TARIFF);
        PassRequest.Settle settle = sums.equals("none") ? null : new PassRequest.Settle(2, tariffs, baseline);
        request = new PassRequest(games, lambda, sensitivity, exportPrice, window, Behaviour.STRATEGIC, settle);
        partial = PassAggregates.newFollowerPartial(request);
    }

    /** The level factor of a study's end-users (StudyBlocks): counter-based, from (stream, id hash, day). */
    record Level(long stream, double sigma) implements DailyFactor {
        @Override
        public double of(int scenario, long idHash, int day) {
            return CounterNoise.lognormal(stream, 0, idHash, day, sigma);
        }
    }

    /** Games 0 .. DAYS - 1 are days 1 .. DAYS of 2025, one scenario. */
    static CalibratedEndUserBlock calibrated(SplittableRandom r, double[] tariff) {
        String[] ids = new String[USERS];
        long[] hash = new long[USERS];
        int[] arch = new int[USERS];
        double[] energy = new double[USERS];
        double[] eps = new double[USERS];
        double[] flex = new double[USERS];
        double[] eflex = new double[USERS];
        float[] habit = new float[USERS * T];
        for (int j = 0; j < USERS; j++) {
            ids[j] = String.format("U%07d", j);
            hash[j] = Seeds.id(ids[j]);
            arch[j] = r.nextInt(20) == 0 ? 1 : 0;
            energy[j] = 4000 * Math.exp(0.3 * r.nextGaussian() - 0.045);
            eps[j] = -0.2;
            flex[j] = 0.2;
            for (int t = 0; t < T; t++) {
                habit[j * T + t] = (float) Math.exp(0.05 * r.nextGaussian() - 0.00125);
            }
        }
        double[][] shapes = {LoadShapes.shape(LoadShapes.RESIDENTIAL, 2025, 43.7),
                LoadShapes.shape(LoadShapes.COMMERCIAL, 2025, 43.7)};
        return new CalibratedEndUserBlock(ids, hash, arch, energy, eps, flex, eflex,
                new Level(Seeds.stream(20250101L, "enduser-level"), 0.1), habit, shapes, tariff,
                new GameCalendar(2025, DAYS, 1));
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
