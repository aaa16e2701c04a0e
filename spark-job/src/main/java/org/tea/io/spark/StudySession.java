package org.tea.io.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a study run, with the settings every run wants. Under {@code spark-submit} the session
 * and its master come from the cluster and are left running; otherwise this starts one on the configured master
 * and stops it on close.
 */
public final class StudySession implements AutoCloseable {
    private final SparkSession spark;
    private final boolean owned;

    private StudySession(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** Starts (or joins, under spark-submit) a session; {@code master} is used only when none is set. */
    public static StudySession start(String master, String appName) {
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
        return new StudySession(b.getOrCreate(), !submitted);
    }

    /** Wraps an existing session (tests). */
    public static StudySession of(SparkSession spark) {
        return new StudySession(spark, false);
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

    /** The session's context, for the engine. */
    public JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
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
