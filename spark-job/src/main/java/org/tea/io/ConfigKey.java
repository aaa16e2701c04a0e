package org.tea.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration key: its name, type, default, unit, admissible values and meaning, and where its value sits in
 * a {@link StudyConfig}. The registry of all keys ({@link ConfigKeys}, public as {@link StudyConfig#keys()}) is the
 * single source for parsing, error messages, the README table and {@link StudyConfig#resolved()}.
 *
 * @param <T>          what {@link #parse} returns and {@code accessor} reads back, fixed by the type (see there)
 * @param name         dotted key name, e.g. {@code study.days}
 * @param type         how the value is parsed
 * @param defaultValue the default in its canonical spelling (what {@link StudyConfig#resolved()} prints)
 * @param unit         unit of the value, {@code -} if none
 * @param range        bounds of a numeric key, {@code null} if unbounded or not numeric
 * @param allowed      the values of an {@link Type#ENUM} key, empty otherwise
 * @param description  one line: what the key means
 * @param accessor     the key's value in a configuration, as {@link #parse} would return it
 */
public record ConfigKey<T>(String name, Type type, String defaultValue, String unit, Range range,
        List<String> allowed, String description, Function<StudyConfig, T> accessor) {

    /** Value types. {@link #HOUR_RANGE} and {@link #FEED_IN} are the two structured strings of the market group. */
    public enum Type {
        /** 32-bit integer; rejects fractions and exponents. */
        INT,
        /** 64-bit integer. */
        LONG,
        /** Finite decimal number; rejects NaN, Infinity and hexadecimal. */
        DOUBLE,
        /** Exactly {@code true} or {@code false}. */
        BOOLEAN,
        /** One of {@link ConfigKey#allowed()}, spelled exactly. */
        ENUM,
        /** Any text, including empty. */
        STRING,
        /** {@code start-end} hours, end exclusive, {@code 0 <= start < end <= 24}; parsed to {@code int[2]}. */
        HOUR_RANGE,
        /** {@code export} or a price in {@link ConfigKey#range()}; parsed to an {@link OptionalDouble}. */
        FEED_IN
    }

    /** A numeric interval; each end open or closed. */
    public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
        public Range {
            if (!(min < max)) {
                throw new IllegalArgumentException("empty range " + min + ", " + max);
            }
        }

        public static Range closed(double min, double max) {
            return new Range(min, false, max, false);
        }

        /** {@code (min, max]}: the usual range of a strictly positive quantity. */
        public static Range openClosed(double min, double max) {
            return new Range(min, true, max, false);
        }

        public boolean contains(double v) {
            return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }

        @Override
        public String toString() {
            return (minOpen ? "(" : "[") + number(min) + ", " + number(max) + (maxOpen ? ")" : "]");
        }
    }

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    static final String EXPORT = "export";

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(accessor, "accessor");
        allowed = List.copyOf(allowed);
        if ((type == Type.ENUM) == allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": allowed values are for enum keys only, and required there");
        }
        if (range != null && !(type == Type.INT || type == Type.LONG || type == Type.DOUBLE || type == Type.FEED_IN)) {
            throw new IllegalArgumentException(name + ": a range needs a numeric key");
        }
    }

    // The factories fix T to what parse returns for each type; the unchecked casts below rely on it.

    static ConfigKey<Integer> integer(String name, int def, String unit, long min, long max, String description,
            Function<StudyConfig, Integer> accessor) {
        return new ConfigKey<>(name, Type.INT, Integer.toString(def), unit, Range.closed(min, max), List.of(),
                description, accessor);
    }

    static ConfigKey<Long> longInt(String name, long def, String unit, Range range, String description,
            Function<StudyConfig, Long> accessor) {
        return new ConfigKey<>(name, Type.LONG, Long.toString(def), unit, range, List.of(), description, accessor);
    }

    static ConfigKey<Double> real(String name, double def, String unit, Range range, String description,
            Function<StudyConfig, Double> accessor) {
        return new ConfigKey<>(name, Type.DOUBLE, number(def), unit, range, List.of(), description, accessor);
    }

    static ConfigKey<Boolean> bool(String name, boolean def, String description,
            Function<StudyConfig, Boolean> accessor) {
        return new ConfigKey<>(name, Type.BOOLEAN, Boolean.toString(def), "-", null, List.of(), description,
                accessor);
    }

    /** A key whose values are the constants of {@code E}, spelled in lower case; it parses to that spelling. */
    static <E extends Enum<E>> ConfigKey<String> choice(String name, E def, E[] values, String description,
            Function<StudyConfig, E> accessor) {
        return new ConfigKey<>(name, Type.ENUM, spelling(def), "-", null,
                Arrays.stream(values).map(ConfigKey::spelling).toList(), description,
                accessor.andThen(ConfigKey::spelling));
    }

    static ConfigKey<String> text(String name, String def, String description,
            Function<StudyConfig, String> accessor) {
        return new ConfigKey<>(name, Type.STRING, def, "-", null, List.of(), description, accessor);
    }

    static ConfigKey<int[]> hours(String name, String def, String description,
            Function<StudyConfig, int[]> accessor) {
        return new ConfigKey<>(name, Type.HOUR_RANGE, def, "hours", null, List.of(), description, accessor);
    }

    static ConfigKey<OptionalDouble> feedIn(String name, String def, String unit, Range range, String description,
            Function<StudyConfig, OptionalDouble> accessor) {
        return new ConfigKey<>(name, Type.FEED_IN, def, unit, range, List.of(), description, accessor);
    }

    /** The spelling of an enum constant in config files. */
    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** What a valid value looks like, as it follows "expected" in an error and fills the README's range column. */
    public String expected() {
        return switch (type) {
            case INT, LONG -> range == null ? "a 64-bit integer" : "an integer in " + range;
            case DOUBLE -> range == null ? "a finite number" : "a number in " + range;
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", allowed);
            case STRING -> "any text";
            case HOUR_RANGE -> "start-end hours with 0 <= start < end <= 24";
            case FEED_IN -> EXPORT + " or a number in " + range;
        };
    }

    /**
     * Parses a trimmed value: {@link Integer}, {@link Long}, {@link Double}, {@link Boolean}, {@link String}
     * (ENUM, STRING), {@code int[2]} (HOUR_RANGE) or {@link OptionalDouble} (FEED_IN, empty for {@code export}).
     *
     * @throws IllegalArgumentException with message {@code "expected " + expected()}
     */
    @SuppressWarnings("unchecked")
    public T parse(String value) {
        Object parsed = switch (type) {
            case INT -> {
                Long v = integerIn(value);
                yield v == null ? null : Integer.valueOf(v.intValue());
            }
            case LONG -> integerIn(value);
            case DOUBLE -> decimalIn(value);
            case BOOLEAN -> value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
            case ENUM -> allowed.contains(value) ? value : null;
            case STRING -> value;
            case HOUR_RANGE -> hourRange(value);
            case FEED_IN -> {
                if (value.equals(EXPORT)) {
                    yield OptionalDouble.empty();
                }
                Double v = decimalIn(value);
                yield v == null ? null : OptionalDouble.of(v);
            }
        };
        if (parsed == null) {
            throw new IllegalArgumentException("expected " + expected());
        }
        return (T) parsed;
    }

    /** This key's value in {@code config}, spelled canonically as {@link #parse} reads it back. */
    public String canonical(StudyConfig config) {
        T value = accessor.apply(config);
        return switch (type) {
            case INT, LONG, BOOLEAN, ENUM, STRING -> value.toString();
            case DOUBLE -> number((Double) value);
            case HOUR_RANGE -> {
                int[] hours = (int[]) value;
                yield hours[0] + "-" + hours[1];
            }
            case FEED_IN -> {
                OptionalDouble price = (OptionalDouble) value;
                yield price.isPresent() ? number(price.getAsDouble()) : EXPORT;
            }
        };
    }

    private Long integerIn(String value) {
        Long v = NumberSyntax.integer(value);
        if (v == null) {
            return null;
        }
        if (type == Type.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            return null;
        }
        return range == null || range.contains(v) ? v : null;
    }

    private Double decimalIn(String value) {
        Double v = NumberSyntax.finiteDecimal(value);
        return v != null && (range == null || range.contains(v)) ? v : null;
    }

    private static int[] hourRange(String value) {
        Matcher m = HOURS.matcher(value);
        if (!m.matches()) {
            return null;
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        return start < end && end <= 24 ? new int[] {start, end} : null;
    }

    /**
     * Canonical spelling of a number: integers plainly below a million, otherwise the shortest Java form with a
     * lower-case exponent and no {@code .0} ({@code 1e-7}, {@code 1e8}, {@code 0.13}).
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v).replace('E', 'e').replace(".0e", "e");
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
