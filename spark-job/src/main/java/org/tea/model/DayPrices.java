package org.tea.model;

/**
 * The exogenous prices of one day (MODEL section 3), per kWh: wholesale {@code pi}, import {@code pi_b = pi + fee_import},
 * export {@code pi_s = pi - fee_export}, the incumbent retail tariff {@code p_u} and the baseline feed-in price
 * {@code p_f}. Requires {@code pi_s <= pi_b} in every hour; wholesale prices may be negative.
 */
public record DayPrices(String id, double[] wholesale, double[] importPrice, double[] exportPrice, double[] tariff,
        double[] feedIn) {

    public DayPrices {
        wholesale = Checks.hourly(id, "wholesale_price", wholesale);
        importPrice = Checks.hourly(id, "import_price", importPrice);
        exportPrice = Checks.hourly(id, "export_price", exportPrice);
        tariff = Checks.hourly(id, "tariff", tariff);
        feedIn = Checks.hourly(id, "feed_in", feedIn);
        for (int t = 0; t < Hours.T; t++) {
            if (exportPrice[t] > importPrice[t]) {
                throw new IllegalArgumentException(id + ": export_price[" + t + "] = " + exportPrice[t]
                        + " exceeds import_price[" + t + "] = " + importPrice[t] + ", expected pi_s <= pi_b");
            }
        }
    }

    /** Builds a day from the wholesale price and the two fees; the feed-in price defaults to {@code pi_s}. */
    public static DayPrices of(String id, double[] wholesale, double feeImport, double feeExport, double[] tariff) {
        double[] pb = new double[Hours.T];
        double[] ps = new double[Hours.T];
        for (int t = 0; t < Hours.T; t++) {
            pb[t] = wholesale[t] + feeImport;
            ps[t] = wholesale[t] - feeExport;
        }
        return new DayPrices(id, wholesale, pb, ps, tariff, ps);
    }

    public double importPrice(int t) {
        return importPrice[t];
    }

    public double exportPrice(int t) {
        return exportPrice[t];
    }

    @Override
    public double[] wholesale() {
        return wholesale.clone();
    }

    @Override
    public double[] importPrice() {
        return importPrice.clone();
    }

    @Override
    public double[] exportPrice() {
        return exportPrice.clone();
    }

    @Override
    public double[] tariff() {
        return tariff.clone();
    }

    @Override
    public double[] feedIn() {
        return feedIn.clone();
    }
}
