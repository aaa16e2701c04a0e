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
import org.tea.engine.DaySum;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.PassTrace;
import org.tea.io.OutputTables;
import org.tea.io.OutputTables.Convergence;
import org.tea.io.OutputTables.EnduserArchetypeDaily;
import org.tea.io.OutputTables.MarketHourly;
import org.tea.io.OutputTables.Summary;
import org.tea.io.OutputTables.Table;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.results.Distribution;
import org.tea.results.KeyFigures;

/**
 * Writes the market-level tables of MODEL section 11 ({@code market_hourly}, {@code convergence},
 * {@code summary}), the end-users' sums by archetype ({@code enduser_archetype_daily}) and the pass {@code trace}. Their rows are market sums the driver already holds (games x 24
 * at most), never per-user data; each table is a Parquet dataset partitioned by {@code scenario}. Table and column
 * names, types and order come from {@link OutputTables}; each writer lists a row's values in that order.
 */
public final class MarketTables {
    private MarketTables() {
    }

    /**
     * Every market-level table of a run: market_hourly, convergence, summary, trace, distribution and
     * enduser_archetype_daily, whose archetypes are named by {@code archetypes} (index order).
     */
    public static void writeAll(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal,
            List<KeyFigures> figures, List<String> archetypes) {
        writeMarketHourly(spark, dir, r, cal);
        writeArchetypeDaily(spark, dir, r, cal, archetypes);
        writeConvergence(spark, dir, r, cal);
        writeSummary(spark, dir, figures);
        writeTrace(spark, dir, r.trace());
        writeDistribution(spark, dir, Distribution.of(figures));
    }

    /** The Spark schema of an output table: its columns in written order, none nullable. */
    public static StructType schema(Table table) {
        List<StructField> f = new ArrayList<>();
        for (OutputTables.Column c : table.columns()) {
            f.add(DataTypes.createStructField(c.column(), sparkType(c.type()), false));
        }
        return DataTypes.createStructType(f);
    }

    static DataType sparkType(OutputTables.Type type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
        };
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
                        r.baselineEnduserDemand()[i], r.storageCharge()[i], r.storageDischarge()[i]));
            }
        }
        write(spark, rows, Table.MARKET_HOURLY, MarketHourly.SCENARIO, dir);
    }

    /**
     * {@code enduser_archetype_daily}: per game, a row for each archetype that has end-users, with the settlement's
     * exact sums over its users.
     */
    public static void writeArchetypeDaily(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal,
            List<String> archetypes) {
        if (r.archetypes() > archetypes.size()) {
            throw new IllegalArgumentException("the settlement has " + r.archetypes() + " end-user archetypes, "
                    + archetypes.size() + " are named");
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < cal.games(); g++) {
            for (int a = 0; a < r.archetypes(); a++) {
                long users = r.archetypeUsers(g, a);
                if (users == 0) {
                    continue;
                }
                Object[] row = new Object[EnduserArchetypeDaily.values().length];
                row[EnduserArchetypeDaily.SCENARIO.ordinal()] = cal.scenario(g);
                row[EnduserArchetypeDaily.ARCHETYPE.ordinal()] = archetypes.get(a);
                row[EnduserArchetypeDaily.DAY.ordinal()] = cal.day(g);
                row[EnduserArchetypeDaily.USERS.ordinal()] = users;
                for (EnduserArchetypeDaily c : EnduserArchetypeDaily.values()) {
                    if (c.type() == OutputTables.Type.DOUBLE) { // each figure is the end-user DaySum of its name
                        row[c.ordinal()] = r.archetypeDaily(g, a, DaySum.valueOf(c.name()));
                    }
                }
                rows.add(RowFactory.create(row));
            }
        }
        write(spark, rows, Table.ENDUSER_ARCHETYPE_DAILY, EnduserArchetypeDaily.SCENARIO, dir);
    }

    public static void writeConvergence(SparkSession spark, String dir, EquilibriumResult r, GameCalendar cal) {
        List<Row> rows = new ArrayList<>();
        for (DayResult d : r.days()) {
            rows.add(RowFactory.create(cal.scenario(d.game()), cal.day(d.game()), d.converged(), d.status().name(),
                    d.outerIterations(), d.innerPasses(), d.maxClearingViolation(),
                    Double.isNaN(d.maxSensitivityChange()) ? -1.0 : d.maxSensitivityChange(), d.maxBestResponseGap(),
                    Double.isNaN(d.maxSensitivityBracketGap()) ? -1.0 : d.maxSensitivityBracketGap(),
                    d.maxStorageKkt()));
        }
        write(spark, rows, Table.CONVERGENCE, Convergence.SCENARIO, dir);
    }

    public static void writeSummary(SparkSession spark, String dir, List<KeyFigures> figures) {
        List<Row> rows = new ArrayList<>();
        for (KeyFigures k : figures) {
            // the key columns, then the figures in the order KeyFigures.figures() and Summary.FIGURES share
            Object[] row = new Object[Summary.values().length];
            row[Summary.SCENARIO.ordinal()] = k.scenario();
            row[Summary.DAYS.ordinal()] = k.days();
            row[Summary.DAYS_CONVERGED.ordinal()] = k.gamesConverged();
            double[] f = k.figures();
            for (int i = 0; i < f.length; i++) {
                row[Summary.FIGURES.get(i).ordinal()] = f[i];
            }
            rows.add(RowFactory.create(row));
        }
        write(spark, rows, Table.SUMMARY, Summary.SCENARIO, dir);
    }

    /** {@code trace}: not partitioned, it spans all scenarios. */
    public static void writeTrace(SparkSession spark, String dir, List<PassTrace> trace) {
        List<Row> rows = new ArrayList<>();
        for (PassTrace t : trace) {
            rows.add(RowFactory.create(t.pass(), t.step(), t.activeGames(), t.doneGames(), t.maxViolationRatio(),
                    t.maxViolation(), t.millis()));
        }
        spark.createDataFrame(rows, schema(Table.TRACE)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(path(dir, Table.TRACE));
    }

    /** {@code distribution}: one row per key figure, not partitioned. */
    public static void writeDistribution(SparkSession spark, String dir, List<Distribution> rows) {
        List<Row> out = new ArrayList<>();
        for (Distribution d : rows) {
            out.add(RowFactory.create(d.figure(), d.scenarios(), d.mean(), d.sd(), d.p5(), d.p50(), d.p95()));
        }
        spark.createDataFrame(out, schema(Table.DISTRIBUTION)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(path(dir, Table.DISTRIBUTION));
    }

    /** The folder of {@code table} under a run's output folder. */
    static String path(String dir, Table table) {
        return new org.apache.hadoop.fs.Path(dir, table.tableName()).toString();
    }

    /** Writes a table partitioned by its scenario column. */
    static void write(SparkSession spark, List<Row> rows, Table table, OutputTables.Column scenario, String dir) {
        spark.createDataFrame(rows, schema(table)).repartition(1).write().mode(SaveMode.ErrorIfExists)
                .partitionBy(scenario.column()).parquet(path(dir, table));
    }
}
