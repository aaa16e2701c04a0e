package org.tea.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid or infeasible input to the model records is rejected with an {@link IllegalArgumentException}
 * whose message starts with the entity's id and names the offending field. Each case changes one thing in a
 * valid input, and {@link #theValidInputsAreAccepted} shows that the unchanged inputs pass, so every case
 * fails for the reason it names.
 */
class ModelValidationTest {
    static final int T = Hours.T;
    static final int YEAR = 2025;
    static final int HOURS = 8760;

    static double[] of(double v) {
        double[] a = new double[T];
        Arrays.fill(a, v);
        return a;
    }

    static double[] with(double[] a, int t, double x) {
        double[] b = a.clone();
        b[t] = x;
        return b;
    }

    static double[] year(double v) {
        double[] a = new double[HOURS];
        Arrays.fill(a, v);
        return a;
    }

    // valid inputs: each case below changes exactly one thing
    static final double[] ALPHA = of(0.3);
    static final double[] DMIN = of(0.5);
    static final double[] DMAX = of(1.5);

    static EndUserDay user(String id, double[] alpha, double beta, double[] dmin, double[] dmax, double emin, double emax) {
        return new EndUserDay(id, alpha, beta, dmin, dmax, emin, emax);
    }

    static EndUserDay user() {
        return user("U", ALPHA, 2.0, DMIN, DMAX, 20, 30); // sum dmin 12, sum dmax 36
    }

    static DayPrices prices(double[] wholesale, double[] pb, double[] ps, double[] tariff, double[] feedIn) {
        return new DayPrices("D", wholesale, pb, ps, tariff, feedIn);
    }

    static DayPrices prices() {
        return prices(of(0.05), of(0.07), of(0.04), of(0.12), of(0.04));
    }

    static Map<String, double[]> shapes(double[] shape) {
        Map<String, double[]> m = new HashMap<>();
        m.put("residential", shape);
        return m;
    }

    static StudySeries series(int year, double[] wholesale, Map<String, double[]> archetypes, double[] pv, double[] wind) {
        return new StudySeries(year, wholesale, archetypes, pv, wind);
    }

    static StudySeries series() {
        return series(YEAR, year(0.05), shapes(year(1.0 / HOURS)), year(0.2), year(0.3));
    }

    static Arguments reject(String id, String field, Executable make) {
        return Arguments.of(id, field, make);
    }

    static Stream<Arguments> endUserDays() {
        return Stream.of(
            reject("U", "alpha", () -> user("U", null, 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "alpha", () -> user("U", new double[T - 1], 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "alpha[3]", () -> user("U", with(ALPHA, 3, Double.NaN), 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "alpha[23]", () -> user("U", with(ALPHA, 23, Double.POSITIVE_INFINITY), 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "alpha[0]", () -> user("U", with(ALPHA, 0, 0.0), 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "alpha[4]", () -> user("U", with(ALPHA, 4, -0.1), 2.0, DMIN, DMAX, 20, 30)),
            reject("U", "beta", () -> user("U", ALPHA, 0.0, DMIN, DMAX, 20, 30)),
            reject("U", "beta", () -> user("U", ALPHA, -1.0, DMIN, DMAX, 20, 30)),
            reject("U", "beta", () -> user("U", ALPHA, Double.NaN, DMIN, DMAX, 20, 30)),
            reject("U", "beta", () -> user("U", ALPHA, Double.POSITIVE_INFINITY, DMIN, DMAX, 20, 30)),
            reject("U", "dmin", () -> user("U", ALPHA, 2.0, null, DMAX, 20, 30)),
            reject("U", "dmin", () -> user("U", ALPHA, 2.0, new double[T + 1], DMAX, 20, 30)),
            reject("U", "dmin[7]", () -> user("U", ALPHA, 2.0, with(DMIN, 7, Double.NaN), DMAX, 20, 30)),
            reject("U", "dmin[5]", () -> user("U", ALPHA, 2.0, with(DMIN, 5, -0.1), DMAX, 20, 30)),
            reject("U", "dmax", () -> user("U", ALPHA, 2.0, DMIN, null, 20, 30)),
            reject("U", "dmax[9]", () -> user("U", ALPHA, 2.0, DMIN, with(DMAX, 9, Double.NEGATIVE_INFINITY), 20, 30)),
            reject("U", "dmax[2]", () -> user("U", ALPHA, 2.0, DMIN, with(DMAX, 2, 0.4), 20, 30)),
            reject("U", "emin", () -> user("U", ALPHA, 2.0, DMIN, DMAX, Double.NaN, 30)),
            reject("U", "emax", () -> user("U", ALPHA, 2.0, DMIN, DMAX, 20, Double.POSITIVE_INFINITY)),
            reject("U", "emin", () -> user("U", ALPHA, 2.0, DMIN, DMAX, 25, 24)),
            // infeasible energy bounds: the hourly bounds cannot reach them
            reject("U", "emax", () -> user("U", ALPHA, 2.0, DMIN, DMAX, 5, 11.9)),
            reject("U", "emin", () -> user("U", ALPHA, 2.0, DMIN, DMAX, 36.1, 40)));
    }

    static Stream<Arguments> prosumerDays() {
        double[] gen = of(2.0);
        double[] load = of(1.0);
        return Stream.of(
            reject("P", "generation", () -> new ProsumerDay("P", null, load)),
            reject("P", "generation", () -> new ProsumerDay("P", new double[12], load)),
            reject("P", "generation[4]", () -> new ProsumerDay("P", with(gen, 4, -2), load)),
            reject("P", "generation[6]", () -> new ProsumerDay("P", with(gen, 6, Double.NaN), load)),
            reject("P", "load", () -> new ProsumerDay("P", gen, null)),
            reject("P", "load", () -> new ProsumerDay("P", gen, new double[25])),
            reject("P", "load[1]", () -> new ProsumerDay("P", gen, with(load, 1, Double.POSITIVE_INFINITY))),
            reject("P", "load[0]", () -> new ProsumerDay("P", gen, with(load, 0, -0.5))));
    }

    static Stream<Arguments> dayPrices() {
        double[] w = of(0.05);
        double[] pb = of(0.07);
        double[] ps = of(0.04);
        double[] tariff = of(0.12);
        double[] feedIn = of(0.04);
        return Stream.of(
            reject("D", "wholesale_price", () -> prices(null, pb, ps, tariff, feedIn)),
            reject("D", "wholesale_price", () -> prices(new double[T - 1], pb, ps, tariff, feedIn)),
            reject("D", "wholesale_price[3]", () -> prices(with(w, 3, Double.NaN), pb, ps, tariff, feedIn)),
            reject("D", "import_price", () -> prices(w, null, ps, tariff, feedIn)),
            reject("D", "import_price[11]", () -> prices(w, with(pb, 11, Double.POSITIVE_INFINITY), ps, tariff, feedIn)),
            reject("D", "export_price", () -> prices(w, pb, new double[T + 1], tariff, feedIn)),
            reject("D", "export_price[0]", () -> prices(w, pb, with(ps, 0, Double.NaN), tariff, feedIn)),
            reject("D", "tariff", () -> prices(w, pb, ps, null, feedIn)),
            reject("D", "tariff[20]", () -> prices(w, pb, ps, with(tariff, 20, Double.NaN), feedIn)),
            reject("D", "feed_in", () -> prices(w, pb, ps, tariff, null)),
            reject("D", "feed_in[5]", () -> prices(w, pb, ps, tariff, with(feedIn, 5, Double.NEGATIVE_INFINITY))),
            // pi_s > pi_b
            reject("D", "export_price[7]", () -> prices(w, pb, with(ps, 7, 0.071), tariff, feedIn)),
            reject("D", "import_price[7]", () -> prices(w, with(pb, 7, 0.039), ps, tariff, feedIn)));
    }

    static Stream<Arguments> endUserSpecs() {
        return Stream.of(
            reject("", "id", () -> new EndUserSpec(null, "residential", 4000, -0.2, 0.2, 0)),
            reject("", "id", () -> new EndUserSpec(" ", "residential", 4000, -0.2, 0.2, 0)),
            reject("E", "archetype", () -> new EndUserSpec("E", null, 4000, -0.2, 0.2, 0)),
            reject("E", "archetype", () -> new EndUserSpec("E", "", 4000, -0.2, 0.2, 0)),
            reject("E", "annual_energy", () -> new EndUserSpec("E", "residential", -1, -0.2, 0.2, 0)),
            reject("E", "annual_energy", () -> new EndUserSpec("E", "residential", Double.NaN, -0.2, 0.2, 0)),
            reject("E", "annual_energy", () -> new EndUserSpec("E", "residential", Double.POSITIVE_INFINITY, -0.2, 0.2, 0)),
            reject("E", "elasticity", () -> new EndUserSpec("E", "residential", 4000, 0.2, 0.2, 0)),
            reject("E", "elasticity", () -> new EndUserSpec("E", "residential", 4000, 0.0, 0.2, 0)),
            reject("E", "elasticity", () -> new EndUserSpec("E", "residential", 4000, Double.NaN, 0.2, 0)),
            reject("E", "elasticity", () -> new EndUserSpec("E", "residential", 4000, Double.NEGATIVE_INFINITY, 0.2, 0)),
            reject("E", "flex_share", () -> new EndUserSpec("E", "residential", 4000, -0.2, -0.1, 0)),
            reject("E", "flex_share", () -> new EndUserSpec("E", "residential", 4000, -0.2, 1.5, 0)),
            reject("E", "flex_share", () -> new EndUserSpec("E", "residential", 4000, -0.2, Double.NaN, 0)),
            reject("E", "energy_flex", () -> new EndUserSpec("E", "residential", 4000, -0.2, 0.2, -0.1)),
            reject("E", "energy_flex", () -> new EndUserSpec("E", "residential", 4000, -0.2, 0.2, 1)),
            reject("E", "energy_flex", () -> new EndUserSpec("E", "residential", 4000, -0.2, 0.2, Double.NaN)));
    }

    static Stream<Arguments> prosumerSpecs() {
        return Stream.of(
            reject("", "id", () -> new ProsumerSpec(null, 5, 0, "residential", 4000)),
            reject("", "id", () -> new ProsumerSpec("", 5, 0, "residential", 4000)),
            reject("S", "archetype", () -> new ProsumerSpec("S", 5, 0, null, 4000)),
            reject("S", "archetype", () -> new ProsumerSpec("S", 5, 0, "  ", 4000)),
            reject("S", "pv_kwp", () -> new ProsumerSpec("S", -5, 0, "residential", 4000)),
            reject("S", "pv_kwp", () -> new ProsumerSpec("S", Double.POSITIVE_INFINITY, 0, "residential", 4000)),
            reject("S", "wind_kw", () -> new ProsumerSpec("S", 5, -1, "residential", 4000)),
            reject("S", "wind_kw", () -> new ProsumerSpec("S", 5, Double.NaN, "residential", 4000)),
            reject("S", "annual_energy", () -> new ProsumerSpec("S", 5, 0, "residential", -4000)),
            reject("S", "annual_energy", () -> new ProsumerSpec("S", 5, 0, "residential", Double.NaN)));
    }

    static Stream<Arguments> studySeries() {
        double[] w = year(0.05);
        double[] pv = year(0.2);
        double[] wind = year(0.3);
        Map<String, double[]> a = shapes(year(1.0 / HOURS));
        double[] yearCell = year(0.2);
        return Stream.of(
            reject("series", "wholesale_price", () -> series(YEAR, null, a, pv, wind)),
            reject("series", "wholesale_price", () -> series(YEAR, new double[HOURS - 1], a, pv, wind)),
            reject("series", "wholesale_price", () -> series(2024, w, a, year(0.2), year(0.3))), // leap year: 8,784
            reject("series", "wholesale_price", () -> series(YEAR, withYear(w, 100, Double.NaN), a, pv, wind)),
            reject("series", "pv_capacity_factor", () -> series(YEAR, w, a, null, wind)),
            reject("series", "pv_capacity_factor", () -> series(YEAR, w, a, withYear(yearCell, 4000, -0.01), wind)),
            reject("series", "pv_capacity_factor", () -> series(YEAR, w, a, withYear(yearCell, 4000, 1.01), wind)),
            reject("series", "pv_capacity_factor", () -> series(YEAR, w, a, withYear(yearCell, 0, Double.NaN), wind)),
            reject("series", "wind_capacity_factor", () -> series(YEAR, w, a, pv, new double[10])),
            reject("series", "wind_capacity_factor", () -> series(YEAR, w, a, pv, withYear(wind, 8759, 2.0))),
            reject("series", "archetype", () -> series(YEAR, w, null, pv, wind)),
            reject("series", "archetype", () -> series(YEAR, w, new HashMap<>(), pv, wind)),
            reject("series", "archetype residential", () -> series(YEAR, w, shapes(new double[HOURS + 24]), pv, wind)),
            reject("series", "archetype residential", () -> series(YEAR, w, shapes(withYear(year(1.0 / HOURS), 5, -1e-6)), pv, wind)),
            reject("series", "archetype residential", () -> series(YEAR, w, shapes(withYear(year(1.0 / HOURS), 5, Double.NaN)), pv, wind)));
    }

    static Stream<Arguments> calendars() {
        return Stream.of(
            reject("calendar", "days", () -> new GameCalendar(2025, 366, 1)),
            reject("calendar", "days", () -> new GameCalendar(2024, 367, 1)),
            reject("calendar", "days", () -> new GameCalendar(2025, 0, 1)),
            reject("calendar", "scenarios", () -> new GameCalendar(2025, 365, 0)),
            reject("calendar", "firstDay", () -> new GameCalendar(2025, 0, 10, 1, 0)),
            reject("calendar", "firstDay", () -> new GameCalendar(2025, 357, 10, 1, 0)),   // would end on day 366
            reject("calendar", "firstDay", () -> new GameCalendar(2024, 358, 10, 1, 0)),   // would end on day 367
            reject("calendar", "firstDay", () -> new GameCalendar(2025, 2, 365, 1, 0)));
    }

    static double[] withYear(double[] a, int h, double x) {
        double[] b = a.clone();
        b[h] = x;
        return b;
    }

    static void assertRejected(String id, String field, Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        String m = e.getMessage();
        assertTrue(m.startsWith(id.isEmpty() ? "" : id + ":"), "message should start with '" + id + ":' : " + m);
        assertTrue(m.contains(field), "message should name " + field + ": " + m);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("endUserDays")
    void endUserDayRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("prosumerDays")
    void prosumerDayRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("dayPrices")
    void dayPricesRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("endUserSpecs")
    void endUserSpecRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("prosumerSpecs")
    void prosumerSpecRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("studySeries")
    void studySeriesRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("calendars")
    void gameCalendarRejects(String id, String field, Executable make) {
        assertRejected(id, field, make);
    }

    @Test
    void theValidInputsAreAccepted() {
        assertDoesNotThrow(() -> user());
        assertDoesNotThrow(() -> new ProsumerDay("P", of(2.0), of(1.0)));
        assertDoesNotThrow(() -> prices());
        assertDoesNotThrow(() -> new EndUserSpec("E", "residential", 4000, -0.2, 0.2, 0));
        assertDoesNotThrow(() -> new ProsumerSpec("S", 5, 0, "residential", 4000));
        assertDoesNotThrow(() -> series());
        assertDoesNotThrow(() -> new GameCalendar(2025, 365, 1));
        // boundaries that are valid
        assertDoesNotThrow(() -> user("U", ALPHA, 2.0, DMIN, DMIN, 12, 12)); // no flexibility at all
        assertDoesNotThrow(() -> user("U", ALPHA, 2.0, DMIN, DMAX, 12, 12)); // Emax = sum of dmin
        assertDoesNotThrow(() -> user("U", ALPHA, 2.0, DMIN, DMAX, 36, 36)); // Emin = sum of dmax
        assertDoesNotThrow(() -> user("U", ALPHA, 2.0, of(0.0), DMAX, 0, 36));
        assertDoesNotThrow(() -> prices(of(-0.02), of(0.0), of(-0.02), of(0.12), of(-0.02))); // negative prices
        assertDoesNotThrow(() -> prices(of(0.05), of(0.05), of(0.05), of(0.12), of(0.05))); // pi_s = pi_b
        assertDoesNotThrow(() -> new ProsumerDay("P", of(0.0), of(0.0)));
        assertDoesNotThrow(() -> new EndUserSpec("E", "residential", 0, -1e-3, 0, 0));
        assertDoesNotThrow(() -> new EndUserSpec("E", "residential", 4000, -2, 1, 0.99));
        assertDoesNotThrow(() -> new ProsumerSpec("S", 0, 3, "residential", 0));
        assertDoesNotThrow(() -> series(2024, new double[8784], shapes(new double[8784]), new double[8784], new double[8784]));
        assertDoesNotThrow(() -> series(YEAR, year(-0.5), shapes(year(0)), year(1.0), year(0.0)));
        assertDoesNotThrow(() -> new GameCalendar(2024, 366, 3));
        assertDoesNotThrow(() -> new GameCalendar(2025, 356, 10, 1, 0));   // ends on 31 December
        assertDoesNotThrow(() -> new GameCalendar(2024, 357, 10, 1, 0));   // ends on 31 December of a leap year
        assertDoesNotThrow(() -> new GameCalendar(2024, 366, 1, 1, 0));
    }

    @Test
    void recordsCopyTheirArraysSoTheyStayValid() {
        double[] alpha = ALPHA.clone();
        EndUserDay u = user("U", alpha, 2.0, DMIN, DMAX, 20, 30);
        alpha[0] = -1; // after construction: the record keeps its own copy
        u.alpha()[1] = -1; // and hands out copies
        assertTrue(u.alpha()[0] == 0.3 && u.alpha()[1] == 0.3);
        double[] gen = of(2.0);
        ProsumerDay p = new ProsumerDay("P", gen, of(1.0));
        gen[0] = -1;
        assertTrue(p.generation()[0] == 2.0 && p.surplus(0) == 1.0 && p.deficit(0) == 0.0);
    }
}
