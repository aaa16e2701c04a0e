package org.tea.io.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
import org.tea.model.Hours;
import org.tea.results.Distribution;
import org.tea.results.KeyFigures;
import org.tea.report.RunData;

/**
 * Reads a finished run's outputs back for the report: {@code manifest.json} and the market-level Parquet tables
 * ({@code market_hourly}, {@code summary}, {@code distribution}, {@code trace}, {@code convergence}). Per-user tables are never read;
 * every row read here is a market sum (scenarios x days x 24 at most), streamed to the driver in order.
 */
public final class RunReader {
    static final String[] HOURLY = {"wholesale_price", "import_price", "export_price", "tariff", "retail_price", "demand",
        "baseline_demand", "generation_total", "baseline_enduser_demand", "sold_local", "offered", "surplus_total"};

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
        List<KeyFigures> summary = readSummary(MarketTables.table(dir, MarketTables.SUMMARY));
        int[] scenarios = summary.stream().mapToInt(KeyFigures::scenario).toArray();
        int days = summary.isEmpty() ? 0 : summary.get(0).days();
        double[][] cols = new double[HOURLY.length][scenarios.length * days * Hours.T];
        Map<Integer, Integer> position = new TreeMap<>();
        for (int s = 0; s < scenarios.length; s++) {
            position.put(scenarios[s], s);
        }
        List<String> select = new ArrayList<>(List.of("scenario", "day", "hour"));
        select.addAll(List.of(HOURLY));
        Dataset<Row> hourly = spark.read().parquet(MarketTables.table(dir, MarketTables.MARKET_HOURLY))
                .selectExpr(select.toArray(String[]::new));
        int rows = 0;
        for (Iterator<Row> it = hourly.toLocalIterator(); it.hasNext(); rows++) {
            Row r = it.next();
            Integer s = position.get(r.getInt(0));
            int day = r.getInt(1);
            int hour = r.getInt(2);
            if (s == null || day < 1 || day > days || hour < 0 || hour >= Hours.T) {
                throw new IOException(dir + ": market_hourly row (scenario " + r.get(0) + ", day " + day + ", hour "
                        + hour + ") lies outside the summary's scenarios and " + days + " days");
            }
            int i = (s * days + day - 1) * Hours.T + hour;
            for (int c = 0; c < HOURLY.length; c++) {
                cols[c][i] = r.getDouble(3 + c);
            }
        }
        if (rows != cols[0].length) {
            throw new IOException(dir + ": market_hourly has " + rows + " rows, expected " + cols[0].length);
        }
        var h = new RunData.Hourly(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9],
                cols[10], cols[11]);

        List<RunData.TraceRow> trace = new ArrayList<>();
        for (Row r : spark.read().parquet(MarketTables.table(dir, MarketTables.TRACE)).orderBy("pass")
                .selectExpr("pass", "step", "active_games", "done_games", "max_violation", "millis").collectAsList()) {
            trace.add(new RunData.TraceRow(r.getInt(0), r.getString(1), r.getInt(2), r.getInt(3), r.getDouble(4),
                    r.getLong(5)));
        }
        Row c = spark.read().parquet(MarketTables.table(dir, MarketTables.CONVERGENCE))
                .selectExpr("count(*)", "coalesce(sum(cast(converged as int)), 0)", "coalesce(max(outer_iterations), 0)")
                .first();
        List<Distribution> distribution = new ArrayList<>();
        if (fs.exists(new Path(root, MarketTables.DISTRIBUTION))) {
            for (Row r : spark.read().parquet(MarketTables.table(dir, MarketTables.DISTRIBUTION))
                    .selectExpr("figure", "scenarios", "mean", "sd", "p5", "p50", "p95").collectAsList()) {
                distribution.add(new Distribution(r.getString(0), r.getInt(1), r.getDouble(2), r.getDouble(3),
                        r.getDouble(4), r.getDouble(5), r.getDouble(6)));
            }
        }
        String name = root.getName();
        return new RunData(name, config, scenarios, days, h, summary, distribution, trace, (int) c.getLong(1), (int) c.getLong(0),
                c.getInt(2));
    }

    /** The {@code summary} rows as key figures, by scenario. */
    private List<KeyFigures> readSummary(String table) {
        List<String> cols = new ArrayList<>(List.of("scenario", "days", "days_converged"));
        cols.addAll(List.of(MarketTables.SUMMARY_DOUBLES));
        List<KeyFigures> out = new ArrayList<>();
        for (Row r : spark.read().parquet(table).selectExpr(cols.toArray(String[]::new)).orderBy("scenario")
                .collectAsList()) {
            double[] v = new double[MarketTables.SUMMARY_DOUBLES.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.getDouble(3 + i);
            }
            out.add(new KeyFigures(r.getInt(0), r.getInt(1), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
                    v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22],
                    v[23], r.getInt(2)));
        }
        return out;
    }
}
