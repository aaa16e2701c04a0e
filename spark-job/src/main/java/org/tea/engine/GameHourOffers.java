package org.tea.engine;

import org.tea.market.OfferCurve;
import org.tea.model.Hours;

/**
 * A prosumer block's offer curves and deficit totals for every game-hour, built once from the prosumers'
 * generation and load (self-use first: surplus {@code max(r - l, 0)}, deficit {@code max(l - r, 0)}, MODEL
 * section 5). Both kinds of prosumer block keep one.
 */
final class GameHourOffers implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;

    /** Prosumer i's generation and load in one game. */
    interface Source {
        void fill(int i, int game, double[] generation, double[] load);
    }

    private final OfferCurve[] curves;  // [game * 24 + t]
    private final double[] deficits;    // [game * 24 + t]

    GameHourOffers(int prosumers, int games, Source source) {
        curves = new OfferCurve[games * T];
        deficits = new double[games * T];
        double[] gen = new double[T];
        double[] load = new double[T];
        double[] surplus = new double[prosumers * T];
        for (int g = 0; g < games; g++) {
            for (int i = 0; i < prosumers; i++) {
                source.fill(i, g, gen, load);
                for (int t = 0; t < T; t++) {
                    surplus[t * prosumers + i] = Math.max(gen[t] - load[t], 0.0);
                    deficits[g * T + t] += Math.max(load[t] - gen[t], 0.0);
                }
            }
            for (int t = 0; t < T; t++) {
                curves[g * T + t] = OfferCurve.of(surplus, t * prosumers, (t + 1) * prosumers);
            }
        }
    }

    OfferCurve curve(int game, int hour) {
        return curves[game * T + hour];
    }

    double deficit(int game, int hour) {
        return deficits[game * T + hour];
    }
}
