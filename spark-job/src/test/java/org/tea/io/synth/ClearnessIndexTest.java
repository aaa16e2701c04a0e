package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ClearnessIndexTest {

    @Test
    void sameSeedAndScenarioGiveTheSameIndexAnotherScenarioAnother() {
        double[] a = ClearnessIndex.draw(7, 0, 2016, 44).hourly();
        assertArrayEquals(a, ClearnessIndex.draw(7, 0, 2016, 44).hourly());
        assertFalse(Arrays.equals(a, ClearnessIndex.draw(7, 1, 2016, 44).hourly()));
        assertFalse(Arrays.equals(a, ClearnessIndex.draw(8, 0, 2016, 44).hourly()));
    }

    @Test
    void staysInZeroOneAndIsAutocorrelatedHourToHour() {
        double[] k = ClearnessIndex.draw(1, 0, 2015, 44).hourly();
        assertEquals(8760, k.length);
        for (double v : k) {
            assertTrue(v >= 0 && v <= 1);
        }
        double r = new PearsonsCorrelation().correlation(Arrays.copyOf(k, k.length - 1),
                Arrays.copyOfRange(k, 1, k.length));
        assertTrue(r > 0.6, "lag-one correlation " + r);
    }

    @Test
    void summersAreSunnierThanWintersInTheNorth() {
        int summerClear = 0;
        int winterClear = 0;
        int years = 10;
        for (int s = 0; s < years; s++) {
            ClearnessIndex k = ClearnessIndex.draw(3, s, 2015, 44);
            for (int d = 1; d <= 365; d++) {
                boolean clear = k.sky(d) == ClearnessIndex.Sky.CLEAR;
                if (d >= 152 && d <= 243 && clear) {
                    summerClear++;
                }
                if ((d <= 59 || d >= 335) && clear) {
                    winterClear++;
                }
            }
        }
        assertTrue(summerClear > 1.4 * winterClear, summerClear + " clear summer days vs " + winterClear);
    }

    @Test
    void weatherPersistsFromDayToDay() {
        ClearnessIndex k = ClearnessIndex.draw(5, 0, 2015, 44);
        int same = 0;
        for (int d = 2; d <= 365; d++) {
            if (k.sky(d) == k.sky(d - 1)) {
                same++;
            }
        }
        // independent days from a ~(0.38, 0.35, 0.27) mix would repeat about a third of the time
        assertTrue(same / 364.0 > 0.5, "repeat share " + same / 364.0);
    }

    @Test
    void annualPvCapacityFactorWithCloudsIsTypicalOfMidLatitudes() {
        double[] clear = SolarGeometry.clearSky(2016, 44);
        for (int s = 0; s < 5; s++) {
            double[] k = ClearnessIndex.draw(11, s, 2016, 44).hourly();
            double sum = 0;
            for (int i = 0; i < k.length; i++) {
                sum += clear[i] * k[i];
            }
            double cf = sum / k.length;
            assertTrue(cf > 0.12 && cf < 0.18, "scenario " + s + " annual pv cf " + cf);
        }
    }

    @Test
    void prosumerFactorHasMeanOneAndTheGivenSpread() {
        SummaryStatistics logs = new SummaryStatistics();
        SummaryStatistics factors = new SummaryStatistics();
        for (int p = 0; p < 400; p++) {
            for (int d = 1; d <= 50; d++) {
                double f = ClearnessIndex.prosumerFactor(1, 0, "P" + p, d, 0.05);
                factors.addValue(f);
                logs.addValue(Math.log(f));
            }
        }
        assertEquals(1.0, factors.getMean(), 0.002);
        assertEquals(0.05, logs.getStandardDeviation(), 0.002);
        assertEquals(1.0, ClearnessIndex.prosumerFactor(1, 0, "P1", 1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ClearnessIndex.prosumerFactor(1, 0, "P1", 1, -0.1));
    }

    @Test
    void prosumerFactorIsLognormalAndTheSameFromTheIdOrItsHash() {
        // what a prosumer block computes per prosumer-day (the study's stream, the stored id hash) is the factor
        // of (seed, scenario, id, day); log f is normal with mean -sigma^2/2 and sd sigma (Kolmogorov-Smirnov)
        long stream = ClearnessIndex.prosumerStream(9);
        double sigma = 0.1;
        double[] z = new double[20_000];
        int k = 0;
        for (int p = 0; p < 200; p++) {
            String id = String.format("P%06d", p);
            for (int d = 1; d <= 100; d++) {
                double f = ClearnessIndex.prosumerFactor(stream, 2, Seeds.id(id), d, sigma);
                assertEquals(ClearnessIndex.prosumerFactor(9, 2, id, d, sigma), f, 0.0);
                z[k++] = (Math.log(f) + sigma * sigma / 2) / sigma;
            }
        }
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), z);
        assertTrue(pValue > 0.001, "KS p-value " + pValue);
        assertEquals(1.0, ClearnessIndex.prosumerFactor(stream, 2, 42L, 1, 0.0), 0.0);
    }

    @Test
    void prosumerFactorDependsOnItsCoordinatesOnly() {
        double f = ClearnessIndex.prosumerFactor(9, 2, "P000042", 100, 0.1);
        // other calls in between change nothing: no shared generator
        ClearnessIndex.prosumerFactor(9, 2, "P000041", 100, 0.1);
        assertEquals(f, ClearnessIndex.prosumerFactor(9, 2, "P000042", 100, 0.1));
        assertNotEquals(f, ClearnessIndex.prosumerFactor(9, 2, "P000042", 101, 0.1));
        assertNotEquals(f, ClearnessIndex.prosumerFactor(9, 3, "P000042", 100, 0.1));
        assertNotEquals(f, ClearnessIndex.prosumerFactor(10, 2, "P000042", 100, 0.1));
        assertNotEquals(f, ClearnessIndex.prosumerFactor(9, 2, "P000043", 100, 0.1));
    }

    @Test
    void applyKeepsTheCapacityFactorInZeroOne() {
        assertEquals(1.0, ClearnessIndex.apply(0.9, 1.2));
        assertEquals(0.45, ClearnessIndex.apply(0.5, 0.9), 1e-15);
        assertEquals(0.0, ClearnessIndex.apply(0.0, 1.3));
    }
}
