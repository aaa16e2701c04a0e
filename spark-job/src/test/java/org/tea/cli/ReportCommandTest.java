package org.tea.cli;

import static org.tea.DuckDb.query;
import static org.tea.DuckDb.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tea report} end to end on a small sweep of real runs: the page and its CSVs hold the numbers of the
 * runs' Parquet tables (checked against DuckDB, an independent reader), the sweep and Monte Carlo sections appear
 * when their runs do, and bad input exits 2 with nothing written.
 */
class ReportCommandTest {
    static final String[] SMALL = {"--set", "study.days=3", "--set", "endusers.count=200", "--set", "prosumers.count=20",
        "--set", "prosumers.pvKwp=60", "--master", "local[2]", "--quiet"};

    @TempDir
    static Path tmp;
    static Path sweep;
    static Path single;
    static Path sweepReport;

    static void run(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--config", "../conf/quick.properties", "--output", out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        assertEquals(0, Main.execute(a.toArray(new String[0])), out.toString());
    }

    @BeforeAll
    static void runs() {
        sweep = tmp.resolve("sweep");
        run(sweep.resolve("reference"), "--set", "study.scenarios=3");
        run(sweep.resolve("market-power-n2"), "--set", "prosumers.count=2", "--set", "prosumers.pvKwp=600");
        run(sweep.resolve("market-power-n20"), "--set", "prosumers.pvKwp=60");
        run(sweep.resolve("market-power-competitive"), "--set", "prosumers.behaviour=competitive");
        run(sweep.resolve("pv-low"), "--set", "prosumers.pvKwp=5");
        single = sweep.resolve("pv-low");
        sweepReport = tmp.resolve("reports/sweep");
        assertEquals(0, Main.execute("report", "--input", sweep.toString(), "--output", sweepReport.toString()));
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static double d(String s) {
        return Double.parseDouble(s);
    }

    @Test
    void keyFiguresAreTheSummaryTableMeanOverScenarios() throws Exception {
        Map<String, CSVRecord> kf = new HashMap<>();
        for (CSVRecord r : csv(sweepReport.resolve("key-figures.csv"))) {
            kf.put(r.get("figure"), r);
        }
        List<String> s = query("SELECT avg(retail_price_te), avg(retail_price_baseline), avg(prosumer_profit_te), "
                + "avg(enduser_surplus_baseline), avg(peak_demand_te) FROM " + scan(sweep.resolve("reference"), "summary"))
                .get(0);
        CSVRecord price = kf.get("retail price paid by end-users (per kWh)");
        assertEquals(d(s.get(0)), d(price.get("te")), 1e-12);
        assertEquals(d(s.get(1)), d(price.get("baseline")), 1e-12);
        assertEquals(d(s.get(2)), d(kf.get("prosumer profit").get("te")), 1e-9 * Math.abs(d(s.get(2))) + 1e-9);
        assertEquals(d(s.get(3)), d(kf.get("end-user surplus").get("baseline")), 1e-9 * d(s.get(3)));
        assertEquals(d(s.get(4)), d(kf.get("peak demand (kWh/h)").get("te")), 1e-9 * d(s.get(4)));
        double te = d(price.get("te"));
        double base = d(price.get("baseline"));
        assertEquals(100 * (te - base) / base, d(price.get("change_percent")), 1e-9);
        String html = Files.readString(sweepReport.resolve("index.html"));
        assertTrue(html.contains("<table id=\"key-figures\">"), "key-figures table");
    }

    @Test
    void typicalDaysAndLoadCurvesAreTheMarketTable() throws Exception {
        // 3 days of January: all winter; the mean retail price per hour over days and scenarios
        List<List<String>> hourly = query("SELECT hour, avg(retail_price), avg(import_price) FROM "
                + scan(sweep.resolve("reference"), "market_hourly") + " GROUP BY hour ORDER BY hour");
        List<CSVRecord> typical = csv(sweepReport.resolve("typical-days.csv"));
        assertEquals(24, typical.size(), "one season of 24 hours");
        for (int t = 0; t < 24; t++) {
            assertEquals(d(hourly.get(t).get(1)), d(typical.get(t).get("retail_price")), 1e-12, "hour " + t);
            assertEquals(d(hourly.get(t).get(2)), d(typical.get(t).get("import_price")), 1e-12, "hour " + t);
        }
        // the duration curve of scenario 0 starts at each side's peak
        List<String> peaks = query("SELECT max(demand), max(baseline_demand) FROM "
                + scan(sweep.resolve("reference"), "market_hourly") + " WHERE scenario = 0").get(0);
        CSVRecord first = csv(sweepReport.resolve("load-duration.csv")).get(0);
        assertEquals(d(peaks.get(0)), d(first.get("te")), 0.0);
        assertEquals(d(peaks.get(1)), d(first.get("baseline")), 0.0);
    }

    @Test
    void sweepSectionsListEveryRunAndDrawTheCurves() throws Exception {
        List<CSVRecord> rows = csv(sweepReport.resolve("sweep.csv"));
        assertEquals(List.of("market-power-competitive", "market-power-n2", "market-power-n20", "pv-low", "reference"),
                rows.stream().map(r -> r.get("run")).toList());
        for (CSVRecord r : rows) {
            Path run = sweep.resolve(r.get("run"));
            List<String> q = query("SELECT avg(CASE WHEN abs(retail_price - import_price) <= 1e-9 * abs(import_price) "
                    + "+ 1e-12 THEN 100.0 ELSE 0.0 END), 100 * sum(generation_total) / sum(baseline_demand + generation_total "
                    + "- surplus_total) FROM "
                    + scan(run, "market_hourly")).get(0);
            assertEquals(d(q.get(0)), d(r.get("hours_at_import_price_percent")), 1e-9, r.get("run"));
            assertEquals(d(q.get(1)), d(r.get("renewable_share_percent")), 1e-9, r.get("run"));
        }
        for (String png : new String[] {"market-power.png", "typical-days.png", "load-profile.png", "load-duration.png",
            "gains.png", "convergence.png", "price-fan.png", "gain-histograms.png", "peak-reduction.png"}) {
            assertTrue(Files.size(sweepReport.resolve(png)) > 5_000, png);
        }
        // pv-sweep needs two pv-* runs; this sweep has one, so the section is left out rather than drawn from one point
        assertFalse(Files.exists(sweepReport.resolve("pv-sweep.png")));
    }

    @Test
    void monteCarloSectionHoldsTheDistributionTableAndEveryScenario() throws Exception {
        List<CSVRecord> dist = csv(sweepReport.resolve("distribution.csv"));
        List<List<String>> table = query("SELECT figure, mean, p5, p95 FROM read_parquet('"
                + sweep.resolve("reference/distribution") + "/*.parquet')");
        assertEquals(table.size(), dist.size());
        for (int i = 0; i < dist.size(); i++) {
            assertEquals(table.get(i).get(0), dist.get(i).get("figure"));
            assertEquals(d(table.get(i).get(1)), d(dist.get(i).get("mean")), 0.0);
            assertEquals(d(table.get(i).get(3)), d(dist.get(i).get("p95")), 0.0);
        }
        List<CSVRecord> scenarios = csv(sweepReport.resolve("scenarios.csv"));
        List<List<String>> gains = query("SELECT scenario, prosumer_profit_te - prosumer_profit_baseline FROM "
                + scan(sweep.resolve("reference"), "summary") + " ORDER BY scenario");
        assertEquals(3, scenarios.size());
        for (int s = 0; s < 3; s++) {
            assertEquals(gains.get(s).get(0), scenarios.get(s).get("scenario"));
            assertEquals(d(gains.get(s).get(1)), d(scenarios.get(s).get("prosumer_profit_gain")), 1e-9);
        }
        assertEquals(48, csv(sweepReport.resolve("price-fan.csv")).size());
    }

    @Test
    void aSingleRunHasNoSweepOrMonteCarloSections() throws Exception {
        Path out = tmp.resolve("reports/single");
        assertEquals(0, Main.execute("report", "--input", single.toString(), "--output", out.toString()));
        assertTrue(Files.exists(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("sweep.csv")));
        assertFalse(Files.exists(out.resolve("price-fan.png")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("Run pv-low"));
        // an existing report folder is refused without --overwrite, replaced with it
        assertEquals(2, Main.execute("report", "--input", single.toString(), "--output", out.toString()));
        assertEquals(0, Main.execute("report", "--input", single.toString(), "--output", out.toString(), "--overwrite"));
    }

    @Test
    void aFolderWithoutRunsExitsTwoWritingNothing() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-runs"));
        Path out = tmp.resolve("reports/none");
        assertEquals(2, Main.execute("report", "--input", empty.toString(), "--output", out.toString()));
        assertFalse(Files.exists(out));
        assertEquals(2, Main.execute("report", "--input", tmp.resolve("missing").toString(), "--output", out.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunWithAMissingTableExitsTwoWritingNothing() throws Exception {
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(single.resolve("manifest.json"), broken.resolve("manifest.json"));
        Path out = tmp.resolve("reports/broken");
        assertEquals(2, Main.execute("report", "--input", broken.toString(), "--output", out.toString()));
        assertFalse(Files.exists(out));
    }
}
