package org.tea;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader of the Parquet outputs for tests: DuckDB, in memory, one connection per query. Values
 * come back as DuckDB prints them.
 */
public final class DuckDb {

    private DuckDb() {
    }

    /** A table of a run (a Parquet dataset folder), partition columns read from the folder names. */
    public static String scan(Path run, String table) {
        return "read_parquet('" + run.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
    }

    /** Every row of the result, as its values in column order. */
    public static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Every row of the result as one line, each value followed by {@code |}. */
    public static List<String> lines(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> row : query(sql)) {
            StringBuilder b = new StringBuilder();
            for (String v : row) {
                b.append(v).append('|');
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Every row of a run's table as one line, in a stable order. */
    public static List<String> rows(Path run, String table) throws SQLException {
        return lines("SELECT * FROM " + scan(run, table) + " ORDER BY ALL");
    }
}
