package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.junit.jupiter.api.Test;
import org.tea.model.Behaviour;

/**
 * The O(log N) aggregated offer curve (MODEL section 5) against brute-force sums over prosumers of
 * {@code q_i(lambda) = min(u_i, S (lambda - pi_s))} (strategic) or {@code u_i} (competitive), its slope against
 * finite differences away from the kinks, and its integral {@code G} against numerical integration.
 */
class OfferCurveTest {
    static final Behaviour STRATEGIC = Behaviour.STRATEGIC;
    static final Behaviour COMPETITIVE = Behaviour.COMPETITIVE;

    /** {@code A(lambda)} by definition, one prosumer at a time (independent of the code under test). */
    static double bruteA(Behaviour b, double[] u, double lambda, double piS, double s) {
        if (lambda < piS) {
            return 0;
        }
        double a = 0;
        for (double v : u) {
            a += b == COMPETITIVE ? v : Math.min(v, s * (lambda - piS));
        }
        return a;
    }

    /** A random population: some zero surpluses, some repeated values, sizes from 1 to a few hundred. */
    static double[] population(SplittableRandom r) {
        double[] u = new double[1 + r.nextInt(r.nextBoolean() ? 8 : 300)];
        for (int i = 0; i < u.length; i++) {
            double p = r.nextDouble();
            u[i] = p < 0.1 ? 0.0 : p < 0.2 && i > 0 ? u[i - 1] : 8 * r.nextDouble();
        }
        return u;
    }

    static double[] kinks(double[] u, double piS, double s) {
        return Arrays.stream(u).filter(v -> v > 0).map(v -> piS + v / s).sorted().toArray();
    }

    static double sum(double[] x) {
        double a = 0;
        for (double v : x) {
            a += v;
        }
        return a;
    }

    @Test
    void offeredSlopeAndIntegralMatchBruteForceOnRandomPopulations() {
        SplittableRandom r = new SplittableRandom(1);
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-13, 1e-15, 3, SimpsonIntegrator.SIMPSON_MAX_ITERATIONS_COUNT);
        int interior = 0;
        int saturated = 0;
        int slopes = 0;
        int integrals = 0;
        for (int n = 0; n < 300; n++) {
            double[] u = population(r);
            OfferCurve c = OfferCurve.of(u);
            double piS = -0.02 + 0.08 * r.nextDouble(); // wholesale prices may be negative
            double s = 10 + 2000 * r.nextDouble();
            double[] kinks = kinks(u, piS, s);
            double lastKink = kinks.length == 0 ? piS : kinks[kinks.length - 1];
            assertEquals(sum(u), c.total(), 1e-12 * Math.max(1, sum(u)), "U");
            for (int k = 0; k < 20; k++) {
                // prices spread over [pi_s - 10%, beyond the last kink], plus exactly at a kink now and then
                double lambda = k == 0 && kinks.length > 0 ? kinks[r.nextInt(kinks.length)]
                        : piS + (lastKink - piS) * (1.3 * r.nextDouble() - 0.1);
                for (Behaviour b : Behaviour.values()) {
                    double expected = bruteA(b, u, lambda, piS, s);
                    assertEquals(expected, c.offered(b, lambda, piS, s), 1e-12 * Math.max(1, expected),
                            b + " A at " + lambda + ", case " + n);
                }
                if (lambda > piS && lambda < lastKink) {
                    interior++;
                } else if (lambda >= lastKink) {
                    saturated++;
                    assertEquals(c.total(), c.offered(STRATEGIC, lambda, piS, s), 1e-12 * c.total(), "saturated");
                }
                // slope: central difference on a piece without a kink (A is linear there)
                double h = 1e-9 * (lastKink - piS + 1e-3);
                int at = Arrays.binarySearch(kinks, lambda);
                int next = at >= 0 ? at : -at - 1;
                boolean clear = lambda - h > piS && (next >= kinks.length || kinks[next] > lambda + 4 * h)
                        && (next == 0 || kinks[next - 1] < lambda - 4 * h);
                if (clear) {
                    double fd = (bruteA(STRATEGIC, u, lambda + h, piS, s) - bruteA(STRATEGIC, u, lambda - h, piS, s)) / (2 * h);
                    assertEquals(fd, c.slope(STRATEGIC, lambda, piS, s), 1e-5 * Math.max(fd, s), "slope, case " + n);
                    assertEquals(0.0, c.slope(COMPETITIVE, lambda, piS, s), 0.0, "competitive slope");
                    slopes++;
                }
                // G: Simpson on the brute-force A, piece by piece between kinks (exact on each linear piece)
                if (lambda > piS && k < 4) {
                    double[] cuts = DoubleStream.concat(DoubleStream.of(piS, lambda),
                            Arrays.stream(kinks).filter(x -> x > piS && x < lambda)).sorted().distinct().toArray();
                    for (Behaviour b : Behaviour.values()) {
                        double g = 0;
                        for (int p = 1; p < cuts.length; p++) {
                            if (cuts[p] > cuts[p - 1]) {
                                g += simpson.integrate(1_000_000, x -> bruteA(b, u, x, piS, s), cuts[p - 1], cuts[p]);
                            }
                        }
                        assertEquals(g, c.integral(b, lambda, piS, s), 1e-9 * Math.max(g, 1e-12), b + " G, case " + n);
                    }
                    integrals++;
                }
            }
        }
        assertTrue(interior > 2000 && saturated > 500 && slopes > 2000 && integrals > 800,
                "interior " + interior + " saturated " + saturated + " slopes " + slopes + " integrals " + integrals);
    }

    @Test
    void theIntegralOfTheSlopeIsTheOfferAndTheIntegralOfTheOfferIsG() {
        // consistency across the three evaluations on a fine grid: A(l2) - A(l1) = int slope, G(l2) - G(l1) = int A
        SplittableRandom r = new SplittableRandom(2);
        double[] u = population(r);
        OfferCurve c = OfferCurve.of(u);
        double piS = 0.03;
        double s = 400;
        double end = piS + 1.2 * Arrays.stream(u).max().orElseThrow() / s;
        int steps = 200_000;
        double dx = (end - piS) / steps;
        double a = 0;
        double g = 0;
        for (int k = 0; k < steps; k++) {
            double mid = piS + (k + 0.5) * dx;
            a += c.slope(STRATEGIC, mid, piS, s) * dx;
            g += c.offered(STRATEGIC, mid, piS, s) * dx;
        }
        assertEquals(c.offered(STRATEGIC, end, piS, s), a, 1e-6 * c.total());
        assertEquals(c.integral(STRATEGIC, end, piS, s), g, 1e-6 * c.integral(STRATEGIC, end, piS, s));
    }

    @Test
    void curvesOfDisjointPopulationsAdd() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 100; n++) {
            double[] u = population(r);
            int cut = r.nextInt(u.length + 1);
            OfferCurve whole = OfferCurve.of(u);
            OfferCurve left = OfferCurve.of(u, 0, cut);
            OfferCurve right = OfferCurve.of(u, cut, u.length);
            double piS = 0.02;
            double s = 50 + 500 * r.nextDouble();
            double lambda = piS + 0.03 * r.nextDouble();
            for (Behaviour b : Behaviour.values()) {
                double sc = Math.max(1, whole.total());
                assertEquals(whole.offered(b, lambda, piS, s), left.offered(b, lambda, piS, s) + right.offered(b, lambda, piS, s), 1e-12 * sc);
                assertEquals(whole.slope(b, lambda, piS, s), left.slope(b, lambda, piS, s) + right.slope(b, lambda, piS, s), 1e-12 * s * u.length);
                assertEquals(whole.integral(b, lambda, piS, s), left.integral(b, lambda, piS, s) + right.integral(b, lambda, piS, s), 1e-12 * sc);
            }
            assertEquals(u.length - Arrays.stream(u).filter(v -> v == 0).count(), whole.size(), "zero surpluses dropped");
        }
    }

    @Test
    void zeroSurplusesOfferNothing() {
        OfferCurve none = OfferCurve.of(0.0, 0.0, 0.0);
        OfferCurve empty = OfferCurve.of();
        for (OfferCurve c : new OfferCurve[] {none, empty}) {
            assertEquals(0, c.size());
            assertEquals(0.0, c.total(), 0.0);
            for (Behaviour b : Behaviour.values()) {
                assertEquals(0.0, c.offered(b, 0.1, 0.03, 100), 0.0);
                assertEquals(0.0, c.slope(b, 0.1, 0.03, 100), 0.0);
                assertEquals(0.0, c.integral(b, 0.1, 0.03, 100), 0.0);
            }
        }
        // zeros among positive surpluses change nothing
        OfferCurve some = OfferCurve.of(0.0, 1.0, 0.0, 3.0);
        OfferCurve same = OfferCurve.of(1.0, 3.0);
        for (double lambda : new double[] {0.03, 0.035, 0.04, 0.06, 0.2}) {
            assertEquals(same.offered(STRATEGIC, lambda, 0.03, 100), some.offered(STRATEGIC, lambda, 0.03, 100), 0.0);
            assertEquals(same.slope(STRATEGIC, lambda, 0.03, 100), some.slope(STRATEGIC, lambda, 0.03, 100), 0.0);
            assertEquals(same.integral(STRATEGIC, lambda, 0.03, 100), some.integral(STRATEGIC, lambda, 0.03, 100), 0.0);
        }
    }

    @Test
    void withoutSensitivityAStrategicProsumerOffersNothingAndACompetitiveOneEverything() {
        OfferCurve c = OfferCurve.of(1.0, 2.0, 4.0);
        for (double lambda : new double[] {0.03, 0.05, 0.5}) {
            assertEquals(0.0, c.offered(STRATEGIC, lambda, 0.03, 0.0), 0.0);
            assertEquals(0.0, c.slope(STRATEGIC, lambda, 0.03, 0.0), 0.0);
            assertEquals(0.0, c.integral(STRATEGIC, lambda, 0.03, 0.0), 0.0);
            assertEquals(7.0, c.offered(COMPETITIVE, lambda, 0.03, 0.0), 0.0);
            assertEquals(0.0, c.slope(COMPETITIVE, lambda, 0.03, 0.0), 0.0);
            assertEquals(7.0 * (lambda - 0.03), c.integral(COMPETITIVE, lambda, 0.03, 0.0), 1e-15);
        }
    }

    @Test
    void atAndBelowTheExportPrice() {
        OfferCurve c = OfferCurve.of(1.0, 2.0, 4.0);
        double piS = 0.03;
        // at pi_s: a strategic prosumer offers S * 0 = 0, a competitive one all it has; nothing is integrated yet
        assertEquals(0.0, c.offered(STRATEGIC, piS, piS, 500), 0.0);
        assertEquals(7.0, c.offered(COMPETITIVE, piS, piS, 500), 0.0);
        assertEquals(0.0, c.integral(STRATEGIC, piS, piS, 500), 0.0);
        assertEquals(0.0, c.integral(COMPETITIVE, piS, piS, 500), 0.0);
        // just above pi_s every strategic prosumer is on its rising part: slope S N
        assertEquals(3 * 500.0, c.slope(STRATEGIC, piS + 1e-6, piS, 500), 1e-9);
        // below pi_s nobody offers
        for (Behaviour b : Behaviour.values()) {
            assertEquals(0.0, c.offered(b, piS - 0.01, piS, 500), 0.0);
            assertEquals(0.0, c.slope(b, piS - 0.01, piS, 500), 0.0);
            assertEquals(0.0, c.integral(b, piS - 0.01, piS, 500), 0.0);
        }
        // a known piece: S = 100, lambda = pi_s + 0.015: x = 1.5, A = 1 + 1.5 + 1.5 = 4, slope = 200,
        // G = (1 * 0.015 - 1 / 200) + 2 * 100 * 0.015^2 / 2 = 0.01 + 0.0225
        assertEquals(4.0, c.offered(STRATEGIC, piS + 0.015, piS, 100), 1e-12);
        assertEquals(200.0, c.slope(STRATEGIC, piS + 0.015, piS, 100), 0.0);
        assertEquals(0.0325, c.integral(STRATEGIC, piS + 0.015, piS, 100), 1e-15);
    }

    @Test
    void rejectsNegativeOrNonFiniteSurplus() {
        assertThrows(IllegalArgumentException.class, () -> OfferCurve.of(1.0, -0.5));
        assertThrows(IllegalArgumentException.class, () -> OfferCurve.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> OfferCurve.of(Double.POSITIVE_INFINITY));
    }
}
