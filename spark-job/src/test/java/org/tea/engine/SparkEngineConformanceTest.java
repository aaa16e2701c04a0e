package org.tea.engine;

import static org.tea.DuckDb.query;
import static org.tea.DuckDb.scan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tea.engine.local.LocalEngine;
import org.tea.engine.spark.SparkBlocks;
import org.tea.engine.spark.SparkEngine;
import org.tea.equilibrium.Instances;
import org.tea.io.spark.UserTables;
import org.tea.model.Behaviour;
import org.tea.model.GameCalendar;

/**
 * The Spark engine against the conformance suite, plus what only it does: partition counts, and the per-user
 * Parquet tables of MODEL section 11, read back by Spark (the suite's per-user check goes through the files)
 * and by an independent reader (DuckDB) for names, types, row counts and partitioning. One session for the
 * class.
 */
class SparkEngineConformanceTest extends EngineConformanceTest {
    static final int YEAR = 2023;
    /** Only {@code enduser_hourly} (129,600 rows) of the suite's market is partitioned by month as well. */
    static final long MONTH_ROWS = 10_000;

    static SparkSession spark;
    static JavaSparkContext jsc;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("engine-conformance")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Two scenarios when the games split evenly, as the output's partitioning should see more than one. */
    static GameCalendar calendar(int games) {
        int scenarios = games % 2 == 0 ? 2 : 1;
        return new GameCalendar(YEAR, games / scenarios, scenarios);
    }

    static SparkEngine spark(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games, int partitions,
            UserTables out) {
        return new SparkEngine(jsc, SparkBlocks.parallelize(jsc, endUsers, partitions),
                SparkBlocks.parallelize(jsc, prosumers, Math.max(1, partitions - 1)), games, out);
    }

    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games,
            UserResultSink sink) {
        if (sink == null) {
            return spark(endUsers, prosumers, games, 3, null);
        }
        GameCalendar cal = calendar(games);
        UserTables out = new UserTables(spark, newDir().toString(), cal, true, MONTH_ROWS);
        return new ReadBack(spark(endUsers, prosumers, games, 3, out), out, sink);
    }

    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers,
            List<StorageBlock> storage, int games) {
        return new SparkEngine(jsc, SparkBlocks.parallelize(jsc, endUsers, 3), SparkBlocks.parallelize(jsc, prosumers, 2),
                SparkBlocks.parallelize(jsc, storage, 2), games, null);
    }

    static Path newDir() {
        try {
            return Files.createTempDirectory(tmp, "run");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Spark engine, whose settle() then reads its tables back with Spark and hands every row to a sink. */
    record ReadBack(SparkEngine engine, UserTables out, UserResultSink sink) implements DelegatingEngine {
        @Override
        public SettleAggregates settle(SettleRequest request) {
            SettleAggregates sums = engine.settle(request);
            GameCalendar cal = out.calendar();
            for (Row row : table("prosumer_hourly")) {
                double[] f = doubles(row, "generation", "load", "surplus", "deficit", "sold", "exported", "profit",
                        "baseline_profit");
                sink.prosumerHour(row.getAs("prosumer_id"), game(cal, row), row.<Integer>getAs("hour"), f);
            }
            Map<String, double[][]> hours = new HashMap<>(); // demand, baseline, alpha, dmin, dmax, {beta, emin, emax}
            for (Row row : table("enduser_hourly")) {
                double[][] h = hours.computeIfAbsent(RecordingSink.key(row.getAs("user_id"), game(cal, row)),
                        k -> new double[][] {new double[T], new double[T], new double[T], new double[T],
                            new double[T], new double[3]});
                int t = row.<Integer>getAs("hour");
                double[] v = doubles(row, "demand", "baseline_demand", "alpha", "dmin", "dmax");
                for (int i = 0; i < v.length; i++) {
                    h[i][t] = v[i];
                }
                h[5] = doubles(row, "beta", "emin", "emax");
            }
            for (Row row : table("enduser_daily")) {
                double[] day = new double[DaySum.ENDUSER_COUNT];
                for (int f = 0; f < day.length; f++) {
                    day[f] = row.<Double>getAs(DaySum.values()[f].name().toLowerCase(java.util.Locale.ROOT));
                }
                int game = game(cal, row);
                double[][] h = hours.get(RecordingSink.key(row.getAs("user_id"), game));
                sink.endUserDay(row.getAs("user_id"), game, day, row.<Double>getAs("peak"), h[0], h[1], h[2], h[3],
                        h[4], h[5][0], h[5][1], h[5][2]);
            }
            return sums;
        }

        List<Row> table(String name) {
            return spark.read().parquet(java.nio.file.Path.of(out.dir()).resolve(name).toString()).collectAsList();
        }

        static int game(GameCalendar cal, Row row) {
            return cal.game(row.<Integer>getAs("scenario"), row.<Integer>getAs("day"));
        }

        static double[] doubles(Row row, String... names) {
            double[] v = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                v[i] = row.<Double>getAs(names[i]);
            }
            return v;
        }
    }

    // ---- Spark only ----

    @Test
    void storageHourlyHoldsEveryUnitHourOfTheSettlementExactly() {
        Instances.Market m = market();
        List<StorageBlock> storage = storageBlocks();
        SettleRequest r = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        String[] columns = {"charge", "discharge", "soc", "profit", "baseline_charge", "baseline_discharge",
            "baseline_profit", "capacity_kwh", "power_kw", "eta_charge", "eta_discharge", "throughput_cost", "soc0"};
        RecordingSink record = new RecordingSink();
        for (StorageBlock b : storage) {
            StorageKernel.settleStorage(b, r, new PassKernel.Scratch(), SettleAggregates.newPartial(r.slots(),
                    r.archetypes()), new double[r.slots()], record);
        }
        Map<String, double[]> expected = record.storageHours;
        assertEquals(40 * GAMES * T, expected.size());
        GameCalendar cal = calendar(m.games());
        UserTables out = new UserTables(spark, newDir().toString(), cal, java.util.Set.of(), MONTH_ROWS);
        try (SparkEngine e = new SparkEngine(jsc, SparkBlocks.parallelize(jsc, m.endUsers(), 3),
                SparkBlocks.parallelize(jsc, m.prosumers(), 2), SparkBlocks.parallelize(jsc, storage, 2), m.games(),
                out)) {
            e.settle(r);
        }
        ReadBack reader = new ReadBack(null, out, null);
        Map<String, double[]> actual = new HashMap<>();
        for (Row row : reader.table("storage_hourly")) {
            actual.put(RecordingSink.key(row.getAs("storage_id"), ReadBack.game(cal, row), row.<Integer>getAs("hour")),
                    ReadBack.doubles(row, columns));
        }
        assertSameResults(expected, actual, "storage hour");
        assertFalse(Files.exists(Path.of(out.dir()).resolve("enduser_daily")), "only storage_hourly was asked for");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void partitionCountsDoNotChangeABit(int partitions) {
        Instances.Market m = market();
        PassRequest r = request(m, new int[] {1, 3, 4}, 0.6, Behaviour.STRATEGIC);
        SettleRequest s = settleRequest(m, 0.2, Behaviour.COMPETITIVE);
        try (SparkEngine e = spark(m.endUsers(), m.prosumers(), m.games(), partitions, null)) {
            assertEquals(900, e.endUsers());
            assertEquals(60, e.prosumers());
            assertArrayEquals(reference(m, r).values(), e.evaluate(r).values(), 0.0);
            assertArrayEquals(reference(m, s, UserResultSink.NONE).values(), e.settle(s).values(), 0.0);
        }
    }

    @Test
    void closeUnpersistsWhatTheEnginePersistedOnly() {
        Instances.Market m = market();
        JavaRDD<EndUserBlock> eu = SparkBlocks.parallelize(jsc, m.endUsers(), 2);
        JavaRDD<ProsumerBlock> pr = SparkBlocks.parallelize(jsc, m.prosumers(), 1);
        pr.persist(StorageLevel.MEMORY_ONLY()); // the caller's own
        try (SparkEngine e = new SparkEngine(jsc, eu, pr, m.games(), null)) {
            assertEquals(StorageLevel.MEMORY_AND_DISK(), eu.getStorageLevel());
            assertTrue(jsc.getPersistentRDDs().containsKey(eu.id()));
        }
        assertFalse(jsc.getPersistentRDDs().containsKey(eu.id()));
        assertTrue(jsc.getPersistentRDDs().containsKey(pr.id()));
        pr.unpersist(false);
    }

    @Test
    void theTablesFollowTheOutputContractForAnIndependentReader() throws SQLException {
        Instances.Market m = market();
        SettleRequest r = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        GameCalendar cal = calendar(m.games());
        Path dir = newDir();
        try (SparkEngine e = spark(m.endUsers(), m.prosumers(), m.games(), 3, new UserTables(spark, dir.toString(), cal, true,
                MONTH_ROWS))) {
            e.settle(r);
        }
        assertTable(dir, "prosumer_hourly", false, 60L * GAMES * T,
                "prosumer_id VARCHAR, day INTEGER, hour INTEGER, generation DOUBLE, load DOUBLE, "
                        + "surplus DOUBLE, deficit DOUBLE, sold DOUBLE, exported DOUBLE, profit DOUBLE, "
                        + "baseline_profit DOUBLE");
        assertTable(dir, "enduser_daily", false, 900L * GAMES,
                "user_id VARCHAR, day INTEGER, energy DOUBLE, payment DOUBLE, utility DOUBLE, "
                        + "surplus DOUBLE, peak DOUBLE, baseline_energy DOUBLE, baseline_payment DOUBLE, "
                        + "baseline_utility DOUBLE, baseline_surplus DOUBLE");
        assertTable(dir, "enduser_hourly", true, 900L * GAMES * T,
                "user_id VARCHAR, day INTEGER, hour INTEGER, demand DOUBLE, baseline_demand DOUBLE, alpha DOUBLE, "
                        + "dmin DOUBLE, dmax DOUBLE, beta DOUBLE, emin DOUBLE, emax DOUBLE");
        // one row per key, every key there: scenarios 0..1, days 1..3, hours 0..23
        assertEquals(List.of(List.of("2", "60", "3", "24", "1")), query("SELECT count(DISTINCT scenario), "
                + "count(DISTINCT prosumer_id), count(DISTINCT day), count(DISTINCT hour), max(n) FROM (SELECT *, "
                + "count(*) OVER (PARTITION BY scenario, prosumer_id, day, hour) n FROM " + scan(dir, "prosumer_hourly")
                + ")"));
        assertEquals(List.of(List.of("0", "1", "3")), query("SELECT min(scenario), max(scenario), max(day) FROM "
                + scan(dir, "enduser_daily")));

        // the values DuckDB reads are the local engine's, to the last bit
        RecordingSink local = new RecordingSink();
        try (LocalEngine e = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, local)) {
            e.settle(r);
        }
        for (String id : List.of("U0", "U299", "U300", "U517", "U899")) {
            int game = cal.game(1, 2);
            List<List<String>> rows = query("SELECT energy, payment, utility, surplus, peak, baseline_energy, "
                    + "baseline_payment, baseline_utility, baseline_surplus FROM " + scan(dir, "enduser_daily")
                    + " WHERE scenario = 1 AND day = 2 AND user_id = '" + id + "'");
            assertEquals(1, rows.size(), id);
            double[] expected = java.util.Arrays.copyOf(local.endUserDays.get(RecordingSink.key(id, game)), 9);
            assertArrayEquals(expected, rows.get(0).stream().mapToDouble(Double::parseDouble).toArray(), 0.0, id);
        }
        for (String id : List.of("P0", "P12", "P13", "P59")) {
            int game = cal.game(0, 3);
            List<List<String>> rows = query("SELECT generation, load, surplus, deficit, sold, exported, profit, "
                    + "baseline_profit FROM " + scan(dir, "prosumer_hourly") + " WHERE scenario = 0 AND day = 3 "
                    + "AND hour = 12 AND prosumer_id = '" + id + "'");
            assertEquals(1, rows.size(), id);
            assertArrayEquals(local.prosumerHours.get(RecordingSink.key(id, game, 12)),
                    rows.get(0).stream().mapToDouble(Double::parseDouble).toArray(), 0.0, id);
        }
    }

    @Test
    void tablesBigPerScenarioArePartitionedByMonthToo() throws SQLException, IOException {
        // 2 scenarios x 45 days (January and 14 days of February), 20 users, 4 prosumers
        Instances.Market m = reblock(Instances.random(7, 20, 4, 90, 20, 0.05), new int[] {8, 12}, new int[] {4});
        GameCalendar cal = new GameCalendar(YEAR, 45, 2);
        Path dir = newDir();
        // rows per scenario (in all): enduser_daily 900 (1,800), prosumer_hourly 4,320 (8,640), enduser_hourly
        // 21,600 (43,200); against 5,000, only enduser_hourly is big per scenario
        try (SparkEngine e = spark(m.endUsers(), m.prosumers(), m.games(), 2, new UserTables(spark, dir.toString(), cal, true, 5_000))) {
            e.settle(settleRequest(m, 0.5, Behaviour.STRATEGIC));
        }
        assertEquals(List.of("scenario=0", "scenario=1"), partitions(dir.resolve("enduser_daily")));
        assertEquals(List.of("scenario=0", "scenario=1"), partitions(dir.resolve("prosumer_hourly")));
        assertEquals(List.of("month=1", "month=2"), partitions(dir.resolve("enduser_hourly/scenario=0")));
        assertEquals(List.of(List.of("0", "1", "14880", "1", "31"), List.of("0", "2", "6720", "32", "45"),
                List.of("1", "1", "14880", "1", "31"), List.of("1", "2", "6720", "32", "45")),
                query("SELECT scenario, month, count(*), min(day), max(day) FROM " + scan(dir, "enduser_hourly")
                        + " GROUP BY ALL ORDER BY ALL"));
        assertFalse(columns(dir, "enduser_daily").contains("month"));
        assertFalse(columns(dir, "prosumer_hourly").contains("month"));
        assertTrue(columns(dir, "enduser_hourly").contains("month"));
    }

    @Test
    void figuresAreWrittenWithoutDictionaryAndIdsWithOne() throws SQLException, IOException {
        Instances.Market m = reblock(Instances.random(3, 20, 4, 4, 20, 0.05), new int[] {20}, new int[] {4});
        Path dir = newDir();
        try (SparkEngine e = spark(m.endUsers(), m.prosumers(), m.games(), 1,
                new UserTables(spark, dir.toString(), new GameCalendar(YEAR, 4, 1), false, 1_000_000))) {
            e.settle(settleRequest(m, 0.5, Behaviour.STRATEGIC));
        }
        for (String table : List.of("enduser_daily", "prosumer_hourly")) {
            List<List<String>> chunks = query("SELECT path_in_schema, encodings FROM parquet_metadata('"
                    + dir.resolve(table) + "/**/*.parquet')");
            assertFalse(chunks.isEmpty(), table);
            for (List<String> c : chunks) {
                boolean dictionary = c.get(1).contains("DICTIONARY");
                boolean figure = !List.of("user_id", "prosumer_id", "day", "hour").contains(c.get(0));
                assertEquals(!figure, dictionary, table + "." + c.get(0) + " encodings " + c.get(1));
            }
        }
    }

    // ---- DuckDB ----

    static List<String> columns(Path dir, String table) throws SQLException {
        return query("DESCRIBE SELECT * FROM " + scan(dir, table)).stream().map(r -> r.get(0)).toList();
    }

    /**
     * Column names and types as DuckDB sees them: the data columns from the files' own Parquet schema, then
     * the partition columns from the directory names (DuckDB guesses BIGINT for those; Spark reads int), and
     * the row count.
     */
    static void assertTable(Path dir, String table, boolean byMonth, long rows, String dataColumns)
            throws SQLException {
        List<String> described = query("DESCRIBE SELECT * FROM " + scan(dir, table)).stream()
                .map(r -> r.get(0) + " " + r.get(1)).toList();
        int n = dataColumns.split(", ").length;
        assertEquals(dataColumns, String.join(", ", described.subList(0, n)), table);
        assertEquals(byMonth ? List.of("month BIGINT", "scenario BIGINT") : List.of("scenario BIGINT"),
                described.subList(n, described.size()).stream().sorted().toList(), table + " partition columns");
        assertEquals(List.of(List.of(Long.toString(rows))), query("SELECT count(*) FROM " + scan(dir, table)), table);
        // physical types in the files: int32, double and UTF-8 strings only
        List<List<String>> physical = query("SELECT DISTINCT name, type, converted_type FROM parquet_schema('"
                + dir.resolve(table) + "/**/*.parquet') WHERE num_children IS NULL ORDER BY name");
        for (List<String> col : physical) {
            String expected = col.get(0).endsWith("_id") ? "BYTE_ARRAY"
                    : col.get(0).equals("day") || col.get(0).equals("hour") ? "INT32" : "DOUBLE";
            assertEquals(expected, col.get(1), table + "." + col.get(0));
            if (expected.equals("BYTE_ARRAY")) {
                assertEquals("UTF8", col.get(2), table + "." + col.get(0));
            }
        }
        assertFalse(physical.stream().anyMatch(c -> c.get(0).equals("scenario") || c.get(0).equals("month")),
                table + ": partition columns live in directory names");
    }

    static List<String> partitions(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
