package org.tea.equilibrium;

/** The inner iteration's price update (MODEL section 6). */
public enum ClearingMethod {
    /** Projected Newton on the clearing objective Phi with Armijo backtracking: a handful of passes. */
    NEWTON,
    /** Fixed-step price update {@code lambda += step (D - A)}: kept for comparison; hundreds of passes. */
    TATONNEMENT;

    public static ClearingMethod parse(String value) {
        for (ClearingMethod m : values()) {
            if (m.name().equalsIgnoreCase(value.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("expected newton or tatonnement, got '" + value + "'");
    }
}
