package org.tea.engine;

import org.tea.market.Calibration;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * End-users of a study, calibrated on the fly (MODEL sections 4 and 10): user k's reference load in hour t
 * of a day is its archetype's annual shape times its annual energy times two noise factors drawn once when
 * the block is built, a level per user-day and a habit per user and hour of day. Then {@link Calibration}
 * makes the follower problem, so a pass costs one calibration and one solve per user-day and nothing per
 * user-day is stored but the day factor.
 */
public final class CalibratedEndUserBlock implements EndUserBlock {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;

    private final String[] ids;
    private final int[] archetype;
    private final double[] annualEnergy;
    private final double[] elasticity;
    private final double[] flexShare;
    private final double[] energyFlex;
    private final float[] dayFactor;   // [user * days + day index in the study window]
    private final float[] hourFactor;  // [user * 24 + t]
    private final double[][] shapes;   // [archetype][hour of year], each summing to 1
    private final double[] tariff;     // p0 per hour of day
    private final GameCalendar calendar;
    private transient double[] ref;

    public CalibratedEndUserBlock(String[] ids, int[] archetype, double[] annualEnergy, double[] elasticity,
            double[] flexShare, double[] energyFlex, float[] dayFactor, float[] hourFactor, double[][] shapes,
            double[] tariff, GameCalendar calendar) {
        int n = ids.length;
        if (archetype.length != n || annualEnergy.length != n || elasticity.length != n || flexShare.length != n
                || energyFlex.length != n || dayFactor.length != n * calendar.days() || hourFactor.length != n * T
                || tariff.length != T) {
            throw new IllegalArgumentException("calibrated block: array sizes do not match " + n + " users");
        }
        this.ids = ids;
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
        return ids.length;
    }

    @Override
    public String id(int k) {
        return ids[k];
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
        double scale = annualEnergy[k] * dayFactor[k * calendar.days() + calendar.dayIndex(game)];
        for (int t = 0; t < T; t++) {
            ref[t] = shape[h0 + t] * scale * hourFactor[k * T + t];
        }
        return Calibration.calibrate(ref, tariff, elasticity[k], flexShare[k], energyFlex[k], alpha, dmin, dmax, energy);
    }
}
