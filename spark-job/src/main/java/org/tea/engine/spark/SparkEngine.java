package org.tea.engine.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SizeEstimator;
import org.tea.engine.BlockSource;
import org.tea.engine.EndUserBlock;
import org.tea.engine.MarketEngine;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassRequest;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.engine.StorageBlock;

/**
 * The Spark engine, in MLlib's pattern. Both populations are persisted once, when the engine is made, and
 * never leave the executors. Each pass:
 * <ol>
 *   <li>broadcasts the request (prices and sensitivities of the active games, a few hundred KB at most);</li>
 *   <li>runs one {@code mapPartitions} per population, in which every block goes through
 *       {@link org.tea.engine.PassKernel} into its own double partial, exactly as in
 *       {@link org.tea.engine.local.LocalEngine};</li>
 *   <li>unions the two and runs one {@code treeAggregate} (zero value, seqOp {@link PassAggregates#add},
 *       combOp {@link PassAggregates#merge}): one Spark job a pass, and since blocks combine in exact
 *       arithmetic the totals are the same bits for any partitioning, thread count or tree shape;</li>
 *   <li>destroys the broadcast, so nothing of the pass outlives it on the executors.</li>
 * </ol>
 *
 * <p><b>Settlement and per-user results.</b> {@link #settle} settles each user once. A population with a
 * per-user table to write (the first its {@link UserTableWriter} asks for) is settled in that table's write
 * job: the tasks hand each user's results to the table's collectors ({@link SettledRows}) and add the block's
 * sums to a {@link SettleSums} accumulator, which Spark merges once per task of the job's result stage, never
 * for a failed or duplicate attempt; the user-days it counted are checked. A population without a table is
 * summed alone by one {@code treeAggregate} job, as in a pass. A second table of the same population (the
 * hourly end-user table besides the daily one) settles it again, for its rows only. Either way a block's sums
 * are the same doubles, made in the same user order, so the totals are the same bits as the local engine's.
 */
public final class SparkEngine implements MarketEngine {
    /** Partials of one pass are about a MB each for a year of games: merge them on executors, not the driver. */
    private static final int TREE_DEPTH = 2;

    private final JavaSparkContext jsc;
    private final JavaRDD<EndUserBlock> endUserBlocks;
    private final JavaRDD<ProsumerBlock> prosumerBlocks;
    /** Storage blocks (MODEL section 12), or null when there are none. */
    private final JavaRDD<StorageBlock> storageBlocks;
    private final List<JavaRDD<?>> persisted = new ArrayList<>();
    private final Runnable release;
    private final int games;
    private final UserTableWriter output;
    private final long endUsers;
    private final long prosumers;
    private final long storageUnits;
    private final int archetypes;
    /** No per-user end-user table to write: the passes sum the end-users' settlement. */
    private final boolean endUsersInPasses;
    private long passes;
    private long userDays;
    /** Time spent in the kernel on the executors, summed over tasks: what a pass costs besides Spark. */
    private final LongAccumulator kernelNanos;
    private long passNanos;
    /** Wall time of the settlement's sums-only job and of each per-user table's write (which settles too). */
    private long settleSumsNanos;
    private final Map<String, Double> writeSeconds = new LinkedHashMap<>();
    private boolean closed;

    /**
     * Persists both populations and materialises them with one counting job, so that blocks built on the
     * executors (from indices, calibrated on the fly) are built once, before the first pass.
     *
     * @param output where settle() sends per-user results, or {@code null} for none
     */
    public SparkEngine(JavaSparkContext jsc, JavaRDD<EndUserBlock> endUserBlocks, JavaRDD<ProsumerBlock> prosumerBlocks,
            int games, UserTableWriter output) {
        this(jsc, endUserBlocks, prosumerBlocks, null, games, output, () -> { });
    }

    /** An engine with storage blocks as well (MODEL section 12). */
    public SparkEngine(JavaSparkContext jsc, JavaRDD<EndUserBlock> endUserBlocks, JavaRDD<ProsumerBlock> prosumerBlocks,
            JavaRDD<StorageBlock> storageBlocks, int games, UserTableWriter output) {
        this(jsc, endUserBlocks, prosumerBlocks, storageBlocks, games, output, () -> { });
    }

    private SparkEngine(JavaSparkContext jsc, JavaRDD<EndUserBlock> endUserBlocks,
            JavaRDD<ProsumerBlock> prosumerBlocks, JavaRDD<StorageBlock> storageBlocks, int games,
            UserTableWriter output, Runnable release) {
        if (games < 1) {
            throw new IllegalArgumentException("games = " + games + ", expected >= 1");
        }
        this.jsc = jsc;
        this.kernelNanos = jsc.sc().longAccumulator("tea kernel nanos");
        this.games = games;
        this.output = output;
        this.release = release;
        this.endUserBlocks = persist(endUserBlocks);
        this.prosumerBlocks = persist(prosumerBlocks);
        this.storageBlocks = storageBlocks == null ? null : persist(storageBlocks);
        // end-users, prosumers, and the most archetypes an end-user block says
        long[] counts = endUserBlocks.map(b -> new long[] {b.size(), 0, b.archetypes()})
                .union(prosumerBlocks.map(b -> new long[] {0, b.size(), 1}))
                .fold(new long[] {0, 0, 1}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2])});
        this.endUsers = counts[0];
        this.prosumers = counts[1];
        this.archetypes = (int) counts[2];
        this.storageUnits = this.storageBlocks == null ? 0
                : this.storageBlocks.map(b -> (long) b.size()).fold(0L, Long::sum);
        this.endUsersInPasses = output == null
                || first(output.tables(endUsers, prosumers, storageUnits, games), false, false) == null;
    }

    /**
     * An engine over the blocks of {@code source}, built on the executors ({@link SparkBlocks#build}); the
     * broadcasts they are built from are destroyed when the engine is closed.
     */
    public static SparkEngine of(JavaSparkContext jsc, BlockSource source, int games, int partitions,
            UserTableWriter output) {
        return of(jsc, source, games, partitions, output, SparkBlocks.Rows.NONE);
    }

    /** As above, with populations whose blocks are built from {@code rows} where they are read. */
    public static SparkEngine of(JavaSparkContext jsc, BlockSource source, int games, int partitions,
            UserTableWriter output, SparkBlocks.Rows rows) {
        SparkBlocks.Built blocks = SparkBlocks.build(jsc, source, partitions, rows);
        return new SparkEngine(jsc, blocks.endUsers(), blocks.prosumers(),
                source.storageBlocks() > 0 ? blocks.storage() : null, games, output, blocks::destroy);
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
    public int archetypes() {
        return archetypes;
    }

    @Override
    public boolean sumsEndUsersInPasses() {
        return endUsersInPasses;
    }

    @Override
    public long passes() {
        return passes;
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
    public boolean hasStorage() {
        return storageBlocks != null;
    }

    @Override
    public PassAggregates evaluate(PassRequest request) {
        checkOpen();
        if (hasStorage() && request.followerSlots() < request.slots()) {
            throw new IllegalArgumentException("a pass with storage units must evaluate every slot's followers");
        }
        passes++;
        long started = System.nanoTime();
        int slots = request.slots();
        userDays += (long) request.followerSlots() * endUsers;
        Broadcast<PassRequest> b = jsc.broadcast(request);
        try {
            jsc.setJobDescription("TEA pass " + passes + " (" + slots + " games)");
            // the lambdas capture only the broadcast (not this engine), and read it on the executors
            LongAccumulator time = kernelNanos;
            JavaRDD<double[]> partials = prosumerBlocks.mapPartitions(it -> Partials.offers(it, b.value(), time));
            if (request.followerSlots() > 0) { // else the driver knows every slot's followers: offers alone
                partials = endUserBlocks.mapPartitions(it -> Partials.followers(it, b.value(), time)).union(partials);
            }
            if (storageBlocks != null) {
                partials = partials.union(storageBlocks.mapPartitions(it -> Partials.storage(it, b.value(), time)));
            }
            return partials.treeAggregate(new PassAggregates(request), PassAggregates::add, PassAggregates::merge,
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
            List<UserTableWriter.UserTable<?>> tables = output == null ? List.of()
                    : output.tables(endUsers, prosumers, storageUnits, slots);
            // each population is summed in the job of its first table, or alone when no table covers it
            UserTableWriter.UserTable<?> endUserSums = first(tables, false, false);
            if (!request.endUsers() && endUserSums != null) {
                throw new IllegalArgumentException("a settlement without end-users, but an end-user table to write");
            }
            UserTableWriter.UserTable<?> prosumerSums = first(tables, true, false);
            UserTableWriter.UserTable<?> storageSums = storageBlocks == null ? null : first(tables, false, true);
            List<JavaRDD<Partials.Settled>> alone = new ArrayList<>();
            if (endUserSums == null && request.endUsers()) {
                alone.add(endUserBlocks.mapPartitions(it -> Partials.settledEndUsers(it, b.value())));
            }
            if (prosumerSums == null) {
                alone.add(prosumerBlocks.mapPartitions(it -> Partials.settledProsumers(it, b.value())));
            }
            if (storageBlocks != null && storageSums == null) {
                alone.add(storageBlocks.mapPartitions(it -> Partials.settledStorage(it, b.value())));
            }
            SettleAggregates sums = new SettleAggregates(slots, request.archetypes());
            if (!alone.isEmpty()) {
                JavaRDD<Partials.Settled> settled = alone.get(0);
                for (int i = 1; i < alone.size(); i++) {
                    settled = settled.union(alone.get(i));
                }
                long t0 = System.nanoTime();
                sums.merge(settled.treeAggregate(new SettleAggregates(slots, request.archetypes()),
                        (acc, p) -> acc.add(p.sums(), p.gaps(), p.kkt()), SettleAggregates::merge, TREE_DEPTH));
                settleSumsNanos += System.nanoTime() - t0;
            }
            for (UserTableWriter.UserTable<?> table : tables) {
                long users = table == endUserSums ? endUsers : table == prosumerSums ? prosumers
                        : table == storageSums ? storageUnits : -1;
                SettleSums tableSums = null;
                if (users >= 0) {
                    tableSums = new SettleSums(slots, request.archetypes());
                    jsc.sc().register(tableSums, "tea settlement sums");
                }
                long t0 = System.nanoTime();
                write(table, b, tableSums);
                writeSeconds.merge(table.name(), Math.round((System.nanoTime() - t0) / 1e7) / 100.0, Double::sum);
                if (tableSums != null) {
                    if (tableSums.userDays() != users * slots) {
                        throw new IllegalStateException("the write of a per-user table summed " + tableSums.userDays()
                                + " user-days, expected " + users * slots);
                    }
                    sums.merge(tableSums.value());
                }
            }
            return sums;
        } finally {
            jsc.setJobDescription(null);
            b.destroy();
        }
    }

    /** The first table of prosumers, of storage units, or (neither) of end-users; null if none. */
    private static UserTableWriter.UserTable<?> first(List<UserTableWriter.UserTable<?>> tables, boolean prosumers,
            boolean storage) {
        for (UserTableWriter.UserTable<?> t : tables) {
            if (t.storage() == storage && (storage || t.prosumers() == prosumers)) {
                return t;
            }
        }
        return null;
    }

    private <R> void write(UserTableWriter.UserTable<R> table, Broadcast<SettleRequest> b, SettleSums sums) {
        UserTableWriter.RowCollector.Factory<R> collectors = table.collectors();
        JavaRDD<R> rows;
        if (table.storage()) {
            if (storageBlocks == null) {
                return;
            }
            rows = storageBlocks.mapPartitions(it -> new SettledRows<>(it, b.value(), collectors.create(), sums));
        } else {
            rows = table.prosumers()
                    ? prosumerBlocks.mapPartitions(it -> new SettledRows<>(it, b.value(), collectors.create(), sums))
                    : endUserBlocks.mapPartitions(it -> new SettledRows<>(it, b.value(), collectors.create(), sums));
        }
        table.write(rows);
    }

    /**
     * What the engine measured, for the manifest: passes, their wall time, the kernel's share of it (the rest
     * is Spark: scheduling, broadcast, serialisation, aggregation), ns per user-day inside Spark, and the bytes
     * the persisted populations hold. Call before the engine is closed.
     */
    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        double wall = passNanos / 1e9;
        double kernel = kernelNanos.value() / 1e9;
        int cores = jsc.defaultParallelism();
        m.put("passes", passes);
        m.put("cores", cores);
        m.put("pass_wall_s", Math.round(wall * 100) / 100.0);
        m.put("kernel_cpu_s", Math.round(kernel * 100) / 100.0);
        m.put("spark_overhead_share", wall > 0 ? Math.max(0, 1 - kernel / (wall * cores)) : 0.0);
        m.put("settle_sums_wall_s", Math.round(settleSumsNanos / 1e7) / 100.0);
        m.put("user_table_wall_s", new LinkedHashMap<>(writeSeconds));
        m.put("user_days_evaluated", userDays);
        m.put("ns_per_user_day_in_spark", userDays > 0 ? kernelNanos.value() / (double) userDays : 0.0);
        int executors = executors();
        long users = residentBytes(endUserBlocks.map(EndUserBlock::shared), storedBytes(endUserBlocks), executors);
        long pros = residentBytes(prosumerBlocks.map(ProsumerBlock::shared), storedBytes(prosumerBlocks), executors);
        m.put("resident_bytes_endusers", users);
        m.put("resident_bytes_prosumers", pros);
        m.put("resident_bytes_per_enduser", endUsers > 0 ? users / (double) endUsers : 0.0);
        m.put("resident_bytes_per_prosumer", prosumers > 0 ? pros / (double) prosumers : 0.0);
        return m;
    }

    /**
     * A population's resident bytes, honestly: Spark's storage estimates each cached partition on its own, so the
     * arrays every block shares (shapes, tariff, capacity factors: {@link EndUserBlock#shared}) are counted once
     * per partition (400 partitions of 64 prosumers counted a year's capacity factors and shapes 313 times,
     * 4.4 kB per prosumer). They are one copy per executor: take the per-partition copies out, count one per
     * executor. {@code shared} holds each block's shared state; the first block of a partition stands for it.
     */
    private static long residentBytes(JavaRDD<Object> shared, long stored, int executors) {
        List<Long> perPartition = shared.mapPartitions(it -> {
            Object s = it.hasNext() ? it.next() : null;
            return List.of(s == null ? 0L : SizeEstimator.estimate(s)).iterator();
        }).collect();
        long counted = 0;
        long once = 0;
        for (long b : perPartition) {
            counted += b;
            once = Math.max(once, b);
        }
        return Math.max(0, stored - counted) + once * executors;
    }

    /** Executors holding blocks: the block managers less the driver's, or the driver's alone in local mode. */
    private int executors() {
        int managers = jsc.sc().getExecutorMemoryStatus().size();
        return managers > 1 ? managers - 1 : 1;
    }

    /** Bytes a persisted population takes in executor memory and on disk. */
    private long storedBytes(JavaRDD<?> rdd) {
        long bytes = 0;
        for (org.apache.spark.storage.RDDInfo info : jsc.sc().getRDDStorageInfo()) {
            if (info.id() == rdd.id()) {
                bytes += info.memSize() + info.diskSize();
            }
        }
        return bytes;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
    }

    /** Unpersists the populations this engine persisted and destroys what they were built from; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (JavaRDD<?> rdd : persisted) {
                rdd.unpersist(false);
            }
            release.run();
        }
    }
}
