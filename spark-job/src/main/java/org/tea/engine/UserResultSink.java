package org.tea.engine;

/**
 * Receives per-user results from the final pass where the users live: the Spark engine hands them to the
 * collectors of the per-user tables on the executors, the local engine to the caller. Array arguments are
 * scratch space reused for the next call: copy what you keep.
 */
public interface UserResultSink {

    /** Discards everything; the kernels hand it null ids rather than decode them. */
    UserResultSink NONE = new UserResultSink() {
        @Override
        public void endUserDay(String userId, int game, double[] sums, double peak, double[] demand,
                double[] baselineDemand, double[] alpha, double[] dmin, double[] dmax, double beta, double emin,
                double emax) {
        }

        @Override
        public void prosumerHour(String prosumerId, int game, int hour, double[] figures) {
        }
    };

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

    /**
     * One end-user's day: its {@link DaySum}s ({@code sums[s.index()]} for the first {@link DaySum#ENDUSER_COUNT}),
     * its largest hourly demand {@code peak}, its hourly demand at the retail and at the tariff prices, and the
     * follower problem it solved ({@code alpha, dmin, dmax} per hour, {@code beta, emin, emax}).
     */
    void endUserDay(String userId, int game, double[] sums, double peak, double[] demand, double[] baselineDemand,
            double[] alpha, double[] dmin, double[] dmax, double beta, double emin, double emax);

    void prosumerHour(String prosumerId, int game, int hour, double[] figures);

    /** Indices into {@code figures} of {@link #storageHour}. */
    int CHARGE = 0;
    int DISCHARGE = 1;
    int SOC = 2;
    int STORAGE_PROFIT = 3;
    int BASELINE_CHARGE = 4;
    int BASELINE_DISCHARGE = 5;
    int STORAGE_BASELINE_PROFIT = 6;
    int STORAGE_FIGURES = 7;

    /**
     * One storage unit's hour: charge, discharge, state of charge after the hour and profit at the retail
     * prices, then charge, discharge and profit at the tariff; {@code unit} is its index in {@code block} (whose
     * parameters it has). None by default.
     */
    default void storageHour(String storageId, int unit, StorageBlock block, int game, int hour, double[] figures) {
    }
}
