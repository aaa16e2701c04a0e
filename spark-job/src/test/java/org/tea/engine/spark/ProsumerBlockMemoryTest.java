package org.tea.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.util.SizeEstimator;
import org.junit.jupiter.api.Test;
import org.tea.engine.RenewableProsumerBlock;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * What a cached prosumer block costs per prosumer, as Spark's storage accounts it ({@link SizeEstimator}, the
 * estimate behind the manifest's {@code resident_bytes_per_prosumer}): the bytes that come with each further
 * prosumer of a block, the arrays its blocks share aside, are a hundred or so and do not grow with games.
 */
class ProsumerBlockMemoryTest {
    static final int T = Hours.T;

    /** A block of the first {@code n} prosumers over the given calendar's shared arrays. */
    static RenewableProsumerBlock block(int n, GameCalendar calendar, double[][] cf, double[][] shapes) {
        String[] ids = new String[n];
        long[] hash = new long[n];
        double[] kwp = new double[n];
        double[] kw = new double[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("P%07d", i);
            hash[i] = i;
            kwp[i] = 4;
            energy[i] = 4500;
        }
        return new RenewableProsumerBlock(ids, hash, kwp, kw, arch, energy, cf, cf, shapes, calendar, (s, h, d) -> 1.0);
    }

    /** Bytes per prosumer of the 64 prosumers a block of 128 has beyond a block of 64 over the same arrays. */
    static double bytesPerProsumer(GameCalendar calendar) {
        double[][] cf = new double[calendar.scenarios()][calendar.days() * T];
        double[][] shapes = new double[3][8760];
        long small = SizeEstimator.estimate(List.of(block(64, calendar, cf, shapes), cf, shapes));
        long large = SizeEstimator.estimate(List.of(block(128, calendar, cf, shapes), cf, shapes));
        return (large - small) / 64.0;
    }

    @Test
    void aProsumerCostsAHundredOrSoBytesWhateverTheGames() {
        double oneDay = bytesPerProsumer(new GameCalendar(2025, 1, 1));
        double year = bytesPerProsumer(new GameCalendar(2025, 365, 1));
        double monteCarlo = bytesPerProsumer(new GameCalendar(2025, 60, 10));
        assertTrue(oneDay > 40 && oneDay <= 160, "bytes per prosumer, one game: " + oneDay);
        assertEquals(oneDay, year, 0.0, "a year of games");
        assertEquals(oneDay, monteCarlo, 0.0, "10 scenarios of 60 days");
    }
}
