package org.tea.report;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * "Market power": the TE price against the number of strategic prosumers, from the {@code market-power-*} runs
 * of a sweep, with the competitive run as a marker. Absent without a strategic run.
 */
final class MarketPowerSection {
    private MarketPowerSection() {
    }

    static void write(Page page, List<RunData> sweep) throws IOException {
        List<SweepRow> rows = sweep.stream().filter(r -> r.name().startsWith("market-power")).map(SweepRow::of)
                .toList();
        List<SweepRow> strategic = rows.stream().filter(s -> s.behaviour().equals("strategic"))
                .sorted(Comparator.comparingInt(SweepRow::prosumers)).toList();
        if (strategic.isEmpty()) {
            return;
        }
        page.h2("Market power: retail price against the number of prosumers", "market-power");
        double[] n = strategic.stream().mapToDouble(SweepRow::prosumers).toArray();
        double[] price = strategic.stream().mapToDouble(SweepRow::priceTe).toArray();
        double[] piB = strategic.stream().mapToDouble(SweepRow::importPrice).toArray();
        JFreeChart c = Plots.xyLogX("Retail price against the number of strategic prosumers", "number of prosumers N",
                "demand-weighted price per kWh", List.of(
                        new Plots.Line("TE retail price, strategic", n, price, Plots.TE, false, true),
                        new Plots.Line("import price pi_b (demand-weighted)", n, piB, Plots.IMPORT, true, false)));
        rows.stream().filter(s -> s.behaviour().equals("competitive")).findFirst().ifPresent(
                s -> Plots.marker(c, s.priceTe(), String.format(Locale.ROOT, "competitive (price takers): %.4f",
                        s.priceTe()), Plots.EXPORT));
        Plots.save(page.file("market-power.png"), 1, 860, 400, c);
        page.img("market-power.png", "Market-power curve");
        StringBuilder flat = new StringBuilder();
        for (SweepRow s : strategic) {
            flat.append(String.format(Locale.ROOT, "N = %d: %.1f%% of hours at pi_b; ", s.prosumers(), s.atImportPrice()));
        }
        page.p("The runs share the same PV capacity (prosumers.count x prosumers.pvKwp; the strategic runs with fewer "
                + "prosumers than the reference set prosumers.pvSpread = 0, so their capacity is exactly equal). " + flat
                + "Below pi_b a strategic prosumer offers only S (lambda - pi_s) (MODEL §5), its Cournot quantity: "
                + "with few prosumers the withheld offers fall short of demand at any price below pi_b, so the price "
                + "sits at pi_b and N does not matter. As N grows the offers approach the whole surplus and sunny hours "
                + "clear inside the price box; price takers (competitive) give the lowest price.");
        page.link("sweep.csv");
    }
}
