package org.tea.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.LogNormalDistribution;
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
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.PassRequest;
import org.tea.engine.ProsumerBlock;
import org.tea.equilibrium.MarketPrices;
import org.tea.io.StudyConfig;
import org.tea.io.synth.ClearnessIndex;
import org.tea.io.synth.Seeds;
import org.tea.model.Behaviour;
import org.tea.model.Hours;
import org.tea.study.StudySetup;

/**
 * ns per prosumer-day of the offers' part of one pass, {@link PassKernel#offers}, on the first prosumer block
 * ({@value #PROSUMERS} prosumers) of the default study (4 kWp of PV each, {@value #DAYS} days, all in one request
 * at prices 30% into the box with S = 300, so some prosumers offer all their surplus and some a part): recomputing
 * each prosumer-day's PV factor, generation and load, and adding its 24 hours to the offer sums. Alongside, the
 * parts: {@link #fill} alone, and the daily PV factor counter-based ({@link #factor}, what a block computes) against
 * a WELL512a generator seeded per prosumer-day and a lognormal draw ({@link #factorFromGenerator}, what a block
 * would compute with the generator-based factor).
 *
 * <p>Run from the repository root (build the test class path first, see {@link PassKernelBench}):
 * <pre>
 * java -cp "spark-job/target/classes:spark-job/target/test-classes:$(cat spark-job/target/test-classpath.txt)" \
 *     org.openjdk.jmh.Main ProsumerOffersBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProsumerOffersBench {
    static final int T = Hours.T;
    static final int PROSUMERS = 64;
    static final int DAYS = 365;
    static final double SIGMA = 0.1;

    ProsumerBlock block;
    PassRequest request;
    double[] partial;
    final PassKernel.Scratch scratch = new PassKernel.Scratch();
    final double[] generation = new double[T];
    final double[] load = new double[T];
    long stream;
    long[] hash;

    @Setup
    public void setup() {
        StudySetup study = StudySetup.generated(StudyConfig.defaults());
        block = study.blocks().prosumerBlock(0, null);
        if (block.size() != PROSUMERS || study.calendar().games() != DAYS) {
            throw new IllegalStateException("the default study changed: " + block.size() + " prosumers in block 0, "
                    + study.calendar().games() + " games");
        }
        MarketPrices p = study.prices();
        int[] games = new int[DAYS];
        Arrays.setAll(games, g -> g);
        double[] lambda = new double[DAYS * T];
        double[] sensitivity = new double[DAYS * T];
        double[] window = new double[DAYS * T];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = p.exportPrice()[i] + 0.3 * (p.importPrice()[i] - p.exportPrice()[i]);
            sensitivity[i] = 300;
            window[i] = 2e-8;
        }
        request = new PassRequest(games, lambda, sensitivity, p.exportPrice().clone(), window, Behaviour.STRATEGIC);
        partial = PassAggregates.newPartial(DAYS);
        stream = ClearnessIndex.prosumerStream(StudyConfig.defaults().study().seed());
        hash = new long[PROSUMERS];
        for (int i = 0; i < PROSUMERS; i++) {
            hash[i] = Seeds.id(block.id(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PROSUMERS * DAYS)
    public double[] offers() {
        Arrays.fill(partial, 0.0);
        PassKernel.offers(block, request, scratch, partial);
        return partial;
    }

    @Benchmark
    @OperationsPerInvocation(PROSUMERS * DAYS)
    public double fill() {
        double sum = 0;
        for (int g = 0; g < DAYS; g++) {
            for (int i = 0; i < PROSUMERS; i++) {
                block.fill(i, g, generation, load);
                sum += generation[12] - load[12];
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PROSUMERS * DAYS)
    public double factor() {
        double sum = 0;
        for (int d = 1; d <= DAYS; d++) {
            for (int i = 0; i < PROSUMERS; i++) {
                sum += ClearnessIndex.prosumerFactor(stream, 0, hash[i], d, SIGMA);
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PROSUMERS * DAYS)
    public double factorFromGenerator() {
        double sum = 0;
        for (int d = 1; d <= DAYS; d++) {
            for (int i = 0; i < PROSUMERS; i++) {
                sum += new LogNormalDistribution(Seeds.small(Seeds.of(stream, 0, hash[i], d)), -SIGMA * SIGMA / 2,
                        SIGMA).sample();
            }
        }
        return sum;
    }

    /** Runs this benchmark through {@code org.openjdk.jmh.Main}; arguments are further JMH options. */
    public static void main(String[] args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = ProsumerOffersBench.class.getSimpleName();
        System.arraycopy(args, 0, all, 1, args.length);
        org.openjdk.jmh.Main.main(all);
    }
}
