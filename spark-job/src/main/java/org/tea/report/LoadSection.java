package org.tea.report;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.tea.model.Hours;

/** "Load": the average and the baseline peak day, TE against baseline, and the load-duration curve. */
final class LoadSection {
    private LoadSection() {
    }

    static void write(Page page, RunData r) throws IOException {
        page.h2("Load: profile and duration curve", "load");
        var h = r.hourly();
        double[] meanTe = new double[Hours.T];
        double[] meanBase = new double[Hours.T];
        int peakDay = r.firstDay();
        double peak = -1;
        for (int s = 0; s < r.scenarioCount(); s++) {
            for (int day = r.firstDay(); day <= r.lastDay(); day++) {
                for (int t = 0; t < Hours.T; t++) {
                    int i = r.index(s, day, t);
                    meanTe[t] += h.demand()[i] / (r.days() * r.scenarioCount());
                    meanBase[t] += h.baselineDemand()[i] / (r.days() * r.scenarioCount());
                    if (s == 0 && h.baselineDemand()[i] > peak) {
                        peak = h.baselineDemand()[i];
                        peakDay = day;
                    }
                }
            }
        }
        double[] dayTe = new double[Hours.T];
        double[] dayBase = new double[Hours.T];
        for (int t = 0; t < Hours.T; t++) {
            dayTe[t] = h.demand()[r.index(0, peakDay, t)];
            dayBase[t] = h.baselineDemand()[r.index(0, peakDay, t)];
        }
        double[] x = Plots.hours();
        JFreeChart avg = Plots.xy("Average day", "hour of day", "demand (kWh/h)", List.of(
                Plots.line("baseline", x, meanBase, Plots.BASELINE), Plots.line("TE", x, meanTe, Plots.TE)));
        JFreeChart pk = Plots.xy("Baseline peak day (day " + peakDay + ")", "hour of day", "demand (kWh/h)", List.of(
                Plots.line("baseline", x, dayBase, Plots.BASELINE), Plots.line("TE", x, dayTe, Plots.TE)));
        Plots.save(page.file("load-profile.png"), 2, 560, 340, avg, pk);
        page.img("load-profile.png", "Load profile, baseline against TE");
        try (CSVPrinter csv = page.csv("load-profile.csv", "hour", "mean_baseline", "mean_te", "peak_day", "peak_day_baseline",
                "peak_day_te")) {
            for (int t = 0; t < Hours.T; t++) {
                csv.printRecord(t, meanBase[t], meanTe[t], peakDay, dayBase[t], dayTe[t]);
            }
        }
        page.link("load-profile.csv");

        // load-duration curve of the first scenario: every hour's demand, sorted from the highest
        int n = r.days() * Hours.T;
        double[] te = Arrays.copyOfRange(h.demand(), 0, n);
        double[] base = Arrays.copyOfRange(h.baselineDemand(), 0, n);
        Arrays.sort(te);
        Arrays.sort(base);
        reverse(te);
        reverse(base);
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i + 1;
        }
        int top = Math.min(n, 200);
        JFreeChart full = Plots.xy("Load-duration curve", "hours at or above", "demand (kWh/h)", List.of(
                Plots.line("baseline", rank, base, Plots.BASELINE), Plots.line("TE", rank, te, Plots.TE)));
        JFreeChart zoom = Plots.xy("The " + top + " highest hours", "hours at or above", "demand (kWh/h)", List.of(
                Plots.line("baseline", Arrays.copyOf(rank, top), Arrays.copyOf(base, top), Plots.BASELINE),
                Plots.line("TE", Arrays.copyOf(rank, top), Arrays.copyOf(te, top), Plots.TE)));
        Plots.save(page.file("load-duration.png"), 2, 560, 340, full, zoom);
        page.img("load-duration.png", "Load-duration curve, baseline against TE");
        page.p(String.format(Locale.ROOT, "Scenario %d. Peak %.1f kWh/h under TE against %.1f kWh/h in the baseline: %.1f kWh/h "
                + "shaved (%.2f%%).", r.scenarios()[0], te[0], base[0], base[0] - te[0],
                100 * (base[0] - te[0]) / base[0]));
        try (CSVPrinter csv = page.csv("load-duration.csv", "rank", "baseline", "te")) {
            // every hour of the top 500, then every 10th: the curve's shape, kept small
            for (int i = 0; i < n; i++) {
                if (i < 500 || i % 10 == 9 || i == n - 1) {
                    csv.printRecord(i + 1, base[i], te[i]);
                }
            }
        }
        page.link("load-duration.csv");
    }

    static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
