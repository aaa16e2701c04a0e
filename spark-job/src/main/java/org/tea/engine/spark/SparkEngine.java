package org.tea.engine.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.tea.engine.EndUserBlock;
import org.tea.engine.MarketEngine;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.PassRequest;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.engine.UserResultSink;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The Spark engine, in MLlib's pattern. Both populations are persisted once, when the engine is made, and
 * never leave the executors. Each pass:
 * <ol>
 *   <li>broadcasts the request (prices and sensitivities of the active games, a few hundred KB at most);</li>
 *   <li>runs one {@code mapPartitions} per population, in which every block goes through {@link PassKernel}
 *       into its own double partial, exactly as in {@link org.tea.engine.local.LocalEngine};</li>
 *   <li>unions the two and runs one {@code treeAggregate} (zero value, seqOp {@link PassAggregates#add},
 *       combOp {@link PassAggregates#merge}): one Spark job a pass, and since blocks combine in exact
 *       arithmetic the totals are the same bits for any partitioning, thread count or tree shape;</li>
 *   <li>destroys the broadcast, so nothing of the pass outlives it on the executors.</li>
 * </ol>
 *
 * <p><b>Settlement and per-user tables.</b> {@link #settle} runs one {@code treeAggregate} job for the sums
 * (same pattern as a pass) and then, when a {@link ResultOutput} is given, one Parquet write job per table
 * ({@code enduser_daily}, {@code prosumer_hourly} and optionally {@code enduser_hourly}) that settles the
 * users again on the executors and turns what {@link UserResultSink} receives into {@link Row}s. So the
 * settlement kernel runs up to three times over the end-users and twice over the prosumers. That is
 * deliberate: settling is two follower solves per user-day, a few passes' worth against the dozens of the
 * equilibrium, while the alternatives each cost more in design: caching per-user rows (memory of the size of
 * the output), accumulators inside a write (updates from re-run tasks can count twice), or re-reading the
 * written files to sum them (not the block-wise sums, so not bit-identical to the local engine). Rows are
 * produced one block and one game at a time, so a task never buffers more than one block's rows of one game,
 * and nothing per-user is collected on the driver. With concurrent output writers (the study's session sets
 * them) each row goes to its partition directory's open file as it comes; otherwise the writer sorts a task's
 * rows by directory first. Tables are partitioned by {@code scenario}, and also by {@code month} when rows per
 * scenario, known from the population sizes, exceed {@link ResultOutput#monthPartitionRows()}. The criterion
 * is per scenario because a scenario folder is what month partitioning splits: counting all rows would split a
 * Monte Carlo study of small scenarios into scenarios x 12 folders, more than the writer keeps open at once, for
 * files that are small anyway.
 */
public final class SparkEngine implements MarketEngine {
    private static final int T = Hours.T;
    /** Partials of one pass are about a MB each for a year of games: merge them on executors, not the driver. */
    private static final int TREE_DEPTH = 2;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final JavaRDD<EndUserBlock> endUserBlocks;
    private final JavaRDD<ProsumerBlock> prosumerBlocks;
    private final List<JavaRDD<?>> persisted = new ArrayList<>();
    private final int games;
    private final ResultOutput output;
    private final long endUsers;
    private final long prosumers;
    private long passes;
    /** Time spent in the kernel on the executors, summed over tasks: what a pass costs besides Spark. */
    private final LongAccumulator kernelNanos;
    private long passNanos;
    private boolean closed;

    /**
     * Persists both populations and materialises them with one counting job, so that blocks built on the
     * executors (from indices, calibrated on the fly) are built once, before the first pass.
     *
     * @param output where settle() writes per-user tables, or {@code null} to write none
     */
    public SparkEngine(SparkSession spark, JavaRDD<EndUserBlock> endUserBlocks, JavaRDD<ProsumerBlock> prosumerBlocks,
            int games, ResultOutput output) {
        if (games < 1) {
            throw new IllegalArgumentException("games = " + games + ", expected >= 1");
        }
        if (output != null && output.calendar().games() != games) {
            throw new IllegalArgumentException("output calendar has " + output.calendar().games() + " games, engine "
                    + games);
        }
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.kernelNanos = spark.sparkContext().longAccumulator("tea kernel nanos");
        this.games = games;
        this.output = output;
        this.endUserBlocks = persist(endUserBlocks);
        this.prosumerBlocks = persist(prosumerBlocks);
        long[] counts = endUserBlocks.map(b -> new long[] {b.size(), 0})
                .union(prosumerBlocks.map(b -> new long[] {0, b.size()}))
                .fold(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        this.endUsers = counts[0];
        this.prosumers = counts[1];
    }

    /**
     * MEMORY_AND_DISK, deserialized: blocks are a few flat primitive arrays, so in memory they cost what their
     * arrays cost and every pass reads them without deserializing; disk is only the safety net for a city
     * larger than the executors' storage memory, cheaper than rebuilding blocks from their inputs. An RDD the
     * caller already persisted is used as it is (and left persisted by close()).
     */
    private <B> JavaRDD<B> persist(JavaRDD<B> rdd) {
        if (rdd.getStorageLevel().equals(StorageLevel.NONE())) {
            rdd.persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(rdd);
        }
        return rdd;
    }

    @Override
    public int games() {
        return games;
    }

    @Override
    public long passes() {
        return passes;
    }

    /** Wall time of all evaluate() passes so far, on the driver. */
    public long passNanos() {
        return passNanos;
    }

    /** Kernel time of all evaluate() passes so far, summed over executor tasks (successful and retried). */
    public long kernelNanos() {
        return kernelNanos.value();
    }

    /** Bytes the persisted end-user blocks take in executor memory and on disk (0 if not persisted here). */
    public long endUserBytes() {
        return storedBytes(endUserBlocks);
    }

    /** Bytes the persisted prosumer blocks (with their offer curves) take. */
    public long prosumerBytes() {
        return storedBytes(prosumerBlocks);
    }

    private long storedBytes(JavaRDD<?> rdd) {
        long bytes = 0;
        for (org.apache.spark.storage.RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            if (info.id() == rdd.id()) {
                bytes += info.memSize() + info.diskSize();
            }
        }
        return bytes;
    }

    /** End-users over all blocks. */
    public long endUsers() {
        return endUsers;
    }

    /** Prosumers over all blocks. */
    public long prosumers() {
        return prosumers;
    }

    @Override
    public PassAggregates evaluate(PassRequest request) {
        checkOpen();
        passes++;
        long started = System.nanoTime();
        int slots = request.slots();
        Broadcast<PassRequest> b = jsc.broadcast(request);
        try {
            jsc.setJobDescription("TEA pass " + passes + " (" + slots + " games)");
            // the lambdas capture only the broadcast (not this engine), and read it on the executors
            LongAccumulator time = kernelNanos;
            JavaRDD<double[]> partials = endUserBlocks.mapPartitions(it -> followerPartials(it, b.value(), time))
                    .union(prosumerBlocks.mapPartitions(it -> offerPartials(it, b.value(), time)));
            return partials.treeAggregate(new PassAggregates(slots), PassAggregates::add, PassAggregates::merge,
                    TREE_DEPTH);
        } finally {
            jsc.setJobDescription(null);
            b.destroy();
            passNanos += System.nanoTime() - started;
        }
    }

    @Override
    public SettleAggregates settle(SettleRequest request) {
        checkOpen();
        passes++;
        int slots = request.slots();
        Broadcast<SettleRequest> b = jsc.broadcast(request);
        try {
            jsc.setJobDescription("TEA settlement (" + slots + " games)");
            SettleAggregates sums = endUserBlocks.mapPartitions(it -> settledEndUsers(it, b.value()))
                    .union(prosumerBlocks.mapPartitions(it -> settledProsumers(it, b.value())))
                    .treeAggregate(new SettleAggregates(slots), (acc, p) -> acc.add(p.sums(), p.gaps()),
                            SettleAggregates::merge, TREE_DEPTH);
            if (output != null) {
                writeUserTables(request, b);
            }
            return sums;
        } finally {
            jsc.setJobDescription(null);
            b.destroy();
        }
    }

    /** One write job per table; each re-settles its population on the executors (see the class comment). */
    private void writeUserTables(SettleRequest request, Broadcast<SettleRequest> b) {
        GameCalendar cal = output.calendar();
        long userDays = endUsers * request.slots();
        for (Table table : Table.values()) {
            if (table == Table.ENDUSER_HOURLY && !output.enduserHourly()) {
                continue;
            }
            long rows = (table == Table.PROSUMER_HOURLY ? prosumers * request.slots() : userDays) * table.rowsPerDay;
            boolean byMonth = rows / cal.scenarios() > output.monthPartitionRows();
            jsc.setJobDescription("TEA write " + table.tableName + " (" + rows + " rows)");
            JavaRDD<Row> data = table == Table.PROSUMER_HOURLY
                    ? prosumerBlocks.mapPartitions(it -> rows(it, b.value(), cal, table, byMonth))
                    : endUserBlocks.mapPartitions(it -> rows(it, b.value(), cal, table, byMonth));
            var writer = spark.createDataFrame(data, table.schema(byMonth)).write().mode(SaveMode.ErrorIfExists);
            for (String figure : table.figures) {
                // Money and energy figures are nearly all distinct: Parquet would build a dictionary for each
                // column chunk only to throw it away, a large share of the write's CPU. Ids, day and hour
                // repeat and keep theirs.
                writer = writer.option("parquet.enable.dictionary#" + figure, "false");
            }
            writer = byMonth ? writer.partitionBy("scenario", "month") : writer.partitionBy("scenario");
            writer.parquet(new org.apache.hadoop.fs.Path(output.dir(), table.tableName).toString());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
    }

    /** Unpersists the populations this engine persisted; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (JavaRDD<?> rdd : persisted) {
                rdd.unpersist(false);
            }
        }
    }

    // ---- executor side: static, so no closure ever drags the engine along ----

    /** One block's settlement sums and best-response gaps. */
    record Settled(double[] sums, double[] gaps) implements java.io.Serializable {
    }

    /*
     * A fresh Scratch per block, as in LocalEngine: a block's partial then depends on nothing but the block
     * and the request, whatever ran before it in the partition. It is a few arrays against a block's work.
     */

    static Iterator<double[]> followerPartials(Iterator<EndUserBlock> blocks, PassRequest r, LongAccumulator time) {
        return map(blocks, block -> {
            long t0 = System.nanoTime();
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.followers(block, r, new PassKernel.Scratch(), partial);
            time.add(System.nanoTime() - t0);
            return partial;
        });
    }

    static Iterator<double[]> offerPartials(Iterator<ProsumerBlock> blocks, PassRequest r, LongAccumulator time) {
        return map(blocks, block -> {
            long t0 = System.nanoTime();
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.offers(block, r, partial);
            time.add(System.nanoTime() - t0);
            return partial;
        });
    }

    static Iterator<Settled> settledEndUsers(Iterator<EndUserBlock> blocks, SettleRequest r) {
        return map(blocks, block -> {
            double[] partial = SettleAggregates.newPartial(r.slots());
            PassKernel.settleEndUsers(block, r, new PassKernel.Scratch(), partial, UserResultSink.NONE);
            return new Settled(partial, new double[r.slots()]);
        });
    }

    static Iterator<Settled> settledProsumers(Iterator<ProsumerBlock> blocks, SettleRequest r) {
        return map(blocks, block -> {
            double[] partial = SettleAggregates.newPartial(r.slots());
            double[] gaps = new double[r.slots()];
            PassKernel.settleProsumers(block, r, new PassKernel.Scratch(), partial, gaps, UserResultSink.NONE);
            return new Settled(partial, gaps);
        });
    }

    /** A lazy map, so a partition's partials are summed as they come and never held together. */
    static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(in.next());
            }
        };
    }

    /**
     * A table's rows from a partition of blocks, settled one block and one game at a time; the rows of a
     * (block, game) are buffered, nothing more.
     */
    static <B> Iterator<Row> rows(Iterator<B> blocks, SettleRequest full, GameCalendar cal, Table table,
            boolean byMonth) {
        SettleRequest[] slices = new SettleRequest[full.slots()];
        for (int k = 0; k < slices.length; k++) {
            slices[k] = slice(full, k);
        }
        RowSink sink = new RowSink(table, byMonth);
        return new Iterator<>() {
            B block;
            int slot = slices.length;
            Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (slot == slices.length) {
                        if (!blocks.hasNext()) {
                            return false;
                        }
                        block = blocks.next();
                        slot = 0;
                    }
                    SettleRequest one = slices[slot++];
                    int game = one.games()[0];
                    sink.start(cal.scenario(game), cal.day(game), byMonth ? cal.month(game) : 0);
                    double[] partial = SettleAggregates.newPartial(1);
                    if (block instanceof EndUserBlock e) {
                        PassKernel.settleEndUsers(e, one, new PassKernel.Scratch(), partial, sink);
                    } else {
                        PassKernel.settleProsumers((ProsumerBlock) block, one, new PassKernel.Scratch(), partial,
                                new double[1], sink);
                    }
                    current = sink.drain().iterator();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Slot k of a settle request as a one-game request (a user's results do not depend on other games). */
    static SettleRequest slice(SettleRequest r, int k) {
        int from = k * T;
        int to = from + T;
        return new SettleRequest(new int[] {r.games()[k]}, Arrays.copyOfRange(r.lambda(), from, to),
                Arrays.copyOfRange(r.sensitivity(), from, to), Arrays.copyOfRange(r.demand(), from, to),
                Arrays.copyOfRange(r.offered(), from, to), Arrays.copyOfRange(r.surplusTotal(), from, to),
                Arrays.copyOfRange(r.exportPrice(), from, to), Arrays.copyOfRange(r.importPrice(), from, to),
                Arrays.copyOfRange(r.tariff(), from, to), Arrays.copyOfRange(r.feedIn(), from, to), r.behaviour());
    }

    /** Turns what the settlement kernel hands out for one game into rows of one table. */
    static final class RowSink implements UserResultSink {
        private final Table table;
        private final boolean byMonth;
        private List<Row> rows = new ArrayList<>();
        private int scenario;
        private int day;
        private int month;

        RowSink(Table table, boolean byMonth) {
            this.table = table;
            this.byMonth = byMonth;
        }

        void start(int scenario, int day, int month) {
            this.scenario = scenario;
            this.day = day;
            this.month = month;
        }

        List<Row> drain() {
            List<Row> out = rows;
            rows = new ArrayList<>(out.size());
            return out;
        }

        @Override
        public void endUserDay(String id, int game, double[] f, double[] demand, double[] baselineDemand,
                double[] alpha, double[] dmin, double[] dmax, double beta, double emin, double emax) {
            if (table == Table.ENDUSER_DAILY) {
                add(scenario, id, day, f[ENERGY], f[PAYMENT], f[UTILITY], f[SURPLUS], f[PEAK], f[BASELINE_ENERGY],
                        f[BASELINE_PAYMENT], f[BASELINE_UTILITY], f[BASELINE_SURPLUS]);
            } else if (table == Table.ENDUSER_HOURLY) {
                for (int t = 0; t < T; t++) {
                    add(scenario, id, day, t, demand[t], baselineDemand[t], alpha[t], dmin[t], dmax[t], beta, emin,
                            emax);
                }
            }
        }

        @Override
        public void prosumerHour(String id, int game, int hour, double[] f) {
            if (table == Table.PROSUMER_HOURLY) {
                add(scenario, id, day, hour, f[GENERATION], f[LOAD], f[SURPLUS_KWH], f[DEFICIT], f[SOLD], f[EXPORTED],
                        f[PROFIT], f[BASELINE_PROFIT]);
            }
        }

        private void add(Object... values) {
            if (byMonth) {
                values = Arrays.copyOf(values, values.length + 1);
                values[values.length - 1] = month;
            }
            rows.add(RowFactory.create(values));
        }
    }

    /**
     * The per-user tables of MODEL section 11: {@code scenario} (int), the id (string), {@code day} and
     * {@code hour} (int), the figures (double), and {@code month} (int) last when partitioned by it.
     */
    enum Table {
        ENDUSER_DAILY("enduser_daily", "user_id", false, 1, "energy", "payment", "utility", "surplus", "peak",
                "baseline_energy", "baseline_payment", "baseline_utility", "baseline_surplus"),
        ENDUSER_HOURLY("enduser_hourly", "user_id", true, T, "demand", "baseline_demand", "alpha", "dmin", "dmax",
                "beta", "emin", "emax"),
        PROSUMER_HOURLY("prosumer_hourly", "prosumer_id", true, T, "generation", "load", "surplus", "deficit", "sold",
                "exported", "profit", "baseline_profit");

        final String tableName;
        final String id;
        final boolean hourly;
        /** Rows per user (or prosumer) and game. */
        final int rowsPerDay;
        final String[] figures;

        Table(String tableName, String id, boolean hourly, int rowsPerDay, String... figures) {
            this.tableName = tableName;
            this.id = id;
            this.hourly = hourly;
            this.rowsPerDay = rowsPerDay;
            this.figures = figures;
        }

        StructType schema(boolean byMonth) {
            List<StructField> f = new ArrayList<>();
            f.add(DataTypes.createStructField("scenario", DataTypes.IntegerType, false));
            f.add(DataTypes.createStructField(id, DataTypes.StringType, false));
            f.add(DataTypes.createStructField("day", DataTypes.IntegerType, false));
            if (hourly) {
                f.add(DataTypes.createStructField("hour", DataTypes.IntegerType, false));
            }
            for (String name : figures) {
                f.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
            }
            if (byMonth) {
                f.add(DataTypes.createStructField("month", DataTypes.IntegerType, false));
            }
            return DataTypes.createStructType(f);
        }
    }
}
