package org.tea;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tea.io.OutputTables.Table;

/**
 * Compares two runs of the same study table by table, read independently of Spark (DuckDB): every row sorted by
 * its key columns, every value equal, doubles bit for bit. Per-user tables are compared the same way and also
 * reported as a row count, a count of distinct keys (a row written twice by a retried task would show here) and an
 * order-independent checksum (the sum of each row's 64-bit hash), so that two runs can be checked by those figures
 * alone. {@code trace} is compared without its {@code millis} column, and {@code summary.txt} as text; the
 * manifest holds timings and is not compared.
 *
 * <p>{@code java -cp ... org.tea.RunDiff REFERENCE RUN [LABEL]} prints one line per table and every difference
 * (up to a limit), and exits 0 when the runs are identical, 1 otherwise. The cluster test in {@code .ci} uses it.
 */
public final class RunDiff {
    /** Differences printed per table. */
    private static final int SHOWN = 10;

    private final List<String> report = new ArrayList<>();
    private boolean identical = true;

    /** Row count, distinct keys and checksum of one table of one run. */
    public record Fingerprint(long rows, long keys, long checksum) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "rows %d, distinct keys %d, checksum %016x", rows, keys, checksum);
        }
    }

    private RunDiff() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: RunDiff REFERENCE RUN [LABEL]");
            System.exit(2);
        }
        RunDiff d = compare(Path.of(args[0]), Path.of(args[1]));
        String label = args.length == 3 ? args[2] : args[1];
        for (String line : d.report) {
            System.out.println(label + ": " + line);
        }
        System.out.println(label + ": " + (d.identical ? "IDENTICAL to " : "DIFFERS from ") + args[0]);
        System.exit(d.identical ? 0 : 1);
    }

    /** Compares every table either run has, and summary.txt. */
    public static RunDiff compare(Path reference, Path run) throws Exception {
        RunDiff d = new RunDiff();
        for (Table t : Table.values()) {
            boolean inRef = Files.isDirectory(reference.resolve(t.tableName()));
            boolean inRun = Files.isDirectory(run.resolve(t.tableName()));
            if (inRef != inRun) {
                d.differ(t.tableName() + ": only in " + (inRef ? "the reference" : "the run"));
            } else if (inRef) {
                d.table(reference, run, t);
            }
        }
        String a = text(reference.resolve("summary.txt"));
        String b = text(run.resolve("summary.txt"));
        if (a.equals(b)) {
            d.report.add("summary.txt: same text");
        } else {
            d.differ("summary.txt differs:\n--- reference\n" + a + "\n--- run\n" + b);
        }
        return d;
    }

    public boolean identical() {
        return identical;
    }

    public List<String> report() {
        return report;
    }

    private static String text(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "(missing)";
    }

    private void differ(String line) {
        identical = false;
        report.add(line);
    }

    private static boolean perUser(Table t) {
        return t == Table.ENDUSER_DAILY || t == Table.ENDUSER_HOURLY || t == Table.PROSUMER_HOURLY
                || t == Table.STORAGE_HOURLY;
    }

    /** The key columns of a table: what one row is "per" (README, Outputs). */
    static List<String> key(Table t) {
        return switch (t) {
            case MARKET_HOURLY -> List.of("scenario", "day", "hour");
            case CONVERGENCE -> List.of("scenario", "day");
            case SUMMARY -> List.of("scenario");
            case TRACE -> List.of("pass");
            case DISTRIBUTION -> List.of("figure");
            case ENDUSER_DAILY -> List.of("scenario", "user_id", "day");
            case ENDUSER_HOURLY -> List.of("scenario", "user_id", "day", "hour");
            case PROSUMER_HOURLY -> List.of("scenario", "prosumer_id", "day", "hour");
            case ENDUSER_ARCHETYPE_DAILY -> List.of("scenario", "archetype", "day");
            case STORAGE_HOURLY -> List.of("scenario", "storage_id", "day", "hour");
        };
    }

    private static String select(Path run, Table t) {
        String columns = t == Table.TRACE ? "* EXCLUDE (millis)" : "*";
        return "SELECT " + columns + " FROM " + DuckDb.scan(run, t.tableName()) + " ORDER BY "
                + String.join(", ", key(t));
    }

    /** Every row of a table as its values, doubles as their raw bits, other values as text. */
    static List<Object[]> read(Path run, Table t, List<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select(run, t))) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            names.clear();
            for (int i = 1; i <= n; i++) {
                names.add(md.getColumnName(i));
            }
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 1; i <= n; i++) {
                    int type = md.getColumnType(i);
                    row[i - 1] = type == Types.DOUBLE || type == Types.FLOAT
                            ? (Object) Double.doubleToRawLongBits(rs.getDouble(i)) : rs.getString(i);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Row count, distinct keys and the sum of the rows' hashes (any order gives the same sum). */
    static Fingerprint fingerprint(List<Object[]> rows, List<String> names, List<String> key) {
        int[] keyAt = key.stream().mapToInt(names::indexOf).toArray();
        java.util.Set<List<Object>> keys = new java.util.HashSet<>();
        long sum = 0;
        for (Object[] row : rows) {
            long h = 0x9E3779B97F4A7C15L;
            for (Object v : row) {
                h = mix(h ^ (v instanceof Long bits ? bits : fnv(v == null ? "\0null" : v.toString())));
            }
            sum += h;
            List<Object> k = new ArrayList<>(keyAt.length);
            for (int i : keyAt) {
                k.add(row[i]);
            }
            keys.add(k);
        }
        return new Fingerprint(rows.size(), keys.size(), sum);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of a string's UTF-8 bytes. */
    private static long fnv(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        return h;
    }

    private void table(Path reference, Path run, Table t) throws SQLException {
        String name = t.tableName();
        List<String> refNames = new ArrayList<>();
        List<String> runNames = new ArrayList<>();
        List<Object[]> a = read(reference, t, refNames);
        List<Object[]> b = read(run, t, runNames);
        if (!refNames.equals(runNames)) {
            differ(name + ": columns differ: " + refNames + " against " + runNames);
            return;
        }
        int differences = 0;
        int common = Math.min(a.size(), b.size());
        for (int r = 0; r < common; r++) {
            for (int i = 0; i < refNames.size(); i++) {
                Object x = a.get(r)[i];
                Object y = b.get(r)[i];
                if (!java.util.Objects.equals(x, y)) {
                    if (differences++ < SHOWN) {
                        differ(name + ": sorted row " + r + " (" + keyText(a.get(r), refNames, t) + "), column "
                                + refNames.get(i) + ": " + show(x) + " against " + show(y));
                    }
                    identical = false;
                }
            }
        }
        if (a.size() != b.size()) {
            differ(name + ": " + a.size() + " rows against " + b.size());
        }
        String counts = "";
        if (perUser(t)) {
            Fingerprint fa = fingerprint(a, refNames, key(t));
            Fingerprint fb = fingerprint(b, runNames, key(t));
            counts = "; reference " + fa + "; run " + fb;
            if (!fa.equals(fb) || fb.keys() != fb.rows()) {
                differ(name + ": fingerprints differ" + counts);
                return;
            }
        }
        if (differences == 0 && a.size() == b.size()) {
            report.add(name + ": " + a.size() + " rows x " + refNames.size() + " columns identical" + counts);
        } else {
            differ(name + ": " + differences + " values differ" + counts);
        }
    }

    private static String keyText(Object[] row, List<String> names, Table t) {
        StringBuilder s = new StringBuilder();
        for (String k : key(t)) {
            s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(show(row[names.indexOf(k)]));
        }
        return s.toString();
    }

    private static String show(Object v) {
        return v instanceof Long bits ? Double.toString(Double.longBitsToDouble(bits)) + " (0x"
                + Long.toHexString(bits) + ")" : String.valueOf(v);
    }
}
