package org.tea.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tea.model.Behaviour;
import org.tea.model.Hours;

/** The leaders' update on hand-made states of one day: which hours it may settle without clearing again, and
 *  where it moves S once the fixed point of an hour is bracketed. */
class SensitivityUpdateTest {
    private static final int T = Hours.T;
    private static final double PI_B = 0.08;
    private static final double PI_S = 0.02;

    private static MarketPrices prices() {
        double[] b = new double[T];
        double[] s = new double[T];
        Arrays.fill(b, PI_B);
        Arrays.fill(s, PI_S);
        return new MarketPrices(new double[T], b, s, b.clone(), s.clone());
    }

    /** A cleared day at 0.05 whose every hour is at its fixed point: S = s = S^- = S^+ = 100. */
    private static SolverState settled(MarketPrices prices) {
        SolverState st = new SolverState(SolverSettings.defaults(Behaviour.STRATEGIC), prices);
        for (int t = 0; t < T; t++) {
            st.lambda[t] = 0.05;
            st.sens[t] = 100;
            st.followerSens[t] = 100;
            st.below[t] = 100;
            st.above[t] = 100;
            st.surplus[t] = 50;
            st.demandUsers[t] = 50;
            st.kinkBelow[t] = 1;
            st.kinkAbove[t] = 1;
        }
        st.outer[0] = 1;
        return st;
    }

    /** Moves hour t's followers' response to {@code s}, both one-sided values with it. */
    private static void respond(SolverState st, int t, double s) {
        st.followerSens[t] = s;
        st.below[t] = s;
        st.above[t] = s;
    }

    @Test
    void hoursWhoseClearingCannotDependOnSAreSettledWithoutAnotherClearing() {
        MarketPrices prices = prices();
        SolverState st = settled(prices);
        // hour 2: no surplus at all (night); hour 19: short at the import price (every surplus is sold whatever S)
        st.surplus[2] = 0;
        respond(st, 2, 130);
        st.lambda[19] = PI_B;
        st.demandUsers[19] = 80;
        respond(st, 19, 70);
        assertTrue(new SensitivityUpdate(st, prices).atFixedPoint(0), "inert hours must not hold the day back");
        assertEquals(130, st.sens[2], 0.0);
        assertEquals(70, st.sens[19], 0.0);
        assertEquals(0.0, st.bracketGap[0], 0.0);
    }

    @Test
    void anHourWhereOffersAnswerSIsNotSettledByHand() {
        MarketPrices prices = prices();
        SolverState st = settled(prices);
        // at the import price but long (surplus 60 against demand 50): a lower S could lower the price
        st.lambda[12] = PI_B;
        respond(st, 12, 70);
        st.surplus[12] = 60;
        assertFalse(new SensitivityUpdate(st, prices).atFixedPoint(0));
        assertEquals(100, st.sens[12], 0.0);
    }

    @Test
    void aBracketWithNoPriceResponseAtEitherEndTakesTheSecantNotThePlainStep() {
        // Hour 15 of a very elastic city: S = 1,450 saturates every offer (the price sits where demand meets all the
        // surplus, s = 200); S = 200 leaves the price at pi_b (s = 1,450). The Newton model sees no response at
        // either end; the prices at the two ends differ, so the bracket is the hour's own and must be kept.
        MarketPrices prices = prices();
        SolverState st = settled(prices);
        SensitivityUpdate update = new SensitivityUpdate(st, prices);
        int t = 15;
        st.sens[t] = 1450;
        respond(st, t, 200);
        st.lambda[t] = 0.041;
        update.advance(0, null);
        assertEquals(200, st.sens[t], 0.0, "first step: the plain target");
        st.outer[0] = 2;
        respond(st, t, 1450);
        st.lambda[t] = PI_B;
        st.demandUsers[t] = 40; // long at pi_b: not inert
        update.advance(0, null);
        double secant = 200 + 1250.0 * 1250 / 2500; // regula falsi on F(200) = +1250, F(1450) = -1250
        assertEquals(secant, st.sens[t], 1e-9, "bracketed: regula falsi inside (200, 1450)");
    }
}
