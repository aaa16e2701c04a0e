package org.tea.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tea.io.SeriesCsv.Normalisation;
import org.tea.io.StudyConfig.SeriesGroup;
import org.tea.io.StudyConfig.SeriesSource;
import org.tea.model.StudySeries;

/**
 * The {@code series.*} keys: hourly series read from real-data files in the date-hour format (data/README.md)
 * replace those of a study's series, generated or read from inputs.dir. The price is scaled to currency/kWh, PV and
 * wind output become capacity factors (divided by the installed capacity, or by the year's maximum), and demand
 * becomes a load shape summing to 1 that every archetype follows.
 */
public final class DateHourSeries {
    private DateHourSeries() {
    }

    /** {@code base} with the configured series replaced; throws {@link InputException} listing every error. */
    public static StudySeries apply(SeriesGroup g, StudySeries base) {
        List<String> errors = new ArrayList<>();
        StudySeries s = apply(g, base, errors);
        if (!errors.isEmpty()) {
            throw new InputException("the series.* files", errors);
        }
        return s;
    }

    /** As {@link #apply(SeriesGroup, StudySeries)}, adding problems to {@code errors}; null if there was any. */
    public static StudySeries apply(SeriesGroup g, StudySeries base, List<String> errors) {
        int before = errors.size();
        int year = base.year();
        double[] price = read("series.price.file", g.price(), year, Normalisation.NONE, errors);
        double[] pv = read("series.pv.file", g.pv(), year, output(g.pv()), errors);
        double[] wind = read("series.wind.file", g.wind(), year, output(g.wind()), errors);
        double[] load = read("series.load.file", g.load(), year, Normalisation.SUM_TO_ONE, errors);
        if (errors.size() > before) {
            return null;
        }
        Map<String, double[]> shapes = base.archetypes();
        if (load != null) {
            TreeMap<String, double[]> same = new TreeMap<>();
            for (String a : shapes.keySet()) {
                same.put(a, load);
            }
            shapes = same;
        }
        return new StudySeries(year, price != null ? price : base.wholesale(), shapes,
                pv != null ? pv : base.pvCapacityFactor(), wind != null ? wind : base.windCapacityFactor());
    }

    private static Normalisation output(SeriesSource s) {
        return s.factor() > 0 ? Normalisation.CAPACITY : Normalisation.MAX_TO_ONE;
    }

    /** The configured column, or null when the series is not given or has errors. */
    private static double[] read(String key, SeriesSource s, int year, Normalisation n, List<String> errors) {
        if (!s.given()) {
            return null;
        }
        Path file = Path.of(s.file());
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            errors.add(key + " = " + s.file() + ": folder " + folder.normalize() + " not found (real data stay "
                    + "outside the repository: see data/README.md for where they are expected)");
            return null;
        }
        double factor = n == Normalisation.NONE || n == Normalisation.CAPACITY ? s.factor() : 1;
        return SeriesCsv.readDateHourColumn(file, s.file(), s.column(), year, n, factor, errors);
    }
}
