package org.tea.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tea.model.Behaviour;

/**
 * Settlement of a cleared hour (MODEL sections 5 and 6): sales add up to {@code min(D, U)}, each prosumer sells
 * its offer inside the box and a pro rata share on a vertical part, no sale is negative or above the surplus,
 * exact settlements are best responses, and the clearing violation follows the box conditions.
 */
class SettlementTest {
    static final Behaviour STRATEGIC = Behaviour.STRATEGIC;
    static final Behaviour COMPETITIVE = Behaviour.COMPETITIVE;

    /** One hour's published market figures and the prosumers' surpluses. */
    record Hour(Behaviour b, double[] u, double lambda, double piS, double piB, double s, double demand) {
        double offered() {
            return OfferCurveTest.at(u, lambda, piS, s).offered(b, 0);
        }

        double total() {
            return OfferCurveTest.at(u, lambda, piS, s).surplus(0);
        }

        double[] sold() {
            double a = offered();
            double total = total();
            double[] sold = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                sold[i] = Settlement.sold(b, u[i], lambda, piS, s, demand, a, total);
            }
            return sold;
        }
    }

    static double[] population(SplittableRandom r) {
        double[] u = new double[1 + r.nextInt(100)];
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextDouble() < 0.15 ? 0.0 : 10 * r.nextDouble();
        }
        return u;
    }

    /** {@code q_i(lambda)} by definition (the left limit at pi_b), independent of the code under test. */
    static double q(Behaviour b, double u, double lambda, double piS, double s) {
        return lambda < piS ? 0 : b == COMPETITIVE ? u : Math.min(u, s * (lambda - piS));
    }

    static double sum(double[] x) {
        double a = 0;
        for (double v : x) {
            a += v;
        }
        return a;
    }

    static void assertWithinSurplus(Hour h, double[] sold, String what) {
        for (int i = 0; i < sold.length; i++) {
            assertTrue(sold[i] >= 0 && sold[i] <= h.u[i], what + ": prosumer " + i + " sells " + sold[i] + " of " + h.u[i]);
        }
    }

    static void assertBestResponses(Hour h, double[] sold, String what) {
        for (int i = 0; i < sold.length; i++) {
            assertEquals(0.0, Settlement.bestResponseGap(h.b, sold[i], h.u[i], h.lambda, h.piS, h.piB, h.s), 0.0,
                    what + ": best-response gap of prosumer " + i);
        }
    }

    @Test
    void insideTheBoxEachProsumerSellsItsOfferAndSalesMeetDemand() {
        SplittableRandom r = new SplittableRandom(1);
        int partial = 0;
        for (int n = 0; n < 2000; n++) {
            double[] u = population(r);
            double piS = 0.02 + 0.03 * r.nextDouble();
            double piB = piS + 0.02 + 0.1 * r.nextDouble();
            double s = 20 + 500 * r.nextDouble();
            double lambda = piS + (piB - piS) * (0.01 + 0.98 * r.nextDouble());
            Hour probe = new Hour(STRATEGIC, u, lambda, piS, piB, s, 0);
            Hour h = new Hour(STRATEGIC, u, lambda, piS, piB, s, probe.offered()); // cleared: D = A(lambda)
            double[] sold = h.sold();
            double demand = h.demand;
            assertEquals(Math.min(demand, h.total()), sum(sold), 1e-12 * Math.max(1, demand), "sales add up, case " + n);
            for (int i = 0; i < u.length; i++) {
                assertEquals(q(STRATEGIC, u[i], lambda, piS, s), sold[i], 1e-12 * Math.max(1, u[i]), "q_i, case " + n);
                partial += sold[i] > 0 && sold[i] < u[i] ? 1 : 0;
            }
            assertWithinSurplus(h, sold, "case " + n);
            assertBestResponses(h, sold, "case " + n);
            // budget: buyers pay lambda D, prosumers receive lambda sum sold, nothing imported inside the box
            assertEquals(lambda * demand, lambda * sum(sold) + piB * Settlement.imported(demand, h.total()),
                    1e-12 * Math.max(1, lambda * demand));
        }
        assertTrue(partial > 10_000, "prosumers selling part of their surplus: " + partial);
    }

    @Test
    void atTheImportPriceTheVerticalPartIsSharedProRataToWhatIsLeft() {
        SplittableRandom r = new SplittableRandom(2);
        int imports = 0;
        for (int n = 0; n < 2000; n++) {
            double[] u = population(r);
            double piS = 0.03;
            double piB = 0.03 + 0.1 * r.nextDouble();
            double s = 10 + 200 * r.nextDouble();
            // the published figures A(pi_b-) and U (the settlement rounds against these, not other sums)
            OfferSums published = OfferCurveTest.at(u, piB, piS, s);
            double total = published.surplus(0);
            double a = published.offered(STRATEGIC, 0);
            double bruteA = 0;
            for (double v : u) {
                bruteA += q(STRATEGIC, v, piB, piS, s);
            }
            assertEquals(bruteA, a, 1e-12 * Math.max(1, a), "A(pi_b-)");
            // demand on the vertical part, sometimes beyond all surplus (then the rest is imported)
            double demand = r.nextDouble() < 0.3 ? total + 5 * r.nextDouble() : a + (total - a) * r.nextDouble();
            Hour h = new Hour(STRATEGIC, u, piB, piS, piB, s, demand);
            double[] sold = h.sold();
            double local = Math.min(demand, total);
            assertEquals(local, sum(sold), 1e-12 * Math.max(1, demand), "sales add up, case " + n);
            for (int i = 0; i < u.length; i++) {
                double qi = q(STRATEGIC, u[i], piB, piS, s);
                double share = total > a ? (local - a) / (total - a) : 0;
                assertEquals(qi + (u[i] - qi) * share, sold[i], 1e-12 * Math.max(1, u[i]), "pro rata, case " + n);
            }
            assertWithinSurplus(h, sold, "case " + n);
            assertBestResponses(h, sold, "case " + n);
            double imported = Settlement.imported(demand, total);
            imports += imported > 0 ? 1 : 0;
            assertEquals(Math.max(demand - total, 0), imported, 0.0);
            assertEquals(piB * demand, piB * sum(sold) + piB * imported, 1e-12 * Math.max(1, piB * demand), "budget");
        }
        assertTrue(imports > 300, "hours with imports " + imports);
    }

    @Test
    void competitiveProsumersAtTheExportPriceShareDemandProRataToTheirSurplus() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 2000; n++) {
            double[] u = population(r);
            double piS = 0.03;
            double total = OfferCurveTest.at(u, piS, piS, 0.0).surplus(0);
            double demand = total * r.nextDouble();
            Hour h = new Hour(COMPETITIVE, u, piS, piS, 0.2, 0.0, demand);
            double[] sold = h.sold();
            assertEquals(demand, sum(sold), 1e-12 * Math.max(1, demand), "sales add up, case " + n);
            for (int i = 0; i < u.length; i++) {
                assertEquals(total > 0 ? u[i] * demand / total : 0.0, sold[i], 1e-12 * Math.max(1, u[i]), "pro rata to u_i, case " + n);
            }
            assertWithinSurplus(h, sold, "case " + n);
            assertBestResponses(h, sold, "case " + n);
        }
    }

    @Test
    void competitiveProsumersAtTheImportPriceSellEverything() {
        double[] u = {1.0, 0.0, 2.5};
        Hour h = new Hour(COMPETITIVE, u, 0.2, 0.03, 0.2, 0.0, 10.0);
        double[] sold = h.sold();
        for (int i = 0; i < u.length; i++) {
            assertEquals(u[i], sold[i], 0.0);
        }
        assertEquals(6.5, Settlement.imported(10.0, h.total()), 0.0);
        assertBestResponses(h, sold, "competitive at pi_b");
    }

    @Test
    void anyPublishedFiguresGiveSalesWithinSurplusThatAddUpToTheLocalQuantity() {
        // not only cleared hours: the one rule keeps energy balance for any demand and price in the box
        SplittableRandom r = new SplittableRandom(4);
        for (int n = 0; n < 5000; n++) {
            Behaviour b = r.nextBoolean() ? STRATEGIC : COMPETITIVE;
            double[] u = population(r);
            double piS = -0.01 + 0.05 * r.nextDouble();
            double piB = piS + 0.1 * r.nextDouble();
            double s = r.nextDouble() < 0.05 ? 0.0 : 500 * r.nextDouble();
            double p = r.nextDouble();
            double lambda = p < 0.2 ? piS : p < 0.4 ? piB : piS + (piB - piS) * r.nextDouble();
            double demand = r.nextDouble() < 0.05 ? 0.0 : 1.5 * sum(u) * r.nextDouble();
            Hour h = new Hour(b, u, lambda, piS, piB, s, demand);
            double[] sold = h.sold();
            assertWithinSurplus(h, sold, "case " + n);
            assertEquals(Settlement.localSold(demand, h.total()), sum(sold), 1e-12 * Math.max(1, demand), "case " + n);
            assertEquals(Math.min(demand, h.total()), Settlement.localSold(demand, h.total()), 0.0);
        }
    }

    @Test
    void theBestResponseGapMeasuresTheDistanceFromTheAllowedSales() {
        double piS = 0.03;
        double piB = 0.1;
        double s = 100;
        double u = 5.0;
        // inside the box: exactly q = S (lambda - pi_s) = 2
        assertEquals(0.0, Settlement.bestResponseGap(STRATEGIC, 2.0, u, 0.05, piS, piB, s), 1e-15);
        assertEquals(0.5, Settlement.bestResponseGap(STRATEGIC, 2.5, u, 0.05, piS, piB, s), 1e-12);
        assertEquals(0.5, Settlement.bestResponseGap(STRATEGIC, 1.5, u, 0.05, piS, piB, s), 1e-12);
        // at pi_b: anything in [q(pi_b-), u] = [5, 5] here; with S = 40, [2.8, 5]
        assertEquals(0.0, Settlement.bestResponseGap(STRATEGIC, 4.0, u, piB, piS, piB, 40), 0.0);
        assertEquals(0.8, Settlement.bestResponseGap(STRATEGIC, 2.0, u, piB, piS, piB, 40), 1e-12);
        assertEquals(1.0, Settlement.bestResponseGap(STRATEGIC, 6.0, u, piB, piS, piB, 40), 1e-12);
        // strategic at pi_s: q = S * 0 = 0, nothing else
        assertEquals(0.0, Settlement.bestResponseGap(STRATEGIC, 0.0, u, piS, piS, piB, s), 0.0);
        assertEquals(1.0, Settlement.bestResponseGap(STRATEGIC, 1.0, u, piS, piS, piB, s), 1e-12);
        // competitive: u inside the box, anything in [0, u] at pi_s
        assertEquals(1.0, Settlement.bestResponseGap(COMPETITIVE, 4.0, u, 0.05, piS, piB, 0), 1e-12);
        assertEquals(0.0, Settlement.bestResponseGap(COMPETITIVE, 1.0, u, piS, piS, piB, 0), 0.0);
        assertEquals(0.5, Settlement.bestResponseGap(COMPETITIVE, 5.5, u, piS, piS, piB, 0), 1e-12);
    }

    @Test
    void violationFollowsTheBoxConditionsOfModelSection6() {
        double piS = 0.03;
        double piB = 0.1;
        // inside the box: |D - A|, both ways
        assertEquals(2.0, Settlement.violation(0.05, piS, piB, 5, 3), 1e-15);
        assertEquals(2.0, Settlement.violation(0.05, piS, piB, 3, 5), 1e-15);
        assertEquals(0.0, Settlement.violation(0.05, piS, piB, 4, 4), 0.0);
        // at pi_b: only offers left unsold count, max(0, A(pi_b-) - D); excess demand is imported
        assertEquals(0.0, Settlement.violation(piB, piS, piB, 5, 3), 0.0);
        assertEquals(2.0, Settlement.violation(piB, piS, piB, 3, 5), 1e-15);
        // at pi_s: only unmet demand counts, max(0, D - A(pi_s)); unsold offers are exported
        assertEquals(0.0, Settlement.violation(piS, piS, piB, 3, 5), 0.0);
        assertEquals(2.0, Settlement.violation(piS, piS, piB, 5, 3), 1e-15);
        // a degenerate box fixes the price: imports and exports absorb any difference
        assertEquals(0.0, Settlement.violation(0.05, 0.05, 0.05, 5, 3), 0.0);
        assertEquals(0.0, Settlement.violation(0.05, 0.05, 0.05, 3, 5), 0.0);
    }

    @Test
    void profitIsRetailSalesPlusExportsMinusTheDeficitAtRetail() {
        // lambda sold + pi_s (u - sold) - lambda w
        assertEquals(0.08 * 2 + 0.03 * 3 - 0.08 * 1.5, Settlement.profit(0.08, 0.03, 5, 1.5, 2), 1e-15);
        assertEquals(0.03 * 4 - 0.2 * 0.5, Settlement.baselineProfit(0.03, 0.2, 4, 0.5), 1e-15);
    }
}
