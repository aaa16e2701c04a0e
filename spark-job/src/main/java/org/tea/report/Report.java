package org.tea.report;

import org.tea.results.KeyFigures;
import org.tea.results.Distribution;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.tea.model.Hours;

/**
 * The exported report of a run or of a sweep of runs: {@code index.html} with PNG plots and the CSV tables behind
 * them. It reads only what the runs wrote ({@link RunData}): every number on the page is a market output, a key
 * figure or a statistic of them; nothing is recomputed from the model.
 *
 * <p>In a sweep, runs are grouped by the name prefixes of {@code conf/case-study}: {@code market-power-*} make
 * the market-power curve and {@code pv-*} the PV-penetration sweep; every run appears in the sweep table. The
 * run named {@code reference} (else the first) provides the single-run sections.
 */
public final class Report {
    static final String[] SEASONS = {"winter (Dec-Feb)", "spring (Mar-May)", "summer (Jun-Aug)", "autumn (Sep-Nov)"};

    private final Path out;
    private final StringBuilder html = new StringBuilder();

    private Report(Path out) {
        this.out = out;
    }

    /** Writes the report of {@code reference}, with the sweep sections when {@code sweep} has more than one run. */
    public static void write(Path out, RunData reference, List<RunData> sweep) throws IOException {
        Files.createDirectories(out);
        Report r = new Report(out);
        r.page(reference, sweep);
        Files.writeString(out.resolve("index.html"), r.html, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- page

    private void page(RunData ref, List<RunData> sweep) throws IOException {
        boolean isSweep = sweep.size() > 1;
        String title = isSweep ? "Case study: TE aggregation against a conventional retailer"
                : "Run " + ref.name() + ": TE aggregation against a conventional retailer";
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}\n")
                .append("img{max-width:100%;border:1px solid #eee;margin:.5em 0}.holds{color:#1a7f37}.fails{color:#b42318}")
                .append(".note{color:#555;font-size:14px}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
        html.append("<p class=\"note\">").append(esc(describe(ref)))
                .append(isSweep ? esc(" Sweep of " + sweep.size() + " runs; the single-run sections show run '"
                        + ref.name() + "'.") : "")
                .append(" Every figure below is read from the runs' Parquet outputs; the CSV beside each plot holds its numbers.</p>\n");

        keyFigures(ref);
        findings(ref, isSweep ? sweep : List.of());
        typicalDays(ref);
        load(ref);
        gains(ref);
        if (isSweep) {
            sweepTable(sweep);
            marketPower(sweep);
            pvSweep(sweep);
        }
        if (ref.scenarioCount() > 1) {
            monteCarlo(ref);
        }
        convergence(ref, isSweep ? sweep : List.of());
        html.append("</body>\n</html>\n");
    }

    static String describe(RunData r) {
        return String.format(Locale.ROOT, "%s end-users, %s %s prosumers, %d days of %d, %d scenario%s, seed %s.",
                r.value("endusers.count"), r.value("prosumers.count"), r.value("prosumers.behaviour"), r.days(),
                r.year(), r.scenarioCount(), r.scenarioCount() == 1 ? "" : "s", r.value("study.seed"));
    }

    // ---------------------------------------------------------------- key figures

    /** Mean over scenarios of each (TE, baseline) key figure. */
    static Map<String, double[]> meanFigures(RunData r) {
        Map<String, double[]> mean = new java.util.LinkedHashMap<>();
        for (KeyFigures k : r.summary()) {
            k.sideBySide().forEach((name, v) -> {
                double[] m = mean.computeIfAbsent(name, x -> new double[2]);
                m[0] += v[0] / r.scenarioCount();
                m[1] += v[1] / r.scenarioCount();
            });
        }
        return mean;
    }

    private void keyFigures(RunData r) throws IOException {
        h2("Key figures", "key-figures-heading");
        if (r.scenarioCount() > 1) {
            p("Means over the " + r.scenarioCount() + " scenarios (their spread is in the Monte Carlo section).");
        }
        html.append("<table id=\"key-figures\">\n<tr><th>key figure</th><th>baseline</th><th>TE</th><th>change</th><th>change %</th></tr>\n");
        try (CSVPrinter csv = csv("key-figures.csv", "figure", "baseline", "te", "change", "change_percent")) {
            for (Map.Entry<String, double[]> e : meanFigures(r).entrySet()) {
                double te = e.getValue()[0];
                double base = e.getValue()[1];
                double pct = KeyFigures.change(te, base);
                html.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(num(base)).append(num(te))
                        .append(num(te - base)).append("<td class=\"n\">").append(pct(pct)).append("</td></tr>\n");
                csv.printRecord(e.getKey(), base, te, te - base, pct);
            }
        }
        html.append("</table>\n");
        link("key-figures.csv");
    }

    // ---------------------------------------------------------------- findings

    /** One of the seed study's three claims, checked on one run. */
    record Finding(String claim, boolean holds, String evidence, String why) {
    }

    static List<Finding> findings(RunData r) {
        Map<String, double[]> f = meanFigures(r);
        double[] price = f.get("retail price paid by end-users (per kWh)");
        double[] profit = f.get("prosumer profit");
        double[] surplus = f.get("end-user surplus");
        double[] peak = f.get("peak demand (kWh/h)");
        double atPiB = 0;
        for (int s = 0; s < r.scenarioCount(); s++) {
            atPiB += r.hoursAtImportPrice(s) / r.scenarioCount();
        }
        double piB = weightedImportPrice(r);
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

    /** Demand-weighted mean import price over the run (all scenarios). */
    static double weightedImportPrice(RunData r) {
        double num = 0;
        double den = 0;
        var h = r.hourly();
        for (int i = 0; i < h.demand().length; i++) {
            num += h.importPrice()[i] * h.demand()[i];
            den += h.demand()[i];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    private void findings(RunData ref, List<RunData> sweep) throws IOException {
        h2("Findings", "findings");
        p("The seed study claims three things for TE aggregation against a conventional retailer. On run '" + ref.name()
                + "':");
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
            p("All three findings hold in every run of the sweep.");
        } else {
            p("Where a finding fails in the sweep, and why (from the model, not tuned away):");
            html.append("<ul>\n");
            failures.forEach(s -> html.append("<li>").append(esc(s)).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    // ---------------------------------------------------------------- prices

    private void typicalDays(RunData r) throws IOException {
        h2("Prices on typical days", "prices");
        var h = r.hourly();
        double[][] cols = {h.wholesale(), h.importPrice(), h.exportPrice(), h.tariff(), h.retail()};
        double[][][] mean = new double[4][cols.length][Hours.T];
        int[] n = new int[4];
        for (int s = 0; s < r.scenarioCount(); s++) {
            for (int day = 1; day <= r.days(); day++) {
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
        try (CSVPrinter csv = csv("typical-days.csv", "season", "hour", "wholesale_price", "import_price",
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
        Plots.save(out.resolve("typical-days.png"), 2, 560, 340, charts.toArray(JFreeChart[]::new));
        img("typical-days.png", "Typical-day prices by season");
        p("Mean over each season's days" + (r.scenarioCount() > 1 ? " and all scenarios" : "")
                + ". The TE retail price lies between the export price pi_s and the import price pi_b, and sits on pi_b "
                + "in every hour where local supply is short.");
        link("typical-days.csv");
    }

    // ---------------------------------------------------------------- load

    private void load(RunData r) throws IOException {
        h2("Load: profile and duration curve", "load");
        var h = r.hourly();
        double[] meanTe = new double[Hours.T];
        double[] meanBase = new double[Hours.T];
        int peakDay = 1;
        double peak = -1;
        for (int s = 0; s < r.scenarioCount(); s++) {
            for (int day = 1; day <= r.days(); day++) {
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
        Plots.save(out.resolve("load-profile.png"), 2, 560, 340, avg, pk);
        img("load-profile.png", "Load profile, baseline against TE");
        try (CSVPrinter csv = csv("load-profile.csv", "hour", "mean_baseline", "mean_te", "peak_day", "peak_day_baseline",
                "peak_day_te")) {
            for (int t = 0; t < Hours.T; t++) {
                csv.printRecord(t, meanBase[t], meanTe[t], peakDay, dayBase[t], dayTe[t]);
            }
        }
        link("load-profile.csv");

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
        Plots.save(out.resolve("load-duration.png"), 2, 560, 340, full, zoom);
        img("load-duration.png", "Load-duration curve, baseline against TE");
        p(String.format(Locale.ROOT, "Scenario %d. Peak %.1f kWh/h under TE against %.1f kWh/h in the baseline: %.1f kWh/h "
                + "shaved (%.2f%%).", r.scenarios()[0], te[0], base[0], base[0] - te[0],
                100 * (base[0] - te[0]) / base[0]));
        try (CSVPrinter csv = csv("load-duration.csv", "rank", "baseline", "te")) {
            // every hour of the top 500, then every 10th: the curve's shape, kept small
            for (int i = 0; i < n; i++) {
                if (i < 500 || i % 10 == 9 || i == n - 1) {
                    csv.printRecord(i + 1, base[i], te[i]);
                }
            }
        }
        link("load-duration.csv");
    }

    static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ---------------------------------------------------------------- gains

    private void gains(RunData r) throws IOException {
        h2("Prosumer profit and end-user surplus", "gains");
        Map<String, double[]> f = meanFigures(r);
        double[] profit = f.get("prosumer profit");
        double[] surplus = f.get("end-user surplus");
        String[] series = {"baseline", "TE"};
        java.awt.Color[] colors = {Plots.BASELINE, Plots.TE};
        JFreeChart a = Plots.bars("Prosumer profit (all prosumers, year)", "currency", series, colors,
                new String[] {"prosumer profit"}, new double[][] {{profit[1]}, {profit[0]}});
        JFreeChart b = Plots.bars("End-user surplus (all end-users, year)", "currency", series, colors,
                new String[] {"end-user surplus"}, new double[][] {{surplus[1]}, {surplus[0]}});
        Plots.save(out.resolve("gains.png"), 2, 480, 340, a, b);
        img("gains.png", "Prosumer profit and end-user surplus, baseline against TE");
        p("Annual totals" + (r.scenarioCount() > 1 ? ", means over scenarios" : "") + "; the numbers are in key-figures.csv.");
    }

    // ---------------------------------------------------------------- sweeps

    record SweepRow(RunData run, String behaviour, int prosumers, double penetration, double atImportPrice,
            double priceTe, double priceBaseline, double importPrice, double profitGain, double surplusGainPct,
            double peakChangePct, List<Finding> findings) {
    }

    static SweepRow row(RunData r) {
        Map<String, double[]> f = meanFigures(r);
        double pen = 0;
        double atPiB = 0;
        for (int s = 0; s < r.scenarioCount(); s++) {
            pen += r.renewablePenetration(s) / r.scenarioCount();
            atPiB += r.hoursAtImportPrice(s) / r.scenarioCount();
        }
        double[] price = f.get("retail price paid by end-users (per kWh)");
        double[] profit = f.get("prosumer profit");
        double[] surplus = f.get("end-user surplus");
        double[] peak = f.get("peak demand (kWh/h)");
        return new SweepRow(r, r.value("prosumers.behaviour"), Integer.parseInt(r.value("prosumers.count")), pen, atPiB,
                price[0], price[1], weightedImportPrice(r), profit[0] - profit[1],
                KeyFigures.change(surplus[0], surplus[1]), KeyFigures.change(peak[0], peak[1]), findings(r));
    }

    private void sweepTable(List<RunData> sweep) throws IOException {
        h2("Sweep: every run", "sweep");
        html.append("<table id=\"sweep-table\">\n<tr><th>run</th><th>prosumers</th><th>renewable share of demand %</th>"
                + "<th>elasticity</th><th>flex share</th><th>hours at pi_b %</th><th>TE price</th><th>tariff paid</th>"
                + "<th>prosumer profit gain</th><th>end-user surplus gain %</th><th>peak change %</th><th>engine passes</th>"
                + "<th>days converged</th><th>findings</th></tr>\n");
        try (CSVPrinter csv = csv("sweep.csv", "run", "behaviour", "prosumers", "renewable_share_percent", "elasticity",
                "flex_share", "hours_at_import_price_percent", "retail_price_te", "retail_price_baseline",
                "import_price_weighted", "prosumer_profit_gain", "enduser_surplus_gain_percent", "peak_change_percent",
                "engine_passes", "games_converged", "games", "price_below_tariff", "both_gain", "peak_below_baseline")) {
            for (RunData r : sweep) {
                SweepRow s = row(r);
                long holds = s.findings().stream().filter(Finding::holds).count();
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
        p("Renewable share: the runs' annual generation over the end-users' annual baseline demand. Hours at pi_b: hours "
                + "whose retail price equals the import price, where local supply is short.");
        link("sweep.csv");
    }

    private void marketPower(List<RunData> sweep) throws IOException {
        List<SweepRow> rows = sweep.stream().filter(r -> r.name().startsWith("market-power")).map(Report::row).toList();
        List<SweepRow> strategic = rows.stream().filter(s -> s.behaviour().equals("strategic"))
                .sorted(Comparator.comparingInt(SweepRow::prosumers)).toList();
        if (strategic.isEmpty()) {
            return;
        }
        h2("Market power: retail price against the number of prosumers", "market-power");
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
        Plots.save(out.resolve("market-power.png"), 1, 860, 400, c);
        img("market-power.png", "Market-power curve");
        StringBuilder flat = new StringBuilder();
        for (SweepRow s : strategic) {
            flat.append(String.format(Locale.ROOT, "N = %d: %.1f%% of hours at pi_b; ", s.prosumers(), s.atImportPrice()));
        }
        p("The runs have the same nominal PV capacity (prosumers.count x prosumers.pvKwp); each prosumer's capacity "
                + "is drawn with prosumers.pvSpread, so the realised renewable share differs (see the sweep table). " + flat
                + "Below pi_b a strategic prosumer offers only S (lambda - pi_s) (MODEL §5), its Cournot quantity: "
                + "with few prosumers the withheld offers fall short of demand at any price below pi_b, so the price "
                + "sits at pi_b and N does not matter. As N grows the offers approach the whole surplus and sunny hours "
                + "clear inside the price box; price takers (competitive) give the lowest price.");
        link("sweep.csv");
    }

    private void pvSweep(List<RunData> sweep) throws IOException {
        List<SweepRow> rows = sweep.stream().filter(r -> r.name().startsWith("pv-")).map(Report::row)
                .sorted(Comparator.comparingDouble(SweepRow::penetration)).toList();
        if (rows.size() < 2) {
            return;
        }
        h2("PV penetration sweep", "pv-sweep");
        double[] x = rows.stream().mapToDouble(SweepRow::penetration).toArray();
        JFreeChart a = Plots.xy("Retail price", "renewable share of demand (%)", "price per kWh", List.of(
                new Plots.Line("TE retail price", x, rows.stream().mapToDouble(SweepRow::priceTe).toArray(), Plots.TE,
                        false, true),
                new Plots.Line("import price pi_b", x, rows.stream().mapToDouble(SweepRow::importPrice).toArray(),
                        Plots.IMPORT, true, false)));
        Plots.marker(a, rows.get(0).priceBaseline(), "tariff", Plots.TARIFF);
        a.getXYPlot().getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) a.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        JFreeChart b = Plots.xy("Gains and peak", "renewable share of demand (%)", "change against baseline (%)", List.of(
                new Plots.Line("end-user surplus gain", x, rows.stream().mapToDouble(SweepRow::surplusGainPct).toArray(),
                        Plots.BASELINE, false, true),
                new Plots.Line("peak change", x, rows.stream().mapToDouble(SweepRow::peakChangePct).toArray(),
                        Plots.IMPORT, false, true)));
        JFreeChart c = Plots.xy("Prosumer profit gain", "renewable share of demand (%)", "TE minus baseline (currency)",
                List.of(new Plots.Line("prosumer profit gain", x,
                        rows.stream().mapToDouble(SweepRow::profitGain).toArray(), Plots.TE, false, true)));
        Plots.save(out.resolve("pv-sweep.png"), 3, 400, 340, a, b, c);
        img("pv-sweep.png", "PV penetration sweep");
        p("More PV lets more sunny hours clear below pi_b, so the TE price falls; the tariff does not move. "
                + "The numbers are in sweep.csv.");
        link("sweep.csv");
    }

    // ---------------------------------------------------------------- Monte Carlo

    private void monteCarlo(RunData r) throws IOException {
        h2("Monte Carlo over renewable output", "monte-carlo");
        int sc = r.scenarioCount();
        // the day whose prices differ most between scenarios (sum over hours of the P5-P95 width), and the year's
        // mean by hour
        int day = 1;
        double widest = -1;
        double[] v = new double[sc];
        for (int d = 1; d <= r.days(); d++) {
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
                for (int d = 1; d <= r.days(); d++) {
                    sum += r.hourly().retail()[r.index(s, d, t)];
                }
                byHour[t][s] = sum / r.days();
                onDay[t][s] = r.hourly().retail()[r.index(s, day, t)];
            }
        }
        double[][][] q = new double[2][5][Hours.T];
        try (CSVPrinter csv = csv("price-fan.csv", "series", "hour", "p5", "p25", "p50", "p75", "p95")) {
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
        Plots.save(out.resolve("price-fan.png"), 2, 560, 360, fanDay, fanYear);
        img("price-fan.png", "Fan charts of the retail price by hour");
        p("Bands: P5-P95 and P25-P75 over scenarios; line: median. Left, the day of the year whose prices differ most "
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
        p(String.format(Locale.ROOT, "%.1f%% of all scenario-hours cleared below pi_b; in %.1f%% of those the prosumers "
                + "offered less than their surplus. Where they withhold, the price is set by the offers (MODEL §5), not "
                + "by how much sun there is, so renewable uncertainty moves the price only in hours where the surplus "
                + "itself is the limit.", 100.0 * below / h.retail().length, below == 0 ? 0.0 : 100.0 * withheld / below));
        link("price-fan.csv");

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
        Plots.save(out.resolve("gain-histograms.png"), 2, 480, 320, h1, h2);
        img("gain-histograms.png", "Histograms of the annual gains over scenarios");
        JFreeChart h3 = Plots.histogram("Peak reduction", "baseline peak minus TE peak (% of baseline)", peakCut, bins,
                Plots.IMPORT);
        Plots.save(out.resolve("peak-reduction.png"), 1, 640, 320, h3);
        img("peak-reduction.png", "Distribution of the peak reduction over scenarios");
        try (CSVPrinter csv = csv("scenarios.csv", "scenario", "prosumer_profit_gain", "enduser_surplus_gain",
                "peak_reduction_percent")) {
            for (int s = 0; s < sc; s++) {
                csv.printRecord(r.scenarios()[s], profitGain[s], surplusGain[s], peakCut[s]);
            }
        }
        link("scenarios.csv");

        if (!r.distribution().isEmpty()) {
            html.append("<table id=\"distribution\">\n<tr><th>figure</th><th>mean</th><th>sd</th><th>P5</th><th>P50</th>"
                    + "<th>P95</th></tr>\n");
            try (CSVPrinter csv = csv("distribution.csv", "figure", "scenarios", "mean", "sd", "p5", "p50", "p95")) {
                for (Distribution d : r.distribution()) {
                    html.append("<tr><td>").append(esc(d.figure())).append("</td>").append(num(d.mean()))
                            .append(num(d.sd())).append(num(d.p5())).append(num(d.p50())).append(num(d.p95()))
                            .append("</tr>\n");
                    csv.printRecord(d.figure(), d.scenarios(), d.mean(), d.sd(), d.p5(), d.p50(), d.p95());
                }
            }
            html.append("</table>\n");
            p("The run's distribution table: each key figure over scenarios (sample sd, R-7 percentiles).");
            link("distribution.csv");
        }
    }

    // ---------------------------------------------------------------- convergence

    private void convergence(RunData ref, List<RunData> sweep) throws IOException {
        h2("Convergence", "convergence");
        // the reference run, and in a sweep also the run that needed the most engine passes
        List<RunData> shown = new ArrayList<>(List.of(ref));
        sweep.stream().filter(r -> r != ref).max(Comparator.comparingInt(r -> r.trace().size()))
                .filter(r -> r.trace().size() > ref.trace().size()).ifPresent(shown::add);
        java.awt.Color[] colors = {Plots.IMPORT, Plots.BASELINE};
        List<Plots.Line> viol = new ArrayList<>();
        List<Plots.Line> active = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            RunData r = shown.get(k);
            double[] pass = r.trace().stream().mapToDouble(RunData.TraceRow::pass).toArray();
            viol.add(new Plots.Line(r.name(), pass,
                    r.trace().stream().mapToDouble(t -> Math.max(t.maxViolation(), 1e-16)).toArray(), colors[k], false,
                    true));
            active.add(new Plots.Line(r.name(), pass,
                    r.trace().stream().mapToDouble(RunData.TraceRow::activeGames).toArray(), colors[k], false, true));
        }
        JFreeChart a = Plots.integers(Plots.xyLogY("Max clearing violation per pass", "engine pass",
                "kWh (log scale; 0 drawn at 1e-16)", viol), false);
        JFreeChart b = Plots.integers(Plots.xy("Active games per pass", "engine pass", "games still iterating", active),
                true);
        Plots.save(out.resolve("convergence.png"), 2, 480, 320, a, b);
        img("convergence.png", "Convergence trace");
        for (RunData r : shown) {
            p(String.format(Locale.ROOT, "%s: %d of %d games (scenario-days) converged in %d engine passes; at most %d "
                    + "outer iterations on a day.", r.name(), r.daysConverged(), r.games(), r.trace().size(),
                    r.maxOuterIterations()));
        }
        if (ref.trace().size() <= 3) {
            p("Three passes are the fewest a run can take (two clearing passes and the settlement pass): every hour "
                    + "cleared at the import price at once, because local supply was short in every hour.");
        }
        try (CSVPrinter csv = csv("convergence-trace.csv", "run", "pass", "step", "active_games", "done_games",
                "max_violation", "millis")) {
            for (RunData r : shown) {
                for (RunData.TraceRow t : r.trace()) {
                    csv.printRecord(r.name(), t.pass(), t.step(), t.activeGames(), t.doneGames(), t.maxViolation(),
                            t.millis());
                }
            }
        }
        link("convergence-trace.csv");
    }

    // ---------------------------------------------------------------- HTML and CSV helpers

    private CSVPrinter csv(String file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(out.resolve(file), StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }

    private void h2(String text, String id) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(text)).append("</h2>\n");
    }

    private void p(String text) {
        html.append("<p>").append(esc(text)).append("</p>\n");
    }

    private void img(String file, String alt) {
        html.append("<img src=\"").append(file).append("\" alt=\"").append(esc(alt)).append("\">\n");
    }

    private void link(String file) {
        html.append("<p class=\"note\">Data: <a href=\"").append(file).append("\">").append(file).append("</a></p>\n");
    }

    static String num(double v) {
        double a = Math.abs(v);
        int digits = a == 0 || a >= 1000 ? 0 : a >= 1 ? 2 : 4;
        return num(v, digits);
    }

    static String num(double v, int digits) {
        return "<td class=\"n\">" + (Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + digits + "f", v) : "n/a")
                + "</td>";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f%%", v) : "n/a";
    }

    static String big(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
