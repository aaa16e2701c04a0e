package org.tea.io;

import static org.tea.io.OutputTables.Type.BOOLEAN;
import static org.tea.io.OutputTables.Type.DOUBLE;
import static org.tea.io.OutputTables.Type.INT;
import static org.tea.io.OutputTables.Type.LONG;
import static org.tea.io.OutputTables.Type.STRING;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output tables of MODEL section 11 and their columns, in the order they are written: the one place their
 * names are spelled. Analytics pipelines read these names, so they are a public interface: add columns, never
 * rename or drop one without a migration note in the README.
 *
 * <p>Each table has an enum of its columns, in written order; a column's name is its constant's name in lower
 * case, so renaming a constant renames a public column. Every table is written (and the market-level ones read
 * back) by these names in {@code org.tea.io.spark}. This class imports nothing of Spark or of the project, so
 * any writer or reader can use it without a dependency cycle.
 *
 * <p>Every column is non-null. A table partitioned by {@code scenario} keeps that column in its schema (Parquet
 * stores it in the folder names); a per-user table split by month as well has {@link #MONTH} appended after its
 * own columns.
 */
public final class OutputTables {
    /** The extra partition column of a per-user table split by month (1..12), appended after its columns. */
    public static final String MONTH = "month";

    /**
     * The columns that are not doubles (money, energy and prices are), by constant name: a name has the same type
     * in every table that has it.
     */
    private static final Map<String, Type> NOT_DOUBLE = Map.ofEntries(Map.entry("SCENARIO", INT),
            Map.entry("DAY", INT), Map.entry("HOUR", INT), Map.entry("DAYS", INT), Map.entry("DAYS_CONVERGED", INT),
            Map.entry("OUTER_ITERATIONS", INT), Map.entry("INNER_PASSES", INT), Map.entry("PASS", INT),
            Map.entry("ACTIVE_GAMES", INT), Map.entry("DONE_GAMES", INT), Map.entry("SCENARIOS", INT),
            Map.entry("MILLIS", LONG), Map.entry("CONVERGED", BOOLEAN), Map.entry("USER_ID", STRING),
            Map.entry("PROSUMER_ID", STRING), Map.entry("STATUS", STRING), Map.entry("STEP", STRING),
            Map.entry("FIGURE", STRING), Map.entry("ARCHETYPE", STRING), Map.entry("USERS", LONG),
            Map.entry("STORAGE_ID", STRING));

    private OutputTables() {
    }

    /** A column's Parquet type; each writer maps it to its own type system. */
    public enum Type {
        /** 32-bit integer. */
        INT,
        /** 64-bit integer. */
        LONG,
        DOUBLE,
        BOOLEAN,
        STRING
    }

    /** One column of an output table; implemented by the per-table enums, whose {@code name()} it reuses. */
    public interface Column {
        /** The constant's name, e.g. {@code RETAIL_PRICE}. */
        String name();

        default Type type() {
            return NOT_DOUBLE.getOrDefault(name(), DOUBLE);
        }

        /** The column's name in the written table, e.g. {@code retail_price}. */
        default String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every output table: its folder name under the run's output folder, and its columns in written order. */
    public enum Table {
        MARKET_HOURLY(MarketHourly.values()),
        CONVERGENCE(Convergence.values()),
        SUMMARY(Summary.values()),
        TRACE(Trace.values()),
        DISTRIBUTION(Distribution.values()),
        ENDUSER_DAILY(EnduserDaily.values()),
        ENDUSER_HOURLY(EnduserHourly.values()),
        PROSUMER_HOURLY(ProsumerHourly.values()),
        ENDUSER_ARCHETYPE_DAILY(EnduserArchetypeDaily.values()),
        STORAGE_HOURLY(StorageHourly.values());

        private final List<Column> columns;

        Table(Column[] columns) {
            this.columns = List.of(columns);
        }

        /** The table's folder name, e.g. {@code market_hourly}. */
        public String tableName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public List<Column> columns() {
            return columns;
        }

        public String[] columnNames() {
            return columns.stream().map(Column::column).toArray(String[]::new);
        }
    }

    /** {@code market_hourly}: one row per scenario, day and hour; energy in kWh, prices per kWh. */
    public enum MarketHourly implements Column {
        SCENARIO, DAY, HOUR,
        WHOLESALE_PRICE, IMPORT_PRICE, EXPORT_PRICE, TARIFF, RETAIL_PRICE, SENSITIVITY,
        DEMAND, ENDUSER_DEMAND, PROSUMER_DEFICIT, OFFERED, SOLD_LOCAL, IMPORT, EXPORT, SURPLUS_TOTAL, GENERATION_TOTAL,
        BASELINE_DEMAND, BASELINE_ENDUSER_DEMAND, STORAGE_CHARGE, STORAGE_DISCHARGE;

    }

    /** {@code convergence}: one row per scenario and day, the certificate of MODEL section 7. */
    public enum Convergence implements Column {
        SCENARIO, DAY, CONVERGED, STATUS, OUTER_ITERATIONS, INNER_PASSES,
        MAX_CLEARING_VIOLATION, MAX_SENSITIVITY_CHANGE, MAX_BEST_RESPONSE_GAP, MAX_SENSITIVITY_BRACKET_GAP,
        MAX_STORAGE_KKT;

    }

    /**
     * {@code summary}: one row per scenario, the key figures of MODEL section 9, TE and baseline side by side. The
     * double columns ({@link #FIGURES}) are {@code KeyFigures.figures()} in order (a test holds the two together).
     */
    public enum Summary implements Column {
        SCENARIO, DAYS, DAYS_CONVERGED,
        RETAIL_PRICE_TE, RETAIL_PRICE_BASELINE, ENDUSER_SURPLUS_TE, ENDUSER_SURPLUS_BASELINE, ENDUSER_PAYMENT_TE,
        ENDUSER_PAYMENT_BASELINE, ENDUSER_ENERGY_TE, ENDUSER_ENERGY_BASELINE, PROSUMER_PROFIT_TE,
        PROSUMER_PROFIT_BASELINE, PEAK_DEMAND_TE, PEAK_DEMAND_BASELINE, PEAK_NET_LOAD_TE, PEAK_NET_LOAD_BASELINE,
        TARIFF_AVERAGE, ENERGY_SOLD_LOCAL, ENERGY_IMPORTED, ENERGY_EXPORTED, IMPORT_COST, RETAILER_MARGIN_BASELINE,
        WELFARE_TE, WELFARE_BASELINE, BUDGET_IMBALANCE, ENERGY_IMBALANCE, STORAGE_PROFIT_TE,
        STORAGE_PROFIT_BASELINE;

        /** The key-figure columns, every double column in written order. */
        public static final List<Summary> FIGURES =
                List.of(values()).subList(RETAIL_PRICE_TE.ordinal(), values().length);

    }

    /** {@code trace}: one row per pass of the driver loop, over all scenarios (not partitioned). */
    public enum Trace implements Column {
        PASS, STEP, ACTIVE_GAMES, DONE_GAMES, MAX_VIOLATION_RATIO, MAX_VIOLATION, MILLIS;

    }

    /** {@code distribution}: one row per key figure, its spread over scenarios (not partitioned). */
    public enum Distribution implements Column {
        FIGURE, SCENARIOS, MEAN, SD, P5, P50, P95;

    }

    /** {@code enduser_daily}: one row per scenario, end-user and day (written by the Spark engine). */
    public enum EnduserDaily implements Column {
        SCENARIO, USER_ID, DAY,
        ENERGY, PAYMENT, UTILITY, SURPLUS, PEAK, BASELINE_ENERGY, BASELINE_PAYMENT, BASELINE_UTILITY, BASELINE_SURPLUS;

    }

    /**
     * {@code enduser_archetype_daily}: one row per scenario, end-user archetype and day (archetypes with end-users
     * only), {@code enduser_daily}'s figures summed over the archetype's users, and their number. Market-level (a
     * few rows per day), so always written, whichever per-user tables are.
     */
    public enum EnduserArchetypeDaily implements Column {
        SCENARIO, ARCHETYPE, DAY, USERS,
        ENERGY, PAYMENT, UTILITY, SURPLUS, BASELINE_ENERGY, BASELINE_PAYMENT, BASELINE_UTILITY, BASELINE_SURPLUS;

    }

    /**
     * {@code enduser_hourly} (optional): one row per scenario, end-user, day and hour, with the user's parameters
     * so that anyone can re-check each user's optimality (written by the Spark engine).
     */
    public enum EnduserHourly implements Column {
        SCENARIO, USER_ID, DAY, HOUR,
        DEMAND, BASELINE_DEMAND, ALPHA, DMIN, DMAX, BETA, EMIN, EMAX;

    }

    /** {@code prosumer_hourly}: one row per scenario, prosumer, day and hour (written by the Spark engine). */
    public enum ProsumerHourly implements Column {
        SCENARIO, PROSUMER_ID, DAY, HOUR,
        GENERATION, LOAD, SURPLUS, DEFICIT, SOLD, EXPORTED, PROFIT, BASELINE_PROFIT;

    }

    /**
     * {@code storage_hourly} (MODEL section 12; only when there is storage): one row per scenario, storage unit,
     * day and hour; charge and discharge in kWh bought and sold in the hour, {@code soc} the state of charge
     * after it (kWh), profit in currency, then the unit's parameters.
     */
    public enum StorageHourly implements Column {
        SCENARIO, STORAGE_ID, DAY, HOUR,
        CHARGE, DISCHARGE, SOC, PROFIT, BASELINE_CHARGE, BASELINE_DISCHARGE, BASELINE_PROFIT,
        CAPACITY_KWH, POWER_KW, ETA_CHARGE, ETA_DISCHARGE, THROUGHPUT_COST, SOC0;

    }
}
