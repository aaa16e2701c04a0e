package org.tea.io.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tea.engine.DaySum;
import org.tea.engine.UserResultSink;
import org.tea.engine.spark.UserTableWriter;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The per-user Parquet tables of MODEL section 11 ({@code enduser_daily}, {@code prosumer_hourly}, and
 * {@code enduser_hourly} on request): the engine settles users on the executors and hands their results to a
 * {@link Collector}, which makes the rows; each table is one write job. Rows leave a task grouped by game, so
 * with concurrent output writers (the study's session sets them) each row goes to its partition directory's
 * open file as it comes. Tables are partitioned by {@code scenario}, and also by {@code month} when rows per
 * scenario, known from the population sizes, exceed {@code monthPartitionRows}. The criterion is per scenario
 * because a scenario folder is what month partitioning splits: counting all rows would split a Monte Carlo
 * study of small scenarios into scenarios x 12 folders, more than the writer keeps open at once, for files that
 * are small anyway.
 *
 * @param dir                run output folder, a path or a Hadoop filesystem URI; tables go to
 *                           {@code dir/<table>}, which must not exist yet
 * @param calendar           maps games to scenario, day and month
 * @param enduserHourly      also write the optional {@code enduser_hourly} table
 * @param monthPartitionRows a table with more rows per scenario than this is partitioned by {@code month} as well
 */
public record UserTables(SparkSession spark, String dir, GameCalendar calendar, boolean enduserHourly,
        long monthPartitionRows) implements UserTableWriter {
    private static final int T = Hours.T;

    public UserTables {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(calendar, "calendar");
        if (monthPartitionRows < 0) {
            throw new IllegalArgumentException("monthPartitionRows = " + monthPartitionRows + ", expected >= 0");
        }
    }

    @Override
    public List<UserTable<?>> tables(long endUsers, long prosumers, int games) {
        if (games != calendar.games()) {
            throw new IllegalArgumentException("settling " + games + " games, the output calendar has "
                    + calendar.games());
        }
        List<UserTable<?>> out = new ArrayList<>();
        for (Table table : Table.values()) {
            if (table == Table.ENDUSER_HOURLY && !enduserHourly) {
                continue;
            }
            long rows = (table == Table.PROSUMER_HOURLY ? prosumers : endUsers) * games * table.rowsPerDay;
            out.add(new Write(table, rows / calendar.scenarios() > monthPartitionRows, rows));
        }
        return out;
    }

    /** One table's write: the rows' shape on the executors, the Parquet write on the driver. */
    private final class Write implements UserTable<Row> {
        private final Table table;
        private final boolean byMonth;
        private final long rows;

        Write(Table table, boolean byMonth, long rows) {
            this.table = table;
            this.byMonth = byMonth;
            this.rows = rows;
        }

        @Override
        public boolean prosumers() {
            return table == Table.PROSUMER_HOURLY;
        }

        @Override
        public RowCollector.Factory<Row> collectors() {
            Table t = table;
            boolean month = byMonth;
            GameCalendar cal = calendar;
            return () -> new Collector(t, month, cal);
        }

        @Override
        public void write(JavaRDD<Row> data) {
            spark.sparkContext().setJobDescription("TEA write " + table.tableName + " (" + rows + " rows)");
            var writer = spark.createDataFrame(data, table.schema(byMonth)).write().mode(SaveMode.ErrorIfExists);
            for (String figure : table.figures) {
                // Money and energy figures are nearly all distinct: Parquet would build a dictionary for each
                // column chunk only to throw it away, a large share of the write's CPU. Ids, day and hour
                // repeat and keep theirs.
                writer = writer.option("parquet.enable.dictionary#" + figure, "false");
            }
            writer = byMonth ? writer.partitionBy("scenario", "month") : writer.partitionBy("scenario");
            writer.parquet(new org.apache.hadoop.fs.Path(dir, table.tableName).toString());
        }
    }

    /** Turns what the settlement kernel hands out for one game into rows of one table. */
    static final class Collector implements UserTableWriter.RowCollector<Row> {
        private final Table table;
        private final boolean byMonth;
        private final GameCalendar calendar;
        private List<Row> rows = new ArrayList<>();
        private int scenario;
        private int day;
        private int month;

        Collector(Table table, boolean byMonth, GameCalendar calendar) {
            this.table = table;
            this.byMonth = byMonth;
            this.calendar = calendar;
        }

        @Override
        public void start(int game) {
            scenario = calendar.scenario(game);
            day = calendar.day(game);
            month = byMonth ? calendar.month(game) : 0;
        }

        @Override
        public List<Row> drain() {
            List<Row> out = rows;
            rows = new ArrayList<>(out.size());
            return out;
        }

        @Override
        public void endUserDay(String id, int game, double[] s, double peak, double[] demand, double[] baselineDemand,
                double[] alpha, double[] dmin, double[] dmax, double beta, double emin, double emax) {
            if (table == Table.ENDUSER_DAILY) {
                add(scenario, id, day, s[DaySum.ENERGY.index()], s[DaySum.PAYMENT.index()],
                        s[DaySum.UTILITY.index()], s[DaySum.SURPLUS.index()], peak, s[DaySum.BASELINE_ENERGY.index()],
                        s[DaySum.BASELINE_PAYMENT.index()], s[DaySum.BASELINE_UTILITY.index()],
                        s[DaySum.BASELINE_SURPLUS.index()]);
            } else if (table == Table.ENDUSER_HOURLY) {
                for (int t = 0; t < T; t++) {
                    add(scenario, id, day, t, demand[t], baselineDemand[t], alpha[t], dmin[t], dmax[t], beta, emin,
                            emax);
                }
            }
        }

        @Override
        public void prosumerHour(String id, int game, int hour, double[] f) {
            if (table == Table.PROSUMER_HOURLY) {
                add(scenario, id, day, hour, f[UserResultSink.GENERATION], f[UserResultSink.LOAD],
                        f[UserResultSink.SURPLUS_KWH], f[UserResultSink.DEFICIT], f[UserResultSink.SOLD],
                        f[UserResultSink.EXPORTED], f[UserResultSink.PROFIT], f[UserResultSink.BASELINE_PROFIT]);
            }
        }

        private void add(Object... values) {
            if (byMonth) {
                values = Arrays.copyOf(values, values.length + 1);
                values[values.length - 1] = month;
            }
            rows.add(RowFactory.create(values));
        }
    }

    /**
     * The per-user tables of MODEL section 11: {@code scenario} (int), the id (string), {@code day} and
     * {@code hour} (int), the figures (double), and {@code month} (int) last when partitioned by it.
     */
    enum Table {
        ENDUSER_DAILY("enduser_daily", "user_id", false, 1, "energy", "payment", "utility", "surplus", "peak",
                "baseline_energy", "baseline_payment", "baseline_utility", "baseline_surplus"),
        ENDUSER_HOURLY("enduser_hourly", "user_id", true, T, "demand", "baseline_demand", "alpha", "dmin", "dmax",
                "beta", "emin", "emax"),
        PROSUMER_HOURLY("prosumer_hourly", "prosumer_id", true, T, "generation", "load", "surplus", "deficit", "sold",
                "exported", "profit", "baseline_profit");

        final String tableName;
        final String id;
        final boolean hourly;
        /** Rows per user (or prosumer) and game. */
        final int rowsPerDay;
        final String[] figures;

        Table(String tableName, String id, boolean hourly, int rowsPerDay, String... figures) {
            this.tableName = tableName;
            this.id = id;
            this.hourly = hourly;
            this.rowsPerDay = rowsPerDay;
            this.figures = figures;
        }

        StructType schema(boolean byMonth) {
            List<StructField> f = new ArrayList<>();
            f.add(DataTypes.createStructField("scenario", DataTypes.IntegerType, false));
            f.add(DataTypes.createStructField(id, DataTypes.StringType, false));
            f.add(DataTypes.createStructField("day", DataTypes.IntegerType, false));
            if (hourly) {
                f.add(DataTypes.createStructField("hour", DataTypes.IntegerType, false));
            }
            for (String name : figures) {
                f.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
            }
            if (byMonth) {
                f.add(DataTypes.createStructField("month", DataTypes.IntegerType, false));
            }
            return DataTypes.createStructType(f);
        }
    }
}
