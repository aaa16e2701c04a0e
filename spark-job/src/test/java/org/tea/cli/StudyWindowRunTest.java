package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tea.DuckDb.query;
import static org.tea.DuckDb.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study window end to end: {@code tea run} with {@code study.firstDay} writes the days of the year in every
 * table, and {@code tea report} reads them back and draws from them (checked against DuckDB). Days 151..153 of
 * 2025 are 31 May to 2 June: one spring day and two summer days.
 */
class StudyWindowRunTest {
    static final String[] SMALL = {"--set", "study.firstDay=151", "--set", "study.days=3", "--set",
        "study.scenarios=2", "--set", "endusers.count=200", "--set", "prosumers.count=20", "--set", "prosumers.pvKwp=60",
        "--master", "local[2]", "--quiet"};

    @TempDir
    static Path tmp;
    static Path run;
    static Path report;

    static void run(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--config", "../conf/quick.properties", "--output",
                out.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        assertEquals(0, Main.execute(a.toArray(new String[0])), out.toString());
    }

    @BeforeAll
    static void runAndReport() {
        run = tmp.resolve("window");
        run(run);
        report = tmp.resolve("window-report");
        assertEquals(0, Main.execute("report", "--input", run.toString(), "--output", report.toString()));
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
    void everyTableCarriesTheWindowsDaysOfTheYear() throws Exception {
        String[][] expected = {{"market_hourly", "144"}, {"convergence", "6"}, {"enduser_daily", "1200"},
            {"prosumer_hourly", "2880"}};
        for (String[] t : expected) {
            assertEquals(List.of(List.of(t[1], "151", "153", "3")), query("SELECT count(*), min(day), max(day), "
                    + "count(DISTINCT day) FROM " + scan(run, t[0])), t[0]);
        }
        assertEquals(List.of(List.of("0", "3"), List.of("1", "3")),
                query("SELECT scenario, days FROM " + scan(run, "summary") + " ORDER BY scenario"));
        assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"study.firstDay\" : \"151\""));
    }

    @Test
    void theReportAveragesTheWindowsDaysBySeason() throws Exception {
        List<CSVRecord> typical = csv(report.resolve("typical-days.csv"));
        assertEquals(48, typical.size(), "spring and summer, 24 hours each");
        String[][] seasons = {{"spring (Mar-May)", "day = 151", "1"}, {"summer (Jun-Aug)", "day > 151", "2"}};
        for (int k = 0; k < 2; k++) {
            List<List<String>> hourly = query("SELECT hour, avg(retail_price), avg(wholesale_price) FROM "
                    + scan(run, "market_hourly") + " WHERE " + seasons[k][1] + " GROUP BY hour ORDER BY hour");
            for (int t = 0; t < 24; t++) {
                CSVRecord row = typical.get(24 * k + t);
                assertEquals(seasons[k][0], row.get("season"));
                assertEquals(seasons[k][2], row.get("days"));
                assertEquals(d(hourly.get(t).get(1)), d(row.get("retail_price")), 1e-12, seasons[k][0] + " " + t);
                assertEquals(d(hourly.get(t).get(2)), d(row.get("wholesale_price")), 1e-12, seasons[k][0] + " " + t);
            }
        }
    }

    @Test
    void theReportsPeakDayAndFanDayAreDaysOfTheWindow() throws Exception {
        List<String> peak = query("SELECT day, demand, baseline_demand FROM " + scan(run, "market_hourly")
                + " WHERE scenario = 0 ORDER BY baseline_demand DESC, day, hour LIMIT 1").get(0);
        List<CSVRecord> load = csv(report.resolve("load-profile.csv"));
        assertEquals(peak.get(0), load.get(0).get("peak_day"));
        assertEquals(d(peak.get(2)), load.stream().mapToDouble(r -> d(r.get("peak_day_baseline"))).max().orElseThrow(),
                0.0);
        List<CSVRecord> fan = csv(report.resolve("price-fan.csv"));
        assertEquals(48, fan.size());
        String day = fan.get(0).get("series");
        assertTrue(List.of("day 151", "day 152", "day 153").contains(day), day);
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("3 days of 2025 (days 151-153, 2025-05-31 to 2025-06-02)"), "describe");
    }

    @Test
    void theReaderTakesTheWindowFromTheManifestAndOlderRunsStartOnFirstJanuary() throws Exception {
        // the same tables under a manifest without study.firstDay (as before the key existed) start on day 1,
        // where these rows do not lie: the reader refuses them and nothing is written
        Path legacy = copyWithout(run, tmp.resolve("window-without-key"));
        Path out = tmp.resolve("reports/refused");
        CliBadInputTest.Outcome refused = CliBadInputTest.run("report", "--input", legacy.toString(), "--output",
                out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("lies outside the summary's scenarios and days 1..3"), refused.err());
        assertFalse(Files.exists(out));
        // a run from 1 January whose manifest lacks the key reads as before
        Path january = tmp.resolve("january");
        run(january, "--set", "study.firstDay=1", "--set", "study.days=2", "--set", "study.scenarios=1");
        Path old = copyWithout(january, tmp.resolve("january-without-key"));
        Path oldReport = tmp.resolve("reports/january");
        assertEquals(0, Main.execute("report", "--input", old.toString(), "--output", oldReport.toString()));
        List<CSVRecord> typical = csv(oldReport.resolve("typical-days.csv"));
        assertEquals(24, typical.size());
        assertEquals("winter (Dec-Feb)", typical.get(0).get("season"));
        assertEquals("2", typical.get(0).get("days"));
    }

    /** A copy of a run whose manifest's configuration lacks {@code study.firstDay}. */
    static Path copyWithout(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path manifest = to.resolve("manifest.json");
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        assertTrue(((ObjectNode) m.get("config")).remove("study.firstDay") != null);
        json.writeValue(manifest.toFile(), m);
        Files.delete(to.resolve(".manifest.json.crc")); // Hadoop's checksum of the original manifest
        return to;
    }
}
