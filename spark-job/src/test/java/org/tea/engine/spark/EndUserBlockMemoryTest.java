package org.tea.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.util.SizeEstimator;
import org.junit.jupiter.api.Test;
import org.tea.engine.CalibratedEndUserBlock;
import org.tea.engine.DailyFactor;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * What a cached end-user block costs per end-user, as Spark's storage accounts it ({@link SizeEstimator}, the
 * estimate behind the manifest's {@code resident_bytes_per_enduser}): at most 200 bytes, the same for a month as
 * for a year, because nothing per user-day is stored.
 */
class EndUserBlockMemoryTest {
    static final int T = Hours.T;

    static CalibratedEndUserBlock block(int n, GameCalendar calendar, double[][] shapes, DailyFactor level) {
        String[] ids = new String[n];
        long[] hash = new long[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        double[] eps = new double[n];
        double[] flex = new double[n];
        double[] eflex = new double[n];
        for (int k = 0; k < n; k++) {
            ids[k] = String.format("E%07d", k);
            hash[k] = k;
            energy[k] = 4000;
            eps[k] = -0.3;
        }
        return new CalibratedEndUserBlock(ids, hash, arch, energy, eps, flex, eflex, level, new float[n * T], shapes,
                new double[T], calendar);
    }

    /** Bytes per end-user of the 512 users a block of 1,024 has beyond a block of 512 over the same arrays. */
    static double bytesPerEndUser(GameCalendar calendar) {
        double[][] shapes = new double[3][8760];
        DailyFactor level = (scenario, idHash, day) -> 1.0;
        long small = SizeEstimator.estimate(List.of(block(512, calendar, shapes, level), shapes));
        long large = SizeEstimator.estimate(List.of(block(1024, calendar, shapes, level), shapes));
        return (large - small) / 512.0;
    }

    @Test
    void anEndUserCostsAtMost200BytesWhateverTheDays() {
        double month = bytesPerEndUser(new GameCalendar(2025, 30, 1));
        double year = bytesPerEndUser(new GameCalendar(2025, 365, 1));
        assertTrue(year > 100 && year <= 200, "bytes per end-user, a year: " + year);
        assertEquals(month, year, 0.0, "a month and a year");
    }
}
