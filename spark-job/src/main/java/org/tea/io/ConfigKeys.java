package org.tea.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.tea.equilibrium.ClearingMethod;
import org.tea.io.ConfigKey.Range;
import org.tea.io.StudyConfig.EndUsersGroup;
import org.tea.io.StudyConfig.InputsGroup;
import org.tea.io.StudyConfig.MarketGroup;
import org.tea.io.StudyConfig.OutputGroup;
import org.tea.io.StudyConfig.ProsumersGroup;
import org.tea.io.StudyConfig.SeriesGroup;
import org.tea.io.StudyConfig.SeriesSource;
import org.tea.io.StudyConfig.SolverGroup;
import org.tea.io.StudyConfig.SparkGroup;
import org.tea.io.StudyConfig.StorageGroup;
import org.tea.io.StudyConfig.StudyGroup;
import org.tea.io.StudyConfig.TariffType;
import org.tea.model.Behaviour;

/**
 * The registry of configuration keys: each key once, with where its value sits in a {@link StudyConfig} (for
 * {@link StudyConfig#resolved()}), and {@link #assemble}, which builds the groups from the parsed values. Adding a
 * key means a constant here, its field in the group record, and passing it where that group is assembled.
 */
final class ConfigKeys {
    // Each constant registers itself as this class initialises, so declaration order is the README's order.
    private static final List<ConfigKey<?>> ALL = new ArrayList<>();
    private static final List<ConfigKey<?>> VIEW = Collections.unmodifiableList(ALL);

    static final ConfigKey<Integer> STUDY_DAYS = add(ConfigKey.integer("study.days", 365, "days", 1, 366,
            "days simulated, from study.firstDay; firstDay + days - 1 at most the days of study.year",
            c -> c.study().days()));
    static final ConfigKey<Integer> STUDY_FIRST_DAY = add(ConfigKey.integer("study.firstDay", 1, "day of year", 1,
            366, "first day simulated, 1 = 1 January: days firstDay .. firstDay + days - 1 of study.year are run",
            c -> c.study().firstDay()));
    static final ConfigKey<Integer> STUDY_YEAR = add(ConfigKey.integer("study.year", 2025, "-", 1900, 2100,
            "calendar year (leap years, weekdays)", c -> c.study().year()));
    static final ConfigKey<Long> STUDY_SEED = add(ConfigKey.longInt("study.seed", 20250101L, "-", null,
            "seed of every random stream", c -> c.study().seed()));
    static final ConfigKey<Integer> STUDY_SCENARIOS = add(ConfigKey.integer("study.scenarios", 1, "-", 1, 10_000,
            "Monte Carlo scenarios of renewable output", c -> c.study().scenarios()));
    static final ConfigKey<Integer> STUDY_FIRST_SCENARIO = add(ConfigKey.integer("study.firstScenario", 0, "-", 0,
            1_000_000_000,
            "number of the first scenario: scenarios firstScenario .. firstScenario + scenarios - 1 are run",
            c -> c.study().firstScenario()));
    static final ConfigKey<Double> STUDY_LATITUDE = add(ConfigKey.real("study.latitude", 43.7, "degrees",
            Range.closed(-66, 66), "site latitude for solar geometry", c -> c.study().latitude()));

    static final ConfigKey<Integer> ENDUSERS_COUNT = add(ConfigKey.integer("endusers.count", 7_500, "-", 1,
            100_000_000, "number of end-users", c -> c.endUsers().count()));
    static final ConfigKey<Double> ENDUSERS_ANNUAL_ENERGY = add(ConfigKey.real("endusers.annualEnergy", 4000,
            "kWh/year", Range.openClosed(0, 1e7), "mean annual energy of an end-user",
            c -> c.endUsers().annualEnergy()));
    static final ConfigKey<Double> ENDUSERS_ANNUAL_ENERGY_SPREAD = add(ConfigKey.real("endusers.annualEnergySpread",
            0.3, "- (lognormal sigma)", Range.closed(0, 2), "spread of annual energy across end-users",
            c -> c.endUsers().annualEnergySpread()));
    static final ConfigKey<Double> ENDUSERS_COMMERCIAL_SHARE = add(ConfigKey.real("endusers.commercialShare", 0.05,
            "-", Range.closed(0, 1), "share of end-users with the commercial archetype (others residential)",
            c -> c.endUsers().commercialShare()));
    static final ConfigKey<Double> ENDUSERS_ELASTICITY = add(ConfigKey.real("endusers.elasticity", -0.2, "-",
            Range.closed(-5, -0.001), "mean price elasticity eps_j", c -> c.endUsers().elasticity()));
    static final ConfigKey<Double> ENDUSERS_ELASTICITY_SPREAD = add(ConfigKey.real("endusers.elasticitySpread", 0.25,
            "- (relative)", Range.closed(0, 0.9), "relative spread of the elasticity across end-users",
            c -> c.endUsers().elasticitySpread()));
    static final ConfigKey<Double> ENDUSERS_FLEX_SHARE = add(ConfigKey.real("endusers.flexShare", 0.2, "-",
            Range.closed(0, 1), "mean flexible share flex_j of an end-user's hourly load",
            c -> c.endUsers().flexShare()));
    static final ConfigKey<Double> ENDUSERS_ENERGY_FLEX = add(ConfigKey.real("endusers.energyFlex", 0, "-",
            Range.closed(0, 0.9), "daily energy flexibility e_j (0: demand shifts, total energy stays)",
            c -> c.endUsers().energyFlex()));
    static final ConfigKey<Double> ENDUSERS_NOISE_DAILY = add(ConfigKey.real("endusers.noise.daily", 0.1,
            "- (lognormal sigma)", Range.closed(0, 1), "noise of a user-day's load level",
            c -> c.endUsers().noiseDaily()));
    static final ConfigKey<Double> ENDUSERS_NOISE_HOURLY = add(ConfigKey.real("endusers.noise.hourly", 0.05,
            "- (lognormal sigma)", Range.closed(0, 1), "habit noise per user and hour of day, the same every day",
            c -> c.endUsers().noiseHourly()));

    static final ConfigKey<Integer> PROSUMERS_COUNT = add(ConfigKey.integer("prosumers.count", 2_500, "-", 0,
            10_000_000, "number of prosumers", c -> c.prosumers().count()));
    static final ConfigKey<String> PROSUMERS_BEHAVIOUR = add(ConfigKey.choice("prosumers.behaviour",
            Behaviour.STRATEGIC, Behaviour.values(),
            "strategic: Cournot offers; competitive: price takers (MODEL section 5)", c -> c.prosumers().behaviour()));
    static final ConfigKey<Double> PROSUMERS_PV_KWP = add(ConfigKey.real("prosumers.pvKwp", 4, "kWp",
            Range.closed(0, 1_000_000), "mean PV capacity of a prosumer (a rooftop, or a whole aggregated plant)",
            c -> c.prosumers().pvKwp()));
    static final ConfigKey<Double> PROSUMERS_PV_SPREAD = add(ConfigKey.real("prosumers.pvSpread", 0.3,
            "- (lognormal sigma)", Range.closed(0, 2), "spread of PV capacity across prosumers",
            c -> c.prosumers().pvSpread()));
    static final ConfigKey<Double> PROSUMERS_WIND_SHARE = add(ConfigKey.real("prosumers.windShare", 0, "-",
            Range.closed(0, 1), "share of prosumers that also own a small wind turbine",
            c -> c.prosumers().windShare()));
    static final ConfigKey<Double> PROSUMERS_WIND_KW = add(ConfigKey.real("prosumers.windKw", 5, "kW",
            Range.closed(0, 10_000), "mean wind turbine capacity", c -> c.prosumers().windKw()));
    static final ConfigKey<Double> PROSUMERS_ANNUAL_ENERGY = add(ConfigKey.real("prosumers.annualEnergy", 4500,
            "kWh/year", Range.closed(0, 1e7), "mean annual energy of a prosumer's own load",
            c -> c.prosumers().annualEnergy()));

    static final ConfigKey<Integer> STORAGE_COUNT = add(ConfigKey.integer("storage.count", 0, "-", 0, 10_000_000,
            "number of generated storage units (MODEL section 12), all alike; storage.csv in inputs.dir replaces them",
            c -> c.storage().count()));
    static final ConfigKey<Double> STORAGE_CAPACITY_KWH = add(ConfigKey.real("storage.capacityKwh", 10, "kWh",
            Range.closed(0, 1e6), "energy capacity E of a generated storage unit", c -> c.storage().capacityKwh()));
    static final ConfigKey<Double> STORAGE_POWER_KW = add(ConfigKey.real("storage.powerKw", 5, "kW",
            Range.closed(0, 1e6), "power limit P of a generated storage unit, charging and discharging",
            c -> c.storage().powerKw()));
    static final ConfigKey<Double> STORAGE_ETA_CHARGE = add(ConfigKey.real("storage.etaCharge", 0.95, "-",
            Range.openClosed(0, 1), "charging efficiency eta_c", c -> c.storage().etaCharge()));
    static final ConfigKey<Double> STORAGE_ETA_DISCHARGE = add(ConfigKey.real("storage.etaDischarge", 0.95, "-",
            Range.openClosed(0, 1), "discharging efficiency eta_d", c -> c.storage().etaDischarge()));
    static final ConfigKey<Double> STORAGE_THROUGHPUT_COST = add(ConfigKey.real("storage.throughputCost", 0.01,
            "currency/kWh^2", Range.openClosed(0, 100),
            "throughput cost kappa: an hour of c kWh charged or discharged costs kappa c^2 / 2",
            c -> c.storage().throughputCost()));
    static final ConfigKey<Double> STORAGE_SOC0 = add(ConfigKey.real("storage.soc0", 0.5, "- (share of E)",
            Range.closed(0, 1), "state of charge at the start and end of every day", c -> c.storage().soc0()));

    static final ConfigKey<Double> MARKET_FEE_IMPORT = add(ConfigKey.real("market.feeImport", 0.015, "currency/kWh",
            Range.closed(0, 10), "import fee: pi_b = pi + feeImport", c -> c.market().feeImport()));
    static final ConfigKey<Double> MARKET_FEE_EXPORT = add(ConfigKey.real("market.feeExport", 0.005, "currency/kWh",
            Range.closed(0, 10), "export fee: pi_s = pi - feeExport", c -> c.market().feeExport()));
    static final ConfigKey<String> MARKET_TARIFF_TYPE = add(ConfigKey.choice("market.tariff.type", TariffType.FLAT,
            TariffType.values(), "baseline tariff p_u: flat or time-of-use", c -> c.market().tariffType()));
    static final ConfigKey<Double> MARKET_TARIFF_FLAT = add(ConfigKey.real("market.tariff.flat", 0.13,
            "currency/kWh", Range.openClosed(0, 10), "flat tariff (flat only)", c -> c.market().tariffFlat()));
    static final ConfigKey<Double> MARKET_TARIFF_PEAK = add(ConfigKey.real("market.tariff.peak", 0.18,
            "currency/kWh", Range.openClosed(0, 10), "tariff in peak hours (tou only)", c -> c.market().tariffPeak()));
    static final ConfigKey<Double> MARKET_TARIFF_OFF_PEAK = add(ConfigKey.real("market.tariff.offPeak", 0.09,
            "currency/kWh", Range.openClosed(0, 10), "tariff outside peak hours (tou only)",
            c -> c.market().tariffOffPeak()));
    static final ConfigKey<int[]> MARKET_TARIFF_PEAK_HOURS = add(ConfigKey.hours("market.tariff.peakHours", "7-19",
            "peak hours start-end, end exclusive (tou only)",
            c -> new int[] {c.market().peakStart(), c.market().peakEnd()}));
    static final ConfigKey<OptionalDouble> MARKET_FEED_IN = add(ConfigKey.feedIn("market.feedIn",
            ConfigKey.EXPORT, "currency/kWh", Range.closed(0, 10),
            "baseline feed-in price p_f: export (= pi_s) or a fixed price", c -> c.market().feedIn()));
    static final ConfigKey<Double> MARKET_WHOLESALE_MEAN = add(ConfigKey.real("market.wholesale.mean", 0.04,
            "currency/kWh", Range.closed(-1, 10), "mean of the synthetic wholesale price",
            c -> c.market().wholesaleMean()));

    static final ConfigKey<String> SOLVER_METHOD = add(ConfigKey.choice("solver.method", ClearingMethod.NEWTON,
            ClearingMethod.values(), "inner clearing iteration (MODEL section 6)", c -> c.solver().method()));
    static final ConfigKey<Double> SOLVER_TOL_CLEAR = add(ConfigKey.real("solver.tolClear", 1e-7, "- (relative)",
            Range.openClosed(0, 1e-2), "clearing tolerance tol_clear, relative to max(D_t, 1)",
            c -> c.solver().tolClear()));
    static final ConfigKey<Double> SOLVER_TOL_OUTER = add(ConfigKey.real("solver.tolOuter", 1e-6, "- (relative)",
            Range.openClosed(0, 1e-1), "tolerance tol_outer on the relative change of S_t",
            c -> c.solver().tolOuter()));
    static final ConfigKey<Integer> SOLVER_MAX_OUTER = add(ConfigKey.integer("solver.maxOuter", 100, "-", 1,
            100_000, "outer iterations before a day is reported not converged", c -> c.solver().maxOuter()));
    static final ConfigKey<Integer> SOLVER_MAX_INNER = add(ConfigKey.integer("solver.maxInner", 200, "-", 1,
            1_000_000, "passes one clearing may take", c -> c.solver().maxInner()));
    static final ConfigKey<Double> SOLVER_THETA = add(ConfigKey.real("solver.theta", 1, "-", Range.openClosed(0, 1),
            "damping theta of the update of S_t", c -> c.solver().theta()));
    static final ConfigKey<Double> SOLVER_TATONNEMENT_STEP = add(ConfigKey.real("solver.tatonnementStep", 1e-5,
            "currency/kWh per kWh", Range.openClosed(0, 1), "price step per kWh of excess demand (tatonnement only)",
            c -> c.solver().tatonnementStep()));

    static final ConfigKey<Boolean> OUTPUT_ENDUSER_DAILY = add(ConfigKey.bool("output.enduserDaily", true,
            "write the per-user enduser_daily table (enduser_archetype_daily, its sums by archetype, is always written)",
            c -> c.output().enduserDaily()));
    static final ConfigKey<Boolean> OUTPUT_ENDUSER_HOURLY = add(ConfigKey.bool("output.enduserHourly", false,
            "write the optional enduser_hourly table", c -> c.output().enduserHourly()));
    static final ConfigKey<Boolean> OUTPUT_PROSUMER_HOURLY = add(ConfigKey.bool("output.prosumerHourly", true,
            "write the per-prosumer prosumer_hourly table (market_hourly has its sums)",
            c -> c.output().prosumerHourly()));
    static final ConfigKey<Long> OUTPUT_MONTH_PARTITION_ROWS = add(ConfigKey.longInt("output.monthPartitionRows",
            5_000_000L, "rows", Range.closed(1, 1e12),
            "tables with a day column and more rows per scenario than this are also partitioned by month",
            c -> c.output().monthPartitionRows()));
    static final ConfigKey<Double> OUTPUT_CHECKPOINT_SECONDS = add(ConfigKey.real("output.checkpointSeconds", 0, "s",
            Range.closed(0, 86_400),
            "least time between two checkpoints of the solver state (0: after every pass, the default; more only where writing the state is slow); --resume continues from the last",
            c -> c.output().checkpointSeconds()));

    static final ConfigKey<String> SPARK_MASTER = add(ConfigKey.text("spark.master", "local[*]",
            "Spark master URL; ignored under spark-submit", c -> c.spark().master()));
    static final ConfigKey<Integer> SPARK_PARTITIONS = add(ConfigKey.integer("spark.partitions", 0, "-", 0,
            SparkGroup.MAX_PARTITIONS,
            "partitions of the population tables; 0: automatic, 2 x cores or more so that none holds more than 4,096 end-users",
            c -> c.spark().partitions()));

    static final ConfigKey<String> INPUTS_DIR = add(ConfigKey.text("inputs.dir", "",
            "empty: generate the city from this config; otherwise a folder of input files (data/README.md)",
            c -> c.inputs().dir()));

    static final ConfigKey<String> SERIES_PRICE_FILE = add(ConfigKey.text("series.price.file", "",
            "empty: the wholesale price of the generated city or of inputs.dir; otherwise a date-hour CSV (DD/MM/YYYY, hour 1..24, data/README.md) whose column series.price.column replaces it",
            c -> c.series().price().file()));
    static final ConfigKey<String> SERIES_PRICE_COLUMN = add(ConfigKey.text("series.price.column", "",
            "the column of series.price.file holding the wholesale price (required with the file)",
            c -> c.series().price().column()));
    static final ConfigKey<Double> SERIES_PRICE_SCALE = add(ConfigKey.real("series.price.scale", 1,
            "currency/kWh per file unit", Range.closed(1e-9, 1e9),
            "factor turning the price column into currency/kWh (0.001 for a price per MWh)",
            c -> c.series().price().factor()));
    static final ConfigKey<String> SERIES_PV_FILE = add(ConfigKey.text("series.pv.file", "",
            "empty: generated (or inputs.dir) PV capacity factor; otherwise a date-hour CSV whose column series.pv.column (output, >= 0) replaces it in scenario 0",
            c -> c.series().pv().file()));
    static final ConfigKey<String> SERIES_PV_COLUMN = add(ConfigKey.text("series.pv.column", "",
            "the column of series.pv.file holding PV output (required with the file)", c -> c.series().pv().column()));
    static final ConfigKey<Double> SERIES_PV_CAPACITY = add(ConfigKey.real("series.pv.capacity", 0,
            "file unit", Range.closed(0, 1e12),
            "installed capacity the PV column is divided by to make the capacity factor (every hour at most it); 0: the column's maximum of the year",
            c -> c.series().pv().factor()));
    static final ConfigKey<String> SERIES_WIND_FILE = add(ConfigKey.text("series.wind.file", "",
            "as series.pv.file, for the wind capacity factor", c -> c.series().wind().file()));
    static final ConfigKey<String> SERIES_WIND_COLUMN = add(ConfigKey.text("series.wind.column", "",
            "the column of series.wind.file holding wind output (required with the file)",
            c -> c.series().wind().column()));
    static final ConfigKey<Double> SERIES_WIND_CAPACITY = add(ConfigKey.real("series.wind.capacity", 0,
            "file unit", Range.closed(0, 1e12), "as series.pv.capacity, for wind", c -> c.series().wind().factor()));
    static final ConfigKey<String> SERIES_LOAD_FILE = add(ConfigKey.text("series.load.file", "",
            "empty: generated (or inputs.dir) load shapes; otherwise a date-hour CSV whose column series.load.column (demand, >= 0, any unit), normalised to sum 1 over the year, becomes the load shape of every archetype",
            c -> c.series().load().file()));
    static final ConfigKey<String> SERIES_LOAD_COLUMN = add(ConfigKey.text("series.load.column", "",
            "the column of series.load.file holding demand (required with the file)",
            c -> c.series().load().column()));

    private ConfigKeys() {
    }

    /** Every key, in documentation order. */
    static List<ConfigKey<?>> all() {
        return VIEW;
    }

    /** The configuration of {@code v}, which holds a parsed value for every key. */
    static StudyConfig assemble(Values v) {
        int[] peak = v.get(MARKET_TARIFF_PEAK_HOURS);
        return new StudyConfig(
                new StudyGroup(v.get(STUDY_DAYS), v.get(STUDY_FIRST_DAY), v.get(STUDY_YEAR), v.get(STUDY_SEED),
                        v.get(STUDY_SCENARIOS), v.get(STUDY_FIRST_SCENARIO), v.get(STUDY_LATITUDE)),
                new EndUsersGroup(v.get(ENDUSERS_COUNT), v.get(ENDUSERS_ANNUAL_ENERGY),
                        v.get(ENDUSERS_ANNUAL_ENERGY_SPREAD), v.get(ENDUSERS_COMMERCIAL_SHARE),
                        v.get(ENDUSERS_ELASTICITY), v.get(ENDUSERS_ELASTICITY_SPREAD), v.get(ENDUSERS_FLEX_SHARE),
                        v.get(ENDUSERS_ENERGY_FLEX), v.get(ENDUSERS_NOISE_DAILY), v.get(ENDUSERS_NOISE_HOURLY)),
                new ProsumersGroup(v.get(PROSUMERS_COUNT), v.choice(PROSUMERS_BEHAVIOUR, Behaviour.values()),
                        v.get(PROSUMERS_PV_KWP), v.get(PROSUMERS_PV_SPREAD), v.get(PROSUMERS_WIND_SHARE),
                        v.get(PROSUMERS_WIND_KW), v.get(PROSUMERS_ANNUAL_ENERGY)),
                new MarketGroup(v.get(MARKET_FEE_IMPORT), v.get(MARKET_FEE_EXPORT),
                        v.choice(MARKET_TARIFF_TYPE, TariffType.values()),
                        v.get(MARKET_TARIFF_FLAT), v.get(MARKET_TARIFF_PEAK), v.get(MARKET_TARIFF_OFF_PEAK),
                        peak[0], peak[1], v.get(MARKET_FEED_IN), v.get(MARKET_WHOLESALE_MEAN)),
                new SolverGroup(v.choice(SOLVER_METHOD, ClearingMethod.values()), v.get(SOLVER_TOL_CLEAR),
                        v.get(SOLVER_TOL_OUTER), v.get(SOLVER_MAX_OUTER), v.get(SOLVER_MAX_INNER),
                        v.get(SOLVER_THETA), v.get(SOLVER_TATONNEMENT_STEP)),
                new OutputGroup(v.get(OUTPUT_ENDUSER_DAILY), v.get(OUTPUT_ENDUSER_HOURLY),
                        v.get(OUTPUT_PROSUMER_HOURLY), v.get(OUTPUT_MONTH_PARTITION_ROWS),
                        v.get(OUTPUT_CHECKPOINT_SECONDS)),
                new SparkGroup(v.get(SPARK_MASTER), v.get(SPARK_PARTITIONS)),
                new InputsGroup(v.get(INPUTS_DIR)),
                new SeriesGroup(
                        new SeriesSource(v.get(SERIES_PRICE_FILE), v.get(SERIES_PRICE_COLUMN), v.get(SERIES_PRICE_SCALE)),
                        new SeriesSource(v.get(SERIES_PV_FILE), v.get(SERIES_PV_COLUMN), v.get(SERIES_PV_CAPACITY)),
                        new SeriesSource(v.get(SERIES_WIND_FILE), v.get(SERIES_WIND_COLUMN), v.get(SERIES_WIND_CAPACITY)),
                        new SeriesSource(v.get(SERIES_LOAD_FILE), v.get(SERIES_LOAD_COLUMN), 0)),
                new StorageGroup(v.get(STORAGE_COUNT), v.get(STORAGE_CAPACITY_KWH), v.get(STORAGE_POWER_KW),
                        v.get(STORAGE_ETA_CHARGE), v.get(STORAGE_ETA_DISCHARGE), v.get(STORAGE_THROUGHPUT_COST),
                        v.get(STORAGE_SOC0)));
    }

    /** Parsed values by key name, each what its key's {@link ConfigKey#parse} returned. */
    record Values(Map<String, Object> byName) {
        /** The value of {@code key}, or null if it did not parse. */
        @SuppressWarnings("unchecked")
        <T> T find(ConfigKey<T> key) {
            return (T) byName.get(key.name());
        }

        /** The value of {@code key}; a key without one is a programming error caught by the tests. */
        <T> T get(ConfigKey<T> key) {
            T value = find(key);
            if (value == null) {
                throw new IllegalStateException("no parsed value for " + key.name());
            }
            return value;
        }

        /** The constant among {@code values} that the value of a {@link ConfigKey#choice} key spells. */
        <E extends Enum<E>> E choice(ConfigKey<String> key, E[] values) {
            String spelling = get(key);
            for (E e : values) {
                if (ConfigKey.spelling(e).equals(spelling)) {
                    return e;
                }
            }
            throw new IllegalStateException(key.name() + " = " + spelling + " is none of the values given");
        }
    }

    private static <T> ConfigKey<T> add(ConfigKey<T> key) {
        ALL.add(key);
        return key;
    }
}
