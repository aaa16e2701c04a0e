package org.tea.report;

import java.util.List;
import java.util.Map;
import org.tea.results.KeyFigures;

/** One run of a sweep as the sweep table, the market-power curve and the PV sweep see it. */
record SweepRow(RunData run, String behaviour, int prosumers, double penetration, double atImportPrice,
        double priceTe, double priceBaseline, double importPrice, double profitGain, double surplusGainPct,
        double peakChangePct, List<FindingsSection.Finding> findings) {

    /** The figures of one run that the sweep sections compare. */
    static SweepRow of(RunData r) {
        Map<String, double[]> f = r.meanFigures();
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
                price[0], price[1], r.weightedImportPrice(), profit[0] - profit[1],
                KeyFigures.change(surplus[0], surplus[1]), KeyFigures.change(peak[0], peak[1]),
                FindingsSection.findings(r));
    }
}
