package org.tea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run comparison the cluster test relies on: it must see a changed bit, a missing row and a repeated row. */
class RunDiffTest {
    @TempDir
    Path tmp;

    /** A run with a market_hourly and an enduser_daily table (a few columns of each) from the given rows. */
    Path run(String name, String marketRows, String userRows) throws Exception {
        Path run = tmp.resolve(name);
        Files.createDirectories(run.resolve("market_hourly/scenario=0"));
        Files.createDirectories(run.resolve("enduser_daily/scenario=0"));
        Files.writeString(run.resolve("summary.txt"), "key figures\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES " + marketRows + ") t(day, hour, retail_price)) TO '"
                    + run.resolve("market_hourly/scenario=0/part-0.parquet") + "' (FORMAT parquet)");
            s.execute("COPY (SELECT * FROM (VALUES " + userRows + ") t(user_id, day, payment)) TO '"
                    + run.resolve("enduser_daily/scenario=0/part-0.parquet") + "' (FORMAT parquet)");
        }
        return run;
    }

    static final String MARKET = "(1, 0, 0.05::DOUBLE), (1, 1, 0.06::DOUBLE)";
    static final String USERS = "('e1', 1, 1.5::DOUBLE), ('e2', 1, 2.5::DOUBLE)";

    @Test
    void sameRowsInAnotherOrderAreIdentical() throws Exception {
        Path a = run("a", MARKET, USERS);
        Path b = run("b", "(1, 1, 0.06::DOUBLE), (1, 0, 0.05::DOUBLE)", "('e2', 1, 2.5::DOUBLE), ('e1', 1, 1.5::DOUBLE)");
        RunDiff d = RunDiff.compare(a, b);
        assertTrue(d.identical(), String.join("\n", d.report()));
        assertTrue(d.report().stream().anyMatch(l -> l.startsWith("enduser_daily: 2 rows") && l.contains("distinct keys 2")),
                String.join("\n", d.report()));
    }

    @Test
    void oneBitOfOneDoubleDiffers() throws Exception {
        Path a = run("a", MARKET, USERS);
        // the next double after 0.06
        Path b = run("b", "(1, 0, 0.05::DOUBLE), (1, 1, 0.060000000000000005::DOUBLE)", USERS);
        RunDiff d = RunDiff.compare(a, b);
        assertFalse(d.identical());
        assertTrue(d.report().stream().anyMatch(l -> l.contains("market_hourly: sorted row 1") && l.contains("retail_price")),
                String.join("\n", d.report()));
    }

    @Test
    void aRepeatedOrMissingPerUserRowIsSeen() throws Exception {
        Path a = run("a", MARKET, USERS);
        RunDiff repeated = RunDiff.compare(a, run("b", MARKET, USERS + ", ('e2', 1, 2.5::DOUBLE)"));
        assertFalse(repeated.identical());
        assertTrue(repeated.report().stream().anyMatch(l -> l.contains("rows 3, distinct keys 2")),
                String.join("\n", repeated.report()));
        RunDiff missing = RunDiff.compare(a, run("c", MARKET, "('e1', 1, 1.5::DOUBLE)"));
        assertFalse(missing.identical());
        assertTrue(missing.report().contains("enduser_daily: 2 rows against 1"), String.join("\n", missing.report()));
    }

    @Test
    void theChecksumDoesNotDependOnRowOrderButOnEveryValue() throws Exception {
        Path a = run("a", MARKET, USERS);
        java.util.List<String> names = new java.util.ArrayList<>();
        var key = RunDiff.key(org.tea.io.OutputTables.Table.ENDUSER_DAILY);
        var fa = RunDiff.fingerprint(RunDiff.read(a, org.tea.io.OutputTables.Table.ENDUSER_DAILY, names), names, key);
        var swapped = RunDiff.read(run("b", MARKET, "('e1', 1, 2.5::DOUBLE), ('e2', 1, 1.5::DOUBLE)"),
                org.tea.io.OutputTables.Table.ENDUSER_DAILY, names);
        assertEquals(2, fa.rows());
        assertFalse(fa.equals(RunDiff.fingerprint(swapped, names, key)), "values moved between users must show");
        java.util.Collections.reverse(swapped);
        var fb = RunDiff.fingerprint(swapped, names, key);
        java.util.Collections.reverse(swapped);
        assertEquals(fb, RunDiff.fingerprint(swapped, names, key));
    }
}
