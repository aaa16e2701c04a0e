package org.tea.io.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tea.io.Manifest;
import org.tea.io.OutputTables;
import org.tea.io.OutputTables.Convergence;
import org.tea.io.OutputTables.MarketHourly;
import org.tea.io.OutputTables.Summary;
import org.tea.io.OutputTables.Table;
import org.tea.io.OutputTables.Trace;
import org.tea.model.Hours;
import org.tea.results.Distribution;
import org.tea.results.KeyFigures;
import org.tea.report.RunData;

/**
 * Reads a finished run's outputs back for the report: {@code manifest.json} and the market-level Parquet tables
 * ({@code market_hourly}, {@code summary}, {@code distribution}, {@code trace}, {@code convergence}), by the names
 * of {@link OutputTables}. Per-user tables are never read; every row read here is a market sum (scenarios x days x
 * 24 at most), streamed to the driver in order.
 */
public final class RunReader {
    /** The {@code market_hourly} columns the report uses ({@link RunData.Hourly}); the rest are not read. */
    static final List<MarketHourly> HOURLY = List.of(MarketHourly.WHOLESALE_PRICE, MarketHourly.IMPORT_PRICE,
            MarketHourly.EXPORT_PRICE, MarketHourly.TARIFF, MarketHourly.RETAIL_PRICE, MarketHourly.DEMAND,
            MarketHourly.BASELINE_DEMAND, MarketHourly.GENERATION_TOTAL, MarketHourly.BASELINE_ENDUSER_DEMAND,
            MarketHourly.SOLD_LOCAL, MarketHourly.OFFERED, MarketHourly.SURPLUS_TOTAL, MarketHourly.STORAGE_CHARGE,
            MarketHourly.STORAGE_DISCHARGE);

    private final SparkSession spark;

    public RunReader(SparkSession spark) {
        this.spark = spark;
    }

    /** True when {@code dir} holds a finished run (its manifest is written last, after every table). */
    public boolean isRun(String dir) throws IOException {
        Path p = new Path(dir, Manifest.FILE);
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    }

    /** The finished runs directly under a sweep folder, by name. */
    public List<String> runsUnder(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> out = new ArrayList<>();
        if (!fs.exists(root)) {
            return out;
        }
        for (var st : fs.listStatus(root)) {
            String name = st.getPath().getName();
            if (st.isDirectory() && !name.startsWith(".") && isRun(st.getPath().toString())) {
                out.add(st.getPath().toString());
            }
        }
        out.sort(null);
        return out;
    }

    public RunData read(String dir) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Map<String, String> config = new TreeMap<>();
        try (InputStream in = fs.open(new Path(root, Manifest.FILE))) {
            JsonNode m = new ObjectMapper().readTree(in);
            m.get("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        }
        List<KeyFigures> summary = readSummary(MarketTables.path(dir, Table.SUMMARY));
        int[] scenarios = summary.stream().mapToInt(KeyFigures::scenario).toArray();
        int days = summary.isEmpty() ? 0 : summary.get(0).days();
        int firstDay;
        try {
            firstDay = RunData.firstDay(config); // rows carry days of the year: firstDay .. firstDay + days - 1
        } catch (NumberFormatException e) {
            throw new IOException(dir + ": manifest.json has study.firstDay = " + config.get("study.firstDay")
                    + ", expected a day of the year");
        }
        int lastDay = firstDay + days - 1;
        // by column, not by position: RunData.Hourly is built from the columns' names below
        Map<MarketHourly, double[]> cols = new EnumMap<>(MarketHourly.class);
        for (MarketHourly c : HOURLY) {
            cols.put(c, new double[scenarios.length * days * Hours.T]);
        }
        Map<Integer, Integer> position = new TreeMap<>();
        for (int s = 0; s < scenarios.length; s++) {
            position.put(scenarios[s], s);
        }
        List<MarketHourly> select = new ArrayList<>(List.of(MarketHourly.SCENARIO, MarketHourly.DAY,
                MarketHourly.HOUR));
        Dataset<Row> table = spark.read().parquet(MarketTables.path(dir, Table.MARKET_HOURLY));
        // runs written before the storage columns existed read as without storage (zeros)
        List<String> present = Arrays.asList(table.columns());
        List<MarketHourly> read = HOURLY.stream().filter(c -> present.contains(c.column())).toList();
        select.addAll(read);
        Dataset<Row> hourly = table.selectExpr(select.stream().map(MarketHourly::column).toArray(String[]::new));
        int rows = 0;
        for (Iterator<Row> it = hourly.toLocalIterator(); it.hasNext(); rows++) {
            Row r = it.next();
            Integer s = position.get(r.getInt(0));
            int day = r.getInt(1);
            int hour = r.getInt(2);
            if (s == null || day < firstDay || day > lastDay || hour < 0 || hour >= Hours.T) {
                throw new IOException(dir + ": market_hourly row (scenario " + r.get(0) + ", day " + day + ", hour "
                        + hour + ") lies outside the summary's scenarios and days " + firstDay + ".." + lastDay);
            }
            int i = (s * days + day - firstDay) * Hours.T + hour;
            for (int c = 0; c < read.size(); c++) {
                cols.get(read.get(c))[i] = r.getDouble(3 + c);
            }
        }
        int expected = scenarios.length * days * Hours.T;
        if (rows != expected) {
            throw new IOException(dir + ": market_hourly has " + rows + " rows, expected " + expected);
        }
        var h = new RunData.Hourly(cols.get(MarketHourly.WHOLESALE_PRICE), cols.get(MarketHourly.IMPORT_PRICE),
                cols.get(MarketHourly.EXPORT_PRICE), cols.get(MarketHourly.TARIFF), cols.get(MarketHourly.RETAIL_PRICE),
                cols.get(MarketHourly.DEMAND), cols.get(MarketHourly.BASELINE_DEMAND),
                cols.get(MarketHourly.GENERATION_TOTAL), cols.get(MarketHourly.BASELINE_ENDUSER_DEMAND),
                cols.get(MarketHourly.SOLD_LOCAL), cols.get(MarketHourly.OFFERED),
                cols.get(MarketHourly.SURPLUS_TOTAL), cols.get(MarketHourly.STORAGE_CHARGE),
                cols.get(MarketHourly.STORAGE_DISCHARGE));

        List<RunData.TraceRow> trace = new ArrayList<>();
        for (Row r : spark.read().parquet(MarketTables.path(dir, Table.TRACE)).orderBy(Trace.PASS.column())
                .selectExpr(names(Trace.PASS, Trace.STEP, Trace.ACTIVE_GAMES, Trace.DONE_GAMES, Trace.MAX_VIOLATION,
                        Trace.MILLIS)).collectAsList()) {
            trace.add(new RunData.TraceRow(r.getInt(0), r.getString(1), r.getInt(2), r.getInt(3), r.getDouble(4),
                    r.getLong(5)));
        }
        Row c = spark.read().parquet(MarketTables.path(dir, Table.CONVERGENCE))
                .selectExpr("count(*)", "coalesce(sum(cast(" + Convergence.CONVERGED.column() + " as int)), 0)",
                        "coalesce(max(" + Convergence.OUTER_ITERATIONS.column() + "), 0)")
                .first();
        List<Distribution> distribution = new ArrayList<>();
        if (fs.exists(new Path(root, Table.DISTRIBUTION.tableName()))) {
            for (Row r : spark.read().parquet(MarketTables.path(dir, Table.DISTRIBUTION))
                    .selectExpr(Table.DISTRIBUTION.columnNames()).collectAsList()) {
                distribution.add(new Distribution(r.getString(0), r.getInt(1), r.getDouble(2), r.getDouble(3),
                        r.getDouble(4), r.getDouble(5), r.getDouble(6)));
            }
        }
        String name = root.getName();
        return new RunData(name, config, scenarios, firstDay, days, h, summary, distribution, trace, (int) c.getLong(1),
                (int) c.getLong(0), c.getInt(2));
    }

    /** The {@code summary} rows as key figures, by scenario. */
    private List<KeyFigures> readSummary(String table) {
        // selected in Summary's order, so a column's position in the row is its ordinal
        List<KeyFigures> out = new ArrayList<>();
        for (Row r : spark.read().parquet(table).selectExpr(Table.SUMMARY.columnNames())
                .orderBy(Summary.SCENARIO.column()).collectAsList()) {
            double[] f = new double[Summary.FIGURES.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = r.getDouble(Summary.FIGURES.get(i).ordinal());
            }
            out.add(KeyFigures.of(r.getInt(Summary.SCENARIO.ordinal()), r.getInt(Summary.DAYS.ordinal()),
                    r.getInt(Summary.DAYS_CONVERGED.ordinal()), f));
        }
        return out;
    }

    private static String[] names(OutputTables.Column... columns) {
        return Arrays.stream(columns).map(OutputTables.Column::column).toArray(String[]::new);
    }
}
