package org.tea.report;

import static org.tea.report.Page.esc;
import static org.tea.report.Page.num;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** "Sweep: every run": one table row per run of the sweep ({@code sweep.csv}). */
final class SweepTableSection {
    private SweepTableSection() {
    }

    static void write(Page page, List<RunData> sweep) throws IOException {
        StringBuilder html = page.html();
        page.h2("Sweep: every run", "sweep");
        html.append("<table id=\"sweep-table\">\n<tr><th>run</th><th>prosumers</th><th>renewable share of consumption %</th>"
                + "<th>elasticity</th><th>flex share</th><th>hours at pi_b %</th><th>TE price</th><th>tariff paid</th>"
                + "<th>prosumer profit gain</th><th>end-user surplus gain %</th><th>peak change %</th><th>engine passes</th>"
                + "<th>days converged</th><th>findings</th></tr>\n");
        try (CSVPrinter csv = page.csv("sweep.csv", "run", "behaviour", "prosumers", "renewable_share_percent", "elasticity",
                "flex_share", "hours_at_import_price_percent", "retail_price_te", "retail_price_baseline",
                "import_price_weighted", "prosumer_profit_gain", "enduser_surplus_gain_percent", "peak_change_percent",
                "engine_passes", "games_converged", "games", "price_below_tariff", "both_gain", "peak_below_baseline")) {
            for (RunData r : sweep) {
                SweepRow s = SweepRow.of(r);
                long holds = s.findings().stream().filter(FindingsSection.Finding::holds).count();
                html.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(s.prosumers()).append(' ')
                        .append(esc(s.behaviour())).append("</td>").append(num(s.penetration(), 1))
                        .append("<td class=\"n\">").append(esc(r.value("endusers.elasticity"))).append("</td>")
                        .append("<td class=\"n\">").append(esc(r.value("endusers.flexShare"))).append("</td>")
                        .append(num(s.atImportPrice(), 1)).append(num(s.priceTe(), 4)).append(num(s.priceBaseline(), 4))
                        .append(num(s.profitGain(), 0)).append(num(s.surplusGainPct(), 2))
                        .append(num(s.peakChangePct(), 2)).append("<td class=\"n\">").append(r.trace().size())
                        .append("</td><td class=\"n\">").append(r.daysConverged()).append(" of ").append(r.games())
                        .append("</td><td>").append(holds).append(" of 3 hold</td></tr>\n");
                csv.printRecord(r.name(), s.behaviour(), s.prosumers(), s.penetration(), r.value("endusers.elasticity"),
                        r.value("endusers.flexShare"), s.atImportPrice(), s.priceTe(), s.priceBaseline(), s.importPrice(),
                        s.profitGain(), s.surplusGainPct(), s.peakChangePct(), r.trace().size(), r.daysConverged(),
                        r.games(), s.findings().get(0).holds(),
                        s.findings().get(1).holds(), s.findings().get(2).holds());
            }
        }
        html.append("</table>\n");
        page.p("Renewable share: the runs' generation over all consumption (end-users at the tariff and the prosumers' "
                + "own load). Hours at pi_b: hours "
                + "whose retail price equals the import price, where local supply is short.");
        page.link("sweep.csv");
    }
}
