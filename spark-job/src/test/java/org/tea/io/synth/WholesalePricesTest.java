package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WholesalePricesTest {
    private static final int YEAR = 2016;
    private static final int DAYS = 366;

    @Test
    void meanIsTheConfiguredMean() {
        assertEquals(0.04, mean(WholesalePrices.generate(YEAR, 44, 1, 0.04)), 1e-12);
        assertEquals(0.1, mean(WholesalePrices.generate(2015, 44, 1, 0.1)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> WholesalePrices.generate(YEAR, 44, 1, 0));
    }

    @Test
    void deterministicPerSeed() {
        double[] a = WholesalePrices.generate(YEAR, 44, 1, 0.04);
        assertArrayEquals(a, WholesalePrices.generate(YEAR, 44, 1, 0.04));
        assertFalse(Arrays.equals(a, WholesalePrices.generate(YEAR, 44, 2, 0.04)));
    }

    @Test
    void eveningPeakAboveMiddayAndNight() {
        double[] p = WholesalePrices.generate(YEAR, 44, 1, 0.04);
        double[] byHour = new double[24];
        for (int i = 0; i < p.length; i++) {
            byHour[i % 24] += p[i] / DAYS;
        }
        assertTrue(byHour[18] > byHour[3] && byHour[18] > byHour[12], Arrays.toString(byHour));
        assertTrue(byHour[8] > byHour[3], "morning peak above night");
    }

    @Test
    void middayDipIsDeeperOnSunnyDays() {
        double[] solar = WholesalePrices.regionalSolar(YEAR, 44, 1);
        double[] p = WholesalePrices.generate(YEAR, 44, 1, 0.04);
        // compare days of the same season (April to August) by their regional solar energy
        Integer[] days = IntStream.rangeClosed(92, 243).boxed().toArray(Integer[]::new);
        Arrays.sort(days, Comparator.comparingDouble(d -> dayTotal(solar, d)));
        int quarter = days.length / 4;
        double cloudy = 0;
        double sunny = 0;
        for (int i = 0; i < quarter; i++) {
            cloudy += dip(p, days[i]) / quarter;
            sunny += dip(p, days[days.length - 1 - i]) / quarter;
        }
        assertTrue(sunny > cloudy + 0.005, "midday dip below the daily mean: sunny " + sunny + ", cloudy " + cloudy);

        // the same prices with no sun at all have no dip to speak of
        double[] dark = WholesalePrices.fromSolar(YEAR, 44, new double[8784], 1, 0.04);
        double darkDip = 0;
        double sunDip = 0;
        for (int d = 92; d <= 243; d++) {
            darkDip += dip(dark, d);
            sunDip += dip(p, d);
        }
        assertTrue(darkDip < sunDip / 3, "no sun, hardly a dip: " + darkDip + " vs " + sunDip);
    }

    @Test
    void aFewNegativeHoursMostlyAtSpringMiddays() {
        int negative = 0;
        int spring = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] p = WholesalePrices.generate(YEAR, 44, seed, 0.04);
            for (int i = 0; i < p.length; i++) {
                if (p[i] < 0) {
                    negative++;
                    int day = i / 24 + 1;
                    int hour = i % 24;
                    assertTrue(hour >= 9 && hour <= 15, "negative only around midday, not at hour " + hour);
                    if (day >= 60 && day <= 181) {
                        spring++;
                    }
                }
            }
        }
        assertTrue(negative > 0, "some negative hours");
        assertTrue(negative < 0.01 * 5 * 8784, "only a few: " + negative);
        assertTrue(spring > negative / 2, spring + " of " + negative + " in March to June");
    }

    @Test
    void winterIsDearerThanLateSpring() {
        double[] p = WholesalePrices.generate(YEAR, 44, 1, 0.04);
        double january = mean(Arrays.copyOfRange(p, 0, 31 * 24));
        double may = mean(Arrays.copyOfRange(p, 121 * 24, 152 * 24));
        assertTrue(january > may, "January " + january + " vs May " + may);
    }

    private static double dip(double[] p, int day) {
        double dayMean = dayTotal(p, day) / 24;
        double midday = 0;
        for (int h = 11; h <= 13; h++) {
            midday += p[(day - 1) * 24 + h] / 3;
        }
        return dayMean - midday;
    }

    private static double dayTotal(double[] s, int day) {
        double t = 0;
        for (int h = 0; h < 24; h++) {
            t += s[(day - 1) * 24 + h];
        }
        return t;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }
}
