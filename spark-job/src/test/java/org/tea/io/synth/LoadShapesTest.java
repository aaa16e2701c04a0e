package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadShapesTest {
    private static final int YEAR = 2016;

    @Test
    void everyShapeSumsToOneAndIsPositive() {
        Map<String, double[]> shapes = LoadShapes.generate(YEAR, 44);
        assertEquals(java.util.Set.of("residential", "commercial"), shapes.keySet());
        for (Map.Entry<String, double[]> e : shapes.entrySet()) {
            assertEquals(8784, e.getValue().length);
            double sum = 0;
            for (double v : e.getValue()) {
                assertTrue(v > 0);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12, e.getKey());
        }
        assertEquals(8760, LoadShapes.shape("residential", 2015, 44).length);
    }

    @Test
    void residentialWeekdaysHaveAMorningAndAHigherEveningPeak() {
        double[] r = LoadShapes.shape("residential", YEAR, 44);
        for (int d = 1; d <= 366; d++) {
            if (weekend(d)) {
                continue;
            }
            double morning = max(r, d, 6, 9);
            double midday = min(r, d, 11, 15);
            double evening = max(r, d, 17, 21);
            double night = min(r, d, 0, 5);
            assertTrue(morning > 1.2 * midday, "day " + d + ": morning peak");
            assertTrue(evening > 1.2 * midday, "day " + d + ": evening peak");
            assertTrue(evening > morning, "day " + d + ": evening above morning");
            assertTrue(night < midday, "day " + d + ": night trough");
        }
    }

    @Test
    void weekendsDifferFromWeekdays() {
        // 2016-01-08 is a Friday, 2016-01-09 a Saturday: same season, different day type
        assertEquals(DayOfWeek.SATURDAY, LocalDate.ofYearDay(YEAR, 9).getDayOfWeek());
        double[] r = LoadShapes.shape("residential", YEAR, 44);
        assertTrue(argmax(r, 9, 6, 12) > argmax(r, 8, 6, 12), "a later morning peak at weekends");
        double[] c = LoadShapes.shape("commercial", YEAR, 44);
        double friday = dayTotal(c, 8);
        double saturday = dayTotal(c, 9);
        assertTrue(saturday < 0.75 * friday, "offices closed: " + saturday + " vs " + friday);
        assertTrue(max(c, 8, 9, 16) > 2 * min(c, 8, 0, 4), "office-hours plateau over the night base");
    }

    @Test
    void heatingAndCoolingShapeTheSeasons() {
        double[] r = LoadShapes.shape("residential", YEAR, 44);
        // same weekday (Wednesdays) in winter, spring and summer
        double january = dayTotal(r, 20);
        double april = dayTotal(r, 111);
        double july = dayTotal(r, 202);
        assertTrue(january > 1.2 * april, "winter heating");
        double aprilAfternoon = r[110 * 24 + 16] / april;
        double julyAfternoon = r[201 * 24 + 16] / july;
        assertTrue(julyAfternoon > aprilAfternoon, "summer cooling lifts the afternoon");
        // the south has its winter in July
        double[] south = LoadShapes.shape("residential", YEAR, -44);
        assertTrue(dayTotal(south, 202) > dayTotal(south, 20));
    }

    @Test
    void rejectsAnUnknownArchetype() {
        assertThrows(IllegalArgumentException.class, () -> LoadShapes.shape("industrial", YEAR, 44));
    }

    private static boolean weekend(int day) {
        DayOfWeek d = LocalDate.ofYearDay(YEAR, day).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static double dayTotal(double[] s, int day) {
        double t = 0;
        for (int h = 0; h < 24; h++) {
            t += s[(day - 1) * 24 + h];
        }
        return t;
    }

    private static double max(double[] s, int day, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int h = from; h <= to; h++) {
            m = Math.max(m, s[(day - 1) * 24 + h]);
        }
        return m;
    }

    private static double min(double[] s, int day, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int h = from; h <= to; h++) {
            m = Math.min(m, s[(day - 1) * 24 + h]);
        }
        return m;
    }

    private static int argmax(double[] s, int day, int from, int to) {
        int best = from;
        for (int h = from; h <= to; h++) {
            if (s[(day - 1) * 24 + h] > s[(day - 1) * 24 + best]) {
                best = h;
            }
        }
        return best;
    }
}
