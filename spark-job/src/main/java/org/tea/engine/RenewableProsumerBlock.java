package org.tea.engine;

import org.tea.market.OfferCurve;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * Prosumers of a study (MODEL sections 5 and 10): generation is PV capacity times the scenario's common
 * capacity factor times the prosumer's own daily factor (clipped to [0, 1]), plus wind capacity times the
 * scenario's wind factor; load is the archetype's annual shape times annual energy. Offer curves and deficit
 * totals are built once per game-hour when the block is made; generation and load are recomputed for the
 * final settlement, so per-prosumer hours are never stored.
 */
public final class RenewableProsumerBlock implements ProsumerBlock {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;

    private final String[] ids;
    private final double[] pvKwp;
    private final double[] windKw;
    private final int[] archetype;
    private final double[] annualEnergy;
    private final float[] pvFactor;       // [(prosumer * games) + game]
    private final double[][] pvCf;        // [scenario][hour of year]
    private final double[][] windCf;      // [scenario][hour of year]
    private final double[][] shapes;      // [archetype][hour of year]
    private final GameCalendar calendar;
    private final GameHourOffers offers;

    public RenewableProsumerBlock(String[] ids, double[] pvKwp, double[] windKw, int[] archetype, double[] annualEnergy,
            float[] pvFactor, double[][] pvCf, double[][] windCf, double[][] shapes, GameCalendar calendar) {
        int n = ids.length;
        int games = calendar.games();
        if (pvKwp.length != n || windKw.length != n || archetype.length != n || annualEnergy.length != n
                || pvFactor.length != n * games || pvCf.length != calendar.scenarios()
                || windCf.length != calendar.scenarios()) {
            throw new IllegalArgumentException("prosumer block: array sizes do not match " + n + " prosumers");
        }
        this.ids = ids;
        this.pvKwp = pvKwp;
        this.windKw = windKw;
        this.archetype = archetype;
        this.annualEnergy = annualEnergy;
        this.pvFactor = pvFactor;
        this.pvCf = pvCf;
        this.windCf = windCf;
        this.shapes = shapes;
        this.calendar = calendar;
        this.offers = new GameHourOffers(n, games, this::fill);
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int i) {
        return ids[i];
    }

    @Override
    public OfferCurve curve(int game, int hour) {
        return offers.curve(game, hour);
    }

    @Override
    public double deficit(int game, int hour) {
        return offers.deficit(game, hour);
    }

    @Override
    public void fill(int i, int game, double[] generation, double[] load) {
        int s = calendar.scenarioIndex(game);
        int h0 = calendar.hourOfYear(game, 0);
        double factor = pvFactor[i * calendar.games() + game];
        double[] shape = shapes[archetype[i]];
        for (int t = 0; t < T; t++) {
            double pv = Math.max(0.0, Math.min(1.0, pvCf[s][h0 + t] * factor));
            generation[t] = pvKwp[i] * pv + windKw[i] * windCf[s][h0 + t];
            load[t] = shape[h0 + t] * annualEnergy[i];
        }
    }
}
