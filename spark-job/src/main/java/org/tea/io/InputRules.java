package org.tea.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tea.model.EndUserSpec;
import org.tea.model.Hours;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * The validation rules of the input files (schemas in data/README.md), as static methods over one row's fields so
 * every reader applies the same rules and writes the same messages: the local loader ({@link InputFiles}) and a
 * Spark reader alike. Each method appends one line per problem to {@code errors}, in the form
 * {@code file:row N: field 'x' = 'value': expected ...}, and returns the parsed row, or null if it had a problem.
 * A field absent from the map (its column is missing, already reported by {@link #header}) is not reported again.
 */
public final class InputRules {
    public static final String ID = "id";
    public static final String ARCHETYPE = "archetype";
    public static final String ANNUAL_ENERGY = "annual_energy";
    public static final String ELASTICITY = "elasticity";
    public static final String FLEX_SHARE = "flex_share";
    public static final String ENERGY_FLEX = "energy_flex";
    public static final String PV_KWP = "pv_kwp";
    public static final String WIND_KW = "wind_kw";
    public static final String DAY = "day";
    public static final String HOUR = "hour";
    public static final String WHOLESALE_PRICE = "wholesale_price";
    public static final String PV_CF = "pv_cf";
    public static final String WIND_CF = "wind_cf";
    /** series.csv has one load shape column per archetype, named with this prefix. */
    public static final String LOAD_PREFIX = "load_";

    public static final List<String> ENDUSER_COLUMNS =
            List.of(ID, ARCHETYPE, ANNUAL_ENERGY, ELASTICITY, FLEX_SHARE, ENERGY_FLEX);
    public static final List<String> PROSUMER_COLUMNS = List.of(ID, PV_KWP, WIND_KW, ARCHETYPE, ANNUAL_ENERGY);
    /** The fixed columns of series.csv; it also has one or more {@code load_<archetype>} columns. */
    public static final List<String> SERIES_COLUMNS = List.of(DAY, HOUR, WHOLESALE_PRICE, PV_CF, WIND_CF);

    public static final String CAPACITY_KWH = "capacity_kwh";
    public static final String POWER_KW = "power_kw";
    public static final String ETA_CHARGE = "eta_charge";
    public static final String ETA_DISCHARGE = "eta_discharge";
    public static final String THROUGHPUT_COST = "throughput_cost";
    public static final String SOC0 = "soc0";
    public static final List<String> STORAGE_COLUMNS =
            List.of(ID, CAPACITY_KWH, POWER_KW, ETA_CHARGE, ETA_DISCHARGE, THROUGHPUT_COST, SOC0);

    /** Spellings of NaN and infinity: not numbers to {@link NumberSyntax}, but worth their own message. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** One validated row of series.csv; {@code loads} follows the order of the archetype list given. */
    public record SeriesRow(int day, int hour, double wholesalePrice, double pvCf, double windCf, double[] loads) {
        /** Hour of year, {@code (day - 1) * 24 + hour}. */
        public int index() {
            return (day - 1) * Hours.T + hour;
        }
    }

    private InputRules() {
    }

    /**
     * Checks a header against the expected columns: each missing, unexpected, blank or repeated name is an
     * error. With a {@code dynamicPrefix} (series.csv's "load_"), names with that prefix are accepted too and at
     * least one is required. Returns the archetypes named by the dynamic columns, in file order.
     */
    public static List<String> header(String file, List<String> header, List<String> expected, String dynamicPrefix,
            List<String> errors) {
        return columns(file + ":row 1: ", header, expected, dynamicPrefix, errors);
    }

    /** The column names of a Parquet file's schema, checked as {@link #header} checks a CSV header. */
    public static void schema(String file, List<String> names, List<String> expected, List<String> errors) {
        columns(file + ": schema: ", names, expected, null, errors);
    }

    private static List<String> columns(String at, List<String> header, List<String> expected, String dynamicPrefix,
            List<String> errors) {
        String expectation = "expected columns: " + String.join(", ", expected)
                + (dynamicPrefix == null ? "" : ", " + dynamicPrefix + "<archetype>...");
        List<String> dynamic = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty()) {
                errors.add(at + "column " + (c + 1) + " has no name (" + expectation + ")");
                continue;
            }
            if (!seen.add(name)) {
                errors.add(at + "column '" + name + "' appears more than once");
                continue;
            }
            if (expected.contains(name)) {
                continue;
            }
            if (dynamicPrefix != null && name.startsWith(dynamicPrefix)) {
                if (name.length() == dynamicPrefix.length()) {
                    errors.add(at + "column '" + name + "' names no archetype: expected " + dynamicPrefix
                            + "<archetype>");
                } else {
                    dynamic.add(name.substring(dynamicPrefix.length()));
                }
                continue;
            }
            errors.add(at + "unexpected column '" + name + "' (" + expectation + ")");
        }
        for (String name : expected) {
            if (!seen.contains(name)) {
                errors.add(at + "missing column '" + name + "' (" + expectation + ")");
            }
        }
        if (dynamicPrefix != null && dynamic.isEmpty()) {
            errors.add(at + "no '" + dynamicPrefix + "<archetype>' column: expected at least one load shape");
        }
        return dynamic;
    }

    /**
     * One row of endusers.csv. {@code archetypes}: the archetypes of series.csv, or null when unknown (the
     * series file itself is broken: its errors say so).
     */
    public static EndUserSpec endUser(String file, long row, Map<String, String> fields, Collection<String> archetypes,
            List<String> errors) {
        int before = errors.size();
        String id = id(file, row, fields, errors);
        String archetype = archetype(file, row, fields, archetypes, errors);
        Double energy = number(file, row, fields, ANNUAL_ENERGY, 0, false, Double.POSITIVE_INFINITY, false,
                ">= 0 (kWh per year)", errors);
        Double elasticity = number(file, row, fields, ELASTICITY, Double.NEGATIVE_INFINITY, false, 0, true,
                "< 0 (a price elasticity)", errors);
        Double flex = number(file, row, fields, FLEX_SHARE, 0, false, 1, false, "in [0, 1]", errors);
        Double energyFlex = number(file, row, fields, ENERGY_FLEX, 0, false, 1, true, "in [0, 1)", errors);
        if (errors.size() > before || id == null || archetype == null || energy == null || elasticity == null
                || flex == null || energyFlex == null) {
            return null;
        }
        return new EndUserSpec(id, archetype, energy, elasticity, flex, energyFlex);
    }

    /** One row of prosumers.csv; {@code archetypes} as in {@link #endUser}. */
    public static ProsumerSpec prosumer(String file, long row, Map<String, String> fields,
            Collection<String> archetypes, List<String> errors) {
        int before = errors.size();
        String id = id(file, row, fields, errors);
        Double pv = number(file, row, fields, PV_KWP, 0, false, Double.POSITIVE_INFINITY, false, ">= 0 (kWp)", errors);
        Double wind = number(file, row, fields, WIND_KW, 0, false, Double.POSITIVE_INFINITY, false, ">= 0 (kW)",
                errors);
        String archetype = archetype(file, row, fields, archetypes, errors);
        Double energy = number(file, row, fields, ANNUAL_ENERGY, 0, false, Double.POSITIVE_INFINITY, false,
                ">= 0 (kWh per year)", errors);
        if (errors.size() > before || id == null || pv == null || wind == null || archetype == null
                || energy == null) {
            return null;
        }
        return new ProsumerSpec(id, pv, wind, archetype, energy);
    }

    /** One row of storage.csv (MODEL section 12). */
    public static StorageSpec storage(String file, long row, Map<String, String> fields, List<String> errors) {
        int before = errors.size();
        String id = id(file, row, fields, errors);
        Double cap = number(file, row, fields, CAPACITY_KWH, 0, false, Double.POSITIVE_INFINITY, false, ">= 0 (kWh)",
                errors);
        Double pow = number(file, row, fields, POWER_KW, 0, false, Double.POSITIVE_INFINITY, false, ">= 0 (kW)",
                errors);
        Double etaC = number(file, row, fields, ETA_CHARGE, 0, true, 1, false, "in (0, 1] (an efficiency)", errors);
        Double etaD = number(file, row, fields, ETA_DISCHARGE, 0, true, 1, false, "in (0, 1] (an efficiency)",
                errors);
        Double kappa = number(file, row, fields, THROUGHPUT_COST, 0, true, Double.POSITIVE_INFINITY, false,
                "> 0 (currency per kWh^2)", errors);
        Double soc0 = number(file, row, fields, SOC0, 0, false, 1, false, "in [0, 1] (a share of capacity_kwh)",
                errors);
        if (errors.size() > before || id == null || cap == null || pow == null || etaC == null || etaD == null
                || kappa == null || soc0 == null) {
            return null;
        }
        return new StorageSpec(id, cap, pow, etaC, etaD, kappa, soc0);
    }

    /**
     * One row of series.csv for study year {@code year}: day and hour in range, a finite price, capacity factors
     * in [0, 1], load shape values finite and >= 0 ({@code archetypes} names the load columns to read, in order).
     * Whether rows come in order and cover the year is for {@link HourSequence}.
     */
    public static SeriesRow seriesRow(String file, long row, Map<String, String> fields, int year,
            List<String> archetypes, List<String> errors) {
        int before = errors.size();
        int days = StudySeries.hoursInYear(year) / Hours.T;
        Integer day = integer(file, row, fields, DAY, 1, days, errors);
        Integer hour = integer(file, row, fields, HOUR, 0, Hours.T - 1, errors);
        Double price = number(file, row, fields, WHOLESALE_PRICE, Double.NEGATIVE_INFINITY, false,
                Double.POSITIVE_INFINITY, false, "(currency per kWh, may be negative)", errors);
        Double pv = number(file, row, fields, PV_CF, 0, false, 1, false, "in [0, 1] (a capacity factor)", errors);
        Double wind = number(file, row, fields, WIND_CF, 0, false, 1, false, "in [0, 1] (a capacity factor)", errors);
        double[] loads = new double[archetypes.size()];
        boolean loadsOk = true;
        for (int a = 0; a < loads.length; a++) {
            Double v = number(file, row, fields, LOAD_PREFIX + archetypes.get(a), 0, false, Double.POSITIVE_INFINITY,
                    false, ">= 0 (a load shape value)", errors);
            if (v == null) {
                loadsOk = false;
            } else {
                loads[a] = v;
            }
        }
        if (errors.size() > before || day == null || hour == null || price == null || pv == null || wind == null
                || !loadsOk) {
            return null;
        }
        return new SeriesRow(day, hour, price, pv, wind, loads);
    }

    /** The message for an id already used in row {@code firstRow} of the same file. */
    public static String duplicateId(String file, long row, String id, long firstRow) {
        return field(file, row, ID, id, "a unique id, but row " + firstRow + " has it already");
    }

    /** The message for an empty population file. */
    public static String empty(String file, String what) {
        return file + ": no " + what + ": expected at least one data row after the header";
    }

    /** {@code file:row N: field 'x' = 'value': expected ...}: the shape of every row-level message. */
    public static String field(String file, long row, String field, String value, String expected) {
        return file + ":row " + row + ": field '" + field + "' = '" + value + "': expected " + expected;
    }

    private static String id(String file, long row, Map<String, String> fields, List<String> errors) {
        String id = fields.get(ID);
        if (id == null) {
            return null;
        }
        if (id.isEmpty()) {
            errors.add(field(file, row, ID, id, "a non-empty id"));
            return null;
        }
        return id;
    }

    private static String archetype(String file, long row, Map<String, String> fields, Collection<String> archetypes,
            List<String> errors) {
        String a = fields.get(ARCHETYPE);
        if (a == null) {
            return null;
        }
        if (a.isEmpty()) {
            errors.add(field(file, row, ARCHETYPE, a, "an archetype, one of the " + LOAD_PREFIX
                    + "<archetype> columns of series.csv"));
            return null;
        }
        if (archetypes != null && !archetypes.contains(a)) {
            errors.add(field(file, row, ARCHETYPE, a, "one of the " + LOAD_PREFIX
                    + "<archetype> columns of series.csv: " + String.join(", ", new java.util.TreeSet<>(archetypes))));
            return null;
        }
        return a;
    }

    /**
     * Parses a decimal number and checks it against (lo, hi), each end open or closed; {@code what} completes
     * "expected a number ..." in the message. Null (with an error unless the field is absent) if it fails.
     */
    static Double number(String file, long row, Map<String, String> fields, String name, double lo, boolean loOpen,
            double hi, boolean hiOpen, String what, List<String> errors) {
        String s = fields.get(name);
        if (s == null) {
            return null;
        }
        if (NON_FINITE.matcher(s).matches()) {
            errors.add(field(file, row, name, s, "a finite number " + what + ", not NaN or infinity"));
            return null;
        }
        double v = NumberSyntax.decimalValue(s);
        if (Double.isNaN(v)) {
            errors.add(field(file, row, name, s, "a number " + what + (s.isEmpty() ? " (the cell is empty)" : "")));
            return null;
        }
        if (Double.isInfinite(v)) {
            errors.add(field(file, row, name, s, "a finite number " + what + ", this one overflows"));
            return null;
        }
        boolean low = loOpen ? v > lo : v >= lo;
        boolean high = hiOpen ? v < hi : v <= hi;
        if (!low || !high) {
            errors.add(field(file, row, name, s, "a number " + what));
            return null;
        }
        return v;
    }

    /** The finite decimal number {@code s} spells, or null (no message: for re-reading a checked field). */
    static Double decimal(String s) {
        return s == null ? null : NumberSyntax.finiteDecimal(s);
    }

    /** Parses an integer in [lo, hi]. */
    static Integer integer(String file, long row, Map<String, String> fields, String name, int lo, int hi,
            List<String> errors) {
        String s = fields.get(name);
        if (s == null) {
            return null;
        }
        Integer v = integerIn(s, lo, hi);
        if (v == null) {
            errors.add(field(file, row, name, s, "an integer in " + lo + ".." + hi));
        }
        return v;
    }

    /** The integer in [lo, hi] that {@code s} spells, or null (no message: for re-reading a checked field). */
    static Integer integerIn(String s, int lo, int hi) {
        // 9 digits, as these files have always been read: "0000000001" stays an error
        Long v = s == null ? null : NumberSyntax.integer(s, NumberSyntax.INT_DIGITS);
        return v == null || v < lo || v > hi ? null : v.intValue();
    }
}
