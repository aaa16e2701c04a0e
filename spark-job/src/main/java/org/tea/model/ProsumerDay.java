package org.tea.model;

/**
 * One prosumer's day (MODEL section 5): renewable output {@code generation[t] >= 0} and its own inflexible
 * {@code load[t] >= 0}, both kWh per hour. Self-use comes first; see {@link #surplus(int)} and {@link #deficit(int)}.
 */
public record ProsumerDay(String id, double[] generation, double[] load) {

    public ProsumerDay {
        generation = Checks.hourly(id, "generation", generation);
        load = Checks.hourly(id, "load", load);
        for (int t = 0; t < Hours.T; t++) {
            Checks.nonNegative(id, "generation[" + t + "]", generation[t]);
            Checks.nonNegative(id, "load[" + t + "]", load[t]);
        }
    }

    /** {@code u_t = max(r_t - l_t, 0)}. */
    public double surplus(int t) {
        return Math.max(generation[t] - load[t], 0.0);
    }

    /** {@code w_t = max(l_t - r_t, 0)}. */
    public double deficit(int t) {
        return Math.max(load[t] - generation[t], 0.0);
    }

    @Override
    public double[] generation() {
        return generation.clone();
    }

    @Override
    public double[] load() {
        return load.clone();
    }
}
