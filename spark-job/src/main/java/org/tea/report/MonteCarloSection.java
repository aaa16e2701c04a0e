package org.tea.report;

import static org.tea.report.Page.esc;
import static org.tea.report.Page.num;

import java.io.IOException;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.tea.model.Hours;
import org.tea.results.Distribution;

/**
 * "Monte Carlo over renewable output", for a run of several scenarios: fan charts of the retail price, histograms
 * of the gains and the peak reduction over scenarios, and the run's {@code distribution} table.
 */
final class MonteCarloSection {
    private MonteCarloSection() {
    }

    static void write(Page page, RunData r) throws IOException {
        StringBuilder html = page.html();
        page.h2("Monte Carlo over renewable output", "monte-carlo");
        int sc = r.scenarioCount();
        // the day whose prices differ most between scenarios (sum over hours of the P5-P95 width), and the year's
        // mean by hour
        int day = r.firstDay();
        double widest = -1;
        double[] v = new double[sc];
        for (int d = r.firstDay(); d <= r.lastDay(); d++) {
            double width = 0;
            for (int t = 0; t < Hours.T; t++) {
                for (int s = 0; s < sc; s++) {
                    v[s] = r.hourly().retail()[r.index(s, d, t)];
                }
                double[] band = Distribution.percentiles(v, 5, 95);
                width += band[1] - band[0];
            }
            if (width > widest) {
                widest = width;
                day = d;
            }
        }
        double[][] onDay = new double[Hours.T][sc];
        double[][] byHour = new double[Hours.T][sc];
        for (int s = 0; s < sc; s++) {
            for (int t = 0; t < Hours.T; t++) {
                double sum = 0;
                for (int d = r.firstDay(); d <= r.lastDay(); d++) {
                    sum += r.hourly().retail()[r.index(s, d, t)];
                }
                byHour[t][s] = sum / r.days();
                onDay[t][s] = r.hourly().retail()[r.index(s, day, t)];
            }
        }
        double[][][] q = new double[2][5][Hours.T];
        try (CSVPrinter csv = page.csv("price-fan.csv", "series", "hour", "p5", "p25", "p50", "p75", "p95")) {
            String[] names = {"day " + day, "year mean"};
            double[][][] values = {onDay, byHour};
            for (int k = 0; k < 2; k++) {
                for (int t = 0; t < Hours.T; t++) {
                    double[] pv = Distribution.percentiles(values[k][t], 5, 25, 50, 75, 95);
                    for (int j = 0; j < 5; j++) {
                        q[k][j][t] = pv[j];
                    }
                    csv.printRecord(names[k], t, pv[0], pv[1], pv[2], pv[3], pv[4]);
                }
            }
        }
        JFreeChart fanDay = Plots.fan("TE retail price on day " + day + " (" + java.time.LocalDate.ofYearDay(r.year(),
                Math.min(day, java.time.Year.of(r.year()).length())) + ") over " + sc + " scenarios", "hour of day",
                "price per kWh", Plots.hours(), q[0][0], q[0][1], q[0][2], q[0][3], q[0][4], Plots.TE);
        JFreeChart fanYear = Plots.fan("Year mean by hour over " + sc + " scenarios", "hour of day",
                "mean price over the year, per kWh", Plots.hours(), q[1][0], q[1][1], q[1][2], q[1][3], q[1][4], Plots.TE);
        Plots.save(page.file("price-fan.png"), 2, 560, 360, fanDay, fanYear);
        page.img("price-fan.png", "Fan charts of the retail price by hour");
        page.p("Bands: P5-P95 and P25-P75 over scenarios; line: median. Left, the day of the year whose prices differ most "
                + "between scenarios (day " + day + "): cloud cover decides whether local supply is short and the price "
                + "leaves pi_b. Right, each hour's price averaged over the year, where the weather of single days "
                + "averages out. Hours whose band is a line clear at the same bound (pi_b or pi_s) in every scenario.");
        int below = 0;
        int withheld = 0;
        var h = r.hourly();
        for (int i = 0; i < h.retail().length; i++) {
            if (h.retail()[i] < h.importPrice()[i] - 1e-9 * Math.abs(h.importPrice()[i])) {
                below++;
                if (h.offered()[i] < h.surplusTotal()[i] * (1 - 1e-9) - 1e-9) {
                    withheld++;
                }
            }
        }
        page.p(String.format(Locale.ROOT, "%.1f%% of all scenario-hours cleared below pi_b; in %.1f%% of those the prosumers "
                + "offered less than their surplus. Where they withhold, the price is set by the offers (MODEL §5), not "
                + "by how much sun there is, so renewable uncertainty moves the price only in hours where the surplus "
                + "itself is the limit.", 100.0 * below / h.retail().length, below == 0 ? 0.0 : 100.0 * withheld / below));
        page.link("price-fan.csv");

        double[] profitGain = r.summary().stream().mapToDouble(k -> k.prosumerProfitTe() - k.prosumerProfitBaseline())
                .toArray();
        double[] surplusGain = r.summary().stream().mapToDouble(k -> k.enduserSurplusTe() - k.enduserSurplusBaseline())
                .toArray();
        double[] peakCut = r.summary().stream()
                .mapToDouble(k -> 100 * (k.peakDemandBaseline() - k.peakDemandTe()) / k.peakDemandBaseline()).toArray();
        int bins = Math.max(5, Math.min(20, (int) Math.ceil(Math.sqrt(sc))));
        JFreeChart h1 = Plots.histogram("Prosumer profit gain", "TE minus baseline, year (currency)", profitGain, bins,
                Plots.TE);
        JFreeChart h2 = Plots.histogram("End-user surplus gain", "TE minus baseline, year (currency)", surplusGain, bins,
                Plots.BASELINE);
        Plots.save(page.file("gain-histograms.png"), 2, 480, 320, h1, h2);
        page.img("gain-histograms.png", "Histograms of the annual gains over scenarios");
        JFreeChart h3 = Plots.histogram("Peak reduction", "baseline peak minus TE peak (% of baseline)", peakCut, bins,
                Plots.IMPORT);
        Plots.save(page.file("peak-reduction.png"), 1, 640, 320, h3);
        page.img("peak-reduction.png", "Distribution of the peak reduction over scenarios");
        try (CSVPrinter csv = page.csv("scenarios.csv", "scenario", "prosumer_profit_gain", "enduser_surplus_gain",
                "peak_reduction_percent")) {
            for (int s = 0; s < sc; s++) {
                csv.printRecord(r.scenarios()[s], profitGain[s], surplusGain[s], peakCut[s]);
            }
        }
        page.link("scenarios.csv");

        if (!r.distribution().isEmpty()) {
            html.append("<table id=\"distribution\">\n<tr><th>figure</th><th>mean</th><th>sd</th><th>P5</th><th>P50</th>"
                    + "<th>P95</th></tr>\n");
            try (CSVPrinter csv = page.csv("distribution.csv", "figure", "scenarios", "mean", "sd", "p5", "p50", "p95")) {
                for (Distribution d : r.distribution()) {
                    html.append("<tr><td>").append(esc(d.figure())).append("</td>").append(num(d.mean()))
                            .append(num(d.sd())).append(num(d.p5())).append(num(d.p50())).append(num(d.p95()))
                            .append("</tr>\n");
                    csv.printRecord(d.figure(), d.scenarios(), d.mean(), d.sd(), d.p5(), d.p50(), d.p95());
                }
            }
            html.append("</table>\n");
            page.p("The run's distribution table: each key figure over scenarios (sample sd, R-7 percentiles).");
            page.link("distribution.csv");
        }
    }
}
