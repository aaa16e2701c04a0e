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
import org.tea.model.Hours;

/**
 * The aggregated offer curve (MODEL section 5) as a pass evaluates it, {@link OfferSums} accumulated one prosumer
 * at a time, against brute-force sums over prosumers of {@code q_i(lambda) = min(u_i, S (lambda - pi_s))}
 * (strategic) or {@code u_i} (competitive), its slope against finite differences away from the kinks, and its
 * integral {@code G} against numerical integration.
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

    /** The offer sums of surpluses {@code u} (hour 0 of a day whose hours all have the same prices). */
    static OfferSums at(double[] u, int from, int to, double lambda, double piS, double s) {
        OfferSums o = new OfferSums();
        double[] l = new double[Hours.T];
        double[] p = new double[Hours.T];
        double[] sens = new double[Hours.T];
        Arrays.fill(l, lambda);
        Arrays.fill(p, piS);
        Arrays.fill(sens, s);
        o.start(l, p, sens, 0);
        for (int i = from; i < to; i++) {
            o.add(0, u[i], 0.0); // no load: the surplus is the generation
        }
        return o;
    }

    static OfferSums at(double[] u, double lambda, double piS, double s) {
        return at(u, 0, u.length, lambda, piS, s);
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
            double piS = -0.02 + 0.08 * r.nextDouble(); // wholesale prices may be negative
            double s = 10 + 2000 * r.nextDouble();
            double[] kinks = kinks(u, piS, s);
            double lastKink = kinks.length == 0 ? piS : kinks[kinks.length - 1];
            double total = at(u, piS, piS, s).surplus(0);
            assertEquals(sum(u), total, 1e-12 * Math.max(1, sum(u)), "U");
            for (int k = 0; k < 20; k++) {
                // prices spread over [pi_s - 10%, beyond the last kink], plus exactly at a kink now and then
                double lambda = k == 0 && kinks.length > 0 ? kinks[r.nextInt(kinks.length)]
                        : piS + (lastKink - piS) * (1.3 * r.nextDouble() - 0.1);
                OfferSums c = at(u, lambda, piS, s);
                assertEquals(total, c.surplus(0), 0.0, "U does not depend on the price");
                for (Behaviour b : Behaviour.values()) {
                    double expected = bruteA(b, u, lambda, piS, s);
                    assertEquals(expected, c.offered(b, 0), 1e-12 * Math.max(1, expected),
                            b + " A at " + lambda + ", case " + n);
                }
                if (lambda > piS && lambda < lastKink) {
                    interior++;
                } else if (lambda >= lastKink) {
                    saturated++;
                    assertEquals(total, c.offered(STRATEGIC, 0), 1e-12 * total, "saturated");
                }
                // slope: central difference on a piece without a kink (A is linear there)
                double h = 1e-9 * (lastKink - piS + 1e-3);
                int at = Arrays.binarySearch(kinks, lambda);
                int next = at >= 0 ? at : -at - 1;
                boolean clear = lambda - h > piS && (next >= kinks.length || kinks[next] > lambda + 4 * h)
                        && (next == 0 || kinks[next - 1] < lambda - 4 * h);
                if (clear) {
                    double fd = (bruteA(STRATEGIC, u, lambda + h, piS, s) - bruteA(STRATEGIC, u, lambda - h, piS, s)) / (2 * h);
                    assertEquals(fd, c.slope(STRATEGIC, 0), 1e-5 * Math.max(fd, s), "slope, case " + n);
                    assertEquals(0.0, c.slope(COMPETITIVE, 0), 0.0, "competitive slope");
                    // dA/dS by a central difference in S on the same piece (q = S y is linear in S there): a step
                    // that moves x = S y as far as the price step h does, so it stays clear of the kinks too
                    double hs = h * s / (lambda - piS);
                    double fdS = (bruteA(STRATEGIC, u, lambda, piS, s + hs) - bruteA(STRATEGIC, u, lambda, piS, s - hs))
                            / (2 * hs);
                    assertEquals(fdS, c.growth(STRATEGIC, 0), 1e-5 * Math.max(fdS, lambda - piS), "growth, case " + n);
                    assertEquals(0.0, c.growth(COMPETITIVE, 0), 0.0, "competitive growth");
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
                        assertEquals(g, c.integral(b, 0), 1e-9 * Math.max(g, 1e-12), b + " G, case " + n);
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
        double piS = 0.03;
        double s = 400;
        double end = piS + 1.2 * Arrays.stream(u).max().orElseThrow() / s;
        int steps = 20_000;
        double dx = (end - piS) / steps;
        double a = 0;
        double g = 0;
        for (int k = 0; k < steps; k++) {
            OfferSums mid = at(u, piS + (k + 0.5) * dx, piS, s);
            a += mid.slope(STRATEGIC, 0) * dx;
            g += mid.offered(STRATEGIC, 0) * dx;
        }
        OfferSums last = at(u, end, piS, s);
        assertEquals(last.offered(STRATEGIC, 0), a, 1e-4 * last.surplus(0));
        assertEquals(last.integral(STRATEGIC, 0), g, 1e-5 * last.integral(STRATEGIC, 0));
    }

    @Test
    void sumsOfDisjointPopulationsAdd() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 100; n++) {
            double[] u = population(r);
            int cut = r.nextInt(u.length + 1);
            double piS = 0.02;
            double s = 50 + 500 * r.nextDouble();
            double lambda = piS + 0.03 * r.nextDouble();
            OfferSums whole = at(u, lambda, piS, s);
            OfferSums left = at(u, 0, cut, lambda, piS, s);
            OfferSums right = at(u, cut, u.length, lambda, piS, s);
            for (Behaviour b : Behaviour.values()) {
                double sc = Math.max(1, whole.surplus(0));
                assertEquals(whole.offered(b, 0), left.offered(b, 0) + right.offered(b, 0), 1e-12 * sc);
                assertEquals(whole.slope(b, 0), left.slope(b, 0) + right.slope(b, 0), 1e-12 * s * u.length);
                assertEquals(whole.growth(b, 0), left.growth(b, 0) + right.growth(b, 0), 1e-12 * u.length);
                assertEquals(whole.integral(b, 0), left.integral(b, 0) + right.integral(b, 0), 1e-12 * sc);
            }
        }
    }

    @Test
    void zeroSurplusesOfferNothing() {
        for (double[] u : new double[][] {{0.0, 0.0, 0.0}, {}}) {
            OfferSums c = at(u, 0.1, 0.03, 100);
            assertEquals(0.0, c.surplus(0), 0.0);
            for (Behaviour b : Behaviour.values()) {
                assertEquals(0.0, c.offered(b, 0), 0.0);
                assertEquals(0.0, c.slope(b, 0), 0.0);
                assertEquals(0.0, c.growth(b, 0), 0.0);
                assertEquals(0.0, c.integral(b, 0), 0.0);
            }
        }
        // zeros among positive surpluses change nothing, also where a zero would count as saturated (S <= 0)
        double[] some = {0.0, 1.0, 0.0, 3.0};
        double[] same = {1.0, 3.0};
        for (double lambda : new double[] {0.03, 0.035, 0.04, 0.06, 0.2}) {
            for (double s : new double[] {100, 0, -50}) {
                OfferSums a = at(some, lambda, 0.03, s);
                OfferSums b = at(same, lambda, 0.03, s);
                assertEquals(b.offered(STRATEGIC, 0), a.offered(STRATEGIC, 0), 0.0);
                assertEquals(b.slope(STRATEGIC, 0), a.slope(STRATEGIC, 0), 0.0);
                assertEquals(b.growth(STRATEGIC, 0), a.growth(STRATEGIC, 0), 0.0);
                assertEquals(b.integral(STRATEGIC, 0), a.integral(STRATEGIC, 0), 0.0);
            }
        }
    }

    @Test
    void withoutSensitivityAStrategicProsumerOffersNothingAndACompetitiveOneEverything() {
        double[] u = {1.0, 2.0, 4.0};
        for (double lambda : new double[] {0.03, 0.05, 0.5}) {
            OfferSums c = at(u, lambda, 0.03, 0.0);
            assertEquals(0.0, c.offered(STRATEGIC, 0), 0.0);
            assertEquals(0.0, c.slope(STRATEGIC, 0), 0.0);
            assertEquals(0.0, c.integral(STRATEGIC, 0), 0.0);
            assertEquals(7.0, c.offered(COMPETITIVE, 0), 0.0);
            assertEquals(0.0, c.slope(COMPETITIVE, 0), 0.0);
            assertEquals(7.0 * (lambda - 0.03), c.integral(COMPETITIVE, 0), 1e-15);
        }
    }

    @Test
    void atAndBelowTheExportPrice() {
        double[] u = {1.0, 2.0, 4.0};
        double piS = 0.03;
        // at pi_s: a strategic prosumer offers S * 0 = 0, a competitive one all it has; nothing is integrated yet
        OfferSums at = at(u, piS, piS, 500);
        assertEquals(0.0, at.offered(STRATEGIC, 0), 0.0);
        assertEquals(7.0, at.offered(COMPETITIVE, 0), 0.0);
        assertEquals(0.0, at.integral(STRATEGIC, 0), 0.0);
        assertEquals(0.0, at.integral(COMPETITIVE, 0), 0.0);
        // at pi_s every strategic prosumer is at the foot of its rising part: slope S N
        assertEquals(3 * 500.0, at.slope(STRATEGIC, 0), 0.0);
        assertEquals(3 * 500.0, at(u, piS + 1e-6, piS, 500).slope(STRATEGIC, 0), 1e-9);
        // below pi_s nobody offers
        OfferSums below = at(u, piS - 0.01, piS, 500);
        for (Behaviour b : Behaviour.values()) {
            assertEquals(0.0, below.offered(b, 0), 0.0);
            assertEquals(0.0, below.slope(b, 0), 0.0);
            assertEquals(0.0, below.growth(b, 0), 0.0);
            assertEquals(0.0, below.integral(b, 0), 0.0);
        }
        // a known piece: S = 100, lambda = pi_s + 0.015: x = 1.5, A = 1 + 1.5 + 1.5 = 4, slope = 200, dA/dS = 0.03,
        // G = (1 * 0.015 - 1 / 200) + 2 * 100 * 0.015^2 / 2 = 0.01 + 0.0225
        OfferSums c = at(u, piS + 0.015, piS, 100);
        assertEquals(4.0, c.offered(STRATEGIC, 0), 1e-12);
        assertEquals(200.0, c.slope(STRATEGIC, 0), 0.0);
        assertEquals(0.03, c.growth(STRATEGIC, 0), 1e-15);
        assertEquals(0.0325, c.integral(STRATEGIC, 0), 1e-15);
    }

    @Test
    void selfUseComesFirstAndEachHourKeepsItsOwnPrices() {
        // two prosumers over a day whose hours have different prices: hour t's sums use hour t's prices only
        double[] lambda = new double[Hours.T];
        double[] piS = new double[Hours.T];
        double[] s = new double[Hours.T];
        double[][] gen = new double[2][Hours.T];
        double[][] load = new double[2][Hours.T];
        for (int t = 0; t < Hours.T; t++) {
            piS[t] = 0.02 + 0.001 * t;
            lambda[t] = piS[t] + 0.002 * (t - 4);   // below pi_s before hour 4
            s[t] = 100 + 10 * t;
            gen[0][t] = 0.3 * t;
            load[0][t] = 1.0;
            gen[1][t] = 2.0;
            load[1][t] = 0.1 * t;
        }
        OfferSums day = new OfferSums();
        day.start(lambda, piS, s, 0);
        day.add(gen[0], load[0]);
        day.add(gen[1], load[1]);
        for (int t = 0; t < Hours.T; t++) {
            double[] u = new double[2];
            double w = 0;
            for (int i = 0; i < 2; i++) {
                u[i] = Math.max(gen[i][t] - load[i][t], 0);
                w += Math.max(load[i][t] - gen[i][t], 0);
            }
            OfferSums hour = at(u, lambda[t], piS[t], s[t]);
            assertEquals(w, day.deficit(t), 1e-15, "W, hour " + t);
            assertEquals(0.0, hour.deficit(0), 0.0);
            assertEquals(hour.surplus(0), day.surplus(t), 0.0, "U, hour " + t);
            for (Behaviour b : Behaviour.values()) {
                assertEquals(hour.offered(b, 0), day.offered(b, t), 0.0, b + " A, hour " + t);
                assertEquals(hour.slope(b, 0), day.slope(b, t), 0.0, b + " slope, hour " + t);
                assertEquals(hour.growth(b, 0), day.growth(b, t), 0.0, b + " growth, hour " + t);
                assertEquals(hour.integral(b, 0), day.integral(b, t), 0.0, b + " G, hour " + t);
            }
        }
        // a restart forgets the day before
        day.start(lambda, piS, s, 0);
        assertEquals(0.0, day.surplus(23) + day.deficit(0) + day.offered(COMPETITIVE, 23), 0.0);
    }

    @Test
    void rejectsNonFiniteGenerationOrLoad() {
        OfferSums o = at(new double[0], 0.05, 0.03, 100);
        assertThrows(IllegalArgumentException.class, () -> o.add(0, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> o.add(0, Double.POSITIVE_INFINITY, 1.0));
        assertThrows(IllegalArgumentException.class, () -> o.add(0, 1.0, Double.NEGATIVE_INFINITY));
    }
}
