package org.tea.report;

import static org.tea.report.Page.big;
import static org.tea.report.Page.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tea.results.KeyFigures;

/**
 * "Findings": the seed study's three claims (TE price below the tariff, both sides gain, lower peak), each checked
 * on the reference run with the reason it holds or fails; in a sweep, the runs where one fails.
 */
final class FindingsSection {
    private FindingsSection() {
    }

    /** One of the seed study's three claims, checked on one run. */
    record Finding(String claim, boolean holds, String evidence, String why) {
    }

    static List<Finding> findings(RunData r) {
        Map<String, double[]> f = r.meanFigures();
        double[] price = f.get("retail price paid by end-users (per kWh)");
        double[] profit = f.get("prosumer profit");
        double[] surplus = f.get("end-user surplus");
        double[] peak = f.get("peak demand (kWh/h)");
        double atPiB = 0;
        for (int s = 0; s < r.scenarioCount(); s++) {
            atPiB += r.hoursAtImportPrice(s) / r.scenarioCount();
        }
        double piB = r.weightedImportPrice();
        List<Finding> out = new ArrayList<>();

        boolean priceHolds = price[0] < price[1];
        out.add(new Finding("TE retail price below the tariff", priceHolds,
                String.format(Locale.ROOT, "demand-weighted TE price %.4f against %.4f paid under the tariff (%+.1f%%)",
                        price[0], price[1], KeyFigures.change(price[0], price[1])),
                priceHolds
                        ? String.format(Locale.ROOT, "The retail price never exceeds the import price pi_b (MODEL §6), "
                                + "whose demand-weighted mean is %.4f here; %.1f%% of hours cleared at pi_b because local "
                                + "supply was short%s. The conventional retailer's margin over pi_b is gone: the gain "
                                + "comes from passing pi_b through, and from local trade only where hours clear below it.",
                                piB, atPiB, atPiB < 100 ? ", the rest below it" : "")
                        : String.format(Locale.ROOT, "The TE price is capped by the import price pi_b, whose "
                                + "demand-weighted mean here (%.4f) is not below the tariff: %.1f%% of hours cleared at pi_b, "
                                + "so local supply cannot pull the price under the tariff.", piB, atPiB)));

        boolean gainsHold = profit[0] > profit[1] && surplus[0] > surplus[1];
        String why;
        if (gainsHold) {
            why = "End-users pay the retail price instead of the tariff; prosumers sell their surplus at the retail price "
                    + "(at least pi_s) instead of the feed-in price, and buy their deficit at it instead of the tariff.";
        } else if (!(surplus[0] > surplus[1])) {
            why = "End-users lose surplus only where the TE price is above the tariff in the hours they consume.";
        } else {
            why = "Prosumers gain only when the retail price they trade at beats the baseline's feed-in price and tariff "
                    + "in their own surplus and deficit hours; here it does not.";
        }
        out.add(new Finding("Prosumers and end-users both gain", gainsHold,
                String.format(Locale.ROOT, "prosumer profit %s against %s (%+.1f%%); end-user surplus %s against %s (%+.1f%%)",
                        big(profit[0]), big(profit[1]), KeyFigures.change(profit[0], profit[1]), big(surplus[0]),
                        big(surplus[1]), KeyFigures.change(surplus[0], surplus[1])),
                why));

        boolean peakHolds = peak[0] < peak[1];
        double flex = r.number("endusers.flexShare");
        double energyFlex = r.number("endusers.energyFlex");
        if (peakHolds) {
            why = "Retail prices now vary by hour with pi_b, highest in the evening wholesale peak, and the flexible share "
                    + "of each user's load moves out of expensive hours. The reduction is small because only the flexible "
                    + "share (endusers.flexShare = " + r.value("endusers.flexShare") + ") can move.";
        } else if (flex == 0 && energyFlex == 0) {
            why = "With endusers.flexShare = 0 and endusers.energyFlex = 0 every hour's demand is pinned between equal "
                    + "bounds (dmin = dmax), so no price can move it: the peak cannot fall.";
        } else if (energyFlex > 0 && f.get("end-user energy (kWh)")[0] > f.get("end-user energy (kWh)")[1]) {
            double[] energy = f.get("end-user energy (kWh)");
            why = String.format(Locale.ROOT, "With endusers.energyFlex = %s a user's daily energy answers the price "
                    + "(MODEL §4: Emin < Emax), and the TE price is below the tariff in nearly every hour, so users consume "
                    + "%+.1f%% more energy over the year, in the peak hours too; moving the flexible share out of "
                    + "expensive hours does not offset it.", r.value("endusers.energyFlex"),
                    KeyFigures.change(energy[0], energy[1]));
        } else {
            why = "Load moves toward the cheapest TE hours; here the TE price in the baseline peak hours is not above the "
                    + "day's other hours, so load moves into the peak rather than out of it.";
        }
        out.add(new Finding("Peak demand below the baseline", peakHolds,
                String.format(Locale.ROOT, "peak %.1f kWh/h against %.1f kWh/h (%+.2f%%)", peak[0], peak[1],
                        KeyFigures.change(peak[0], peak[1])),
                why));
        return out;
    }

    static void write(Page page, RunData ref, List<RunData> sweep) throws IOException {
        StringBuilder html = page.html();
        page.h2("Findings", "findings");
        page.p("The seed study claims three things for TE aggregation against a conventional retailer. On run '"
                + ref.name() + "':");
        html.append("<ul>\n");
        for (Finding f : findings(ref)) {
            html.append("<li><b>").append(esc(f.claim())).append(": <span class=\"").append(f.holds() ? "holds" : "fails")
                    .append("\">").append(f.holds() ? "holds" : "does not hold").append("</span></b>: ")
                    .append(esc(f.evidence())).append(".<br><span class=\"note\">").append(esc(f.why()))
                    .append("</span></li>\n");
        }
        html.append("</ul>\n");
        if (sweep.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (RunData r : sweep) {
            for (Finding f : findings(r)) {
                if (!f.holds()) {
                    failures.add(r.name() + ": " + f.claim().toLowerCase(Locale.ROOT) + " does not hold (" + f.evidence()
                            + "). " + f.why());
                }
            }
        }
        if (failures.isEmpty()) {
            page.p("All three findings hold in every run of the sweep.");
        } else {
            page.p("Where a finding fails in the sweep, and why (from the model, not tuned away):");
            html.append("<ul>\n");
            failures.forEach(s -> html.append("<li>").append(esc(s)).append("</li>\n"));
            html.append("</ul>\n");
        }
    }
}
