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
 *
 * <p>A user with a load profile of its own (the inputs' enduser_load table) takes its reference load from there
 * instead, a float per hour of the study window ({@code 96} bytes per user-day), without shape, annual energy or
 * noise.
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
    private final float[] profile;     // users' own reference loads, [profileAt[k] + day index * 24 + t], or null
    private final int[] profileAt;     // where user k's profile starts in profile, -1 if it has none; or null
    private transient double[] ref;
    private transient double p0Mean; // Calibration.meanPrice(tariff), set with ref (transient: not on the wire)

    /**
     * @param idHash    each user's id hash, the key of its day factor
     * @param dayFactor the level factor of (id hash, day of the year); the scenario does not enter it
     * @param hourFactor the habit factors, user times 24 plus hour
     */
    public CalibratedEndUserBlock(String[] ids, long[] idHash, int[] archetype, double[] annualEnergy,
            double[] elasticity, double[] flexShare, double[] energyFlex, DailyFactor dayFactor, float[] hourFactor,
            double[][] shapes, double[] tariff, GameCalendar calendar) {
        this(ids, idHash, archetype, annualEnergy, elasticity, flexShare, energyFlex, dayFactor, hourFactor, shapes,
                tariff, calendar, null, null);
    }

    /**
     * As the other constructor, with users' own reference loads: user k's starts at {@code profileAt[k]} in
     * {@code profile} and runs over the study window (days times 24 values, kWh per hour); -1 for a user without
     * one. Both null: no user has one.
     */
    public CalibratedEndUserBlock(String[] ids, long[] idHash, int[] archetype, double[] annualEnergy,
            double[] elasticity, double[] flexShare, double[] energyFlex, DailyFactor dayFactor, float[] hourFactor,
            double[][] shapes, double[] tariff, GameCalendar calendar, float[] profile, int[] profileAt) {
        int n = ids.length;
        if ((profile == null) != (profileAt == null) || profileAt != null && profileAt.length != n) {
            throw new IllegalArgumentException("calibrated block: profiles do not match " + n + " users");
        }
        if (profileAt != null) {
            for (int at : profileAt) {
                if (at < -1 || at >= 0 && at + calendar.days() * T > profile.length) {
                    throw new IllegalArgumentException("calibrated block: a profile at " + at
                            + " runs past the " + profile.length + " values given");
                }
            }
        }
        this.profile = profile;
        this.profileAt = profileAt;
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

    /** The shapes, tariff, calendar and day factor, the same objects in every block of the study. */
    @Override
    public Object shared() {
        return new Object[] {shapes, tariff, calendar, dayFactor};
    }

    @Override
    public double fill(int k, int game, double[] alpha, double[] dmin, double[] dmax, double[] energy) {
        if (ref == null) {
            p0Mean = Calibration.meanPrice(tariff);
            ref = new double[T];
        }
        int at = profileAt == null ? -1 : profileAt[k];
        if (at >= 0) {
            int from = at + calendar.dayIndex(game) * T;
            for (int t = 0; t < T; t++) {
                ref[t] = profile[from + t];
            }
            return Calibration.calibrate(ref, tariff, elasticity[k], flexShare[k], energyFlex[k], alpha, dmin, dmax,
                    energy);
        }
        double[] shape = shapes[archetype[k]];
        int h0 = calendar.hourOfYear(game, 0);
        int f0 = k * T;
        double scale = annualEnergy[k] * dayFactor.of(0, idHash[k], calendar.day(game));
        // the reference load and the sums calibration starts with, in one loop over the hours
        double total = 0;
        double peak = 0;
        for (int t = 0; t < T; t++) {
            double r = shape[h0 + t] * scale * hourFactor[f0 + t];
            ref[t] = r;
            total += r;
            peak = Math.max(peak, r);
        }
        return Calibration.fromSums(ref, total, peak, tariff, p0Mean, elasticity[k], flexShare[k], energyFlex[k], alpha,
                dmin, dmax, energy);
    }
}
