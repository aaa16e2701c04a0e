package org.tea.model;

/** How prosumers offer their surplus (MODEL section 5). */
public enum Behaviour {
    /** Cournot with the followers' local response as the conjecture: {@code q = min(u, S (lambda - pi_s))}. */
    STRATEGIC,
    /** Price takers: all surplus offered at any {@code lambda >= pi_s}. */
    COMPETITIVE;

    /** Parses a configuration value ({@code strategic} or {@code competitive}), case-insensitively. */
    public static Behaviour parse(String value) {
        for (Behaviour b : values()) {
            if (b.name().equalsIgnoreCase(value.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("expected strategic or competitive, got '" + value + "'");
    }
}
