package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional enduser_load table: each end-user's own hourly reference load over the study window, from CSV or
 * Parquet, with every problem named by file, row, field and value.
 */
class EndUserLoadTableTest {
    /** The window: days 10..12 of 2015. */
    private static final int FIRST = 10;
    private static final int DAYS = 3;

    @TempDir
    Path dir;

    /** U1 over days 9..13 (a day either side of the window), kwh = day + hour / 100; U3 over the window only. */
    private static List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("user_id,day,hour,kwh");
        for (int d = FIRST - 1; d <= FIRST + DAYS; d++) {
            for (int h = 0; h < 24; h++) {
                lines.add(String.format(Locale.ROOT, "U1,%d,%d,%s", d, h, d + h / 100.0));
            }
        }
        for (int d = FIRST; d < FIRST + DAYS; d++) {
            for (int h = 0; h < 24; h++) {
                lines.add(String.format(Locale.ROOT, "U3,%d,%d,%s", d, h, h == 18 ? 2.5 : 0.25));
            }
        }
        return lines;
    }

    private Path folder(UnaryOperator<List<String>> change) {
        InputFixtures.valid(dir);
        InputFixtures.write(dir.resolve(EndUserLoadTable.CSV), change.apply(table()));
        return dir;
    }

    private LoadedInputs load(Path folder) {
        return InputFiles.load(folder, InputFixtures.YEAR, FIRST, DAYS);
    }

    @Test
    void profilesOfTheWindowAreKeptPerUserInListOrder() {
        LoadedInputs in = load(folder(l -> l));
        float[][] load = in.endUserLoad();
        assertEquals(List.of("U1", "U2", "U3"), in.endUsers().stream().map(u -> u.id()).toList());
        assertEquals(DAYS * 24, load[0].length);
        assertEquals((float) (FIRST + 0.0), load[0][0], "day 10 hour 0 comes first; day 9 is outside the window");
        assertEquals((float) (FIRST + 2 + 0.23), load[0][DAYS * 24 - 1]);
        assertNull(load[1], "U2 is not in the table: shape times annual energy");
        assertEquals(2.5f, load[2][18]);
        assertEquals(0.25f, load[2][24 + 17]);
    }

    @Test
    void aFolderWithoutTheTableHasNoProfiles() {
        InputFixtures.valid(dir);
        assertNull(InputFiles.load(dir, InputFixtures.YEAR, FIRST, DAYS).endUserLoad());
    }

    @Test
    void everyProblemIsNamedByFileRowFieldAndValue() {
        InputException e = assertThrows(InputException.class, () -> load(folder(l -> {
            l.set(30, "U1,10,5,-1");           // row 31: negative
            l.set(31, "U1,10,6,NaN");          // row 32: not finite
            l.set(32, "U1,10,6,1");            // row 33: day 10 hour 6 (row 32 had it, but its value was bad)
            l.set(33, "U1,10,6,2");            // row 34: day 10 hour 6 again
            l.set(34, "U1,0,0,1");             // row 35: day 0; and U1 loses day 10 hour 9
            l.set(35, "U1,10,24,1");           // row 36: hour 24; and day 10 hour 10 is lost
            l.set(36, "U1,366,1,1");           // row 37: 2015 has 365 days
            l.set(37, "U1,x,1,1");             // row 38
            l.add("Z9,10,0,1");                // row 194: an id endusers.csv lacks
            l.add("Z9,10,1,1");                // its further rows are not listed
            return l;
        })));
        String f = EndUserLoadTable.CSV;
        assertEquals(List.of(
                f + ":row 31: field 'kwh' = '-1': expected a number >= 0 (kWh in the hour)",
                f + ":row 32: field 'kwh' = 'NaN': expected a finite number >= 0 (kWh in the hour), not NaN or infinity",
                f + ":row 34: field 'hour' = '6': expected each (user_id, day, hour) once, but user U1 has day 10 hour 6"
                        + " in an earlier row",
                f + ":row 35: field 'day' = '0': expected an integer in 1..365",
                f + ":row 36: field 'hour' = '24': expected an integer in 0..23",
                f + ":row 37: field 'day' = '366': expected an integer in 1..365",
                f + ":row 38: field 'day' = 'x': expected an integer in 1..365",
                f + ":row 194: field 'user_id' = 'Z9': expected the id of a user in endusers.csv (further rows of this"
                        + " id are not listed)",
                f + ": user U1 lacks 7 of the 72 hours of the study window (the first: day 10 hour 5): expected every"
                        + " hour of days 10..12 for a user in the table"), e.errors());
    }

    @Test
    void aUserWithAnIncompleteDayIsAnError() {
        InputException e = assertThrows(InputException.class, () -> load(folder(l -> {
            l.removeIf(x -> x.startsWith("U3,12,"));
            return l;
        })));
        assertEquals(List.of(EndUserLoadTable.CSV + ": user U3 lacks 24 of the 72 hours of the study window (the "
                + "first: day 12 hour 0): expected every hour of days 10..12 for a user in the table"), e.errors());
    }

    @Test
    void aWrongHeaderIsNamed() {
        InputException e = assertThrows(InputException.class, () -> load(folder(l -> {
            l.set(0, "user_id,day,hour,kw");
            return l;
        })));
        assertTrue(e.errors().contains(EndUserLoadTable.CSV + ":row 1: missing column 'kwh' (expected columns: "
                + "user_id, day, hour, kwh)"), e.errors().toString());
    }

    /** The same table as Parquet (written by DuckDB, an independent writer) reads to the same profiles. */
    @Test
    void parquetReadsAsCsvDoesAndNamesItsRows() throws Exception {
        float[][] fromCsv = load(folder(l -> l)).endUserLoad();
        Path source = dir.resolve(EndUserLoadTable.CSV + ".source");
        java.nio.file.Files.move(dir.resolve(EndUserLoadTable.CSV), source);
        Path parquet = dir.resolve(EndUserLoadTable.PARQUET);
        String rows = "(SELECT *, row_number() OVER () AS n FROM read_csv('" + source + "', header = true))";
        duckdb("COPY (SELECT user_id, day, hour, kwh FROM " + rows + " ORDER BY n) TO '" + parquet
                + "' (FORMAT parquet, ROW_GROUP_SIZE 100)");
        float[][] fromParquet = load(dir).endUserLoad();
        // other types a writer may choose: 32-bit integers, decimals (DuckDB's for 0.25), floats
        for (String kwh : List.of("CAST(kwh AS DECIMAL(10, 4))", "CAST(kwh AS DECIMAL(30, 4))", "CAST(kwh AS FLOAT)")) {
            java.nio.file.Files.delete(parquet);
            duckdb("COPY (SELECT user_id, CAST(day AS INTEGER) AS day, CAST(hour AS SMALLINT) AS hour, " + kwh
                    + " AS kwh FROM " + rows + " ORDER BY n) TO '" + parquet + "' (FORMAT parquet)");
            float[][] typed = load(dir).endUserLoad();
            for (int k = 0; k < 3; k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(fromCsv[k], typed[k], kwh + ", user " + k);
            }
        }
        // the manifest checksums the table with the other files
        StudyConfig cfg = StudyConfig.fromMap(java.util.Map.of("inputs.dir", dir.toString()));
        assertEquals(java.util.Set.of("endusers.csv", "prosumers.csv", "series.csv", EndUserLoadTable.PARQUET,
                EndUserLoadTable.CSV + ".source"), Manifest.checksums(cfg).keySet());
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(fromCsv[k], fromParquet[k], "user " + k);
        }
        // record 31 (U1 day 10 hour 6) negative; an unknown id as record 193, in the second row group
        java.nio.file.Files.delete(parquet);
        duckdb("COPY (SELECT user_id, day, hour, CASE WHEN n = 31 THEN -2.0 ELSE kwh END AS kwh FROM (SELECT * FROM "
                + rows + " UNION ALL SELECT 'Z9', 10, 0, 1.0, 1000) ORDER BY n) TO '" + parquet
                + "' (FORMAT parquet, ROW_GROUP_SIZE 100)");
        InputException e = assertThrows(InputException.class, () -> load(dir));
        assertEquals(List.of(EndUserLoadTable.PARQUET + ":row 31: field 'kwh' = '-2.0': expected a number >= 0 (kWh "
                + "in the hour)", EndUserLoadTable.PARQUET + ":row 193: field 'user_id' = 'Z9': expected the id of a "
                + "user in endusers.csv (further rows of this id are not listed)", EndUserLoadTable.PARQUET + ": user U1 "
                + "lacks 1 of the 72 hours of the study window (the first: day 10 hour 6): expected every hour of days "
                + "10..12 for a user in the table"), e.errors());
    }

    /** A folder of part files, as Spark writes a table: read in name order, rows numbered per part. */
    @Test
    void aParquetFolderOfPartsIsOneTable() throws Exception {
        float[][] fromCsv = load(folder(l -> l)).endUserLoad();
        Path source = dir.resolve("load.source");
        java.nio.file.Files.move(dir.resolve(EndUserLoadTable.CSV), source);
        Path table = java.nio.file.Files.createDirectories(dir.resolve(EndUserLoadTable.PARQUET));
        java.nio.file.Files.writeString(table.resolve("_SUCCESS"), "");
        String all = "read_csv('" + source + "', header = true)";
        duckdb("COPY (SELECT * FROM " + all + " WHERE user_id = 'U3') TO '" + table.resolve("part-00000.parquet")
                + "' (FORMAT parquet)");
        duckdb("COPY (SELECT * FROM " + all + " WHERE user_id = 'U1' AND NOT (day = 11 AND hour = 4)) TO '"
                + table.resolve("part-00001.parquet") + "' (FORMAT parquet)");
        InputException e = assertThrows(InputException.class, () -> load(dir));
        assertEquals(List.of(EndUserLoadTable.PARQUET + ": user U1 lacks 1 of the 72 hours of the study window (the "
                + "first: day 11 hour 4): expected every hour of days 10..12 for a user in the table"), e.errors());
        duckdb("COPY (SELECT * FROM " + all + " WHERE user_id = 'U1' AND day = 11 AND hour = 4) TO '"
                + table.resolve("part-00002.parquet") + "' (FORMAT parquet)");
        float[][] fromParts = load(dir).endUserLoad();
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(fromCsv[k], fromParts[k], "user " + k);
        }
        StudyConfig cfg = StudyConfig.fromMap(java.util.Map.of("inputs.dir", dir.toString()));
        assertTrue(Manifest.checksums(cfg).keySet().containsAll(List.of(EndUserLoadTable.PARQUET
                + "/part-00000.parquet", EndUserLoadTable.PARQUET + "/part-00002.parquet")),
                Manifest.checksums(cfg).keySet().toString());
    }

    private static void duckdb(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
