package org.tea.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The hourly series of one study year (MODEL section 10), indexed by hour of year {@code (day - 1) * 24 + hour}:
 * the wholesale price (per kWh, may be negative), archetype load shapes (each sums to 1 over the year, so
 * a user's reference load is shape times annual energy), and the PV and wind capacity factors in [0, 1] of
 * one scenario. Small: a few archetypes times 8,784 values, kept on the driver and broadcast.
 */
public record StudySeries(int year, double[] wholesale, Map<String, double[]> archetypes, double[] pvCapacityFactor,
        double[] windCapacityFactor) implements java.io.Serializable {

    public StudySeries {
        int hours = hoursInYear(year);
        check("wholesale_price", wholesale, hours, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        check("pv_capacity_factor", pvCapacityFactor, hours, 0, 1);
        check("wind_capacity_factor", windCapacityFactor, hours, 0, 1);
        if (archetypes == null || archetypes.isEmpty()) {
            throw new IllegalArgumentException("series: no archetype load shape");
        }
        TreeMap<String, double[]> copy = new TreeMap<>();
        for (Map.Entry<String, double[]> e : archetypes.entrySet()) {
            check("archetype " + e.getKey(), e.getValue(), hours, 0, Double.POSITIVE_INFINITY);
            copy.put(e.getKey(), e.getValue().clone());
        }
        archetypes = java.util.Collections.unmodifiableMap(copy);
        wholesale = wholesale.clone();
        pvCapacityFactor = pvCapacityFactor.clone();
        windCapacityFactor = windCapacityFactor.clone();
    }

    /** 8,784 in a leap year, 8,760 otherwise. */
    public static int hoursInYear(int year) {
        return java.time.Year.isLeap(year) ? 8784 : 8760;
    }

    public int days() {
        return hoursInYear(year) / Hours.T;
    }

    private static void check(String field, double[] values, int hours, double lo, double hi) {
        if (values == null) {
            throw new IllegalArgumentException("series: " + field + " is missing");
        }
        if (values.length != hours) {
            throw new IllegalArgumentException("series: " + field + " has " + values.length + " hourly values, expected "
                    + hours + " for the study year");
        }
        for (int h = 0; h < values.length; h++) {
            double v = values[h];
            if (!Double.isFinite(v) || v < lo || v > hi) {
                throw new IllegalArgumentException("series: " + field + " at day " + (h / Hours.T + 1) + " hour "
                        + (h % Hours.T) + " = " + v + ", expected a finite number in [" + lo + ", " + hi + "]");
            }
        }
    }

    /** A copy with another scenario's renewable output; everything else stays (MODEL section 10). */
    public StudySeries withRenewables(double[] pv, double[] wind) {
        return new StudySeries(year, wholesale, archetypes, pv, wind);
    }
}
