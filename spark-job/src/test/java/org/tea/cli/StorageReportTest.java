package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tea.DuckDb.query;
import static org.tea.DuckDb.scan;
import static org.tea.cli.ReportCommandTest.csv;
import static org.tea.cli.ReportCommandTest.d;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's storage section (MODEL section 12) on a sweep of a run without batteries and one with them: its table
 * holds the runs' summary and market_hourly figures (checked against DuckDB), and a report of runs without storage
 * has no such section.
 */
class StorageReportTest {
    @TempDir
    static Path tmp;
    static Path sweep;
    static Path report;
    static Path plain;

    @BeforeAll
    static void runs() {
        sweep = tmp.resolve("sweep");
        ReportCommandTest.run(sweep.resolve("reference"));
        ReportCommandTest.run(sweep.resolve("storage-x"), "--set", "storage.count=20");
        report = tmp.resolve("reports/sweep");
        assertEquals(0, Main.execute("report", "--input", sweep.toString(), "--output", report.toString()));
        plain = tmp.resolve("reports/plain");
        assertEquals(0, Main.execute("report", "--input", sweep.resolve("reference").toString(), "--output",
                plain.toString()));
    }

    @Test
    void storageTableHoldsTheRunsFigures() throws Exception {
        List<CSVRecord> rows = csv(report.resolve("storage.csv"));
        assertEquals(List.of("reference", "storage-x"), rows.stream().map(r -> r.get("run")).toList());
        assertEquals(List.of("0", "20"), rows.stream().map(r -> r.get("units")).toList());
        for (CSVRecord r : rows) {
            Path run = sweep.resolve(r.get("run"));
            List<String> s = query("SELECT avg(retail_price_te), avg(peak_demand_te), avg(storage_profit_te), "
                    + "avg(prosumer_profit_te) FROM " + scan(run, "summary")).get(0);
            assertEquals(d(s.get(0)), d(r.get("price_te")), 1e-12, r.get("run"));
            assertEquals(d(s.get(1)), d(r.get("peak_demand_te")), 1e-9, r.get("run"));
            assertEquals(d(s.get(2)), d(r.get("storage_profit_te")), 1e-9, r.get("run"));
            assertEquals(d(s.get(3)), d(r.get("prosumer_profit_te")), 1e-9, r.get("run"));
            List<String> h = query("SELECT avg(CASE WHEN hour BETWEEN 10 AND 14 THEN retail_price END), "
                    + "avg(CASE WHEN hour BETWEEN 17 AND 20 THEN retail_price END) FROM " + scan(run, "market_hourly"))
                    .get(0);
            assertEquals(d(h.get(0)), d(r.get("mean_price_midday")), 1e-12, r.get("run"));
            assertEquals(d(h.get(1)), d(r.get("mean_price_evening")), 1e-12, r.get("run"));
        }
        CSVRecord without = rows.get(0);
        CSVRecord with = rows.get(1);
        assertEquals(0.0, d(without.get("storage_profit_te")));
        assertTrue(d(with.get("storage_profit_te")) > 0, "batteries gain from the price spread");
        assertEquals(100 * (d(with.get("peak_demand_te")) / d(without.get("peak_demand_te")) - 1),
                d(with.get("peak_change_percent")), 1e-9, "peak change against the run without storage");
        assertTrue(Files.size(report.resolve("storage.png")) > 5_000);
        assertTrue(Files.readString(report.resolve("index.html")).contains("<table id=\"storage\">"));
    }

    @Test
    void noStorageNoSection() throws Exception {
        assertFalse(Files.exists(plain.resolve("storage.csv")));
        assertFalse(Files.readString(plain.resolve("index.html")).contains("id=\"storage\""));
    }
}
