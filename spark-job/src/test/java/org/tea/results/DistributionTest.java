package org.tea.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The distribution table against a direct computation by hand. */
class DistributionTest {

    @Test
    void meanSdAndR7PercentilesMatchAHandComputation() {
        double[] v = {4, 1, 3, 2, 10};
        Distribution d = Distribution.of("x", v);
        assertEquals(4.0, d.mean(), 1e-15);
        // sample variance: ((0)^2 + 9 + 1 + 4 + 36) / 4 = 12.5
        assertEquals(Math.sqrt(12.5), d.sd(), 1e-15);
        // R-7 on sorted 1 2 3 4 10: h = (n - 1) p; P5 = 1 + 0.2 * (2 - 1), P50 = 3, P95 = 4 + 0.8 * (10 - 4)
        assertEquals(1.2, d.p5(), 1e-12);
        assertEquals(3.0, d.p50(), 1e-12);
        assertEquals(8.8, d.p95(), 1e-12);
        assertEquals(5, d.scenarios());
    }

    @Test
    void oneScenarioHasNoSpread() {
        Distribution d = Distribution.of("x", new double[] {7});
        assertEquals(0.0, d.sd(), 0.0);
        assertEquals(7.0, d.p5(), 0.0);
        assertEquals(7.0, d.p95(), 0.0);
    }
}
