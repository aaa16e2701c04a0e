package org.tea.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.tea.equilibrium.ClearingMethod;
import org.tea.model.Behaviour;

/**
 * The validated, immutable configuration of one study, one record per key group.
 *
 * <p>Built only through {@link #load}, {@link #fromMap} or {@link #defaults()}: these apply defaults, validate
 * every key and throw a {@link ConfigException} listing every problem at once ({@link ConfigLoader}). Keys and
 * their documentation live in one registry, {@link #keys()} ({@link ConfigKeys}).
 */
public record StudyConfig(StudyGroup study, EndUsersGroup endUsers, ProsumersGroup prosumers, MarketGroup market,
        SolverGroup solver, OutputGroup output, SparkGroup spark, InputsGroup inputs, SeriesGroup series,
        StorageGroup storage) {

    /** The directive, in a config file only, naming a file (relative to this one) whose keys this file extends. */
    public static final String INCLUDE = "include";
    /** Source label of command-line overrides in error messages. */
    public static final String SET = "--set";

    public StudyConfig {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(endUsers, "endUsers");
        Objects.requireNonNull(prosumers, "prosumers");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(storage, "storage");
    }

    /**
     * Calendar and randomness of the study (MODEL sections 2 and 10).
     *
     * @param firstDay day of the year (1-based) the study starts on: it simulates days firstDay .. firstDay + days - 1
     */
    public record StudyGroup(int days, int firstDay, int year, long seed, int scenarios, int firstScenario,
            double latitude) {
    }

    /** The synthetic end-user population (MODEL section 4 calibration, section 10). */
    public record EndUsersGroup(int count, double annualEnergy, double annualEnergySpread, double commercialShare,
            double elasticity, double elasticitySpread, double flexShare, double energyFlex, double noiseDaily,
            double noiseHourly) {
    }

    /** The synthetic prosumer population (MODEL section 5). */
    public record ProsumersGroup(int count, Behaviour behaviour, double pvKwp, double pvSpread, double windShare,
            double windKw, double annualEnergy) {
    }

    /**
     * Generated storage units (MODEL section 12), all alike: {@code count} units of {@code capacityKwh} kWh and
     * {@code powerKw} kW; none by default. A {@code storage.csv} in the inputs folder replaces them.
     */
    public record StorageGroup(int count, double capacityKwh, double powerKw, double etaCharge, double etaDischarge,
            double throughputCost, double soc0) {
    }

    /** Baseline retail tariff (MODEL section 8). */
    public enum TariffType {
        FLAT, TOU;

        /** The spelling in config files. */
        public String configName() {
            return ConfigKey.spelling(this);
        }
    }

    /**
     * Fees, baseline tariff and wholesale level (MODEL sections 3 and 8).
     *
     * @param peakStart first peak hour of a tou tariff
     * @param peakEnd   first hour after the peak (exclusive)
     * @param feedIn    baseline feed-in price; empty means the export price {@code pi_s}
     */
    public record MarketGroup(double feeImport, double feeExport, TariffType tariffType, double tariffFlat,
            double tariffPeak, double tariffOffPeak, int peakStart, int peakEnd, OptionalDouble feedIn,
            double wholesaleMean) {

        public MarketGroup {
            Objects.requireNonNull(tariffType, "tariffType");
            Objects.requireNonNull(feedIn, "feedIn");
        }

        public boolean isPeakHour(int hour) {
            return hour >= peakStart && hour < peakEnd;
        }

        /** The baseline tariff {@code p_u} of an hour of the day (0..23). */
        public double tariff(int hour) {
            if (tariffType == TariffType.FLAT) {
                return tariffFlat;
            }
            return isPeakHour(hour) ? tariffPeak : tariffOffPeak;
        }

        /** The baseline feed-in price {@code p_f} of an hour whose export price is {@code exportPrice}. */
        public double feedInPrice(double exportPrice) {
            return feedIn.orElse(exportPrice);
        }
    }

    /** Inner and outer iteration settings (MODEL sections 6 and 7). */
    public record SolverGroup(ClearingMethod method, double tolClear, double tolOuter, int maxOuter, int maxInner,
            double theta, double tatonnementStep) {
        public SolverGroup {
            Objects.requireNonNull(method, "method");
        }
    }

    /** Output tables (MODEL section 11): which per-user tables are written, and how. */
    public record OutputGroup(boolean enduserDaily, boolean enduserHourly, boolean prosumerHourly,
            long monthPartitionRows, double checkpointSeconds) {
    }

    /** Spark session settings. */
    public record SparkGroup(String master, int partitions) {
        public SparkGroup {
            Objects.requireNonNull(master, "master");
        }

        /** End-users a partition holds at most when partitions are chosen automatically. */
        public static final int AUTO_ENDUSERS_PER_PARTITION = 4_096;
        /** The most partitions, set or automatic. */
        public static final int MAX_PARTITIONS = 100_000;

        /**
         * Partitions for {@code endUsers} end-users on {@code cores} cores: {@code partitions}, or if 0 twice the
         * cores, and more where needed so that no partition holds more than
         * {@value #AUTO_ENDUSERS_PER_PARTITION} end-users: a write task holds its rows of every open file in
         * Parquet buffers, which must not grow with the city, and small tasks keep every core busy to the end of a
         * stage (blocks differ in cost, and the first tasks of a stage run slower while the JIT compiles).
         */
        public int partitionsFor(int cores, long endUsers) {
            if (partitions > 0) {
                return partitions;
            }
            long bySize = (endUsers + AUTO_ENDUSERS_PER_PARTITION - 1) / AUTO_ENDUSERS_PER_PARTITION;
            return (int) Math.min(MAX_PARTITIONS, Math.max(2L * Math.max(1, cores), bySize));
        }
    }

    /** Where the city comes from. */
    public record InputsGroup(String dir) {
        public InputsGroup {
            Objects.requireNonNull(dir, "dir");
        }

        /** True when the city is generated from this configuration rather than read from {@link #dir()}. */
        public boolean generate() {
            return dir.isEmpty();
        }
    }

    /**
     * One hourly series read from a real-data file in the date-hour format (data/README.md).
     *
     * @param file   the file, relative to the working directory; empty: not read (the series is generated or comes
     *               from inputs.dir)
     * @param column the column holding the series
     * @param factor the price's scale (currency/kWh per file unit), or an output's installed capacity (file unit;
     *               0: the column's maximum); unused for the load
     */
    public record SeriesSource(String file, String column, double factor) {
        public SeriesSource {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(column, "column");
        }

        /** True when this series is read from {@link #file()}. */
        public boolean given() {
            return !file.isEmpty();
        }
    }

    /** Hourly series read from real-data files instead of the generated or inputs.dir ones (MODEL section 10). */
    public record SeriesGroup(SeriesSource price, SeriesSource pv, SeriesSource wind, SeriesSource load) {
        public SeriesGroup {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(pv, "pv");
            Objects.requireNonNull(wind, "wind");
            Objects.requireNonNull(load, "load");
        }

        /** True when any series is read from a file. */
        public boolean any() {
            return price.given() || pv.given() || wind.given() || load.given();
        }
    }

    /** The registry of every key, in documentation order. */
    public static List<ConfigKey<?>> keys() {
        return ConfigKeys.all();
    }

    /** Every default; the same as {@code fromMap(Map.of())}. */
    public static StudyConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * Reads {@code file} (following its {@code include} chain), applies {@code overrides} on top and validates.
     *
     * @param file      a {@code .properties} file, or {@code null} for defaults plus overrides
     * @param overrides key=value pairs from {@code --set}, applied last
     * @throws ConfigException listing every problem found
     */
    public static StudyConfig load(Path file, Map<String, String> overrides) {
        return ConfigLoader.load(file, overrides);
    }

    /** Validates raw key=value pairs; missing keys take their defaults. Errors name the source {@code config}. */
    public static StudyConfig fromMap(Map<String, String> raw) {
        return ConfigLoader.fromMap(raw);
    }

    /** This configuration with {@code overrides} applied, validated like {@code --set}. */
    public StudyConfig with(Map<String, String> overrides) {
        return ConfigLoader.with(this, overrides);
    }

    /** Every key with its effective value in canonical spelling, sorted by key: the run manifest's configuration. */
    public SortedMap<String, String> resolved() {
        SortedMap<String, String> m = new TreeMap<>();
        for (ConfigKey<?> k : ConfigKeys.all()) {
            m.put(k.name(), k.canonical(this));
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** {@link #resolved()} as {@link Properties}. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.putAll(resolved());
        return p;
    }

    /** The README table of every key: key, default, unit, range, meaning. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | default | unit | range | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        for (ConfigKey<?> k : ConfigKeys.all()) {
            String def = k.defaultValue().isEmpty() ? "\"\"" : k.defaultValue();
            sb.append("| `").append(k.name()).append("` | `").append(def).append("` | ")
                    .append(cell(k.unit())).append(" | ").append(cell(k.expected().replaceFirst("^an? ", ""))).append(" | ")
                    .append(cell(k.description())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
