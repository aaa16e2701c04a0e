package org.tea.cli;

import static org.tea.DuckDb.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.tea.DuckDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on a small study, the tables read back by an independent Parquet reader
 * (DuckDB): names, types and row counts of the output contract (MODEL section 11).
 */
class RunCommandTest {
    static final String[] SMALL = {"--set", "study.days=3", "--set", "endusers.count=200", "--set", "prosumers.count=20",
        "--set", "prosumers.pvKwp=60", "--set", "output.enduserHourly=true", "--master", "local[2]", "--quiet"};

    @TempDir
    static Path tmp;
    static Path run;

    static String[] args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--config", "../conf/quick.properties", "--output", out.toString()));
        List<String> more = List.of(extra);
        for (int i = 0; i < SMALL.length; i++) {
            if (SMALL[i].equals("--master") && more.contains("--master")) {
                i++; // the caller's master replaces the default one
            } else {
                a.add(SMALL[i]);
            }
        }
        a.addAll(more);
        return a.toArray(new String[0]);
    }

    @BeforeAll
    static void runOnce() {
        run = tmp.resolve("run");
        assertEquals(0, Main.execute(args(run)));
    }

    static String table(String name) {
        return DuckDb.scan(run, name);
    }

    static long count(String name) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + table(name)).get(0).get(0));
    }

    static List<String> columns(String name) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (List<String> r : query("DESCRIBE SELECT * FROM " + table(name))) {
            cols.add(r.get(0) + ":" + r.get(1));
        }
        return cols;
    }

    @Test
    void everyTableHasItsContractColumnsAndRows() throws SQLException {
        String[][] contract = {
            {"market_hourly", "72", "scenario,day,hour,wholesale_price,import_price,export_price,tariff,retail_price,"
                + "sensitivity,demand,enduser_demand,prosumer_deficit,offered,sold_local,import,export,surplus_total,"
                + "generation_total,baseline_demand"},
            {"prosumer_hourly", "1440", "scenario,prosumer_id,day,hour,generation,load,surplus,deficit,sold,exported,"
                + "profit,baseline_profit"},
            {"enduser_daily", "600", "scenario,user_id,day,energy,payment,utility,surplus,peak,baseline_energy,"
                + "baseline_payment,baseline_utility,baseline_surplus"},
            {"enduser_hourly", "14400", "scenario,user_id,day,hour,demand,baseline_demand,alpha,dmin,dmax,beta,emin,emax"},
            {"convergence", "3", "scenario,day,converged,outer_iterations,inner_passes,max_clearing_violation,"
                + "max_sensitivity_change,max_best_response_gap"},
            {"summary", "1", "scenario,retail_price_te,retail_price_baseline,prosumer_profit_te,prosumer_profit_baseline,"
                + "peak_demand_te,peak_demand_baseline"}};
        for (String[] t : contract) {
            assertEquals(Long.parseLong(t[1]), count(t[0]), t[0]);
            List<String> cols = columns(t[0]);
            for (String c : t[2].split(",")) {
                if (c.equals("scenario")) { // a partition column: its type is the reader's inference from folder names
                    assertTrue(cols.contains("scenario:INTEGER") || cols.contains("scenario:BIGINT"), t[0] + ": " + cols);
                    continue;
                }
                String expectedType = switch (c) {
                    case "day", "hour", "outer_iterations", "inner_passes" -> "INTEGER";
                    case "prosumer_id", "user_id" -> "VARCHAR";
                    case "converged" -> "BOOLEAN";
                    default -> "DOUBLE";
                };
                assertTrue(cols.contains(c + ":" + expectedType), t[0] + " lacks " + c + " " + expectedType + ": " + cols);
            }
        }
        assertTrue(Files.isRegularFile(run.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(run.resolve("summary.txt")));
    }

    @Test
    void perUserTablesAddUpToTheMarketTable() throws SQLException {
        // end-user demand per hour from enduser_hourly equals market_hourly's, and sales from prosumer_hourly
        List<List<String>> gap = query("SELECT max(abs(m.enduser_demand - u.d)), max(abs(m.sold_local - p.s)) FROM "
                + table("market_hourly") + " m JOIN (SELECT day, hour, sum(demand) d FROM " + table("enduser_hourly")
                + " GROUP BY day, hour) u USING (day, hour) JOIN (SELECT day, hour, sum(sold) s FROM "
                + table("prosumer_hourly") + " GROUP BY day, hour) p USING (day, hour)");
        assertTrue(Double.parseDouble(gap.get(0).get(0)) < 1e-9, gap.toString());
        assertTrue(Double.parseDouble(gap.get(0).get(1)) < 1e-9, gap.toString());
    }

    @Test
    void keyFiguresDoNotDependOnPartitionsOrCores() throws Exception {
        String reference = Files.readString(run.resolve("summary.txt"));
        for (String p : new String[] {"1", "7", "64"}) {
            Path other = tmp.resolve("partitions-" + p);
            assertEquals(0, Main.execute(args(other, "--set", "spark.partitions=" + p)));
            assertEquals(reference, Files.readString(other.resolve("summary.txt")), "partitions " + p);
        }
        // one core instead of two
        Path oneCore = tmp.resolve("local-1");
        assertEquals(0, Main.execute(args(oneCore, "--master", "local[1]")));
        assertEquals(reference, Files.readString(oneCore.resolve("summary.txt")), "local[1]");
    }

    @Test
    void anOutputUriIsWrittenThroughTheHadoopFilesystemAndNoTemporaryFolderIsLeft() throws Exception {
        Path target = tmp.resolve("by-uri");
        assertEquals(0, Main.execute(uriArgs(target)));
        assertTrue(Files.isRegularFile(target.resolve("manifest.json")));
        try (var siblings = Files.list(tmp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".by-uri.tmp-")));
        }
    }

    static String[] uriArgs(Path target) {
        String[] a = args(target);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(target.toString())) {
                a[i] = target.toUri().toString();
            }
        }
        return a;
    }

    @Test
    void unconvergedDaysAreFlaggedAndExitOneUnlessAllowed() throws Exception {
        Path out = tmp.resolve("unconverged");
        // 100 strategic prosumers clear inside the price box on sunny hours, which takes more than one pass
        assertEquals(1, Main.execute(args(out, "--set", "solver.maxInner=1", "--set", "prosumers.count=100")));
        assertTrue(Files.exists(out.resolve("manifest.json")), "results are still written");
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"status\" : \"NOT_CONVERGED\""));
        List<List<String>> flagged = query("SELECT count(*) FROM read_parquet('" + out.resolve("convergence")
                + "/**/*.parquet') WHERE NOT converged AND status = 'MAX_ITERATIONS_REACHED'");
        assertTrue(Long.parseLong(flagged.get(0).get(0)) > 0, flagged.toString());
        assertEquals(0, Main.execute(args(tmp.resolve("allowed"), "--set", "solver.maxInner=1", "--set",
                "prosumers.count=100", "--allow-unconverged")));
    }

    @Test
    void aCityReadFromInputFilesRuns() throws Exception {
        Path inputs = tmp.resolve("city-files");
        assertEquals(0, Main.execute("generate", "--config", "../conf/quick.properties", "--output", inputs.toString(),
                "--set", "endusers.count=700", "--set", "prosumers.count=70"));
        Path out = tmp.resolve("from-files");
        assertEquals(0, Main.execute(args(out, "--set", "inputs.dir=" + inputs)));
        // 700 users make two blocks of 512 and 188, 70 prosumers two blocks of 64 and 6: every user is there once
        assertEquals(List.of(List.of("700", "2100")), query("SELECT count(DISTINCT user_id), count(*) FROM read_parquet('"
                + out.resolve("enduser_daily") + "/**/*.parquet')"));
        assertEquals(List.of(List.of("70")), query("SELECT count(DISTINCT prosumer_id) FROM read_parquet('"
                + out.resolve("prosumer_hourly") + "/**/*.parquet')"));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("endusers.csv"), "input checksums");
    }

    @Test
    void anExistingOutputIsRefusedUnlessOverwrite() {
        assertEquals(2, Main.execute(args(run)));
        assertTrue(Files.exists(run.resolve("manifest.json")));
    }

    @Test
    void badConfigurationExitsTwoAndWritesNothing() {
        Path out = tmp.resolve("bad");
        assertEquals(2, Main.execute(args(out, "--set", "study.days=0", "--set", "prosumers.behaviour=greedy",
                "--set", "no.such.key=1")));
        assertFalse(Files.exists(out));
    }
}
