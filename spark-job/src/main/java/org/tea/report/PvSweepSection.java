package org.tea.report;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** "PV penetration sweep": price, gains and peak against the renewable share, from the {@code pv-*} runs. */
final class PvSweepSection {
    private PvSweepSection() {
    }

    static void write(Page page, List<RunData> sweep) throws IOException {
        List<SweepRow> rows = sweep.stream().filter(r -> r.name().startsWith("pv-")).map(SweepRow::of)
                .sorted(Comparator.comparingDouble(SweepRow::penetration)).toList();
        if (rows.size() < 2) {
            return;
        }
        page.h2("PV penetration sweep", "pv-sweep");
        double[] x = rows.stream().mapToDouble(SweepRow::penetration).toArray();
        JFreeChart a = Plots.xy("Retail price", "renewable share of consumption (%)", "price per kWh", List.of(
                new Plots.Line("TE retail price", x, rows.stream().mapToDouble(SweepRow::priceTe).toArray(), Plots.TE,
                        false, true),
                new Plots.Line("import price pi_b", x, rows.stream().mapToDouble(SweepRow::importPrice).toArray(),
                        Plots.IMPORT, true, false)));
        Plots.marker(a, rows.get(0).priceBaseline(), "tariff", Plots.TARIFF);
        a.getXYPlot().getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) a.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        JFreeChart b = Plots.xy("Gains and peak", "renewable share of consumption (%)", "change against baseline (%)", List.of(
                new Plots.Line("end-user surplus gain", x, rows.stream().mapToDouble(SweepRow::surplusGainPct).toArray(),
                        Plots.BASELINE, false, true),
                new Plots.Line("peak change", x, rows.stream().mapToDouble(SweepRow::peakChangePct).toArray(),
                        Plots.IMPORT, false, true)));
        JFreeChart c = Plots.xy("Prosumer profit gain", "renewable share of consumption (%)", "TE minus baseline (currency)",
                List.of(new Plots.Line("prosumer profit gain", x,
                        rows.stream().mapToDouble(SweepRow::profitGain).toArray(), Plots.TE, false, true)));
        Plots.save(page.file("pv-sweep.png"), 3, 400, 340, a, b, c);
        page.img("pv-sweep.png", "PV penetration sweep");
        page.p("More PV lets more sunny hours clear below pi_b, so the TE price falls; the tariff does not move. "
                + "The numbers are in sweep.csv.");
        page.link("sweep.csv");
    }
}
