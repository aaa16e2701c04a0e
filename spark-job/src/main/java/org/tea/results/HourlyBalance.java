package org.tea.results;

import org.tea.equilibrium.EquilibriumResult;

/**
 * Conservation in every hour, not only summed (MODEL section 9): money (buyers pay {@code lambda D}; prosumers
 * receive {@code lambda sold}, the importer {@code pi_b M}) and energy ({@code D = sold + M},
 * {@code U = sold + exported}). Each hour's money imbalance is taken relative to its money flow
 * {@code |lambda| (D + g) + |pi_b| M}, {@code g} the batteries' discharge that {@code D} nets out; a run is balanced when no hour is off by more than {@link #LIMIT} of it.
 *
 * @param worstMoney  largest relative money imbalance of any hour
 * @param worstHour   the game-hour index ({@code game * 24 + t}) where it occurs, or -1
 * @param worstEnergy largest energy imbalance of any hour (kWh)
 */
public record HourlyBalance(double worstMoney, int worstHour, double worstEnergy) {

    /** The most an hour's money may be off, relative to its money flow. */
    public static final double LIMIT = 1e-9;

    public static HourlyBalance of(EquilibriumResult r) {
        double worst = 0;
        int at = -1;
        double energy = 0;
        var p = r.prices();
        for (int i = 0; i < r.lambda().length; i++) {
            double l = r.lambda()[i];
            double d = r.demand()[i];
            double sold = r.soldLocal()[i];
            double m = r.imported(i);
            // what buyers pay in all: batteries discharging are netted out of D, which can then be 0 or below
            // while the money they are paid still flows (D = -1e-13 kWh in an evening hour that batteries cover)
            double bought = d + r.storageDischarge()[i];
            double flow = Math.abs(l) * Math.abs(bought) + Math.abs(p.importPrice()[i]) * m;
            double gap = Math.abs(l * d - l * sold - p.importPrice()[i] * m);
            double relative = gap == 0 ? 0 : gap / Math.max(flow, Double.MIN_NORMAL);
            if (relative > worst) {
                worst = relative;
                at = i;
            }
            energy = Math.max(energy, Math.max(Math.abs(d - sold - m),
                    Math.abs(r.surplusTotal()[i] - sold - r.exported()[i])));
        }
        return new HourlyBalance(worst, at, energy);
    }

    public boolean balanced() {
        return worstMoney <= LIMIT;
    }
}
