package org.tea.io;

import java.util.regex.Pattern;

/**
 * How numbers are spelled in config values and input files alike: plain decimal notation, as spreadsheets write
 * it. {@link Double#parseDouble} and {@link Long#parseLong} alone would also take {@code NaN}, {@code Infinity},
 * {@code 1d}, {@code 0x1p3} and non-ASCII digits.
 */
final class NumberSyntax {
    /** The most digits {@link #integer(String, int)} may take so that every value fits an {@code int}. */
    static final int INT_DIGITS = 9;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private NumberSyntax() {
    }

    /**
     * The value of {@code s} in plain decimal notation: NaN if {@code s} is not one, infinite if it is but
     * overflows a double (callers that report the two differently need no second match).
     */
    static double decimalValue(String s) {
        return DECIMAL.matcher(s).matches() ? Double.parseDouble(s) : Double.NaN;
    }

    /** The finite number {@code s} spells in plain decimal notation, or null. */
    static Double finiteDecimal(String s) {
        double v = decimalValue(s);
        return Double.isFinite(v) ? v : null;
    }

    /** The integer {@code s} spells (a sign, then decimal digits only), or null, also when it overflows a long. */
    static Long integer(String s) {
        return integer(s, Integer.MAX_VALUE);
    }

    /** As {@link #integer(String)}, with at most {@code maxDigits} digits (leading zeros count). */
    static Long integer(String s, int maxDigits) {
        if (!INTEGER.matcher(s).matches() || digits(s) > maxDigits) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    private static int digits(String integer) {
        char first = integer.charAt(0);
        return integer.length() - (first == '+' || first == '-' ? 1 : 0);
    }
}
