package org.tea.engine;

import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * Prosumers of a study (MODEL sections 5 and 10), stored as what they are, never as what they offer: per prosumer
 * an id and its hash, PV and wind capacity, load archetype and annual energy (about 100 bytes with the id string).
 * Generation is PV capacity times the scenario's common capacity factor times the prosumer's own daily factor
 * (clipped to [0, 1]), plus wind capacity times the scenario's wind factor; load is the archetype's annual shape
 * times annual energy. The capacity factors and shapes are arrays shared by every block of the study (one copy
 * per executor); the daily factor is a pure function of (scenario, id hash, day), recomputed where it is used.
 * So each pass recomputes every prosumer-day's 24 hours ({@link #fill}), and a block's memory does not grow with
 * games or scenarios.
 */
public final class RenewableProsumerBlock implements ProsumerBlock {
    private static final long serialVersionUID = 2L;
    private static final int T = Hours.T;

    private final PackedIds ids;
    private final long[] idHash;
    private final double[] pvKwp;
    private final double[] windKw;
    private final int[] archetype;
    private final double[] annualEnergy;
    private final double[][] pvCf;        // [scenario index][day index * 24 + hour]: the study window only
    private final double[][] windCf;      // [scenario index][day index * 24 + hour]
    private final double[][] shapes;      // [archetype][hour of year]
    private final GameCalendar calendar;
    private final DailyFactor pvFactor;

    /**
     * @param idHash  each prosumer's id hash, the key of its daily factor
     * @param pvCf    the common PV capacity factor of each scenario over the study window, day index times 24
     *                plus hour ({@link GameCalendar#dayIndex}); shared, not copied
     * @param windCf  the wind capacity factor, same layout
     * @param shapes  each archetype's load shape over the year (kWh per kWh of annual energy); shared
     */
    public RenewableProsumerBlock(String[] ids, long[] idHash, double[] pvKwp, double[] windKw, int[] archetype,
            double[] annualEnergy, double[][] pvCf, double[][] windCf, double[][] shapes, GameCalendar calendar,
            DailyFactor pvFactor) {
        int n = ids.length;
        if (idHash.length != n || pvKwp.length != n || windKw.length != n || archetype.length != n
                || annualEnergy.length != n) {
            throw new IllegalArgumentException("prosumer block: array sizes do not match " + n + " prosumers");
        }
        int hours = calendar.days() * T;
        if (pvCf.length != calendar.scenarios() || windCf.length != calendar.scenarios()) {
            throw new IllegalArgumentException("prosumer block: capacity factors of " + pvCf.length + " and "
                    + windCf.length + " scenarios, expected " + calendar.scenarios());
        }
        for (int s = 0; s < pvCf.length; s++) {
            if (pvCf[s].length != hours || windCf[s].length != hours) {
                throw new IllegalArgumentException("prosumer block: capacity factors of scenario index " + s
                        + " hold " + pvCf[s].length + " and " + windCf[s].length + " hours, expected " + hours
                        + " (the study window)");
            }
        }
        this.ids = new PackedIds(ids);
        this.idHash = idHash;
        this.pvKwp = pvKwp;
        this.windKw = windKw;
        this.archetype = archetype;
        this.annualEnergy = annualEnergy;
        this.pvCf = pvCf;
        this.windCf = windCf;
        this.shapes = shapes;
        this.calendar = calendar;
        this.pvFactor = pvFactor;
    }

    /** The capacity factors, shapes, calendar and PV factor, the same objects in every block of the study. */
    @Override
    public Object shared() {
        return new Object[] {pvCf, windCf, shapes, calendar, pvFactor};
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public String id(int i) {
        return ids.get(i);
    }

    @Override
    public void fill(int i, int game, double[] generation, double[] load) {
        int s = calendar.scenarioIndex(game);
        int w0 = calendar.dayIndex(game) * T;
        int h0 = calendar.hourOfYear(game, 0);
        double factor = pvFactor.of(calendar.scenario(game), idHash[i], calendar.day(game));
        double[] pv = pvCf[s];
        double[] wind = windCf[s];
        double[] shape = shapes[archetype[i]];
        double kwp = pvKwp[i];
        double kw = windKw[i];
        double energy = annualEnergy[i];
        for (int t = 0; t < T; t++) {
            double cf = Math.max(0.0, Math.min(1.0, pv[w0 + t] * factor));
            generation[t] = kwp * cf + kw * wind[w0 + t];
            load[t] = shape[h0 + t] * energy;
        }
    }
}
