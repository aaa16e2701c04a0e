package org.tea.io.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.PassTrace;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.results.Distribution;
import org.tea.results.KeyFigures;

/**
 * Writes the market-level tables of MODEL section 11 ({@code market_hourly}, {@code convergence},
 * {@code summary}) and the pass {@code trace}. Their rows are market sums the driver already holds (games x 24
 * at most), never per-user data; each table is a Parquet dataset partitioned by {@code scenario}.
 */
public final class MarketTables {
    public static final String MARKET_HOURLY = "market_hourly";
    public static final String CONVERGENCE = "convergence";
    public static final String SUMMARY = "summary";
    public static final String TRACE = "trace";
    public static final String DISTRIBUTION = "distribution";

    private MarketTables() {
    }

    /** Every market-level table of a run: market_hourly, convergence, summary, trace and distribution. */
    public static void writeAll(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal,
            List<KeyFigures> figures) {
        writeMarketHourly(spark, dir, r, cal);
        writeConvergence(spark, dir, r, cal);
        writeSummary(spark, dir, figures);
        writeTrace(spark, dir, r.trace());
        writeDistribution(spark, dir, Distribution.of(figures));
    }

    static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }

    static StructType schema(String[] ints, String[] doubles) {
        List<StructField> f = new ArrayList<>();
        for (String n : ints) {
            f.add(field(n, DataTypes.IntegerType));
        }
        for (String n : doubles) {
            f.add(field(n, DataTypes.DoubleType));
        }
        return DataTypes.createStructType(f);
    }

    static final String[] HOURLY_DOUBLES = {"wholesale_price", "import_price", "export_price", "tariff", "retail_price",
        "sensitivity", "demand", "enduser_demand", "prosumer_deficit", "offered", "sold_local", "import", "export",
        "surplus_total", "generation_total", "baseline_demand", "baseline_enduser_demand"};

    /** {@code market_hourly}: one row per scenario, day and hour. */
    public static StructType marketHourlySchema() {
        return schema(new String[] {"scenario", "day", "hour"}, HOURLY_DOUBLES);
    }

    public static void writeMarketHourly(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal) {
        var p = r.prices();
        List<Row> rows = new ArrayList<>(r.lambda().length);
        for (int g = 0; g < cal.games(); g++) {
            for (int t = 0; t < Hours.T; t++) {
                int i = g * Hours.T + t;
                rows.add(RowFactory.create(cal.scenario(g), cal.day(g), t, p.wholesale()[i], p.importPrice()[i],
                        p.exportPrice()[i], p.tariff()[i], r.lambda()[i], r.sensitivity()[i], r.demand()[i],
                        r.enduserDemand()[i], r.deficit()[i], r.offered()[i], r.soldLocal()[i], r.imported(i),
                        r.exported()[i], r.surplusTotal()[i], r.generation()[i], r.baselineDemand(i),
                        r.baselineEnduserDemand()[i]));
            }
        }
        write(spark, rows, marketHourlySchema(), table(dir, MARKET_HOURLY));
    }

    /** {@code convergence}: one row per scenario and day, the certificate of MODEL section 7. */
    public static StructType convergenceSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(field("scenario", DataTypes.IntegerType));
        f.add(field("day", DataTypes.IntegerType));
        f.add(field("converged", DataTypes.BooleanType));
        f.add(field("status", DataTypes.StringType));
        f.add(field("outer_iterations", DataTypes.IntegerType));
        f.add(field("inner_passes", DataTypes.IntegerType));
        f.add(field("max_clearing_violation", DataTypes.DoubleType));
        f.add(field("max_sensitivity_change", DataTypes.DoubleType));
        f.add(field("max_best_response_gap", DataTypes.DoubleType));
        return DataTypes.createStructType(f);
    }

    public static void writeConvergence(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal) {
        List<Row> rows = new ArrayList<>();
        for (DayResult d : r.days()) {
            rows.add(RowFactory.create(cal.scenario(d.game()), cal.day(d.game()), d.converged(), d.status().name(),
                    d.outerIterations(), d.innerPasses(), d.maxClearingViolation(),
                    Double.isNaN(d.maxSensitivityChange()) ? -1.0 : d.maxSensitivityChange(), d.maxBestResponseGap()));
        }
        write(spark, rows, convergenceSchema(), table(dir, CONVERGENCE));
    }

    /** The columns of {@code summary}, after {@code scenario}: MODEL section 9, TE and baseline side by side. */
    static final String[] SUMMARY_DOUBLES = {"retail_price_te", "retail_price_baseline", "enduser_surplus_te",
        "enduser_surplus_baseline", "enduser_payment_te", "enduser_payment_baseline", "enduser_energy_te",
        "enduser_energy_baseline", "prosumer_profit_te", "prosumer_profit_baseline", "peak_demand_te",
        "peak_demand_baseline", "peak_net_load_te", "peak_net_load_baseline", "tariff_average", "energy_sold_local",
        "energy_imported", "energy_exported", "import_cost", "retailer_margin_baseline", "welfare_te",
        "welfare_baseline", "budget_imbalance", "energy_imbalance"};

    public static StructType summarySchema() {
        return schema(new String[] {"scenario", "days", "days_converged"}, SUMMARY_DOUBLES);
    }

    public static void writeSummary(SparkSession spark, String dir, List<KeyFigures> figures) {
        List<Row> rows = new ArrayList<>();
        for (KeyFigures k : figures) {
            rows.add(RowFactory.create(k.scenario(), k.days(), k.gamesConverged(), k.retailPriceTe(),
                    k.retailPriceBaseline(), k.enduserSurplusTe(), k.enduserSurplusBaseline(), k.enduserPaymentTe(),
                    k.enduserPaymentBaseline(), k.enduserEnergyTe(), k.enduserEnergyBaseline(), k.prosumerProfitTe(),
                    k.prosumerProfitBaseline(), k.peakDemandTe(), k.peakDemandBaseline(), k.peakNetLoadTe(),
                    k.peakNetLoadBaseline(), k.tariffAverage(), k.soldLocal(), k.imported(), k.exported(),
                    k.importCost(), k.retailerMarginBaseline(), k.welfareTe(), k.welfareBaseline(),
                    k.budgetImbalance(), k.energyImbalance()));
        }
        write(spark, rows, summarySchema(), table(dir, SUMMARY));
    }

    /** {@code trace}: one row per pass of the driver loop (not partitioned: it spans all scenarios). */
    public static void writeTrace(SparkSession spark, String dir, List<PassTrace> trace) {
        List<StructField> f = new ArrayList<>();
        f.add(field("pass", DataTypes.IntegerType));
        f.add(field("step", DataTypes.StringType));
        f.add(field("active_games", DataTypes.IntegerType));
        f.add(field("done_games", DataTypes.IntegerType));
        f.add(field("max_violation_ratio", DataTypes.DoubleType));
        f.add(field("max_violation", DataTypes.DoubleType));
        f.add(field("millis", DataTypes.LongType));
        List<Row> rows = new ArrayList<>();
        for (PassTrace t : trace) {
            rows.add(RowFactory.create(t.pass(), t.step(), t.activeGames(), t.doneGames(), t.maxViolationRatio(),
                    t.maxViolation(), t.millis()));
        }
        spark.createDataFrame(rows, DataTypes.createStructType(f)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(table(dir, TRACE));
    }

    /** {@code distribution}: one row per key figure, its spread over scenarios (not partitioned). */
    public static void writeDistribution(SparkSession spark, String dir, List<Distribution> rows) {
        List<StructField> f = new ArrayList<>();
        f.add(field("figure", DataTypes.StringType));
        f.add(field("scenarios", DataTypes.IntegerType));
        for (String n : new String[] {"mean", "sd", "p5", "p50", "p95"}) {
            f.add(field(n, DataTypes.DoubleType));
        }
        List<Row> out = new ArrayList<>();
        for (Distribution d : rows) {
            out.add(RowFactory.create(d.figure(), d.scenarios(), d.mean(), d.sd(), d.p5(), d.p50(), d.p95()));
        }
        spark.createDataFrame(out, DataTypes.createStructType(f)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(table(dir, DISTRIBUTION));
    }

    static String table(String dir, String name) {
        return new org.apache.hadoop.fs.Path(dir, name).toString();
    }

    static void write(SparkSession spark, List<Row> rows, StructType schema, String table) {
        spark.createDataFrame(rows, schema).repartition(1).write().mode(SaveMode.ErrorIfExists).partitionBy("scenario")
                .parquet(table);
    }
}
