package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.DuckDb;

/**
 * The same city read two ways gives the same study: from CSV on the driver (blocks of 512 users by file position,
 * members broadcast, 3 partitions) and from Parquet on the executors ({@code tea generate --parquet}: two part
 * files, whose rows are put in file order into 2 partitions of whole blocks and grouped where they land). The
 * blocks are the same (a block sums its users in plain doubles, so other blocks would change the last bits), the
 * sums over blocks are exact whatever the partitions, and every user's noise is keyed by its id: the market tables
 * are identical and the per-user tables hold the same rows.
 */
class ParquetInputRunTest {
    static final String[] CITY = {"--config", "../conf/quick.properties", "--set", "endusers.count=1300", "--set",
        "prosumers.count=150", "--set", "prosumers.pvKwp=20"};
    static final String[] STUDY = {"--set", "study.firstDay=151", "--set", "study.days=3", "--set",
        "study.scenarios=2", "--set", "spark.partitions=3", "--master", "local[2]", "--quiet"};

    @TempDir
    static Path tmp;
    static Path fromCsv;
    static Path fromParquet;

    static String[] args(String command, Path out, String[] a, String[] b, String... extra) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(a));
        all.addAll(List.of(b));
        all.addAll(List.of(extra));
        all.addAll(List.of("--output", out.toString()));
        return all.toArray(new String[0]);
    }

    @BeforeAll
    static void runBoth() {
        Path csv = tmp.resolve("city-csv");
        Path parquet = tmp.resolve("city-parquet");
        assertEquals(0, Main.execute(args("generate", csv, CITY, new String[0])));
        assertEquals(0, Main.execute(args("generate", parquet, CITY, new String[0], "--parquet", "--master",
                "local[2]")));
        fromCsv = tmp.resolve("run-csv");
        fromParquet = tmp.resolve("run-parquet");
        assertEquals(0, Main.execute(args("run", fromCsv, CITY, STUDY, "--set", "inputs.dir=" + csv)));
        assertEquals(0, Main.execute(args("run", fromParquet, CITY, STUDY, "--set", "inputs.dir=" + parquet, "--set",
                "spark.partitions=2")));
    }

    @Test
    void theGeneratorWritesPartFilesAndNoCsvPopulations() throws Exception {
        Path parquet = tmp.resolve("city-parquet");
        assertFalse(Files.exists(parquet.resolve("endusers.csv")));
        assertTrue(Files.exists(parquet.resolve("series.csv")));
        try (Stream<Path> parts = Files.list(parquet.resolve("endusers.parquet"))) {
            assertEquals(2, parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).count());
        }
        assertEquals(List.of(List.of("1300", "1300")), DuckDb.query("SELECT count(*), count(DISTINCT id) FROM "
                + "read_parquet('" + parquet.resolve("endusers.parquet") + "/*.parquet')"));
    }

    @Test
    void marketTablesAreIdentical() throws Exception {
        for (String table : List.of("market_hourly", "convergence", "summary")) {
            List<String> a = DuckDb.rows(fromCsv, table);
            assertFalse(a.isEmpty(), table);
            assertEquals(a, DuckDb.rows(fromParquet, table), table);
        }
        assertEquals(Files.readString(fromCsv.resolve("summary.txt")), Files.readString(fromParquet.resolve("summary.txt")));
    }

    @Test
    void perUserTablesHoldTheSameRows() throws Exception {
        for (String table : List.of("enduser_daily", "prosumer_hourly")) {
            List<String> a = DuckDb.rows(fromCsv, table);
            assertEquals(table.equals("enduser_daily") ? 1300 * 3 * 2 : 150 * 72 * 2, a.size(), table);
            assertEquals(a, DuckDb.rows(fromParquet, table), table);
        }
    }

    @Test
    void repeatedIdsInParquetExitTwoNamingThemAndWriteNothing() throws Exception {
        Path bad = tmp.resolve("city-repeated");
        Path good = tmp.resolve("city-parquet");
        Files.createDirectories(bad.resolve("endusers.parquet"));
        Files.copy(good.resolve("series.csv"), bad.resolve("series.csv"));
        try (Stream<Path> parts = Files.list(good.resolve("endusers.parquet"))) {
            for (Path p : parts.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                Files.copy(p, bad.resolve("endusers.parquet").resolve(p.getFileName()));
                Files.copy(p, bad.resolve("endusers.parquet").resolve("copy-" + p.getFileName()));
            }
        }
        Files.writeString(bad.resolve("prosumers.csv"), "id,pv_kwp,wind_kw,archetype,annual_energy\n");
        java.io.StringWriter err = new java.io.StringWriter();
        Path out = tmp.resolve("run-repeated");
        int code = new picocli.CommandLine(new Main()).setErr(new java.io.PrintWriter(err))
                .execute(args("run", out, CITY, STUDY, "--set", "inputs.dir=" + bad));
        assertEquals(Main.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains(":row 1: field 'id' = 'U0000000': expected a unique id, but "
                + "endusers.parquet/copy-part-00000-"), err.toString());
        assertTrue(err.toString().contains("endusers.parquet: and more repeated ids"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void theManifestCountsTheRowsReadOnTheExecutors() throws Exception {
        JsonNode m = new ObjectMapper().readTree(fromParquet.resolve("manifest.json").toFile());
        JsonNode inputs = m.path("timings").path("inputs");
        assertEquals(1300, inputs.path("endusers.parquet").path("rows").asLong(), m.toString());
        assertEquals(150, inputs.path("prosumers.parquet").path("rows").asLong());
        assertTrue(new ObjectMapper().readTree(fromCsv.resolve("manifest.json").toFile()).path("timings")
                .path("inputs").isMissingNode());
    }
}
