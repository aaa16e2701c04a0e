package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SolarGeometryTest {
    private static final int YEAR = 2016;
    private static final int DAYS = 366;

    @Test
    void declinationAndEquationOfTimeMatchAlmanacValues() {
        assertEquals(23.44, Math.toDegrees(SolarGeometry.declination(173, DAYS)), 0.3, "June solstice");
        assertEquals(-23.44, Math.toDegrees(SolarGeometry.declination(356, DAYS)), 0.3, "December solstice");
        assertEquals(0.0, Math.toDegrees(SolarGeometry.declination(80, DAYS)), 0.6, "March equinox");
        assertEquals(16.4, SolarGeometry.equationOfTime(308, DAYS), 0.6, "early November maximum");
        assertEquals(-14.2, SolarGeometry.equationOfTime(42, DAYS), 0.6, "mid-February minimum");
    }

    @Test
    void zeroAtNightAndNeverOutsideZeroOne() {
        double[] cf = SolarGeometry.clearSky(YEAR, 44);
        assertEquals(8784, cf.length);
        for (int i = 0; i < cf.length; i++) {
            int h = i % 24;
            assertTrue(cf[i] >= 0 && cf[i] <= 1, "cf in [0, 1] at " + i);
            if (h <= 3 || h >= 21) {
                assertEquals(0.0, cf[i], "night at day " + (i / 24 + 1) + " hour " + h);
            }
        }
    }

    @Test
    void peaksAroundSolarNoonEveryDay() {
        double[] cf = SolarGeometry.clearSky(YEAR, 44);
        for (int d = 0; d < DAYS; d++) {
            int best = 0;
            for (int h = 1; h < 24; h++) {
                if (cf[d * 24 + h] > cf[d * 24 + best]) {
                    best = h;
                }
            }
            // hour 11 is 11:00-12:00, hour 12 is 12:00-13:00: solar noon lies between, +-16 min of the clock
            assertTrue(best == 11 || best == 12, "day " + (d + 1) + " peaks at hour " + best);
        }
    }

    @Test
    void clearSummerNoonGivesAbout85PercentOfPeakPower() {
        double[] cf = SolarGeometry.clearSky(YEAR, 44);
        double noon = Math.max(cf[171 * 24 + 11], cf[171 * 24 + 12]);
        assertTrue(noon > 0.8 && noon < 0.9, "summer noon cf " + noon);
    }

    @Test
    void moreSummerThanWinterEnergyInTheNorthAndTheReverseInTheSouth() {
        double[] north = SolarGeometry.clearSky(YEAR, 44);
        double[] south = SolarGeometry.clearSky(YEAR, -44);
        double juneN = dayEnergy(north, 172);
        double decN = dayEnergy(north, 356);
        assertTrue(juneN > 1.5 * decN, "north: June " + juneN + " vs December " + decN);
        assertTrue(dayEnergy(south, 356) > 1.5 * dayEnergy(south, 172), "south: December beats June");
        // a panel tilted at the latitude sees the same sun at mirrored seasons
        assertEquals(juneN, dayEnergy(south, 356), 0.05 * juneN);
    }

    @Test
    void annualClearSkyCapacityFactorIsPlausible() {
        double sum = 0;
        for (double v : SolarGeometry.clearSky(2015, 44)) {
            sum += v;
        }
        double annual = sum / 8760;
        // clear-sky yield at 44 N on a latitude tilt is roughly 1,900-2,200 kWh/kWp a year
        assertTrue(annual > 0.2 && annual < 0.26, "annual clear-sky cf " + annual);
    }

    @Test
    void rejectsImpossibleLatitude() {
        assertThrows(IllegalArgumentException.class, () -> SolarGeometry.clearSky(YEAR, 91));
        assertThrows(IllegalArgumentException.class, () -> SolarGeometry.clearSky(YEAR, Double.NaN));
    }

    private static double dayEnergy(double[] cf, int day) {
        double e = 0;
        for (int h = 0; h < 24; h++) {
            e += cf[(day - 1) * 24 + h];
        }
        return e;
    }
}
