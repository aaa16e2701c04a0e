package org.tea.engine;

/**
 * Receives per-user results from the final pass where the users live; the Spark engine turns them into
 * Parquet rows on the executors, the local engine hands them to the caller. Array arguments are scratch space
 * reused for the next call: copy what you keep.
 */
public interface UserResultSink {

    /** Discards everything. */
    UserResultSink NONE = new UserResultSink() {
        @Override
        public void endUserDay(String userId, int game, double[] figures, double[] demand, double[] baselineDemand,
                double[] alpha, double[] dmin, double[] dmax, double beta, double emin, double emax) {
        }

        @Override
        public void prosumerHour(String prosumerId, int game, int hour, double[] figures) {
        }
    };

    /** Indices into {@code figures} of {@link #endUserDay}. */
    int ENERGY = 0;
    int PAYMENT = 1;
    int UTILITY = 2;
    int SURPLUS = 3;
    int PEAK = 4;
    int BASELINE_ENERGY = 5;
    int BASELINE_PAYMENT = 6;
    int BASELINE_UTILITY = 7;
    int BASELINE_SURPLUS = 8;
    int ENDUSER_FIGURES = 9;

    /** Indices into {@code figures} of {@link #prosumerHour}. */
    int GENERATION = 0;
    int LOAD = 1;
    int SURPLUS_KWH = 2;
    int DEFICIT = 3;
    int SOLD = 4;
    int EXPORTED = 5;
    int PROFIT = 6;
    int BASELINE_PROFIT = 7;
    int PROSUMER_FIGURES = 8;

    void endUserDay(String userId, int game, double[] figures, double[] demand, double[] baselineDemand, double[] alpha,
            double[] dmin, double[] dmax, double beta, double emin, double emax);

    void prosumerHour(String prosumerId, int game, int hour, double[] figures);
}
