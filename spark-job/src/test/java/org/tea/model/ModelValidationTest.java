package org.tea.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid or infeasible input is rejected with a message that starts with the id and names the field. */
class ModelValidationTest {

    static double[] of(double v) {
        double[] a = new double[Hours.T];
        Arrays.fill(a, v);
        return a;
    }

    static double[] with(double v, int t, double x) {
        double[] a = of(v);
        a[t] = x;
        return a;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("U1", "beta", (Runnable) () -> new EndUserDay("U1", of(0.2), 0, of(0), of(1), 0, 24)),
            Arguments.of("U2", "alpha[3]", (Runnable) () -> new EndUserDay("U2", with(0.2, 3, Double.NaN), 1, of(0), of(1), 0, 24)),
            Arguments.of("U3", "alpha[0]", (Runnable) () -> new EndUserDay("U3", with(0.2, 0, -1), 1, of(0), of(1), 0, 24)),
            Arguments.of("U4", "dmin[5]", (Runnable) () -> new EndUserDay("U4", of(0.2), 1, with(0, 5, -0.1), of(1), 0, 24)),
            Arguments.of("U5", "dmax[2]", (Runnable) () -> new EndUserDay("U5", of(0.2), 1, of(0.5), with(1, 2, 0.4), 0, 24)),
            Arguments.of("U6", "emin", (Runnable) () -> new EndUserDay("U6", of(0.2), 1, of(0), of(1), 5, 4)),
            Arguments.of("U7", "emax", (Runnable) () -> new EndUserDay("U7", of(0.2), 1, of(1), of(2), 0, 10)),
            Arguments.of("U8", "emin", (Runnable) () -> new EndUserDay("U8", of(0.2), 1, of(0), of(1), 30, 40)),
            Arguments.of("U9", "alpha", (Runnable) () -> new EndUserDay("U9", new double[3], 1, of(0), of(1), 0, 1)),
            Arguments.of("P1", "generation[4]", (Runnable) () -> new ProsumerDay("P1", with(1, 4, -2), of(1))),
            Arguments.of("P2", "load[1]", (Runnable) () -> new ProsumerDay("P2", of(1), with(1, 1, Double.POSITIVE_INFINITY))),
            Arguments.of("D1", "export_price[7]", (Runnable) () -> new DayPrices("D1", of(0.05), of(0.06), with(0.04, 7, 0.07), of(0.1), of(0.04))),
            Arguments.of("E1", "elasticity", (Runnable) () -> new EndUserSpec("E1", "residential", 4000, 0.2, 0.2, 0)),
            Arguments.of("E2", "flex_share", (Runnable) () -> new EndUserSpec("E2", "residential", 4000, -0.2, 1.5, 0)),
            Arguments.of("E3", "annual_energy", (Runnable) () -> new EndUserSpec("E3", "residential", -1, -0.2, 0.2, 0)),
            Arguments.of("E4", "energy_flex", (Runnable) () -> new EndUserSpec("E4", "residential", 1, -0.2, 0.2, 1)),
            Arguments.of("S1", "pv_kwp", (Runnable) () -> new ProsumerSpec("S1", -5, 0, "residential", 4000)),
            Arguments.of("S2", "wind_kw", (Runnable) () -> new ProsumerSpec("S2", 5, Double.NaN, "residential", 4000)),
            Arguments.of("calendar", "days", (Runnable) () -> new GameCalendar(2025, 366, 1)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void rejectsWithIdAndField(String id, String field, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().startsWith(id + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

}
