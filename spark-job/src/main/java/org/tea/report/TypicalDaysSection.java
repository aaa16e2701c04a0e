package org.tea.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.tea.model.Hours;

/** "Prices on typical days": each season's mean day of every price series ({@code typical-days.csv}). */
final class TypicalDaysSection {
    /** Northern meteorological seasons, indexed as {@link RunData#season(int)}. */
    static final String[] SEASONS = {"winter (Dec-Feb)", "spring (Mar-May)", "summer (Jun-Aug)", "autumn (Sep-Nov)"};

    private TypicalDaysSection() {
    }

    static void write(Page page, RunData r) throws IOException {
        page.h2("Prices on typical days", "prices");
        var h = r.hourly();
        double[][] cols = {h.wholesale(), h.importPrice(), h.exportPrice(), h.tariff(), h.retail()};
        double[][][] mean = new double[4][cols.length][Hours.T];
        int[] n = new int[4];
        for (int s = 0; s < r.scenarioCount(); s++) {
            for (int day = r.firstDay(); day <= r.lastDay(); day++) {
                int season = r.season(day);
                n[season]++;
                for (int c = 0; c < cols.length; c++) {
                    for (int t = 0; t < Hours.T; t++) {
                        mean[season][c][t] += cols[c][r.index(s, day, t)];
                    }
                }
            }
        }
        List<JFreeChart> charts = new ArrayList<>();
        try (CSVPrinter csv = page.csv("typical-days.csv", "season", "hour", "wholesale_price", "import_price",
                "export_price", "tariff", "retail_price", "days")) {
            for (int season = 0; season < 4; season++) {
                if (n[season] == 0) {
                    continue;
                }
                for (double[] c : mean[season]) {
                    for (int t = 0; t < Hours.T; t++) {
                        c[t] /= n[season];
                    }
                }
                for (int t = 0; t < Hours.T; t++) {
                    csv.printRecord(SEASONS[season], t, mean[season][0][t], mean[season][1][t], mean[season][2][t],
                            mean[season][3][t], mean[season][4][t], n[season] / r.scenarioCount());
                }
                double[] x = Plots.hours();
                charts.add(Plots.xy(SEASONS[season], "hour of day", "price per kWh", List.of(
                        new Plots.Line("wholesale", x, mean[season][0], Plots.WHOLESALE, true, false),
                        Plots.line("import price pi_b", x, mean[season][1], Plots.IMPORT),
                        Plots.line("export price pi_s", x, mean[season][2], Plots.EXPORT),
                        new Plots.Line("tariff", x, mean[season][3], Plots.TARIFF, true, false),
                        new Plots.Line("TE retail price", x, mean[season][4], Plots.TE, false, true))));
            }
        }
        Plots.save(page.file("typical-days.png"), 2, 560, 340, charts.toArray(JFreeChart[]::new));
        page.img("typical-days.png", "Typical-day prices by season");
        page.p("Mean over each season's days" + (r.scenarioCount() > 1 ? " and all scenarios" : "")
                + ". The TE retail price lies between the export price pi_s and the import price pi_b, and sits on pi_b "
                + "in every hour where local supply is short.");
        page.link("typical-days.csv");
    }
}
