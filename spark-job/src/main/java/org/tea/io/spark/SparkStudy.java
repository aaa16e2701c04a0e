package org.tea.io.spark;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.tea.engine.EndUserBlock;
import org.tea.engine.MarketEngine;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.spark.ResultOutput;
import org.tea.engine.spark.SparkEngine;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.study.StudySetup;
import org.tea.model.GameCalendar;
import org.tea.results.KeyFigures;

/**
 * The Spark side of a study run: the session, the engine over the study's blocks (made on the executors
 * from their indices, so no population passes through the driver), and the market-level tables. Under
 * {@code spark-submit} the master comes from the cluster; otherwise from the configuration.
 */
public final class SparkStudy implements AutoCloseable {
    private final SparkSession spark;
    private final boolean owned;

    private SparkStudy(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** Starts (or joins, under spark-submit) a session; {@code master} is used only when none is set. */
    public static SparkStudy start(String master, String appName) {
        SparkConf conf = new SparkConf(true);
        boolean submitted = conf.contains("spark.master");
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                .config("spark.sql.parquet.compression.codec", "snappy")
                .config("spark.sql.debug.maxToStringFields", "200")
                // per-user rows leave each task already grouped by scenario (and month): write them as they
                // come instead of letting the planner sort every task's rows first (a third of the write time);
                // beyond 64 open files a task falls back to sorting
                .config("spark.sql.optimizer.plannedWrite.enabled", conf.get("spark.sql.optimizer.plannedWrite.enabled", "false"))
                .config("spark.sql.maxConcurrentOutputFileWriters", conf.get("spark.sql.maxConcurrentOutputFileWriters", "64"));
        if (!submitted) {
            b = b.master(master);
        }
        return new SparkStudy(b.getOrCreate(), !submitted);
    }

    /** Wraps an existing session (tests). */
    public static SparkStudy of(SparkSession spark) {
        return new SparkStudy(spark, false);
    }

    public int cores() {
        return spark.sparkContext().defaultParallelism();
    }

    public String version() {
        return spark.version();
    }

    public SparkSession session() {
        return spark;
    }

    /** A Spark engine over the study's blocks, writing per-user tables under {@code dir}. */
    public MarketEngine engine(StudySetup setup, int partitions, String dir, boolean enduserHourly, long monthPartitionRows) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<EndUserBlock> endUsers;
        JavaRDD<ProsumerBlock> prosumers;
        // The setup (load shapes, capacity factors of every scenario, prices: MBs) is broadcast once. Captured
        // by the block-building lambdas it would sit in the populations' lineage, which Spark serialises into
        // the task binary of every stage and deserialises in every task, pass after pass. The broadcast lives
        // as long as the lineage, from which a lost cached partition is rebuilt.
        Broadcast<StudySetup> shared = jsc.broadcast(setup);
        if (setup.generatedCity()) {
            // blocks are made on the executors from their index: no population passes through the driver
            int eu = setup.endUserBlocks();
            int pr = setup.prosumerBlocks();
            endUsers = jsc.parallelize(indices(eu), slices(partitions, eu)).map(b -> shared.value().endUserBlock(b));
            prosumers = jsc.parallelize(indices(pr), slices(partitions, pr)).map(b -> shared.value().prosumerBlock(b));
        } else {
            // A city read from files: each block's members are broadcast on their own and the partitions hold
            // only block indices. Members parallelized as data would sit in the partitions, which Spark
            // serialises on the driver and ships again with every task of every pass (the cached blocks
            // notwithstanding); this way an executor fetches the members of the blocks it builds, once.
            List<Broadcast<List<EndUserSpec>>> eu = setup.endUserGroups().stream().map(jsc::broadcast).toList();
            List<Broadcast<List<ProsumerSpec>>> pr = setup.prosumerGroups().stream().map(jsc::broadcast).toList();
            endUsers = jsc.parallelize(indices(eu.size()), slices(partitions, eu.size()))
                    .map(b -> shared.value().endUserBlock(eu.get(b).value()));
            prosumers = jsc.parallelize(indices(pr.size()), slices(partitions, pr.size()))
                    .map(b -> shared.value().prosumerBlock(pr.get(b).value()));
        }
        ResultOutput out = dir == null ? null
                : new ResultOutput(dir, setup.calendar(), enduserHourly, monthPartitionRows);
        return new SparkEngine(spark, endUsers, prosumers, setup.calendar().games(), out);
    }

    private static List<Integer> indices(int blocks) {
        return IntStream.range(0, blocks).boxed().toList();
    }

    private static int slices(int partitions, int blocks) {
        return Math.max(1, Math.min(partitions, blocks));
    }

    public void writeMarketTables(String dir, EquilibriumResult r, GameCalendar cal, List<KeyFigures> figures) {
        MarketTables.writeMarketHourly(spark, dir, r, cal);
        MarketTables.writeConvergence(spark, dir, r, cal);
        MarketTables.writeSummary(spark, dir, figures);
        MarketTables.writeTrace(spark, dir, r.trace());
        MarketTables.writeDistribution(spark, dir, org.tea.results.Distribution.of(figures));
    }

    /**
     * What the engine measured, for the manifest: passes, their wall time, the kernel's share of it (the rest
     * is Spark: scheduling, broadcast, serialisation, aggregation), ns per user-day inside Spark, and the bytes
     * the persisted populations hold per end-user. Call before the engine is closed.
     */
    public java.util.Map<String, Object> metrics(MarketEngine engine, java.util.List<org.tea.equilibrium.PassTrace> trace) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (!(engine instanceof SparkEngine e)) {
            return m;
        }
        long userDays = 0;
        for (org.tea.equilibrium.PassTrace t : trace) {
            if (t.step().equals("clear")) {
                userDays += (long) t.activeGames() * e.endUsers();
            }
        }
        double wall = e.passNanos() / 1e9;
        double kernel = e.kernelNanos() / 1e9;
        int cores = cores();
        m.put("passes", e.passes());
        m.put("cores", cores);
        m.put("pass_wall_s", Math.round(wall * 100) / 100.0);
        m.put("kernel_cpu_s", Math.round(kernel * 100) / 100.0);
        m.put("spark_overhead_share", wall > 0 ? Math.max(0, 1 - kernel / (wall * cores)) : 0.0);
        m.put("user_days_evaluated", userDays);
        m.put("ns_per_user_day_in_spark", userDays > 0 ? e.kernelNanos() / (double) userDays : 0.0);
        long users = e.endUserBytes();
        long pros = e.prosumerBytes();
        m.put("resident_bytes_endusers", users);
        m.put("resident_bytes_prosumers", pros);
        m.put("resident_bytes_per_enduser", e.endUsers() > 0 ? users / (double) e.endUsers() : 0.0);
        m.put("resident_bytes_per_prosumer", e.prosumers() > 0 ? pros / (double) e.prosumers() : 0.0);
        return m;
    }

    /** The output folder at {@code uri} (a path or a Hadoop filesystem URI). */
    public OutputFolder output(String uri) {
        return new OutputFolder(spark, uri);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
