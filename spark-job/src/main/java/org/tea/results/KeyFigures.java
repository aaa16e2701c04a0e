package org.tea.results;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tea.engine.DaySum;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The key figures of MODEL section 9 for one scenario, TE against the conventional retailer, computed from
 * market-level sums only. Money in currency, energy in kWh, power in kWh per hour.
 *
 * <p>Welfare counts every party: end-user surplus plus prosumer and storage profit, plus the conventional retailer's
 * margin in the baseline (it buys everything at the import price and sells at the tariff, and buys
 * prosumer exports at the feed-in price and resells them at the export price). In TE the importer passes
 * {@code pi_b} through, so it has no margin.
 */
public record KeyFigures(int scenario, int days, double retailPriceTe, double retailPriceBaseline,
        double enduserSurplusTe, double enduserSurplusBaseline, double enduserPaymentTe, double enduserPaymentBaseline,
        double enduserEnergyTe, double enduserEnergyBaseline, double prosumerProfitTe, double prosumerProfitBaseline,
        double peakDemandTe, double peakDemandBaseline, double peakNetLoadTe, double peakNetLoadBaseline,
        double tariffAverage, double soldLocal, double imported, double exported, double importCost,
        double retailerMarginBaseline, double welfareTe, double welfareBaseline, double budgetImbalance,
        double energyImbalance, double storageProfitTe, double storageProfitBaseline, int gamesConverged) {

    /** Key figures per {@code summary} row. */
    public static final int FIGURES = 26;

    public static KeyFigures of(EquilibriumResult r, GameCalendar calendar, int scenario) {
        int T = Hours.T;
        double pay = 0, energy = 0, surplus = 0, bPay = 0, bEnergy = 0, bSurplus = 0, profit = 0, bProfit = 0;
        double sProfit = 0, bsProfit = 0;
        double peak = 0, bPeak = 0, net = Double.NEGATIVE_INFINITY, bNet = Double.NEGATIVE_INFINITY;
        double sold = 0, imp = 0, exp = 0, impCost = 0, margin = 0, budget = 0, energyGap = 0, tariffSum = 0;
        int converged = 0;
        var p = r.prices();
        for (int day = calendar.firstDay(); day <= calendar.lastDay(); day++) {
            int g = calendar.game(scenario, day);
            pay += r.daily(g, DaySum.PAYMENT);
            energy += r.daily(g, DaySum.ENERGY);
            surplus += r.daily(g, DaySum.SURPLUS);
            bPay += r.daily(g, DaySum.BASELINE_PAYMENT);
            bEnergy += r.daily(g, DaySum.BASELINE_ENERGY);
            bSurplus += r.daily(g, DaySum.BASELINE_SURPLUS);
            profit += r.daily(g, DaySum.PROFIT);
            bProfit += r.daily(g, DaySum.BASELINE_PROFIT);
            sProfit += r.daily(g, DaySum.STORAGE_PROFIT);
            bsProfit += r.daily(g, DaySum.STORAGE_BASELINE_PROFIT);
            if (r.days().get(g).converged()) {
                converged++;
            }
            for (int t = 0; t < T; t++) {
                int i = g * T + t;
                double d = r.demand()[i];
                double bd = r.baselineDemand(i);
                double u = r.surplusTotal()[i];
                double m = r.imported(i);
                peak = Math.max(peak, d);
                bPeak = Math.max(bPeak, bd);
                net = Math.max(net, d - u);
                bNet = Math.max(bNet, bd - u);
                sold += r.soldLocal()[i];
                imp += m;
                exp += r.exported()[i];
                impCost += p.importPrice()[i] * m;
                tariffSum += p.tariff()[i];
                margin += (p.tariff()[i] - p.importPrice()[i]) * bd + (p.exportPrice()[i] - p.feedIn()[i]) * u;
                budget += r.lambda()[i] * d - r.lambda()[i] * r.soldLocal()[i] - p.importPrice()[i] * m;
                energyGap = Math.max(energyGap, Math.max(Math.abs(d - r.soldLocal()[i] - m),
                        Math.abs(u - r.soldLocal()[i] - r.exported()[i])));
            }
        }
        return new KeyFigures(scenario, calendar.days(), pay / energy, bPay / bEnergy, surplus, bSurplus, pay, bPay,
                energy, bEnergy, profit, bProfit, peak, bPeak, net, bNet, tariffSum / (calendar.days() * T), sold, imp,
                exp, impCost, margin, surplus + profit + sProfit, bSurplus + bProfit + bsProfit + margin, budget,
                energyGap, sProfit, bsProfit, converged);
    }

    /**
     * The {@value #FIGURES} double figures in component order, which is the order of the {@code summary} table's figure columns
     * ({@code org.tea.io.OutputTables.Summary.FIGURES}); {@link #of(int, int, int, double[])} reads them back. The
     * row layout is written here once, for the writer and the reader of {@code summary} alike.
     */
    public double[] figures() {
        return new double[] {retailPriceTe, retailPriceBaseline, enduserSurplusTe, enduserSurplusBaseline,
            enduserPaymentTe, enduserPaymentBaseline, enduserEnergyTe, enduserEnergyBaseline, prosumerProfitTe,
            prosumerProfitBaseline, peakDemandTe, peakDemandBaseline, peakNetLoadTe, peakNetLoadBaseline,
            tariffAverage, soldLocal, imported, exported, importCost, retailerMarginBaseline, welfareTe, welfareBaseline,
            budgetImbalance, energyImbalance, storageProfitTe, storageProfitBaseline};
    }

    /** The key figures of one {@code summary} row: its scenario, days, converged days and {@link #figures()}. */
    public static KeyFigures of(int scenario, int days, int gamesConverged, double[] f) {
        if (f.length != FIGURES) {
            throw new IllegalArgumentException("expected " + FIGURES + " key figures, got " + f.length);
        }
        return new KeyFigures(scenario, days, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
                f[12], f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24], f[25],
                gamesConverged);
    }

    /** Relative change TE against baseline, in percent. */
    public static double change(double te, double baseline) {
        return baseline == 0 ? Double.NaN : 100.0 * (te - baseline) / Math.abs(baseline);
    }

    /** The figures as (name, TE, baseline) rows for the printed table and the report. */
    public Map<String, double[]> sideBySide() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("retail price paid by end-users (per kWh)", new double[] {retailPriceTe, retailPriceBaseline});
        m.put("end-user payment", new double[] {enduserPaymentTe, enduserPaymentBaseline});
        m.put("end-user surplus", new double[] {enduserSurplusTe, enduserSurplusBaseline});
        m.put("end-user energy (kWh)", new double[] {enduserEnergyTe, enduserEnergyBaseline});
        m.put("prosumer profit", new double[] {prosumerProfitTe, prosumerProfitBaseline});
        if (storageProfitTe != 0 || storageProfitBaseline != 0) {
            m.put("storage profit", new double[] {storageProfitTe, storageProfitBaseline});
        }
        m.put("peak demand (kWh/h)", new double[] {peakDemandTe, peakDemandBaseline});
        m.put("peak net load (kWh/h)", new double[] {peakNetLoadTe, peakNetLoadBaseline});
        m.put("social welfare", new double[] {welfareTe, welfareBaseline});
        return m;
    }
}
