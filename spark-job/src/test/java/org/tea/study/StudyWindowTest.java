package org.tea.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tea.engine.DaySum;
import org.tea.engine.UserResultSink;
import org.tea.engine.local.LocalEngine;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.io.StudyConfig;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * A study window ({@code study.firstDay}) gives its days exactly the results a longer study has for them: days are
 * independent games, and every random draw is keyed by the day of the year, not by its place in the window. Runs a
 * small generated city on the local engine and compares, to the last bit, what the {@code market_hourly},
 * {@code convergence}, {@code enduser_daily} and {@code prosumer_hourly} rows of the window's days are made of.
 */
class StudyWindowTest {
    private static final int T = Hours.T;

    @ParameterizedTest(name = "{0}: days {1}+{2} within days {3}+{4}")
    @CsvSource({
        "2025, 150, 5, 148, 10",  // a window inside a longer window, two scenarios
        "2024, 58, 4, 1, 62"})    // a leap year, the window across 29 February, against a run from 1 January
    void aWindowEqualsTheSameDaysOfALongerRun(int year, int firstDay, int days, int longFirstDay, int longDays) {
        Outcome window = run(year, firstDay, days);
        Outcome longer = run(year, longFirstDay, longDays);
        assertEquals(2 * days * T, window.market().size());
        assertEquals(2 * days * 300, window.endUserDays().size());
        assertEquals(firstDay, window.market().firstKey().day());
        assertEquals(firstDay + days - 1, window.market().lastKey().day());
        assertRowsOfWindow(window.market(), longer.market(), firstDay, days);
        assertRowsOfWindow(window.games(), longer.games(), firstDay, days);
        assertRowsOfWindow(window.endUserDays(), longer.endUserDays(), firstDay, days);
        assertRowsOfWindow(window.prosumerHours(), longer.prosumerHours(), firstDay, days);
        // not a vacuous comparison: every hour of a scenario differs from every other, and prosumers sell
        var first = window.market().headMap(new Key(2, 0, ""));
        assertEquals(days * T, first.size());
        assertEquals(first.size(), first.values().stream().distinct().count());
        assertTrue(window.selling() > 0, "prosumers sell in some hour");
    }

    /** Rows keyed by scenario, day of the year and a within-day key (hour or member id). */
    record Key(int scenario, int day, String rest) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(scenario, o.scenario);
            c = c != 0 ? c : Integer.compare(day, o.day);
            return c != 0 ? c : rest.compareTo(o.rest);
        }
    }

    record Outcome(SortedMap<Key, String> market, SortedMap<Key, String> games, SortedMap<Key, String> endUserDays,
            SortedMap<Key, String> prosumerHours, int selling) {
    }

    static void assertRowsOfWindow(SortedMap<Key, String> window, SortedMap<Key, String> longer, int firstDay,
            int days) {
        SortedMap<Key, String> expected = new TreeMap<>();
        longer.forEach((k, v) -> {
            if (k.day() >= firstDay && k.day() < firstDay + days) {
                expected.put(k, v);
            }
        });
        assertEquals(expected.size(), window.size());
        for (Map.Entry<Key, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), window.get(e.getKey()), e.getKey().toString());
        }
    }

    static Outcome run(int year, int firstDay, int days) {
        StudyConfig cfg = StudyConfig.fromMap(Map.of("study.year", Integer.toString(year), "study.firstDay",
                Integer.toString(firstDay), "study.days", Integer.toString(days), "study.scenarios", "2",
                "study.firstScenario", "1", "endusers.count", "300", "prosumers.count", "4", "prosumers.pvKwp", "100"));
        StudySetup setup = StudySetup.generated(cfg);
        GameCalendar cal = setup.calendar();
        assertEquals(firstDay, cal.firstDay());
        SortedMap<Key, String> users = new ConcurrentSkipListMap<>();
        SortedMap<Key, String> prosumers = new ConcurrentSkipListMap<>();
        UserResultSink sink = new UserResultSink() {
            @Override
            public void endUserDay(String userId, int game, double[] sums, double peak, double[] demand,
                    double[] baselineDemand, double[] alpha, double[] dmin, double[] dmax, double beta, double emin,
                    double emax) {
                users.put(new Key(cal.scenario(game), cal.day(game), userId),
                        Arrays.toString(Arrays.copyOf(sums, DaySum.ENDUSER_COUNT)) + " " + peak);
            }

            @Override
            public void prosumerHour(String prosumerId, int game, int hour, double[] figures) {
                prosumers.put(new Key(cal.scenario(game), cal.day(game), prosumerId + "/" + hour),
                        Arrays.toString(Arrays.copyOf(figures, UserResultSink.PROSUMER_FIGURES)));
            }
        };
        EquilibriumResult r;
        try (LocalEngine e = LocalEngine.of(setup.blocks(), cal.games(), 2, sink)) {
            r = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
        }
        SortedMap<Key, String> market = new TreeMap<>();
        SortedMap<Key, String> games = new TreeMap<>();
        var p = r.prices();
        int selling = 0;
        for (int g = 0; g < cal.games(); g++) {
            for (int t = 0; t < T; t++) {
                int i = g * T + t;
                market.put(new Key(cal.scenario(g), cal.day(g), String.format("%02d", t)), Arrays.toString(new double[] {
                    p.wholesale()[i], p.importPrice()[i], p.exportPrice()[i], p.tariff()[i], p.feedIn()[i],
                    r.lambda()[i], r.sensitivity()[i], r.demand()[i], r.enduserDemand()[i], r.deficit()[i],
                    r.offered()[i], r.soldLocal()[i], r.exported()[i], r.surplusTotal()[i], r.generation()[i],
                    r.baselineEnduserDemand()[i]}));
                if (r.soldLocal()[i] > 0) {
                    selling++;
                }
            }
            DayResult d = r.days().get(g);
            double[] sums = new double[DaySum.COUNT];
            for (DaySum s : DaySum.values()) {
                sums[s.index()] = r.daily(g, s);
            }
            games.put(new Key(cal.scenario(g), cal.day(g), ""), d.status() + " " + d.outerIterations() + " "
                    + d.innerPasses() + " " + d.maxClearingViolation() + " " + d.maxBestResponseGap() + " "
                    + Arrays.toString(sums));
        }
        return new Outcome(market, games, users, prosumers, selling);
    }
}
