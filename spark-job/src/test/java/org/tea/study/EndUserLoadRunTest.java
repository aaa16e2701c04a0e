package org.tea.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.engine.UserResultSink;
import org.tea.engine.local.LocalEngine;
import org.tea.engine.spark.SparkEngine;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.io.EndUserLoadTable;
import org.tea.io.StudyConfig;
import org.tea.io.spark.StudySession;
import org.tea.io.synth.CityWriter;
import org.tea.io.synth.SyntheticCity;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * A city read from files whose enduser_load table gives three end-users (in two blocks) their own load: at the
 * tariff each of them consumes exactly its profile (MODEL section 4's calibration point), and the local and Spark
 * engines give the same results to the last bit.
 */
class EndUserLoadRunTest {
    private static final int T = Hours.T;
    private static final int FIRST_DAY = 100;
    private static final int DAYS = 3;
    /** Users 3 and 7 of block 0, 520 of block 1. */
    private static final int[] PROFILED = {3, 7, 520};

    static StudySession session;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        session = StudySession.start("local[2]", "enduser-load");
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** User u's own load on day d of the year, hour t: far from any archetype's shape (a night owl). */
    static double kwh(int u, int d, int t) {
        return (t < 6 ? 1.5 : 0.2) + 0.01 * u + 0.001 * (d - FIRST_DAY) + 0.0001 * t;
    }

    static StudyConfig config(Path inputs) throws IOException {
        Map<String, String> keys = Map.of("study.firstDay", Integer.toString(FIRST_DAY), "study.days",
                Integer.toString(DAYS), "endusers.count", "600", "prosumers.count", "5", "prosumers.pvKwp", "200",
                "inputs.dir", inputs.toString());
        StudyConfig cfg = StudyConfig.fromMap(keys);
        if (!Files.exists(inputs)) {
            CityWriter.write(inputs, StudySetup.cityParameters(cfg), 0);
            List<String> lines = new ArrayList<>();
            lines.add("user_id,day,hour,kwh");
            for (int u : PROFILED) {
                // the day before the window too: rows outside it are read and left out
                for (int d = FIRST_DAY - 1; d < FIRST_DAY + DAYS; d++) {
                    for (int t = 0; t < T; t++) {
                        lines.add(String.format(Locale.ROOT, "%s,%d,%d,%s", SyntheticCity.endUserId(u), d, t,
                                kwh(u, d, t)));
                    }
                }
            }
            Files.write(inputs.resolve(EndUserLoadTable.CSV), lines);
        }
        return cfg;
    }

    @Test
    void profiledUsersConsumeTheirOwnLoadAtTheTariffAndBothEnginesAgree() throws IOException {
        StudyConfig cfg = config(tmp.resolve("city"));
        StudySetup setup = StudySetup.of(cfg);
        GameCalendar cal = setup.calendar();
        Map<String, double[]> baseline = new ConcurrentHashMap<>();
        UserResultSink sink = new UserResultSink() {
            @Override
            public void endUserDay(String userId, int game, double[] sums, double peak, double[] demand,
                    double[] baselineDemand, double[] alpha, double[] dmin, double[] dmax, double beta, double emin,
                    double emax) {
                baseline.put(userId + "/" + cal.day(game), baselineDemand.clone());
            }

            @Override
            public void prosumerHour(String prosumerId, int game, int hour, double[] figures) {
            }
        };
        EquilibriumResult local;
        try (LocalEngine e = LocalEngine.of(setup.blocks(), cal.games(), 2, sink)) {
            local = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
        }
        EquilibriumResult onSpark;
        try (SparkEngine e = SparkEngine.of(session.context(), setup.blocks(), cal.games(), 3, null)) {
            onSpark = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
        }
        assertEquals(600 * DAYS, baseline.size());
        for (int u : PROFILED) {
            for (int d = FIRST_DAY; d < FIRST_DAY + DAYS; d++) {
                double[] b = baseline.get(SyntheticCity.endUserId(u) + "/" + d);
                for (int t = 0; t < T; t++) {
                    double ref = (float) kwh(u, d, t);
                    assertEquals(ref, b[t], 1e-12 * ref, "user " + u + " day " + d + " hour " + t);
                }
            }
        }
        // a user without a profile keeps its archetype's shape: more by day than at night
        double[] other = baseline.get(SyntheticCity.endUserId(4) + "/" + FIRST_DAY);
        assertTrue(other[19] > other[3], "evening above the small hours: " + other[19] + " vs " + other[3]);

        assertEquals(local.passes(), onSpark.passes());
        assertArrayEquals(local.lambda(), onSpark.lambda());
        assertArrayEquals(local.demand(), onSpark.demand());
        assertArrayEquals(local.enduserDemand(), onSpark.enduserDemand());
        assertArrayEquals(local.baselineEnduserDemand(), onSpark.baselineEnduserDemand());
        assertArrayEquals(local.soldLocal(), onSpark.soldLocal());
        assertArrayEquals(local.daily(), onSpark.daily());
        assertArrayEquals(local.archetypeDaily(), onSpark.archetypeDaily());
        assertTrue(local.days().stream().allMatch(d -> d.converged()), "every day converges");
        assertFalse(java.util.Arrays.stream(local.soldLocal()).allMatch(v -> v == 0), "prosumers sell in some hour");
    }

    @Test
    void withoutTheTableTheSameCityClearsElsewhere() throws IOException {
        Path inputs = tmp.resolve("plain");
        StudyConfig cfg = config(inputs);
        double[] with = baselineDemand(cfg);
        Files.delete(inputs.resolve(EndUserLoadTable.CSV));
        double[] without = baselineDemand(cfg);
        // the profiled users' night load moves the neighbourhood's baseline demand in the small hours
        assertTrue(with[2] > without[2] + 0.5 * PROFILED.length, with[2] + " vs " + without[2]);
    }

    private static double[] baselineDemand(StudyConfig cfg) {
        StudySetup setup = StudySetup.of(cfg);
        try (LocalEngine e = LocalEngine.of(setup.blocks(), setup.calendar().games(), 2, null)) {
            return new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null)
                    .baselineEnduserDemand();
        }
    }

    /** What a profile costs in a cached end-user block, as Spark's storage accounts it: a float per hour. */
    @Test
    void aProfileCostsAFloatPerHourOfTheWindowInItsBlock() {
        StudyConfig cfg = StudyConfig.fromMap(Map.of("endusers.count", "512", "prosumers.count", "0"));
        StudySetup setup = StudySetup.generated(cfg);
        StudyBlocks blocks = (StudyBlocks) setup.blocks();
        var users = SyntheticCity.endUsers(StudySetup.cityParameters(cfg));
        float[][] load = new float[users.size()][];
        for (int k = 0; k < load.length; k++) {
            load[k] = new float[365 * T];
        }
        long plain = org.apache.spark.util.SizeEstimator.estimate(blocks.endUserBlock(users, null));
        long profiled = org.apache.spark.util.SizeEstimator.estimate(blocks.endUserBlock(users, load));
        double perUser = (profiled - plain) / (double) users.size();
        System.out.printf(Locale.ROOT, "end-user block of 512, 365 days: %d bytes plain, %d with profiles: "
                + "%.1f bytes per profiled user%n", plain, profiled, perUser);
        assertTrue(perUser >= 365 * 96 && perUser <= 365 * 96 + 8, "bytes per profiled user: " + perUser);
    }
}
