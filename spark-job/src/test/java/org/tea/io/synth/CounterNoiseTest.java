package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class CounterNoiseTest {
    private static final NormalDistribution UNIT = new NormalDistribution(null, 0, 1);

    /** Every uniform {@link Seeds#uniform} can give, in the centre and far into both tails. */
    private static double[] probabilities() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] p = new double[200_000];
        for (int i = 0; i < p.length; i++) {
            long bits = r.nextLong();
            if (i % 4 == 1) {
                bits >>>= r.nextInt(64); // small uniforms: the tails down to 2^-54
            }
            p[i] = Seeds.uniform(i % 2 == 0 ? bits : ~bits);
        }
        return p;
    }

    @Test
    void quantileMatchesTheNormalQuantileToRounding() {
        double worst = 0;
        for (double p : probabilities()) {
            double x = CounterNoise.quantile(p);
            double expected = UNIT.inverseCumulativeProbability(p);
            if (Double.isInfinite(expected)) {
                assertEquals(expected, x, "p = " + p);
                continue;
            }
            worst = Math.max(worst, Math.abs(x - expected) / Math.max(1.0, Math.abs(expected)));
        }
        assertTrue(worst < 1e-14, "largest relative difference " + worst);
    }

    @Test
    void quantileIsOddAndIncreasing() {
        for (double u : probabilities()) {
            double v = u < 0.5 ? 1.0 - u : u; // in [1/2, 1], where 1 - v is exact
            double x = CounterNoise.quantile(v);
            assertEquals(-x, CounterNoise.quantile(1.0 - v), 1e-15 * Math.max(1.0, Math.abs(x)), "p = " + v);
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 1_000_000; k++) {
            double x = CounterNoise.quantile((k + 0.5) / 1_000_000);
            assertTrue(x > previous, "not increasing at k = " + k);
            previous = x;
        }
        assertEquals(0.0, CounterNoise.quantile(0.5), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, CounterNoise.quantile(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, CounterNoise.quantile(0.0));
        assertEquals(1.959963984540054, CounterNoise.quantile(0.975), 1e-15);
        assertEquals(-8.222082216130435, CounterNoise.quantile(1e-16), 1e-14);
    }

    @Test
    void lognormalHasMeanOneAndTheGivenSpread() {
        int n = 400_000;
        double sum = 0;
        double sumLog = 0;
        double sumLog2 = 0;
        for (int k = 0; k < n; k++) {
            double f = CounterNoise.lognormal(11L, 0, Seeds.id("E" + k), 1 + k % 365, 0.3);
            sum += f;
            sumLog += Math.log(f);
            sumLog2 += Math.log(f) * Math.log(f);
        }
        double meanLog = sumLog / n;
        assertEquals(1.0, sum / n, 0.003);
        assertEquals(-0.045, meanLog, 0.002);
        assertEquals(0.3, Math.sqrt(sumLog2 / n - meanLog * meanLog), 0.002);
        assertEquals(1.0, CounterNoise.lognormal(11L, 0, 5L, 3, 0.0), 0.0);
    }
}
