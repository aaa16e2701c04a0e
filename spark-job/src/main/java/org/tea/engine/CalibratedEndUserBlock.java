package org.tea.engine;

import org.tea.market.Calibration;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * End-users of a study, calibrated on the fly (MODEL sections 4 and 10): user k's reference load in hour t
 * of a day is its archetype's annual shape times its annual energy times two noise factors: a level per user-day,
 * a pure function of (id hash, day) recomputed where it is used ({@link DailyFactor}), and a habit per user and
 * hour of day, drawn once when the block is built. Then {@link Calibration} makes the follower problem, so a pass
 * costs one calibration and one solve per user-day and nothing per user-day is stored: a user holds its id, its
 * parameters and its 24 habit factors (under 200 bytes), whatever the study's days.
 */
public final class CalibratedEndUserBlock implements EndUserBlock {
    private static final long serialVersionUID = 2L;
    private static final int T = Hours.T;

    private final PackedIds ids;
    private final long[] idHash;
    private final int[] archetype;
    private final double[] annualEnergy;
    private final double[] elasticity;
    private final double[] flexShare;
    private final double[] energyFlex;
    private final DailyFactor dayFactor;
    private final float[] hourFactor;  // [user * 24 + t]
    private final double[][] shapes;   // [archetype][hour of year], each summing to 1
    private final double[] tariff;     // p0 per hour of day
    private final GameCalendar calendar;
    private transient double[] ref;

    /**
     * @param idHash    each user's id hash, the key of its day factor
     * @param dayFactor the level factor of (id hash, day of the year); the scenario does not enter it
     * @param hourFactor the habit factors, user times 24 plus hour
     */
    public CalibratedEndUserBlock(String[] ids, long[] idHash, int[] archetype, double[] annualEnergy,
            double[] elasticity, double[] flexShare, double[] energyFlex, DailyFactor dayFactor, float[] hourFactor,
            double[][] shapes, double[] tariff, GameCalendar calendar) {
        int n = ids.length;
        if (idHash.length != n || archetype.length != n || annualEnergy.length != n || elasticity.length != n
                || flexShare.length != n || energyFlex.length != n || hourFactor.length != n * T
                || tariff.length != T) {
            throw new IllegalArgumentException("calibrated block: array sizes do not match " + n + " users");
        }
        this.ids = new PackedIds(ids);
        this.idHash = idHash;
        this.archetype = archetype;
        this.annualEnergy = annualEnergy;
        this.elasticity = elasticity;
        this.flexShare = flexShare;
        this.energyFlex = energyFlex;
        this.dayFactor = dayFactor;
        this.hourFactor = hourFactor;
        this.shapes = shapes;
        this.tariff = tariff;
        this.calendar = calendar;
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public String id(int k) {
        return ids.get(k);
    }

    @Override
    public int archetype(int k) {
        return archetype[k];
    }

    /** The study's archetypes: one load shape each. */
    @Override
    public int archetypes() {
        return shapes.length;
    }

    @Override
    public double fill(int k, int game, double[] alpha, double[] dmin, double[] dmax, double[] energy) {
        if (ref == null) {
            ref = new double[T];
        }
        double[] shape = shapes[archetype[k]];
        int h0 = calendar.hourOfYear(game, 0);
        double scale = annualEnergy[k] * dayFactor.of(0, idHash[k], calendar.day(game));
        for (int t = 0; t < T; t++) {
            ref[t] = shape[h0 + t] * scale * hourFactor[k * T + t];
        }
        return Calibration.calibrate(ref, tariff, elasticity[k], flexShare[k], energyFlex[k], alpha, dmin, dmax, energy);
    }
}
