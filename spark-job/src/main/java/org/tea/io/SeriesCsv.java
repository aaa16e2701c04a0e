package org.tea.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * Hourly series files. Two formats:
 * <ul>
 * <li>TEA's {@code series.csv} (data/README.md): {@code day} 1..365/366, {@code hour} 0..23, {@code wholesale_price},
 * {@code pv_cf}, {@code wind_cf} and one {@code load_<archetype>} column per archetype; read by {@link #read},
 * written by {@link #write}. Load shapes are normalised to sum 1 on load.</li>
 * <li>The date-hour format of real data such as shared/data/ontario-2016: {@code date} as DD/MM/YYYY, {@code hour}
 * 1..24 (hour 1 is 00:00-01:00), any number of value columns; {@link #readDateHourColumn} reads one of them as an
 * hourly array of the year, optionally normalised.</li>
 * </ul>
 */
public final class SeriesCsv {
    /** What to scale a real-data column to. */
    public enum Normalisation {
        /** As in the file (prices). */
        NONE,
        /** Sum 1 over the year: a load shape. */
        SUM_TO_ONE,
        /** Maximum 1: a capacity-factor shape from an output series (the year's peak stands for capacity). */
        MAX_TO_ONE,
        /** Divided by an installed capacity: a capacity factor; every value must lie in [0, capacity]. */
        CAPACITY
    }

    /**
     * What {@link #read(Path, String, int, List)} found: the series (null if the file had any error) and the
     * archetypes named by its load columns (null if its header could not be read), so end-user and prosumer files
     * can be checked against them even when the series has errors.
     */
    public record Result(StudySeries series, List<String> archetypes) {
    }

    /** Written by {@link #write}: RFC 4180 with Unix line ends (stable diffs). */
    static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    /** A load column summing to 1 within this is taken as normalised already. */
    private static final double SUM_TOLERANCE = 1e-12;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_OUT = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private SeriesCsv() {
    }

    /** Reads a series.csv for study year {@code year}; throws {@link InputException} listing every error. */
    public static StudySeries read(Path file, int year) {
        List<String> errors = new ArrayList<>();
        Result r = read(file, file.getFileName().toString(), year, errors);
        if (!errors.isEmpty()) {
            throw new InputException(file.toString(), errors);
        }
        return r.series();
    }

    /** Reads a series.csv, adding every problem to {@code errors} under the name {@code label}. */
    public static Result read(Path file, String label, int year, List<String> errors) {
        int before = errors.size();
        int hours = StudySeries.hoursInYear(year);
        double[] price = new double[hours];
        double[] pv = new double[hours];
        double[] wind = new double[hours];
        List<String> archetypes = new ArrayList<>();
        List<double[]> loads = new ArrayList<>();
        HourSequence sequence = new HourSequence(label, hours,
                i -> "day " + (i / Hours.T + 1) + " hour " + (i % Hours.T));
        boolean[] headerRead = {false};
        List<Boolean> positive = new ArrayList<>();
        boolean complete = CsvTable.read(file, label, errors, new CsvTable.Rows() {
            @Override
            public void header(List<String> names) {
                archetypes.addAll(InputRules.header(label, names, InputRules.SERIES_COLUMNS, InputRules.LOAD_PREFIX,
                        errors));
                for (int a = 0; a < archetypes.size(); a++) {
                    loads.add(new double[hours]);
                    positive.add(false);
                }
                headerRead[0] = true;
            }

            @Override
            public void row(long row, Map<String, String> fields) {
                InputRules.SeriesRow r = InputRules.seriesRow(label, row, fields, year, archetypes, errors);
                // whether a shape has any load is judged on every row, also rows rejected for another field
                for (int a = 0; a < archetypes.size(); a++) {
                    Double v = InputRules.decimal(fields.get(InputRules.LOAD_PREFIX + archetypes.get(a)));
                    if (v != null && v > 0) {
                        positive.set(a, true);
                    }
                }
                // the day and hour alone place the row in time, even when other fields are wrong
                Integer day = InputRules.integerIn(fields.get(InputRules.DAY), 1, hours / Hours.T);
                Integer hour = InputRules.integerIn(fields.get(InputRules.HOUR), 0, Hours.T - 1);
                if (day == null || hour == null) {
                    sequence.count();
                    return;
                }
                int i = (day - 1) * Hours.T + hour;
                if (sequence.accept(row, i, errors) && r != null) {
                    price[i] = r.wholesalePrice();
                    pv[i] = r.pvCf();
                    wind[i] = r.windCf();
                    for (int a = 0; a < archetypes.size(); a++) {
                        loads.get(a)[i] = r.loads()[a];
                    }
                }
            }
        });
        if (complete) {
            sequence.finish(year, errors);
        }
        TreeMap<String, double[]> shapes = new TreeMap<>();
        for (int a = 0; a < archetypes.size(); a++) {
            double[] shape = loads.get(a);
            double sum = 0;
            for (double v : shape) {
                sum += v;
            }
            // a shape already summing to 1 (to rounding) is kept bit for bit, so written series read back equal
            if (sum > 0 && Math.abs(sum - 1) > SUM_TOLERANCE) {
                for (int i = 0; i < hours; i++) {
                    shape[i] /= sum;
                }
            }
            if (complete && !positive.get(a)) {
                errors.add(label + ": column '" + InputRules.LOAD_PREFIX + archetypes.get(a)
                        + "' is 0 in every hour: expected a load shape with some positive value");
            }
            shapes.put(archetypes.get(a), shape);
        }
        List<String> names = headerRead[0] ? List.copyOf(archetypes) : null;
        if (errors.size() > before) {
            return new Result(null, names);
        }
        return new Result(new StudySeries(year, price, shapes, pv, wind), names);
    }

    /** Writes {@code series} as a series.csv: one row per hour of its year, archetypes in name order. */
    public static void write(Path file, StudySeries series) throws IOException {
        List<String> archetypes = new ArrayList<>(series.archetypes().keySet());
        List<String> header = new ArrayList<>(InputRules.SERIES_COLUMNS);
        for (String a : archetypes) {
            header.add(InputRules.LOAD_PREFIX + a);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, WRITE)) {
            out.printRecord(header);
            List<String> cells = new ArrayList<>(header.size());
            for (int i = 0; i < series.wholesale().length; i++) {
                cells.clear();
                cells.add(Integer.toString(i / Hours.T + 1));
                cells.add(Integer.toString(i % Hours.T));
                // Double.toString: the shortest text that parses back to the same double, in any locale
                cells.add(Double.toString(series.wholesale()[i]));
                cells.add(Double.toString(series.pvCapacityFactor()[i]));
                cells.add(Double.toString(series.windCapacityFactor()[i]));
                for (String a : archetypes) {
                    cells.add(Double.toString(series.archetypes().get(a)[i]));
                }
                out.printRecord(cells);
            }
        }
    }

    /**
     * Reads column {@code column} of a date-hour file (the Ontario format) as one value per hour of {@code year};
     * throws {@link InputException} listing every error.
     */
    public static double[] readDateHourColumn(Path file, String column, int year, Normalisation normalisation) {
        List<String> errors = new ArrayList<>();
        double[] values = readDateHourColumn(file, file.getFileName().toString(), column, year, normalisation, errors);
        if (!errors.isEmpty()) {
            throw new InputException(file.toString(), errors);
        }
        return values;
    }

    /**
     * As {@link #readDateHourColumn(Path, String, int, Normalisation)}, adding problems to {@code errors}: rows must
     * be consecutive hours from 1 January hour 1 to 31 December hour 24 of {@code year}; values finite, and >= 0
     * when normalised. Other columns are ignored. Returns null if there was any error.
     */
    public static double[] readDateHourColumn(Path file, String label, String column, int year,
            Normalisation normalisation, List<String> errors) {
        return readDateHourColumn(file, label, column, year, normalisation, 1, errors);
    }

    /**
     * As {@link #readDateHourColumn(Path, String, String, int, Normalisation, List)} with a {@code factor}: with
     * {@link Normalisation#NONE} every value is multiplied by it (a unit conversion), with
     * {@link Normalisation#CAPACITY} divided by it (the installed capacity, in the file's unit, which no value may
     * exceed); the other normalisations ignore it.
     */
    public static double[] readDateHourColumn(Path file, String label, String column, int year,
            Normalisation normalisation, double factor, List<String> errors) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor " + factor + ": expected a finite number > 0");
        }
        int before = errors.size();
        int hours = StudySeries.hoursInYear(year);
        double[] values = new double[hours];
        LocalDate first = LocalDate.of(year, 1, 1);
        HourSequence sequence = new HourSequence(label, hours,
                i -> first.plusDays(i / Hours.T).format(DATE_OUT) + " hour " + (i % Hours.T + 1));
        boolean[] usable = {false};
        boolean complete = CsvTable.read(file, label, errors, new CsvTable.Rows() {
            @Override
            public void header(List<String> names) {
                usable[0] = true;
                for (String required : List.of("date", "hour", column)) {
                    if (!names.contains(required)) {
                        errors.add(label + ":row 1: missing column '" + required + "' (columns are: "
                                + String.join(", ", names) + ")");
                        usable[0] = false;
                    }
                }
            }

            @Override
            public void row(long row, Map<String, String> fields) {
                if (!usable[0]) {
                    return;
                }
                Integer day = dayOfYear(label, row, fields.get("date"), year, errors);
                Integer hour = InputRules.integer(label, row, fields, "hour", 1, Hours.T, errors);
                Double v = switch (normalisation) {
                    case NONE -> InputRules.number(label, row, fields, column, Double.NEGATIVE_INFINITY, false,
                            Double.POSITIVE_INFINITY, false, "(any sign)", errors);
                    case CAPACITY -> InputRules.number(label, row, fields, column, 0, false, factor, false,
                            "in [0, " + ConfigKey.number(factor) + "] (output within the installed capacity)", errors);
                    default -> InputRules.number(label, row, fields, column, 0, false, Double.POSITIVE_INFINITY,
                            false, ">= 0 (to normalise)", errors);
                };
                if (day == null || hour == null) {
                    sequence.count();
                    return;
                }
                int i = (day - 1) * Hours.T + hour - 1;
                if (sequence.accept(row, i, errors) && v != null) {
                    values[i] = v;
                }
            }
        });
        if (complete && usable[0]) {
            sequence.finish(year, errors);
        }
        if (errors.size() > before) {
            return null;
        }
        if (normalisation == Normalisation.NONE) {
            if (factor != 1) {
                for (int i = 0; i < hours; i++) {
                    values[i] *= factor;
                }
            }
            return values;
        }
        double scale = switch (normalisation) {
            case SUM_TO_ONE -> java.util.Arrays.stream(values).sum();
            case MAX_TO_ONE -> java.util.Arrays.stream(values).max().orElse(0);
            default -> factor;
        };
        if (!(scale > 0)) {
            errors.add(label + ": column '" + column + "' is 0 in every hour: nothing to normalise");
            return null;
        }
        if (scale != 1) {
            for (int i = 0; i < hours; i++) {
                values[i] /= scale;
            }
        }
        return values;
    }

    private static Integer dayOfYear(String label, long row, String text, int year, List<String> errors) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            if (date.getYear() == year) {
                return date.getDayOfYear();
            }
            errors.add(InputRules.field(label, row, "date", text, "a date of the study year " + year
                    + " (study.year), not of " + date.getYear()));
            return null;
        } catch (DateTimeParseException e) {
            // reported below, with the expected form
        }
        errors.add(InputRules.field(label, row, "date", text, "a date of " + year + " as DD/MM/YYYY"));
        return null;
    }
}
