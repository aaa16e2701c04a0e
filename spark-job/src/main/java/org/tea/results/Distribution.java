package org.tea.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The distribution of each key figure over Monte Carlo scenarios (MODEL section 10): mean, standard
 * deviation (sample, n - 1), and the 5th, 50th and 95th percentiles. Percentiles use the R-7 estimator
 * (linear interpolation between order statistics, NumPy's and R's default), so anyone can recompute them
 * from the {@code summary} table.
 */
public record Distribution(String figure, int scenarios, double mean, double sd, double p5, double p50, double p95) {

    /** Every key figure of {@link KeyFigures}, TE, baseline and the TE-minus-baseline gain where it is one. */
    public static Map<String, ToDoubleFunction<KeyFigures>> figures() {
        Map<String, ToDoubleFunction<KeyFigures>> f = new LinkedHashMap<>();
        f.put("retail_price_te", KeyFigures::retailPriceTe);
        f.put("retail_price_baseline", KeyFigures::retailPriceBaseline);
        f.put("enduser_surplus_te", KeyFigures::enduserSurplusTe);
        f.put("enduser_surplus_baseline", KeyFigures::enduserSurplusBaseline);
        f.put("enduser_surplus_gain", k -> k.enduserSurplusTe() - k.enduserSurplusBaseline());
        f.put("enduser_payment_te", KeyFigures::enduserPaymentTe);
        f.put("enduser_payment_baseline", KeyFigures::enduserPaymentBaseline);
        f.put("prosumer_profit_te", KeyFigures::prosumerProfitTe);
        f.put("prosumer_profit_baseline", KeyFigures::prosumerProfitBaseline);
        f.put("prosumer_profit_gain", k -> k.prosumerProfitTe() - k.prosumerProfitBaseline());
        f.put("peak_demand_te", KeyFigures::peakDemandTe);
        f.put("peak_demand_baseline", KeyFigures::peakDemandBaseline);
        f.put("peak_demand_reduction", k -> k.peakDemandBaseline() - k.peakDemandTe());
        f.put("peak_net_load_te", KeyFigures::peakNetLoadTe);
        f.put("peak_net_load_baseline", KeyFigures::peakNetLoadBaseline);
        f.put("energy_sold_local", KeyFigures::soldLocal);
        f.put("energy_imported", KeyFigures::imported);
        f.put("energy_exported", KeyFigures::exported);
        f.put("welfare_te", KeyFigures::welfareTe);
        f.put("welfare_baseline", KeyFigures::welfareBaseline);
        return f;
    }

    /** One row per key figure over the given scenarios' figures. */
    public static List<Distribution> of(List<KeyFigures> perScenario) {
        List<Distribution> out = new ArrayList<>();
        for (Map.Entry<String, ToDoubleFunction<KeyFigures>> e : figures().entrySet()) {
            double[] values = perScenario.stream().mapToDouble(e.getValue()).toArray();
            out.add(of(e.getKey(), values));
        }
        return out;
    }

    static Distribution of(String figure, double[] values) {
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(values);
        double sd = values.length > 1 ? stats.getStandardDeviation() : 0.0;
        return new Distribution(figure, values.length, stats.getMean(), sd, p.evaluate(5), p.evaluate(50),
                p.evaluate(95));
    }

    /** R-7 percentiles of {@code values}, one per entry of {@code ps} (in percent). */
    public static double[] percentiles(double[] values, double... ps) {
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(values);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = p.evaluate(ps[i]);
        }
        return out;
    }
}
