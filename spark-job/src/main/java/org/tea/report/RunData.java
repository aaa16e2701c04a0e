package org.tea.report;

import org.tea.results.KeyFigures;
import org.tea.results.Distribution;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tea.model.Hours;

/**
 * What the report reads of one finished run, as plain arrays: the resolved configuration from
 * {@code manifest.json}, the {@code market_hourly} columns it plots, the {@code summary} key figures, the pass
 * {@code trace} and the {@code convergence} counts. Nothing here is recomputed from the model.
 *
 * <p>Days are days of the year, {@code firstDay .. lastDay()} (the study window, {@code study.firstDay}). Hourly
 * columns are indexed {@code (s * days + day - firstDay) * 24 + hour}, where {@code s} is the position of the
 * scenario in {@link #scenarios()}.
 */
public record RunData(String name, Map<String, String> config, int[] scenarios, int firstDay, int days, Hourly hourly,
        List<KeyFigures> summary, List<Distribution> distribution, List<TraceRow> trace, int daysConverged, int games,
        int maxOuterIterations) {

    /** The {@code market_hourly} columns the report uses ({@link org.tea.io.OutputTables.MarketHourly}). */
    public record Hourly(double[] wholesale, double[] importPrice, double[] exportPrice, double[] tariff,
            double[] retail, double[] demand, double[] baselineDemand, double[] generation, double[] baselineEnduserDemand,
            double[] soldLocal, double[] offered, double[] surplusTotal, double[] storageCharge,
            double[] storageDischarge) {
    }

    /** One row of the pass {@code trace}. */
    public record TraceRow(int pass, String step, int activeGames, int doneGames, double maxViolation, long millis) {
    }

    public RunData {
        config = Map.copyOf(config);
        summary = List.copyOf(summary);
        distribution = List.copyOf(distribution);
        trace = List.copyOf(trace);
        int n = scenarios.length * days * Hours.T;
        if (hourly.retail().length != n) {
            throw new IllegalArgumentException(name + ": market_hourly has " + hourly.retail().length
                    + " rows, expected scenarios x days x 24 = " + n);
        }
        if (summary.size() != scenarios.length) {
            throw new IllegalArgumentException(name + ": summary has " + summary.size() + " rows, expected one per scenario ("
                    + scenarios.length + ")");
        }
    }

    public int scenarioCount() {
        return scenarios.length;
    }

    /** The index of hour {@code hour} of day of the year {@code day} (in the window) of scenario position s. */
    public int index(int s, int day, int hour) {
        return (s * days + day - firstDay) * Hours.T + hour;
    }

    /** The last day of the study window, a day of the year. */
    public int lastDay() {
        return firstDay + days - 1;
    }

    /** The first day of a run's window from its manifest configuration: 1 for runs made before the key existed. */
    public static int firstDay(Map<String, String> config) {
        return Integer.parseInt(config.getOrDefault("study.firstDay", "1"));
    }

    public String value(String key) {
        String v = config.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + ": manifest.json has no configuration key " + key);
        }
        return v;
    }

    public double number(String key) {
        return Double.parseDouble(value(key));
    }

    public int year() {
        return Integer.parseInt(value("study.year"));
    }

    /** Season of a day of the year (northern meteorological seasons): 0 winter (DJF), 1 spring, 2 summer, 3 autumn. */
    public int season(int day) {
        int month = LocalDate.ofYearDay(year(), Math.min(day, LocalDate.ofYearDay(year(), 1).lengthOfYear()))
                .getMonthValue();
        return (month % 12) / 3;
    }

    /**
     * Renewable generation as a share of all consumption over the run, in percent (scenario s): end-users at the
     * tariff plus the prosumers' own load, which is their deficit (in {@code baseline_demand}) plus what they
     * consume of their own generation ({@code generation_total - surplus_total}).
     */
    public double renewablePenetration(int s) {
        double gen = 0;
        double demand = 0;
        for (int i = index(s, firstDay, 0); i < index(s, lastDay(), Hours.T - 1) + 1; i++) {
            gen += hourly.generation()[i];
            demand += hourly.baselineDemand()[i] + hourly.generation()[i] - hourly.surplusTotal()[i];
        }
        return demand > 0 ? 100.0 * gen / demand : 0.0;
    }

    /** Mean over scenarios of each (TE, baseline) key figure, by its printed name ({@link KeyFigures#sideBySide()}). */
    public Map<String, double[]> meanFigures() {
        Map<String, double[]> mean = new LinkedHashMap<>();
        for (KeyFigures k : summary) {
            k.sideBySide().forEach((figure, v) -> {
                double[] m = mean.computeIfAbsent(figure, x -> new double[2]);
                m[0] += v[0] / scenarioCount();
                m[1] += v[1] / scenarioCount();
            });
        }
        return mean;
    }

    /** Whether the run has storage units (MODEL section 12): {@code storage.count} or units from storage.csv. */
    public boolean hasStorage() {
        if (meanFigures().containsKey("storage profit")) {
            return true;
        }
        for (int i = 0; i < hourly.storageCharge().length; i++) {
            if (hourly.storageCharge()[i] != 0 || hourly.storageDischarge()[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Mean over the run (all scenarios and days) of {@code column} in hours {@code from .. to} (inclusive). */
    public double meanOverHours(double[] column, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < column.length; i++) {
            int hour = i % Hours.T;
            if (hour >= from && hour <= to) {
                sum += column[i];
                n++;
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** Demand-weighted mean import price over the run (all scenarios). */
    public double weightedImportPrice() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < hourly.demand().length; i++) {
            num += hourly.importPrice()[i] * hourly.demand()[i];
            den += hourly.demand()[i];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** Share of scenario s's hours that cleared at the import price {@code pi_b} (local market short), in percent. */
    public double hoursAtImportPrice(int s) {
        int n = 0;
        for (int i = index(s, firstDay, 0); i <= index(s, lastDay(), Hours.T - 1); i++) {
            if (Math.abs(hourly.retail()[i] - hourly.importPrice()[i]) <= 1e-9 * Math.abs(hourly.importPrice()[i]) + 1e-12) {
                n++;
            }
        }
        return 100.0 * n / (days * Hours.T);
    }
}
