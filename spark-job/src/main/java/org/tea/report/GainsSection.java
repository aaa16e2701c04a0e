package org.tea.report;

import java.io.IOException;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** "Prosumer profit and end-user surplus": the annual totals, baseline against TE, as bars. */
final class GainsSection {
    private GainsSection() {
    }

    static void write(Page page, RunData r) throws IOException {
        page.h2("Prosumer profit and end-user surplus", "gains");
        Map<String, double[]> f = r.meanFigures();
        double[] profit = f.get("prosumer profit");
        double[] surplus = f.get("end-user surplus");
        String[] series = {"baseline", "TE"};
        java.awt.Color[] colors = {Plots.BASELINE, Plots.TE};
        JFreeChart a = Plots.bars("Prosumer profit (all prosumers, year)", "currency", series, colors,
                new String[] {"prosumer profit"}, new double[][] {{profit[1]}, {profit[0]}});
        JFreeChart b = Plots.bars("End-user surplus (all end-users, year)", "currency", series, colors,
                new String[] {"end-user surplus"}, new double[][] {{surplus[1]}, {surplus[0]}});
        Plots.save(page.file("gains.png"), 2, 480, 340, a, b);
        page.img("gains.png", "Prosumer profit and end-user surplus, baseline against TE");
        page.p("Annual totals" + (r.scenarioCount() > 1 ? ", means over scenarios" : "")
                + "; the numbers are in key-figures.csv.");
    }
}
