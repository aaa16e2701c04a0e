package org.tea.cli;

import static org.tea.DuckDb.lines;
import static org.tea.DuckDb.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monte Carlo over renewable output (MODEL section 10): scenarios are reproducible, independent of which
 * other scenarios share the run, and summarised by the distribution table.
 */
class MonteCarloRunTest {
    @TempDir
    static Path tmp;
    static Path fifty;

    static int run(Path out, String... set) {
        List<String> a = new ArrayList<>(List.of("run", "--config", "../conf/quick.properties", "--output",
                out.toString(), "--master", "local[2]", "--quiet", "--set", "study.days=4", "--set",
                "endusers.count=150", "--set", "prosumers.count=12", "--set", "prosumers.pvKwp=60"));
        for (String s : set) {
            a.add("--set");
            a.add(s);
        }
        return Main.execute(a.toArray(new String[0]));
    }

    @BeforeAll
    static void fiftyScenarios() {
        fifty = tmp.resolve("fifty");
        assertEquals(0, run(fifty, "study.scenarios=50"));
    }

    /** Every summary column but the scenario, and every market_hourly row, of one scenario. */
    static List<String> scenario(Path run, int s) throws SQLException {
        List<String> out = lines("SELECT * EXCLUDE (scenario) FROM " + scan(run, "summary") + " WHERE scenario = " + s);
        out.addAll(lines("SELECT * EXCLUDE (scenario) FROM " + scan(run, "market_hourly") + " WHERE scenario = " + s
                + " ORDER BY day, hour"));
        return out;
    }

    @Test
    void scenarioKIsTheSameAloneOrAmongOthers() throws SQLException {
        Path alone = tmp.resolve("alone");
        assertEquals(0, run(alone, "study.firstScenario=37"));
        assertEquals(scenario(fifty, 37), scenario(alone, 37));
        assertNotEquals(scenario(fifty, 36), scenario(fifty, 37), "scenarios must differ in renewable output");
    }

    @Test
    void oneScenarioIsTheDeterministicRunAndTheSeedReproducesIt() throws SQLException {
        Path one = tmp.resolve("one");
        assertEquals(0, run(one));
        assertEquals(scenario(fifty, 0), scenario(one, 0));
        Path other = tmp.resolve("other-seed");
        assertEquals(0, run(other, "study.seed=7"));
        assertNotEquals(scenario(one, 0), scenario(other, 0));
    }

    @Test
    void theDistributionTableMatchesADirectComputationFromTheSummary() throws SQLException {
        for (String figure : new String[] {"prosumer_profit_te", "enduser_surplus_te", "peak_demand_te"}) {
            List<String> direct = lines("SELECT 50, avg(" + figure + "), stddev_samp(" + figure + "), quantile_cont("
                    + figure + ", 0.05), quantile_cont(" + figure + ", 0.5), quantile_cont(" + figure + ", 0.95) FROM "
                    + scan(fifty, "summary"));
            List<String> stored = lines("SELECT scenarios, mean, sd, p5, p50, p95 FROM " + scan(fifty, "distribution")
                    + " WHERE figure = '" + figure + "'");
            String[] d = direct.get(0).split("\\|");
            String[] s = stored.get(0).split("\\|");
            for (int i = 0; i < d.length; i++) {
                double a = Double.parseDouble(d[i]);
                assertEquals(a, Double.parseDouble(s[i]), 1e-9 * Math.max(1, Math.abs(a)), figure + " column " + i);
            }
        }
    }
}
