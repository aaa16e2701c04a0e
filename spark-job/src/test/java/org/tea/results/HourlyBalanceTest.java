package org.tea.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.MarketPrices;
import org.tea.model.Hours;

/** Money and energy balance hour by hour (MODEL section 9), on hand-made results. */
class HourlyBalanceTest {
    static final int T = Hours.T;

    /**
     * One game where every hour sells {@code sold} of a demand of 10 kWh at price {@code lambda} with
     * {@code pi_b = 0.06}, against a surplus total {@code surplus}.
     */
    static EquilibriumResult result(double lambda, double sold, double surplus) {
        double[] p = filled(0.04);
        MarketPrices prices = new MarketPrices(p, filled(0.06), filled(0.03), filled(0.13), filled(0.03));
        double[] demand = filled(10);
        return new EquilibriumResult(prices, filled(lambda), filled(100), demand, demand, filled(0), filled(sold),
                filled(surplus), filled(sold), filled(surplus - sold), filled(surplus), demand, new double[10],
                new double[9], List.of(), List.of(), 1);
    }

    static double[] filled(double v) {
        double[] a = new double[T];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void anHourClearedAtTheImportPriceBalancesWithItsImport() {
        HourlyBalance b = HourlyBalance.of(result(0.06, 4, 4)); // 6 kWh imported at pi_b = lambda
        assertTrue(b.balanced());
        assertEquals(0.0, b.worstMoney());
        assertEquals(0.0, b.worstEnergy());
    }

    @Test
    void anHourThatBatteriesCoverIsMeasuredAgainstWhatTheyArePaid() {
        // end-users buy 10 kWh, batteries discharge 10 kWh: D = 1e-14 after rounding, no prosumer sale, so the
        // 1e-14 counts as imported at pi_b while buyers pay lambda for it
        double[] p = filled(0.04);
        MarketPrices prices = new MarketPrices(p, filled(0.06), filled(0.03), filled(0.13), filled(0.03));
        double[] demand = filled(1e-14);
        EquilibriumResult r = new EquilibriumResult(prices, filled(0.05), filled(100), demand, filled(10), filled(0),
                filled(0), filled(0), filled(0), filled(0), filled(0), filled(10), new double[10], new double[9],
                List.of(), List.of(), 1, filled(0), filled(10));
        HourlyBalance b = HourlyBalance.of(r);
        assertTrue(b.balanced(), "relative imbalance " + b.worstMoney());
        assertEquals((0.06 - 0.05) * 1e-14 / (0.05 * (10 + 1e-14) + 0.06 * 1e-14), b.worstMoney(), 1e-25);
    }

    @Test
    void anImportLeftInsideThePriceBoxUnbalancesMoneyAndIsCaught() {
        // lambda = 0.05 < pi_b: buyers pay 0.05 x 10, prosumers get 0.05 x (10 - 1e-6), the importer 0.06 x 1e-6
        HourlyBalance b = HourlyBalance.of(result(0.05, 10 - 1e-6, 10 - 1e-6));
        assertFalse(b.balanced());
        assertEquals(0.01 * 1e-6 / (0.05 * 10 + 0.06 * 1e-6), b.worstMoney(), 1e-15);
        assertEquals(0, b.worstHour());
    }
}
