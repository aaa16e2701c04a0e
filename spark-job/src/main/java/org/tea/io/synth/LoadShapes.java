package org.tea.io.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * Deterministic archetype load shapes for a year, each summing to 1 (a user's reference load is the shape times
 * its annual energy; per-user noise is added elsewhere). Built from
 * <ul>
 * <li>a daily profile by day type (weekday or weekend, from {@link java.time} for the study year; public holidays
 * are not modelled): residential has a morning peak (~8h on weekdays, later at weekends) and a higher evening
 * peak (~19h); commercial has an office-hours plateau on weekdays and a low base at weekends;</li>
 * <li>a daily mean temperature of a temperate site, {@code 9 - 14 cos(2 pi (d - 20) / D)} deg C (coldest around
 * 20 January in the north, half a year later in the south), turned into heating degrees below 15.5 C, which
 * scale the whole day up, and cooling degrees above 18 C, which add an afternoon air-conditioning bump.</li>
 * </ul>
 */
public final class LoadShapes {
    public static final String RESIDENTIAL = "residential";
    public static final String COMMERCIAL = "commercial";

    private static final double[] RESIDENTIAL_WEEKDAY = {0.55, 0.50, 0.48, 0.47, 0.48, 0.55, 0.75, 1.00, 1.05, 0.85,
        0.75, 0.72, 0.72, 0.70, 0.70, 0.75, 0.90, 1.15, 1.35, 1.40, 1.30, 1.15, 0.95, 0.72};
    private static final double[] RESIDENTIAL_WEEKEND = {0.60, 0.54, 0.50, 0.48, 0.48, 0.50, 0.58, 0.72, 0.90, 1.02,
        1.05, 1.00, 0.95, 0.90, 0.88, 0.90, 1.00, 1.18, 1.35, 1.38, 1.28, 1.12, 0.95, 0.75};
    private static final double[] COMMERCIAL_WEEKDAY = {0.40, 0.40, 0.40, 0.40, 0.40, 0.45, 0.60, 0.85, 1.00, 1.00,
        1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.98, 0.90, 0.70, 0.55, 0.48, 0.45, 0.42, 0.40};
    private static final double[] COMMERCIAL_WEEKEND = {0.40, 0.40, 0.40, 0.40, 0.40, 0.40, 0.42, 0.45, 0.50, 0.55,
        0.58, 0.60, 0.60, 0.60, 0.58, 0.55, 0.50, 0.48, 0.45, 0.43, 0.42, 0.41, 0.40, 0.40};

    private static final double MEAN_TEMPERATURE = 9.0;
    private static final double TEMPERATURE_AMPLITUDE = 14.0;
    private static final int COLDEST_DAY = 20;
    private static final double HEATING_BASE = 15.5;
    private static final double COOLING_BASE = 18.0;
    /** Relative load increase per heating degree (electric heating share) and cooling bump per cooling degree. */
    private static final double RESIDENTIAL_HEATING = 0.02;
    private static final double RESIDENTIAL_COOLING = 0.06;
    private static final double COMMERCIAL_HEATING = 0.015;
    private static final double COMMERCIAL_COOLING = 0.08;

    private LoadShapes() {
    }

    /** The shapes of all archetypes, by name (sorted; unmodifiable). */
    public static Map<String, double[]> generate(int year, double latitude) {
        TreeMap<String, double[]> shapes = new TreeMap<>();
        shapes.put(RESIDENTIAL, shape(RESIDENTIAL, year, latitude));
        shapes.put(COMMERCIAL, shape(COMMERCIAL, year, latitude));
        return Collections.unmodifiableMap(shapes);
    }

    /** One archetype's shape per hour of {@code year}; sums to 1 (to rounding). */
    public static double[] shape(String archetype, int year, double latitude) {
        SolarGeometry.checkLatitude(latitude);
        boolean residential = switch (archetype) {
            case RESIDENTIAL -> true;
            case COMMERCIAL -> false;
            default -> throw new IllegalArgumentException("unknown archetype '" + archetype + "', expected "
                    + RESIDENTIAL + " or " + COMMERCIAL);
        };
        int hours = StudySeries.hoursInYear(year);
        int days = hours / Hours.T;
        double[] load = new double[hours];
        double total = 0;
        for (int d = 1; d <= days; d++) {
            DayOfWeek dow = LocalDate.ofYearDay(year, d).getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            double temperature = temperature(d, days, latitude);
            double heating = Math.max(0, HEATING_BASE - temperature);
            double cooling = Math.max(0, temperature - COOLING_BASE);
            double[] profile = residential ? (weekend ? RESIDENTIAL_WEEKEND : RESIDENTIAL_WEEKDAY)
                    : (weekend ? COMMERCIAL_WEEKEND : COMMERCIAL_WEEKDAY);
            for (int h = 0; h < Hours.T; h++) {
                double v;
                if (residential) {
                    // air conditioning runs in the afternoon and evening, when people are home and it is hottest
                    double bump = Math.exp(-0.5 * Math.pow((h - 17) / 3.5, 2));
                    v = profile[h] * (1 + RESIDENTIAL_HEATING * heating) + RESIDENTIAL_COOLING * cooling * bump;
                } else {
                    // offices cool only while occupied: the profile above its night base
                    double occupied = profile[h] - profile[0];
                    v = profile[h] * (1 + COMMERCIAL_HEATING * heating) + COMMERCIAL_COOLING * cooling * occupied;
                }
                load[(d - 1) * Hours.T + h] = v;
                total += v;
            }
        }
        for (int i = 0; i < hours; i++) {
            load[i] /= total;
        }
        return load;
    }

    /** The daily mean temperature (deg C) behind the heating and cooling terms. */
    public static double temperature(int day, int days, double latitude) {
        double shift = latitude < 0 ? days / 2.0 : 0;
        return MEAN_TEMPERATURE - TEMPERATURE_AMPLITUDE * Math.cos(2 * Math.PI * (day - COLDEST_DAY - shift) / days);
    }
}
