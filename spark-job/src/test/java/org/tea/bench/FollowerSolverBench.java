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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tea.market.Calibration;
import org.tea.market.FollowerSolver;
import org.tea.model.Hours;

/**
 * ns per user-day of the exact follower solver ({@link FollowerSolver#solve}) on a calibrated residential
 * population: reference loads with morning and evening peaks, flexible share 0.2, elasticity -0.2, energy
 * flexibility 0 (Emin = Emax, the default) and 0.1 ({@link #energyFlex}), at prices within +-20% of the tariff,
 * hour by hour. One invocation
 * solves a pre-built array of {@value #USERS} user-days (a few MB, like a block of a pass), so the score is
 * ns per user-day.
 *
 * <p>Run from the repository root. What works (checked with JMH 1.37, exec-maven-plugin 3.5.0):
 * <pre>
 * # forks a JVM on the test class path (recommended): exec:exec puts %classpath on the java command line
 * mvn -B -o -pl spark-job test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main FollowerSolverBench -f 1 -wi 3 -i 5"
 *
 * # in Maven's own JVM, no fork (-f 0); numbers match the forked run on this benchmark
 * mvn -B -o -pl spark-job test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main \
 *     -Dexec.args="FollowerSolverBench -f 0 -wi 3 -i 5"
 *
 * # plain java on the test class path (the README's Benchmarks section), forks fine
 * mvn -B -o -pl spark-job test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp spark-job/target/classes:spark-job/target/test-classes:$(cat spark-job/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main FollowerSolverBench -f 1 -wi 3 -i 5
 * </pre>
 * Does NOT work: {@code exec:java} with a fork ({@code -f 1}). JMH starts the forked JVM with the host's
 * {@code java.class.path}, which under {@code exec:java} is Maven's launcher, so the fork dies with
 * "ClassNotFoundException: org.openjdk.jmh.runner.ForkedMain", prints an empty result table, and Maven still
 * reports BUILD SUCCESS. {@link #main} runs this benchmark through {@code org.openjdk.jmh.Main}, e.g.
 * {@code java -cp ... org.tea.bench.FollowerSolverBench -f 1 -wi 3 -i 5}.
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
    static final double TARIFF = 0.13;

    /** Daily energy flexibility of the population: 0 fixes each day's energy, 0.1 lets it move by 10%. */
    @Param({"0", "0.1"})
    public double energyFlex;

    double[][] alpha;
    double[][] dmin;
    double[][] dmax;
    double[] beta;
    double[] emin;
    double[] emax;
    double[] lambda;
    final double[] d = new double[T];
    final double[] s = new double[T];
    final FollowerSolver solver = new FollowerSolver();

    /**
     * A residential-like reference day: night base, morning peak around 7-8 h, larger evening peak around
     * 19 h, a level per user-day and noise per hour.
     */
    static void referenceLoad(SplittableRandom r, double[] ref) {
        double level = 0.25 + 0.5 * r.nextDouble();
        double morning = 7 + r.nextDouble();
        double evening = 18.5 + 1.5 * r.nextDouble();
        for (int t = 0; t < T; t++) {
            double peaks = 1 + 0.8 * Math.exp(-(t - morning) * (t - morning) / 3)
                    + 1.2 * Math.exp(-(t - evening) * (t - evening) / 4);
            ref[t] = level * peaks * (0.9 + 0.2 * r.nextDouble());
        }
    }

    /** Prices within +-20% of the tariff, independently per hour. */
    static double price(SplittableRandom r) {
        return TARIFF * (0.8 + 0.4 * r.nextDouble());
    }

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        alpha = new double[USERS][T];
        dmin = new double[USERS][T];
        dmax = new double[USERS][T];
        beta = new double[USERS];
        emin = new double[USERS];
        emax = new double[USERS];
        lambda = new double[USERS * T];
        double[] tariff = new double[T];
        java.util.Arrays.fill(tariff, TARIFF);
        double[] ref = new double[T];
        double[] energy = new double[2];
        for (int j = 0; j < USERS; j++) {
            referenceLoad(r, ref);
            for (int t = 0; t < T; t++) {
                lambda[j * T + t] = price(r);
            }
            beta[j] = Calibration.calibrate(ref, tariff, -0.2, 0.2, energyFlex, alpha[j], dmin[j], dmax[j], energy);
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

    /** Runs this benchmark through {@code org.openjdk.jmh.Main}; arguments are further JMH options ({@code -f 1 -wi 3 -i 5}). */
    public static void main(String[] args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = FollowerSolverBench.class.getSimpleName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
