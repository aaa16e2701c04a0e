package org.tea.equilibrium;

import java.util.List;
import org.tea.model.DayPrices;
import org.tea.model.Hours;

/**
 * The exogenous prices of all games, flat by game then hour (index {@code game * 24 + t}).
 */
public record MarketPrices(double[] wholesale, double[] importPrice, double[] exportPrice, double[] tariff,
        double[] feedIn) implements java.io.Serializable {

    public static MarketPrices of(List<DayPrices> days) {
        int n = days.size() * Hours.T;
        double[] w = new double[n];
        double[] b = new double[n];
        double[] s = new double[n];
        double[] u = new double[n];
        double[] f = new double[n];
        for (int g = 0; g < days.size(); g++) {
            DayPrices d = days.get(g);
            System.arraycopy(d.wholesale(), 0, w, g * Hours.T, Hours.T);
            System.arraycopy(d.importPrice(), 0, b, g * Hours.T, Hours.T);
            System.arraycopy(d.exportPrice(), 0, s, g * Hours.T, Hours.T);
            System.arraycopy(d.tariff(), 0, u, g * Hours.T, Hours.T);
            System.arraycopy(d.feedIn(), 0, f, g * Hours.T, Hours.T);
        }
        return new MarketPrices(w, b, s, u, f);
    }

    public int games() {
        return wholesale.length / Hours.T;
    }

    /** {@code value} clipped into game-hour i's price box {@code [pi_s, pi_b]}, where retail prices live. */
    public double clip(double value, int i) {
        return Math.min(Math.max(value, exportPrice[i]), importPrice[i]);
    }
}
