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
import org.tea.market.StorageSolver;
import org.tea.model.Hours;

/**
 * ns per unit-day of the exact storage solver ({@link StorageSolver#solve}): home batteries of 10 kWh / 5 kW
 * (capacity and power +-30%), efficiencies 0.95, throughput cost 0.01 per kWh^2, start half full, at retail
 * prices with a night low, a midday solar dip and an evening peak (+-10% noise per hour, a level per day).
 * {@code cold} solves without a warm start, {@code warm} from the active set of the same unit at prices 1%
 * away (an outer iteration's next pass), {@code coldWithKinks} adds the kink distances a pass asks for. One
 * invocation solves {@value #UNITS} unit-days, so the score is ns per unit-day. Run as the README's Benchmarks section says, e.g.
 * {@code java -cp "$CP" org.openjdk.jmh.Main StorageSolverBench -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StorageSolverBench {
    static final int T = Hours.T;
    static final int UNITS = 4096;

    double[] cap;
    double[] pow;
    double[] lambda;
    long[] warmSets;
    final double[] c = new double[T];
    final double[] g = new double[T];
    final double[] e = new double[T];
    final double[] s = new double[T];
    final double[] up = new double[T];
    final double[] down = new double[T];
    final StorageSolver solver = new StorageSolver();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(12);
        cap = new double[UNITS];
        pow = new double[UNITS];
        lambda = new double[UNITS * T];
        warmSets = new long[UNITS];
        double[] near = new double[T];
        for (int u = 0; u < UNITS; u++) {
            cap[u] = 10 * (0.7 + 0.6 * r.nextDouble());
            pow[u] = 5 * (0.7 + 0.6 * r.nextDouble());
            double level = 0.08 + 0.08 * r.nextDouble();
            double dip = 0.7 * r.nextDouble();
            for (int t = 0; t < T; t++) {
                double shape = 1 - dip * Math.exp(-(t - 13) * (t - 13) / 6.0)
                        + 0.6 * Math.exp(-(t - 19) * (t - 19) / 4.0) - (t < 6 ? 0.2 : 0.0);
                lambda[u * T + t] = level * shape * (0.9 + 0.2 * r.nextDouble());
                near[t] = lambda[u * T + t] * (1 + 0.01 * (r.nextDouble() - 0.5));
            }
            solver.solve(cap[u], pow[u], 0.95, 0.95, 0.01, 0.5, near, 0, 0L, c, g, e, s);
            warmSets[u] = solver.activeSet();
        }
    }

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public double cold() {
        return solveAll(false);
    }

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public double warm() {
        return solveAll(true);
    }

    private double solveAll(boolean warm) {
        double sum = 0;
        for (int u = 0; u < UNITS; u++) {
            sum += solver.solve(cap[u], pow[u], 0.95, 0.95, 0.01, 0.5, lambda, u * T, warm ? warmSets[u] : 0L, c, g,
                    e, s);
        }
        return sum;
    }

    /** A cold solve and the kink distances of every hour, as a pass needs them. */
    @Benchmark
    @OperationsPerInvocation(UNITS)
    public double coldWithKinks() {
        double sum = 0;
        for (int u = 0; u < UNITS; u++) {
            sum += solver.solve(cap[u], pow[u], 0.95, 0.95, 0.01, 0.5, lambda, u * T, 0L, c, g, e, s);
            solver.kinkDistances(up, down);
            sum += up[0] + down[T - 1];
        }
        return sum;
    }

    /** Runs this benchmark through {@code org.openjdk.jmh.Main}; arguments are further JMH options. */
    public static void main(String[] args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = StorageSolverBench.class.getSimpleName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
