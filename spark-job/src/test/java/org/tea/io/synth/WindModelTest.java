package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class WindModelTest {
    private final WindModel wind = WindModel.DEFAULT;

    @Test
    void powerCurveHasCutInRatedAndCutOut() {
        assertEquals(0.0, wind.power(2.9));
        assertEquals(0.0, wind.power(3.0), 1e-15);
        assertTrue(wind.power(7) > 0 && wind.power(7) < 1);
        assertTrue(wind.power(9) > wind.power(7));
        assertEquals(1.0, wind.power(11));
        assertEquals(1.0, wind.power(24.9));
        assertEquals(0.0, wind.power(25));
    }

    @Test
    void capacityFactorIsPlausibleAutocorrelatedAndInZeroOne() {
        double[] cf = wind.capacityFactor(1, 0, 2016, 44);
        assertEquals(8784, cf.length);
        double sum = 0;
        for (double v : cf) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        double annual = sum / cf.length;
        assertTrue(annual > 0.08 && annual < 0.3, "annual wind cf " + annual);
        double r = new PearsonsCorrelation().correlation(Arrays.copyOf(cf, cf.length - 1),
                Arrays.copyOfRange(cf, 1, cf.length));
        assertTrue(r > 0.7, "lag-one correlation " + r);
    }

    @Test
    void winterIsWindierThanSummerInTheNorth() {
        double winter = 0;
        double summer = 0;
        for (int s = 0; s < 5; s++) {
            double[] cf = wind.capacityFactor(2, s, 2015, 44);
            for (int i = 0; i < cf.length; i++) {
                int day = i / 24 + 1;
                if (day <= 59 || day >= 335) {
                    winter += cf[i];
                } else if (day >= 152 && day <= 243) {
                    summer += cf[i];
                }
            }
        }
        assertTrue(winter > summer, "winter " + winter + " vs summer " + summer);
    }

    @Test
    void seededByScenario() {
        double[] a = wind.capacityFactor(3, 0, 2015, 44);
        assertArrayEquals(a, wind.capacityFactor(3, 0, 2015, 44));
        assertFalse(Arrays.equals(a, wind.capacityFactor(3, 1, 2015, 44)));
    }

    @Test
    void rejectsAnInconsistentPowerCurve() {
        assertThrows(IllegalArgumentException.class, () -> new WindModel(2, 5, 12, 11, 25, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new WindModel(2, 5, 3, 11, 25, 1.0));
    }
}
