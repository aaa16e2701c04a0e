package org.tea.report;

import static org.tea.report.Page.esc;
import static org.tea.report.Page.num;
import static org.tea.report.Page.pct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.tea.model.Hours;
import org.tea.results.KeyFigures;

/**
 * "Storage" (MODEL section 12): price, peak and gains of the runs with batteries, beside the run without them (the
 * sweep's reference) when there is one ({@code storage.csv}), and the batteries' mean charge and discharge by hour.
 * Absent when no run has storage.
 */
final class StorageSection {
    /** Midday hours (the solar dip) and evening hours (the peak) whose mean prices the table shows. */
    static final int MIDDAY_FROM = 10;
    static final int MIDDAY_TO = 14;
    static final int EVENING_FROM = 17;
    static final int EVENING_TO = 20;

    private StorageSection() {
    }

    /** One run as the section compares it. */
    record Row(RunData run, int units, double price, double midday, double evening, double peak, double peakBaseline,
            double storageProfit, double prosumerProfit, double surplus, double welfare) {

        static Row of(RunData r) {
            Map<String, double[]> f = r.meanFigures();
            double[] peak = f.get("peak demand (kWh/h)");
            return new Row(r, units(r), f.get("retail price paid by end-users (per kWh)")[0],
                    r.meanOverHours(r.hourly().retail(), MIDDAY_FROM, MIDDAY_TO),
                    r.meanOverHours(r.hourly().retail(), EVENING_FROM, EVENING_TO), peak[0], peak[1],
                    f.getOrDefault("storage profit", new double[2])[0], f.get("prosumer profit")[0],
                    f.get("end-user surplus")[0], f.get("social welfare")[0]);
        }

        private static int units(RunData r) {
            String n = r.config().get("storage.count");
            return n == null ? 0 : Integer.parseInt(n);
        }
    }

    /** The runs the section shows: those with storage, after the reference run without storage if there is one. */
    static List<Row> rows(RunData reference, List<RunData> runs) {
        List<Row> rows = new ArrayList<>();
        List<RunData> with = runs.stream().filter(RunData::hasStorage)
                .sorted(Comparator.comparingInt(r -> Row.units(r))).toList();
        if (with.isEmpty()) {
            return rows;
        }
        if (!reference.hasStorage()) {
            rows.add(Row.of(reference));
        }
        with.forEach(r -> rows.add(Row.of(r)));
        return rows;
    }

    static void write(Page page, RunData reference, List<RunData> runs) throws IOException {
        List<Row> rows = rows(reference, runs);
        if (rows.isEmpty()) {
            return;
        }
        page.h2("Storage", "storage");
        Row without = rows.get(0).run().hasStorage() ? null : rows.get(0);
        StringBuilder html = page.html();
        html.append("<table id=\"storage\">\n<tr><th>run</th><th>units</th><th>TE price</th><th>mean price ")
                .append(MIDDAY_FROM).append("-").append(MIDDAY_TO).append(" h</th><th>mean price ").append(EVENING_FROM)
                .append("-").append(EVENING_TO).append(" h</th><th>peak demand (kWh/h)</th><th>peak change</th>")
                .append("<th>storage profit</th><th>prosumer profit</th><th>end-user surplus</th><th>welfare</th>")
                .append("</tr>\n");
        try (CSVPrinter csv = page.csv("storage.csv", "run", "units", "price_te", "mean_price_midday",
                "mean_price_evening", "peak_demand_te", "peak_change_percent", "storage_profit_te",
                "prosumer_profit_te", "enduser_surplus_te", "welfare_te")) {
            for (Row r : rows) {
                // against the run without storage when there is one, else against the run's own baseline
                double peakChange = KeyFigures.change(r.peak(), without != null ? without.peak() : r.peakBaseline());
                html.append("<tr><td>").append(esc(r.run().name())).append("</td>").append(num(r.units(), 0))
                        .append(num(r.price())).append(num(r.midday())).append(num(r.evening())).append(num(r.peak()))
                        .append("<td class=\"n\">").append(pct(peakChange)).append("</td>")
                        .append(num(r.storageProfit())).append(num(r.prosumerProfit())).append(num(r.surplus()))
                        .append(num(r.welfare()))
                        .append("</tr>\n");
                csv.printRecord(r.run().name(), r.units(), r.price(), r.midday(), r.evening(), r.peak(), peakChange,
                        r.storageProfit(), r.prosumerProfit(), r.surplus(), r.welfare());
            }
        }
        html.append("</table>\n");
        page.p((without != null ? "Peak change against the run without storage (" + without.run().name() + ")"
                : "Peak change against the run's baseline") + "; TE figures, means over scenarios.");
        List<Plots.Line> lines = new ArrayList<>();
        double[] hours = new double[Hours.T];
        for (int t = 0; t < Hours.T; t++) {
            hours[t] = t;
        }
        java.awt.Color[] colors = {Plots.TE, Plots.IMPORT, Plots.EXPORT, Plots.BASELINE, Plots.WHOLESALE};
        int k = 0;
        for (Row r : rows) {
            if (!r.run().hasStorage()) {
                continue;
            }
            double[] net = new double[Hours.T];
            for (int t = 0; t < Hours.T; t++) {
                net[t] = r.run().meanOverHours(r.run().hourly().storageCharge(), t, t)
                        - r.run().meanOverHours(r.run().hourly().storageDischarge(), t, t);
            }
            lines.add(new Plots.Line(r.run().name() + ": charge - discharge", hours, net, colors[k++ % colors.length],
                    false, true));
        }
        JFreeChart c = Plots.xy("Batteries' mean net demand by hour", "hour", "kWh (charge minus discharge)", lines);
        Plots.save(page.file("storage.png"), 1, 860, 360, c);
        page.img("storage.png", "Batteries' mean net demand by hour");
        page.p("Batteries take the retail price like end-users (MODEL section 12): they charge in the midday hours "
                + "that clear inside the price box and discharge in the evening (some also in the morning); the evening "
                + "clears at the import price pi_b with or without them, so its peak falls while its price stays; midday prices rise "
                + "because batteries buy there, which the prosumers gain and the end-users pay.");
        page.link("storage.csv");
    }
}
