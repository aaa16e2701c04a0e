package org.tea.model;

/** Validation helpers for record constructors: every message starts with the entity's id and names the field. */
final class Checks {
    private Checks() {
    }

    static double[] hourly(String id, String field, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(id + ": " + field + " is missing");
        }
        if (values.length != Hours.T) {
            throw new IllegalArgumentException(id + ": " + field + " has " + values.length + " values, expected " + Hours.T);
        }
        for (int t = 0; t < values.length; t++) {
            finite(id, field + "[" + t + "]", values[t]);
        }
        return values.clone();
    }

    static double finite(String id, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(id + ": " + field + " = " + value + ", expected a finite number");
        }
        return value;
    }

    static double nonNegative(String id, String field, double value) {
        finite(id, field, value);
        if (value < 0) {
            throw new IllegalArgumentException(id + ": " + field + " = " + value + ", expected >= 0");
        }
        return value;
    }

    static double positive(String id, String field, double value) {
        finite(id, field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(id + ": " + field + " = " + value + ", expected > 0");
        }
        return value;
    }
}
