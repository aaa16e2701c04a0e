package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tea.DuckDb.query;
import static org.tea.DuckDb.rows;
import static org.tea.DuckDb.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output levels: {@code enduser_archetype_daily} holds the settlement's sums of {@code enduser_daily} by the
 * users' archetype, and with the per-user tables switched off ({@code output.enduserDaily},
 * {@code output.prosumerHourly}) a run writes neither of them but still its distributional and market results,
 * the same as with them. The city is read from files, so each user's archetype comes from {@code endusers.csv},
 * independently of the run; tables are read back by DuckDB.
 */
class OutputLevelsRunTest {
    static final int DAYS = 3;
    static final int SCENARIOS = 2;
    /** The end-user figures of both tables, by name. */
    static final String[] FIGURES = {"energy", "payment", "utility", "surplus", "baseline_energy", "baseline_payment",
        "baseline_utility", "baseline_surplus"};

    @TempDir
    static Path tmp;
    static Path city;
    static Path all;
    static Path off;

    static String[] args(Path out, String... set) {
        List<String> a = new ArrayList<>(List.of("run", "--config", "../conf/quick.properties", "--output",
                out.toString(), "--master", "local[2]", "--quiet", "--set", "inputs.dir=" + city, "--set",
                "study.days=" + DAYS, "--set", "study.scenarios=" + SCENARIOS, "--set", "prosumers.pvKwp=60"));
        for (String s : set) {
            a.add("--set");
            a.add(s);
        }
        return a.toArray(new String[0]);
    }

    @BeforeAll
    static void runWithAndWithoutPerUserTables() {
        city = tmp.resolve("city");
        assertEquals(0, Main.execute("generate", "--config", "../conf/quick.properties", "--output", city.toString(),
                "--set", "endusers.count=260", "--set", "prosumers.count=20", "--set", "endusers.commercialShare=0.3"));
        all = tmp.resolve("all");
        assertEquals(0, Main.execute(args(all)));
        off = tmp.resolve("off");
        assertEquals(0, Main.execute(args(off, "output.enduserDaily=false", "output.prosumerHourly=false")));
    }

    static String users() {
        return "read_csv('" + city.resolve("endusers.csv") + "', header = true)";
    }

    @Test
    void archetypeSumsAreEnduserDailyGroupedByTheUsersArchetype() throws SQLException {
        StringBuilder grouped = new StringBuilder("SELECT d.scenario, c.archetype, d.day, count(*) AS n");
        StringBuilder compare = new StringBuilder("SELECT a.scenario, a.archetype, a.day, a.users, g.n");
        for (String f : FIGURES) {
            grouped.append(", sum(d.").append(f).append(") AS ").append(f);
            compare.append(", abs(a.").append(f).append(" - g.").append(f).append(") / (1 + abs(g.").append(f)
                    .append("))");
        }
        grouped.append(" FROM ").append(scan(all, "enduser_daily")).append(" d JOIN ").append(users())
                .append(" c ON d.user_id = c.id GROUP BY ALL");
        compare.append(" FROM ").append(scan(all, "enduser_archetype_daily")).append(" a FULL JOIN (").append(grouped)
                .append(") g ON a.scenario = g.scenario AND a.archetype = g.archetype AND a.day = g.day ORDER BY ALL");
        List<List<String>> rows = query(compare.toString());
        List<List<String>> archetypes = query("SELECT archetype, count(*) FROM " + users() + " GROUP BY ALL");
        assertEquals(2, archetypes.size(), "the city has both archetypes: " + archetypes);
        assertEquals(SCENARIOS * DAYS * archetypes.size(), rows.size(), rows.toString());
        for (List<String> r : rows) {
            assertEquals(r.get(4), r.get(3), "users: " + r);
            for (int f = 0; f < FIGURES.length; f++) {
                assertTrue(Double.parseDouble(r.get(5 + f)) < 1e-9, FIGURES[f] + ": " + r);
            }
        }
        // and the number of users of each archetype is the input file's
        List<List<String>> counts = query("SELECT DISTINCT archetype, users FROM " + scan(all, "enduser_archetype_daily")
                + " ORDER BY ALL");
        assertEquals(query("SELECT archetype, count(*) FROM " + users() + " GROUP BY ALL ORDER BY ALL"), counts);
    }

    @Test
    void archetypeTableHasItsColumnsAndTypes() throws SQLException {
        List<String> cols = new ArrayList<>();
        for (List<String> r : query("DESCRIBE SELECT * EXCLUDE (scenario) FROM " + scan(all, "enduser_archetype_daily"))) {
            cols.add(r.get(0) + ":" + r.get(1));
        }
        List<String> expected = new ArrayList<>(List.of("archetype:VARCHAR", "day:INTEGER", "users:BIGINT"));
        for (String f : FIGURES) {
            expected.add(f + ":DOUBLE");
        }
        assertEquals(expected, cols);
        // partitioned by scenario, as the other tables
        assertTrue(Files.isDirectory(all.resolve("enduser_archetype_daily").resolve("scenario=1")));
    }

    @Test
    void withoutPerUserTablesARunWritesNeitherButTheSameMarketAndArchetypeResults() throws SQLException {
        assertTrue(Files.isDirectory(all.resolve("enduser_daily")));
        assertTrue(Files.isDirectory(all.resolve("prosumer_hourly")));
        assertFalse(Files.exists(off.resolve("enduser_daily")));
        assertFalse(Files.exists(off.resolve("prosumer_hourly")));
        assertFalse(Files.exists(off.resolve("enduser_hourly")));
        for (String table : List.of("enduser_archetype_daily", "market_hourly", "summary", "convergence")) {
            List<String> expected = rows(all, table);
            assertFalse(expected.isEmpty(), table);
            assertEquals(expected, rows(off, table), table);
        }
    }

    @Test
    void archetypeSumsAddUpToTheSummary() throws SQLException {
        List<List<String>> r = query("SELECT max(abs(a.e - s.enduser_energy_te) / s.enduser_energy_te), "
                + "max(abs(a.p - s.enduser_payment_baseline) / s.enduser_payment_baseline) FROM (SELECT scenario, "
                + "sum(energy) e, sum(baseline_payment) p FROM " + scan(off, "enduser_archetype_daily")
                + " GROUP BY scenario) a JOIN " + scan(off, "summary") + " s USING (scenario)");
        assertTrue(Double.parseDouble(r.get(0).get(0)) < 1e-12, r.toString());
        assertTrue(Double.parseDouble(r.get(0).get(1)) < 1e-12, r.toString());
    }
}
