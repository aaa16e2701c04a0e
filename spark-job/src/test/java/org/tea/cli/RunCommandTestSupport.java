package org.tea.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's table back with DuckDB, every row as text in a stable order. */
final class RunCommandTestSupport {
    private RunCommandTestSupport() {
    }

    static List<String> rows(Path run, String table) throws SQLException {
        String sql = "SELECT * FROM read_parquet('" + run.resolve(table) + "/**/*.parquet', hive_partitioning = true) "
                + "ORDER BY ALL";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
            return out;
        }
    }
}
