package org.tea.io;

import static java.util.stream.Collectors.toList;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.tea.equilibrium.ClearingMethod;
import org.tea.io.ConfigKey.Range;
import org.tea.model.Behaviour;

/**
 * The validated, immutable configuration of one study, one record per key group.
 *
 * <p>Built only through {@link #load}, {@link #fromMap} or {@link #defaults()}: these apply defaults, validate
 * every key and throw a {@link ConfigException} listing every problem at once. Keys and their documentation live
 * in one registry, {@link #keys()}.
 */
public record StudyConfig(StudyGroup study, EndUsersGroup endUsers, ProsumersGroup prosumers, MarketGroup market,
        SolverGroup solver, OutputGroup output, SparkGroup spark, InputsGroup inputs) {

    /** The directive, in a config file only, naming a file (relative to this one) whose keys this file extends. */
    public static final String INCLUDE = "include";
    /** Source label of command-line overrides in error messages. */
    public static final String SET = "--set";
    private static final String DEFAULT = "default";
    private static final String MAP = "config";

    public StudyConfig {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(endUsers, "endUsers");
        Objects.requireNonNull(prosumers, "prosumers");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** Calendar and randomness of the study (MODEL sections 2 and 10). */
    public record StudyGroup(int days, int year, long seed, int scenarios, int firstScenario, double latitude) {
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

    /** Baseline retail tariff (MODEL section 8). */
    public enum TariffType {
        FLAT, TOU;

        /** The spelling in config files. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
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

    /** Output tables (MODEL section 11). */
    public record OutputGroup(boolean enduserHourly, long monthPartitionRows, double checkpointSeconds) {
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

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.integer("study.days", 365, "days", 1, 366,
                    "days simulated from 1 January; at most the days of study.year"),
            ConfigKey.integer("study.year", 2025, "-", 1900, 2100, "calendar year (leap years, weekdays)"),
            ConfigKey.longInt("study.seed", 20250101L, "-", null, "seed of every random stream"),
            ConfigKey.integer("study.scenarios", 1, "-", 1, 10_000, "Monte Carlo scenarios of renewable output"),
            ConfigKey.integer("study.firstScenario", 0, "-", 0, 1_000_000_000,
                    "number of the first scenario: scenarios firstScenario .. firstScenario + scenarios - 1 are run"),
            ConfigKey.real("study.latitude", 43.7, "degrees", Range.closed(-66, 66),
                    "site latitude for solar geometry"),

            ConfigKey.integer("endusers.count", 10_000, "-", 1, 100_000_000, "number of end-users"),
            ConfigKey.real("endusers.annualEnergy", 4000, "kWh/year", Range.openClosed(0, 1e7),
                    "mean annual energy of an end-user"),
            ConfigKey.real("endusers.annualEnergySpread", 0.3, "- (lognormal sigma)", Range.closed(0, 2),
                    "spread of annual energy across end-users"),
            ConfigKey.real("endusers.commercialShare", 0.15, "-", Range.closed(0, 1),
                    "share of end-users with the commercial archetype (others residential)"),
            ConfigKey.real("endusers.elasticity", -0.2, "-", Range.closed(-5, -0.001),
                    "mean price elasticity eps_j"),
            ConfigKey.real("endusers.elasticitySpread", 0.25, "- (relative)", Range.closed(0, 0.9),
                    "relative spread of the elasticity across end-users"),
            ConfigKey.real("endusers.flexShare", 0.2, "-", Range.closed(0, 1),
                    "mean flexible share flex_j of an end-user's hourly load"),
            ConfigKey.real("endusers.energyFlex", 0, "-", Range.closed(0, 0.9),
                    "daily energy flexibility e_j (0: demand shifts, total energy stays)"),
            ConfigKey.real("endusers.noise.daily", 0.1, "- (lognormal sigma)", Range.closed(0, 1),
                    "noise of a user-day's load level"),
            ConfigKey.real("endusers.noise.hourly", 0.05, "- (lognormal sigma)", Range.closed(0, 1),
                    "habit noise per user and hour of day, the same every day"),

            ConfigKey.integer("prosumers.count", 200, "-", 0, 10_000_000, "number of prosumers"),
            ConfigKey.choice("prosumers.behaviour", "strategic", names(Behaviour.values(), Behaviour::name),
                    "strategic: Cournot offers; competitive: price takers (MODEL section 5)"),
            ConfigKey.real("prosumers.pvKwp", 6, "kWp", Range.closed(0, 1_000_000), "mean PV capacity of a prosumer (a rooftop, or a whole aggregated plant)"),
            ConfigKey.real("prosumers.pvSpread", 0.3, "- (lognormal sigma)", Range.closed(0, 2),
                    "spread of PV capacity across prosumers"),
            ConfigKey.real("prosumers.windShare", 0, "-", Range.closed(0, 1),
                    "share of prosumers that also own a small wind turbine"),
            ConfigKey.real("prosumers.windKw", 5, "kW", Range.closed(0, 10_000), "mean wind turbine capacity"),
            ConfigKey.real("prosumers.annualEnergy", 4500, "kWh/year", Range.closed(0, 1e7),
                    "mean annual energy of a prosumer's own load"),

            ConfigKey.real("market.feeImport", 0.015, "currency/kWh", Range.closed(0, 10),
                    "import fee: pi_b = pi + feeImport"),
            ConfigKey.real("market.feeExport", 0.005, "currency/kWh", Range.closed(0, 10),
                    "export fee: pi_s = pi - feeExport"),
            ConfigKey.choice("market.tariff.type", "flat", names(TariffType.values(), TariffType::name),
                    "baseline tariff p_u: flat or time-of-use"),
            ConfigKey.real("market.tariff.flat", 0.13, "currency/kWh", Range.openClosed(0, 10),
                    "flat tariff (flat only)"),
            ConfigKey.real("market.tariff.peak", 0.18, "currency/kWh", Range.openClosed(0, 10),
                    "tariff in peak hours (tou only)"),
            ConfigKey.real("market.tariff.offPeak", 0.09, "currency/kWh", Range.openClosed(0, 10),
                    "tariff outside peak hours (tou only)"),
            ConfigKey.hours("market.tariff.peakHours", "7-19", "peak hours start-end, end exclusive (tou only)"),
            ConfigKey.feedIn("market.feedIn", ConfigKey.EXPORT, "currency/kWh", Range.closed(0, 10),
                    "baseline feed-in price p_f: export (= pi_s) or a fixed price"),
            ConfigKey.real("market.wholesale.mean", 0.04, "currency/kWh", Range.closed(-1, 10),
                    "mean of the synthetic wholesale price"),

            ConfigKey.choice("solver.method", "newton", names(ClearingMethod.values(), ClearingMethod::name),
                    "inner clearing iteration (MODEL section 6)"),
            ConfigKey.real("solver.tolClear", 1e-7, "- (relative)", Range.openClosed(0, 1e-2),
                    "clearing tolerance tol_clear, relative to max(D_t, 1)"),
            ConfigKey.real("solver.tolOuter", 1e-6, "- (relative)", Range.openClosed(0, 1e-1),
                    "tolerance tol_outer on the relative change of S_t"),
            ConfigKey.integer("solver.maxOuter", 100, "-", 1, 100_000,
                    "outer iterations before a day is reported not converged"),
            ConfigKey.integer("solver.maxInner", 200, "-", 1, 1_000_000, "passes one clearing may take"),
            ConfigKey.real("solver.theta", 1, "-", Range.openClosed(0, 1), "damping theta of the update of S_t"),
            ConfigKey.real("solver.tatonnementStep", 1e-5, "currency/kWh per kWh", Range.openClosed(0, 1),
                    "price step per kWh of excess demand (tatonnement only)"),

            ConfigKey.bool("output.enduserHourly", false, "write the optional enduser_hourly table"),
            ConfigKey.longInt("output.monthPartitionRows", 5_000_000L, "rows", Range.closed(1, 1e12),
                    "tables with a day column and more rows per scenario than this are also partitioned by month"),
            ConfigKey.real("output.checkpointSeconds", 0, "s", Range.closed(0, 86_400),
                    "least time between two checkpoints of the solver state (0: after every pass, the default; more only where writing the state is slow); --resume continues from the last"),

            ConfigKey.text("spark.master", "local[*]", "Spark master URL; ignored under spark-submit"),
            ConfigKey.integer("spark.partitions", 0, "-", 0, SparkGroup.MAX_PARTITIONS,
                    "partitions of the population tables; 0: automatic, 2 x cores or more so that none holds more than 4,096 end-users"),

            ConfigKey.text("inputs.dir", "",
                    "empty: generate the city from this config; otherwise a folder of input files (data/README.md)"));

    private static final Map<String, ConfigKey> BY_NAME = index(KEYS);

    /** The registry of every key, in documentation order. */
    public static List<ConfigKey> keys() {
        return KEYS;
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
        List<String> errors = new ArrayList<>();
        Map<String, Setting> settings = new LinkedHashMap<>();
        if (file != null) {
            if (Files.isRegularFile(file)) {
                readFile(file, settings, errors, new ArrayDeque<>());
            } else {
                errors.add(file + ": file not found");
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (key.equals(INCLUDE)) {
                errors.add(SET + ": " + INCLUDE + " = " + show(value) + ": include is only allowed in a config file");
            } else {
                settings.put(key, new Setting(value, SET));
            }
        }
        return build(settings, errors);
    }

    /** Validates raw key=value pairs; missing keys take their defaults. Errors name the source {@code config}. */
    public static StudyConfig fromMap(Map<String, String> raw) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        new TreeMap<>(raw).forEach((k, v) -> settings.put(k.trim(), new Setting(v == null ? "" : v.trim(), MAP)));
        return build(settings, new ArrayList<>());
    }

    /** This configuration with {@code overrides} applied, validated like {@code --set}. */
    public StudyConfig with(Map<String, String> overrides) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        resolved().forEach((k, v) -> settings.put(k, new Setting(v, MAP)));
        List<String> errors = new ArrayList<>();
        new TreeMap<>(overrides).forEach((k, v) -> settings.put(k.trim(), new Setting(v == null ? "" : v.trim(), SET)));
        return build(settings, errors);
    }

    /** Every key with its effective value in canonical spelling, sorted by key: the run manifest's configuration. */
    public SortedMap<String, String> resolved() {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("study.days", Integer.toString(study.days()));
        m.put("study.year", Integer.toString(study.year()));
        m.put("study.seed", Long.toString(study.seed()));
        m.put("study.scenarios", Integer.toString(study.scenarios()));
        m.put("study.firstScenario", Integer.toString(study.firstScenario()));
        m.put("study.latitude", ConfigKey.number(study.latitude()));

        m.put("endusers.count", Integer.toString(endUsers.count()));
        m.put("endusers.annualEnergy", ConfigKey.number(endUsers.annualEnergy()));
        m.put("endusers.annualEnergySpread", ConfigKey.number(endUsers.annualEnergySpread()));
        m.put("endusers.commercialShare", ConfigKey.number(endUsers.commercialShare()));
        m.put("endusers.elasticity", ConfigKey.number(endUsers.elasticity()));
        m.put("endusers.elasticitySpread", ConfigKey.number(endUsers.elasticitySpread()));
        m.put("endusers.flexShare", ConfigKey.number(endUsers.flexShare()));
        m.put("endusers.energyFlex", ConfigKey.number(endUsers.energyFlex()));
        m.put("endusers.noise.daily", ConfigKey.number(endUsers.noiseDaily()));
        m.put("endusers.noise.hourly", ConfigKey.number(endUsers.noiseHourly()));

        m.put("prosumers.count", Integer.toString(prosumers.count()));
        m.put("prosumers.behaviour", lower(prosumers.behaviour().name()));
        m.put("prosumers.pvKwp", ConfigKey.number(prosumers.pvKwp()));
        m.put("prosumers.pvSpread", ConfigKey.number(prosumers.pvSpread()));
        m.put("prosumers.windShare", ConfigKey.number(prosumers.windShare()));
        m.put("prosumers.windKw", ConfigKey.number(prosumers.windKw()));
        m.put("prosumers.annualEnergy", ConfigKey.number(prosumers.annualEnergy()));

        m.put("market.feeImport", ConfigKey.number(market.feeImport()));
        m.put("market.feeExport", ConfigKey.number(market.feeExport()));
        m.put("market.tariff.type", market.tariffType().configName());
        m.put("market.tariff.flat", ConfigKey.number(market.tariffFlat()));
        m.put("market.tariff.peak", ConfigKey.number(market.tariffPeak()));
        m.put("market.tariff.offPeak", ConfigKey.number(market.tariffOffPeak()));
        m.put("market.tariff.peakHours", market.peakStart() + "-" + market.peakEnd());
        m.put("market.feedIn", market.feedIn().isPresent()
                ? ConfigKey.number(market.feedIn().getAsDouble()) : ConfigKey.EXPORT);
        m.put("market.wholesale.mean", ConfigKey.number(market.wholesaleMean()));

        m.put("solver.method", lower(solver.method().name()));
        m.put("solver.tolClear", ConfigKey.number(solver.tolClear()));
        m.put("solver.tolOuter", ConfigKey.number(solver.tolOuter()));
        m.put("solver.maxOuter", Integer.toString(solver.maxOuter()));
        m.put("solver.maxInner", Integer.toString(solver.maxInner()));
        m.put("solver.theta", ConfigKey.number(solver.theta()));
        m.put("solver.tatonnementStep", ConfigKey.number(solver.tatonnementStep()));

        m.put("output.enduserHourly", Boolean.toString(output.enduserHourly()));
        m.put("output.monthPartitionRows", Long.toString(output.monthPartitionRows()));
        m.put("output.checkpointSeconds", ConfigKey.number(output.checkpointSeconds()));

        m.put("spark.master", spark.master());
        m.put("spark.partitions", Integer.toString(spark.partitions()));

        m.put("inputs.dir", inputs.dir());
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
        for (ConfigKey k : KEYS) {
            String def = k.defaultValue().isEmpty() ? "\"\"" : k.defaultValue();
            sb.append("| `").append(k.name()).append("` | `").append(def).append("` | ")
                    .append(cell(k.unit())).append(" | ").append(cell(k.expected().replaceFirst("^an? ", ""))).append(" | ")
                    .append(cell(k.description())).append(" |\n");
        }
        return sb.toString();
    }

    // --- loading ---------------------------------------------------------------------------------------------

    /** A raw value and where it came from (a file, {@code --set}, {@code config} or {@code default}). */
    private record Setting(String value, String source) {
    }

    /** Reads {@code file} into {@code into}: its include first, then its own keys on top. */
    private static void readFile(Path file, Map<String, Setting> into, List<String> errors, Deque<Path> chain) {
        String label = file.toString();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            errors.add(label + ": cannot read: " + e.getMessage());
            return;
        }
        chain.push(file.toAbsolutePath().normalize());
        String include = p.getProperty(INCLUDE);
        if (include != null) {
            include = include.trim();
            Path target = include.isEmpty() ? null : file.resolveSibling(include).normalize();
            if (target == null) {
                errors.add(label + ": " + INCLUDE + " = \"\": expected the path of another config file");
            } else if (chain.contains(target.toAbsolutePath().normalize())) {
                errors.add(label + ": " + INCLUDE + " = " + include + ": include cycle through " + target);
            } else if (!Files.isRegularFile(target)) {
                errors.add(label + ": " + INCLUDE + " = " + include + ": file " + target + " not found");
            } else {
                readFile(target, into, errors, chain);
            }
        }
        chain.pop();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.equals(INCLUDE)) {
                into.put(key, new Setting(p.getProperty(key).trim(), label));
            }
        }
    }

    private static StudyConfig build(Map<String, Setting> settings, List<String> errors) {
        for (Map.Entry<String, Setting> e : settings.entrySet()) {
            if (!BY_NAME.containsKey(e.getKey())) {
                errors.add(e.getValue().source() + ": " + e.getKey() + " = " + show(e.getValue().value())
                        + ": unknown key" + suggestion(e.getKey()));
            }
        }
        Map<String, Object> v = new HashMap<>();
        for (ConfigKey k : KEYS) {
            Setting s = settings.getOrDefault(k.name(), new Setting(k.defaultValue(), DEFAULT));
            try {
                v.put(k.name(), k.parse(s.value()));
            } catch (IllegalArgumentException e) {
                errors.add(s.source() + ": " + k.name() + " = " + show(s.value()) + ": " + e.getMessage());
            }
        }
        crossCheck(v, settings, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return assemble(new Values(v));
    }

    /** Checks between keys; each runs only when the keys it needs parsed. */
    private static void crossCheck(Map<String, Object> v, Map<String, Setting> settings, List<String> errors) {
        if (v.get("study.days") instanceof Integer days && v.get("study.year") instanceof Integer year) {
            int length = Year.isLeap(year) ? 366 : 365;
            if (days > length) {
                Setting s = settings.get("study.days");
                errors.add(s.source() + ": study.days = " + s.value() + ": expected at most " + length
                        + " because study.year = " + year + " has " + length + " days");
            }
        }
    }

    private static StudyConfig assemble(Values v) {
        int[] peak = (int[]) v.get("market.tariff.peakHours");
        return new StudyConfig(
                new StudyGroup(v.i("study.days"), v.i("study.year"), v.l("study.seed"), v.i("study.scenarios"),
                        v.i("study.firstScenario"), v.d("study.latitude")),
                new EndUsersGroup(v.i("endusers.count"), v.d("endusers.annualEnergy"),
                        v.d("endusers.annualEnergySpread"), v.d("endusers.commercialShare"),
                        v.d("endusers.elasticity"), v.d("endusers.elasticitySpread"), v.d("endusers.flexShare"),
                        v.d("endusers.energyFlex"), v.d("endusers.noise.daily"), v.d("endusers.noise.hourly")),
                new ProsumersGroup(v.i("prosumers.count"), Behaviour.parse(v.s("prosumers.behaviour")),
                        v.d("prosumers.pvKwp"), v.d("prosumers.pvSpread"), v.d("prosumers.windShare"),
                        v.d("prosumers.windKw"), v.d("prosumers.annualEnergy")),
                new MarketGroup(v.d("market.feeImport"), v.d("market.feeExport"),
                        TariffType.valueOf(v.s("market.tariff.type").toUpperCase(Locale.ROOT)),
                        v.d("market.tariff.flat"), v.d("market.tariff.peak"), v.d("market.tariff.offPeak"),
                        peak[0], peak[1], (OptionalDouble) v.get("market.feedIn"), v.d("market.wholesale.mean")),
                new SolverGroup(ClearingMethod.parse(v.s("solver.method")), v.d("solver.tolClear"),
                        v.d("solver.tolOuter"), v.i("solver.maxOuter"), v.i("solver.maxInner"),
                        v.d("solver.theta"), v.d("solver.tatonnementStep")),
                new OutputGroup(v.b("output.enduserHourly"), v.l("output.monthPartitionRows"),
                        v.d("output.checkpointSeconds")),
                new SparkGroup(v.s("spark.master"), v.i("spark.partitions")),
                new InputsGroup(v.s("inputs.dir")));
    }

    /** Typed access to parsed values; a wrong name is a programming error caught by the tests. */
    private record Values(Map<String, Object> map) {
        Object get(String name) {
            Object o = map.get(name);
            if (o == null) {
                throw new IllegalStateException("no parsed value for " + name);
            }
            return o;
        }

        int i(String name) {
            return (Integer) get(name);
        }

        long l(String name) {
            return (Long) get(name);
        }

        double d(String name) {
            return (Double) get(name);
        }

        boolean b(String name) {
            return (Boolean) get(name);
        }

        String s(String name) {
            return (String) get(name);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** " (did you mean k?)" for the closest known key within a small edit distance, else "". */
    static String suggestion(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : KEYS) {
            int d = editDistance(unknown.toLowerCase(Locale.ROOT), k.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return bestDistance <= Math.max(2, unknown.length() / 5) ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String show(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).map(StudyConfig::lower).collect(toList());
    }

    private static Map<String, ConfigKey> index(List<ConfigKey> keys) {
        Map<String, ConfigKey> m = new LinkedHashMap<>();
        for (ConfigKey k : keys) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate config key " + k.name());
            }
            k.parse(k.defaultValue()); // a bad default is a bug: fail at class initialisation
        }
        return Collections.unmodifiableMap(m);
    }
}
