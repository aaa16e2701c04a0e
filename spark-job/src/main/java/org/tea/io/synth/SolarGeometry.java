package org.tea.io.synth;

import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * Clear-sky output of a fixed PV panel, per hour of the year, at a latitude (MODEL section 10: "PV from solar
 * geometry at the site's latitude").
 * <ul>
 * <li>Sun: declination and equation of time per day from Spencer's (1971) Fourier series; hours are local mean
 * (clock) time on the time zone's meridian, without daylight saving, so the apparent solar time of an hour's
 * middle is {@code h + 0.5 + EoT}; hour angle {@code 15 deg} per hour from solar noon.</li>
 * <li>Clear sky: Meinel's beam irradiance {@code DNI = 1353 * 0.7^(AM^0.678)} W/m2 with the Kasten-Young air
 * mass, and diffuse horizontal irradiance {@code 0.1 DNI} (the usual clear-sky ratio). Meinel rather than
 * Haurwitz because a tilted panel needs the beam part separately, not only the global horizontal.</li>
 * <li>Panel: tilted at |latitude|, facing the equator; plane-of-array = beam times cos(incidence) + isotropic sky
 * diffuse {@code DHI (1 + cos tilt) / 2} + ground reflection {@code GHI * 0.2 * (1 - cos tilt) / 2}.</li>
 * <li>Capacity factor: plane-of-array over the 1000 W/m2 at which kWp is rated, times a performance ratio of
 * 0.9 (inverter, wiring, soiling); so 1 kWp yields {@code cf} kW. About 0.86 at a clear summer noon at 44 N.</li>
 * </ul>
 * The instantaneous value at the middle of the hour stands for the hour's mean: the error is small except in the
 * sunrise and sunset hours, whose energy is small anyway.
 */
public final class SolarGeometry {
    /** Solar constant as used by Meinel's model, W/m2. */
    private static final double SOLAR_CONSTANT = 1353.0;
    /** Diffuse horizontal over beam normal irradiance under a clear sky. */
    private static final double DIFFUSE_RATIO = 0.1;
    private static final double ALBEDO = 0.2;
    /** Irradiance at which a panel's kWp rating is defined (standard test conditions), W/m2. */
    private static final double STC_IRRADIANCE = 1000.0;
    private static final double PERFORMANCE_RATIO = 0.9;

    private SolarGeometry() {
    }

    /** Clear-sky capacity factor in [0, 1] of each hour of {@code year} ({@code (day - 1) * 24 + hour}). */
    public static double[] clearSky(int year, double latitude) {
        checkLatitude(latitude);
        int hours = StudySeries.hoursInYear(year);
        int days = hours / Hours.T;
        double phi = Math.toRadians(latitude);
        double tilt = Math.abs(phi);
        double[] cf = new double[hours];
        for (int d = 1; d <= days; d++) {
            double decl = declination(d, days);
            double eot = equationOfTime(d, days);
            for (int h = 0; h < Hours.T; h++) {
                double omega = hourAngle(h, eot);
                cf[(d - 1) * Hours.T + h] = capacityFactor(phi, tilt, decl, omega);
            }
        }
        return cf;
    }

    /** Solar declination in radians on day {@code day} (1-based) of a year of {@code days} days (Spencer). */
    public static double declination(int day, int days) {
        double b = dayAngle(day, days);
        return 0.006918 - 0.399912 * Math.cos(b) + 0.070257 * Math.sin(b) - 0.006758 * Math.cos(2 * b)
                + 0.000907 * Math.sin(2 * b) - 0.002697 * Math.cos(3 * b) + 0.00148 * Math.sin(3 * b);
    }

    /** Equation of time in minutes (apparent minus mean solar time) on day {@code day} (Spencer). */
    public static double equationOfTime(int day, int days) {
        double b = dayAngle(day, days);
        return 229.18 * (0.000075 + 0.001868 * Math.cos(b) - 0.032077 * Math.sin(b) - 0.014615 * Math.cos(2 * b)
                - 0.040849 * Math.sin(2 * b));
    }

    /** Hour angle in radians at the middle of clock hour {@code hour}, given the day's equation of time. */
    public static double hourAngle(int hour, double equationOfTimeMinutes) {
        double solarTime = hour + 0.5 + equationOfTimeMinutes / 60.0;
        return Math.toRadians(15.0 * (solarTime - 12.0));
    }

    /** Sun elevation above the horizon in radians (negative at night). */
    public static double elevation(double latitudeRad, double declination, double hourAngle) {
        double s = Math.sin(latitudeRad) * Math.sin(declination)
                + Math.cos(latitudeRad) * Math.cos(declination) * Math.cos(hourAngle);
        return Math.asin(Math.max(-1.0, Math.min(1.0, s)));
    }

    private static double capacityFactor(double phi, double tilt, double decl, double omega) {
        double elev = elevation(phi, decl, omega);
        if (elev <= 0) {
            return 0;
        }
        double cosZenith = Math.sin(elev);
        double dni = SOLAR_CONSTANT * Math.pow(0.7, Math.pow(airMass(elev), 0.678));
        double dhi = DIFFUSE_RATIO * dni;
        double ghi = dni * cosZenith + dhi;
        // A panel tilted by |phi| towards the equator sees the sun as a horizontal panel would at latitude
        // phi -/+ tilt (the "equivalent latitude"): 0 here, so cos(incidence) = cos(decl) cos(omega) on both
        // hemispheres; kept general so another tilt is a one-line change.
        double equivalent = phi - Math.signum(phi) * tilt;
        double cosIncidence = Math.sin(equivalent) * Math.sin(decl)
                + Math.cos(equivalent) * Math.cos(decl) * Math.cos(omega);
        double poa = dni * Math.max(0.0, cosIncidence) + dhi * (1 + Math.cos(tilt)) / 2
                + ghi * ALBEDO * (1 - Math.cos(tilt)) / 2;
        return Math.min(1.0, PERFORMANCE_RATIO * poa / STC_IRRADIANCE);
    }

    /** Kasten and Young (1989) relative optical air mass; finite (about 38) at the horizon. */
    private static double airMass(double elevation) {
        double zenithDeg = 90.0 - Math.toDegrees(elevation);
        return 1.0 / (Math.sin(elevation) + 0.50572 * Math.pow(96.07995 - zenithDeg, -1.6364));
    }

    private static double dayAngle(int day, int days) {
        return 2 * Math.PI * (day - 1) / days;
    }

    static void checkLatitude(double latitude) {
        if (!(latitude > -90 && latitude < 90)) {
            throw new IllegalArgumentException("latitude = " + latitude + ", expected in (-90, 90) degrees");
        }
    }
}
