package org.tea.report;

import static org.tea.report.Page.esc;
import static org.tea.report.Page.num;
import static org.tea.report.Page.pct;

import java.io.IOException;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.tea.results.KeyFigures;

/** "Key figures": each key figure, baseline against TE, means over scenarios ({@code key-figures.csv}). */
final class KeyFiguresSection {
    private KeyFiguresSection() {
    }

    static void write(Page page, RunData r) throws IOException {
        StringBuilder html = page.html();
        page.h2("Key figures", "key-figures-heading");
        if (r.scenarioCount() > 1) {
            page.p("Means over the " + r.scenarioCount() + " scenarios (their spread is in the Monte Carlo section).");
        }
        html.append("<table id=\"key-figures\">\n<tr><th>key figure</th><th>baseline</th><th>TE</th><th>change</th><th>change %</th></tr>\n");
        try (CSVPrinter csv = page.csv("key-figures.csv", "figure", "baseline", "te", "change", "change_percent")) {
            for (Map.Entry<String, double[]> e : r.meanFigures().entrySet()) {
                double te = e.getValue()[0];
                double base = e.getValue()[1];
                double pct = KeyFigures.change(te, base);
                html.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(num(base)).append(num(te))
                        .append(num(te - base)).append("<td class=\"n\">").append(pct(pct)).append("</td></tr>\n");
                csv.printRecord(e.getKey(), base, te, te - base, pct);
            }
        }
        html.append("</table>\n");
        page.link("key-figures.csv");
    }
}
