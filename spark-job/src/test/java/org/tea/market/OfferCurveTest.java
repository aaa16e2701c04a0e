package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.Behaviour;

/** The O(log N) offer curve against brute-force sums over prosumers (MODEL section 5). */
class OfferCurveTest {

    static double bruteA(double[] u, double lambda, double piS, double s) {
        double a = 0;
        for (double v : u) {
            a += Settlement.offer(Behaviour.STRATEGIC, v, lambda, piS, s);
        }
        return a;
    }

    @Test
    void strategicOffersSlopeAndIntegralMatchBruteForce() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n = 0; n < 200; n++) {
            double[] u = new double[1 + r.nextInt(60)];
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextDouble() < 0.1 ? 0.0 : 20 * r.nextDouble();
            }
            OfferCurve c = OfferCurve.of(u);
            double piS = 0.03;
            double s = 100 + 2000 * r.nextDouble();
            double lambda = piS + 0.05 * r.nextDouble();
            assertEquals(bruteA(u, lambda, piS, s), c.offered(Behaviour.STRATEGIC, lambda, piS, s), 1e-9);
            double h = 1e-9;
            double fd = (bruteA(u, lambda + h, piS, s) - bruteA(u, lambda - h, piS, s)) / (2 * h);
            assertEquals(fd, c.slope(Behaviour.STRATEGIC, lambda, piS, s), 1e-4 * Math.max(1, fd));
            // A is piecewise linear with kinks at pi_s + u_i / S: the trapezoid rule between kinks is exact
            double[] xs = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(piS, lambda),
                    java.util.Arrays.stream(u).map(v -> piS + v / s).filter(x -> x > piS && x < lambda)).sorted().toArray();
            double integral = 0;
            for (int k = 1; k < xs.length; k++) {
                integral += (xs[k] - xs[k - 1]) * (bruteA(u, xs[k], piS, s) + bruteA(u, xs[k - 1], piS, s)) / 2;
            }
            assertEquals(integral, c.integral(Behaviour.STRATEGIC, lambda, piS, s), 1e-9 * Math.max(1, integral));
        }
    }

    @Test
    void competitiveOffersEverythingFromTheExportPrice() {
        OfferCurve c = OfferCurve.of(1.0, 2.0, 0.0, 4.0);
        assertEquals(7.0, c.total(), 0.0);
        assertEquals(7.0, c.offered(Behaviour.COMPETITIVE, 0.03, 0.03, 0.0), 0.0);
        assertEquals(0.0, c.offered(Behaviour.COMPETITIVE, 0.02, 0.03, 0.0), 0.0);
        assertEquals(7.0 * 0.01, c.integral(Behaviour.COMPETITIVE, 0.04, 0.03, 0.0), 1e-15);
        assertEquals(0.0, c.slope(Behaviour.COMPETITIVE, 0.04, 0.03, 0.0), 0.0);
    }

    @Test
    void noSensitivityMeansNoStrategicOffer() {
        OfferCurve c = OfferCurve.of(1.0, 2.0);
        assertEquals(0.0, c.offered(Behaviour.STRATEGIC, 0.05, 0.03, 0.0), 0.0);
        assertEquals(0.0, c.integral(Behaviour.STRATEGIC, 0.05, 0.03, 0.0), 0.0);
        assertEquals(0.0, c.offered(Behaviour.STRATEGIC, 0.03, 0.03, 500), 0.0);
    }

    @Test
    void settlementSharesTheVerticalPartProRata() {
        // at pi_b: q(pi_b-) = min(u, S (pi_b - pi_s)) = min(u, 2); the rest of the demand split by u - q
        double[] u = {1.0, 3.0, 6.0};
        OfferCurve c = OfferCurve.of(u);
        double piS = 0.0;
        double piB = 0.1;
        double s = 20;
        double a = c.offered(Behaviour.STRATEGIC, piB, piS, s); // 1 + 2 + 2 = 5
        assertEquals(5.0, a, 1e-12);
        double demand = 7.0;
        double total = 0;
        double[] expected = {1.0, 2.0 + 1.0 * 2 / 5, 2.0 + 4.0 * 2 / 5};
        for (int i = 0; i < u.length; i++) {
            double sold = Settlement.sold(Behaviour.STRATEGIC, u[i], piB, piS, s, demand, a, c.total());
            assertEquals(expected[i], sold, 1e-12);
            assertEquals(0.0, Settlement.bestResponseGap(Behaviour.STRATEGIC, sold, u[i], piB, piS, piB, s), 0.0);
            total += sold;
        }
        assertEquals(demand, total, 1e-12);
    }

    @Test
    void violationFollowsTheBoxConditions() {
        assertEquals(2.0, Settlement.violation(0.05, 0.03, 0.1, 5, 3), 0.0);
        assertEquals(0.0, Settlement.violation(0.1, 0.03, 0.1, 5, 3), 0.0);
        assertEquals(2.0, Settlement.violation(0.1, 0.03, 0.1, 3, 5), 0.0);
        assertEquals(0.0, Settlement.violation(0.03, 0.03, 0.1, 3, 5), 0.0);
        assertEquals(2.0, Settlement.violation(0.03, 0.03, 0.1, 5, 3), 0.0);
    }
}
