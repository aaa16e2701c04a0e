package org.tea.market;

import org.tea.model.Behaviour;

/**
 * Settlement of one cleared hour (MODEL section 5): who sells what at the retail price {@code lambda}.
 *
 * <p>The local quantity is {@code Q = clamp(D, 0, U)} and the import {@code M = D - Q}. Prosumer i first gets
 * its offer {@code q_i(lambda)}; if the market takes more than the offers {@code A} (on the vertical part at
 * {@code pi_b}), the rest {@code Q - A} is shared pro rata to what each offers on that part, {@code u_i - q_i};
 * if it takes less (on the vertical part at {@code pi_s} in competitive mode, or the rounding residue of a
 * converged clearing), each offer is scaled by {@code Q / A}. One rule for every case, so sales always add
 * up to {@code Q} and budget and energy balance hold to rounding.
 */
public final class Settlement {
    private Settlement() {
    }

    /** A single prosumer's offer {@code q_i(lambda)} for a surplus {@code u}; the left limit at {@code pi_b}. */
    public static double offer(Behaviour behaviour, double u, double lambda, double piS, double sensitivity) {
        if (lambda < piS) {
            return 0.0;
        }
        if (behaviour == Behaviour.COMPETITIVE) {
            return u;
        }
        return Math.min(u, Math.max(sensitivity * (lambda - piS), 0.0));
    }

    /** {@code Q = clamp(D, 0, U)}: what prosumers sell locally in the hour. */
    public static double localSold(double demand, double surplusTotal) {
        return Math.min(Math.max(demand, 0.0), surplusTotal);
    }

    /** {@code M = max(D - U, 0)}: what the aggregation imports at {@code pi_b}. */
    public static double imported(double demand, double surplusTotal) {
        return Math.max(demand - surplusTotal, 0.0);
    }

    /**
     * Prosumer i's sale in a cleared hour, from its surplus and the published market figures: retail price,
     * sensitivity, demand {@code D}, aggregated offer {@code A} at the price and surplus total {@code U}.
     */
    public static double sold(Behaviour behaviour, double u, double lambda, double piS, double sensitivity,
            double demand, double offered, double surplusTotal) {
        double q = offer(behaviour, u, lambda, piS, sensitivity);
        double local = localSold(demand, surplusTotal);
        if (local >= offered) {
            double vertical = surplusTotal - offered;
            // min: q + (u - q) * share can round one ulp above u, which would export a negative quantity
            return vertical > 0 ? Math.min(u, q + (u - q) * ((local - offered) / vertical)) : q;
        }
        return offered > 0 ? q * (local / offered) : 0.0;
    }

    /**
     * Distance of a sale from the prosumer's best response at the published {@code lambda, S} (MODEL section 7):
     * the best response is {@code q_i(lambda)} inside the box, any quantity in {@code [q_i(pi_b-), u_i]} at
     * {@code pi_b}, and any quantity in {@code [0, u_i]} for a competitive prosumer at {@code pi_s}.
     */
    public static double bestResponseGap(Behaviour behaviour, double sold, double u, double lambda, double piS,
            double piB, double sensitivity) {
        double lo = offer(behaviour, u, lambda, piS, sensitivity);
        double hi = lo;
        if (lambda >= piB) {
            hi = u;
        }
        if (behaviour == Behaviour.COMPETITIVE && lambda <= piS) {
            lo = 0.0;
            hi = u;
        }
        return sold < lo ? lo - sold : (sold > hi ? sold - hi : 0.0);
    }

    /** One hour of {@code profit_i = lambda sold + pi_s (u - sold) - lambda w}. */
    public static double profit(double lambda, double piS, double u, double w, double sold) {
        return lambda * sold + piS * (u - sold) - lambda * w;
    }

    /** One hour of the baseline profit (MODEL section 8): all surplus exported at {@code p_f}, deficit bought at {@code p_u}. */
    public static double baselineProfit(double feedIn, double tariff, double u, double w) {
        return feedIn * u - tariff * w;
    }

    /**
     * Clearing violation of an hour in kWh (MODEL section 6): {@code |D - A|} inside the box,
     * {@code max(0, A(pi_b-) - D)} at {@code pi_b}, {@code max(0, D - A(pi_s))} at {@code pi_s}.
     */
    public static double violation(double lambda, double piS, double piB, double demand, double offered) {
        if (piB <= piS) {
            return 0.0; // a degenerate box fixes the price; imports or exports absorb any difference
        }
        if (lambda >= piB) {
            return Math.max(0.0, offered - demand);
        }
        if (lambda <= piS) {
            return Math.max(0.0, demand - offered);
        }
        return Math.abs(demand - offered);
    }
}
