package org.tea.io.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tea.engine.DaySum;
import org.tea.engine.StorageBlock;
import org.tea.engine.UserResultSink;
import org.tea.engine.spark.UserTableWriter;
import org.tea.io.OutputTables.Table;
import org.tea.io.OutputTables;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The per-user Parquet tables of MODEL section 11 ({@code enduser_daily}, {@code prosumer_hourly}, and
 * {@code enduser_hourly}, each as configured): the engine settles users on the executors and hands their results to a
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
 * @param perUser            the per-user tables to write, some of {@link #PER_USER} (none: the engine runs no
 *                           write job)
 * @param monthPartitionRows a table with more rows per scenario than this is partitioned by {@code month} as well
 */
public record UserTables(SparkSession spark, String dir, GameCalendar calendar, Set<Table> perUser,
        long monthPartitionRows) implements UserTableWriter {
    private static final int T = Hours.T;
    /** Every per-user table, in the order they are written. */
    public static final List<Table> PER_USER = List.of(Table.ENDUSER_DAILY, Table.ENDUSER_HOURLY,
            Table.PROSUMER_HOURLY, Table.STORAGE_HOURLY);

    public UserTables {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(calendar, "calendar");
        perUser = Set.copyOf(perUser);
        if (!PER_USER.containsAll(perUser)) {
            throw new IllegalArgumentException("not per-user tables: " + perUser + ", expected some of " + PER_USER);
        }
        if (monthPartitionRows < 0) {
            throw new IllegalArgumentException("monthPartitionRows = " + monthPartitionRows + ", expected >= 0");
        }
    }

    /** {@code enduser_daily} and {@code prosumer_hourly}, and {@code enduser_hourly} if asked for. */
    public UserTables(SparkSession spark, String dir, GameCalendar calendar, boolean enduserHourly,
            long monthPartitionRows) {
        this(spark, dir, calendar, selected(true, enduserHourly, true), monthPartitionRows);
    }

    /** The per-user tables switched on (the {@code output.*} keys of the same names). */
    public static Set<Table> selected(boolean enduserDaily, boolean enduserHourly, boolean prosumerHourly) {
        Set<Table> out = EnumSet.noneOf(Table.class);
        if (enduserDaily) {
            out.add(Table.ENDUSER_DAILY);
        }
        if (enduserHourly) {
            out.add(Table.ENDUSER_HOURLY);
        }
        if (prosumerHourly) {
            out.add(Table.PROSUMER_HOURLY);
        }
        return out;
    }

    @Override
    public List<UserTable<?>> tables(long endUsers, long prosumers, int games) {
        return tables(endUsers, prosumers, 0, games);
    }

    /** The selected tables, and {@code storage_hourly} whenever there is storage (MODEL section 11). */
    @Override
    public List<UserTable<?>> tables(long endUsers, long prosumers, long storage, int games) {
        if (games != calendar.games()) {
            throw new IllegalArgumentException("settling " + games + " games, the output calendar has "
                    + calendar.games());
        }
        List<UserTable<?>> out = new ArrayList<>();
        for (Table table : PER_USER) {
            if (table == Table.STORAGE_HOURLY ? storage == 0 : !perUser.contains(table)) {
                continue;
            }
            long rows = (table == Table.PROSUMER_HOURLY ? prosumers : table == Table.STORAGE_HOURLY ? storage
                    : endUsers) * games * rowsPerDay(table);
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
        public boolean storage() {
            return table == Table.STORAGE_HOURLY;
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
            spark.sparkContext().setJobDescription("TEA write " + table.tableName() + " (" + rows + " rows)");
            var writer = spark.createDataFrame(data, schema(table, byMonth)).write().mode(SaveMode.ErrorIfExists);
            for (String figure : figures(table)) {
                // Money and energy figures are nearly all distinct: Parquet would build a dictionary for each
                // column chunk only to throw it away, a large share of the write's CPU. Ids, day and hour
                // repeat and keep theirs.
                writer = writer.option("parquet.enable.dictionary#" + figure, "false");
            }
            writer = byMonth ? writer.partitionBy(SCENARIO, OutputTables.MONTH) : writer.partitionBy(SCENARIO);
            writer.parquet(new org.apache.hadoop.fs.Path(dir, table.tableName()).toString());
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
                Object[] row = new Object[3 + DAILY_FIGURES.length];
                row[0] = scenario;
                row[1] = id;
                row[2] = day;
                for (int c = 0; c < DAILY_FIGURES.length; c++) {
                    row[3 + c] = DAILY_FIGURES[c] == null ? peak : s[DAILY_FIGURES[c].index()];
                }
                add(row);
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

        @Override
        public void storageHour(String id, int unit, StorageBlock block, int game, int hour, double[] f) {
            if (table == Table.STORAGE_HOURLY) {
                add(scenario, id, day, hour, f[UserResultSink.CHARGE], f[UserResultSink.DISCHARGE],
                        f[UserResultSink.SOC], f[UserResultSink.STORAGE_PROFIT], f[UserResultSink.BASELINE_CHARGE],
                        f[UserResultSink.BASELINE_DISCHARGE], f[UserResultSink.STORAGE_BASELINE_PROFIT],
                        block.capacity(unit), block.power(unit), block.etaCharge(unit), block.etaDischarge(unit),
                        block.throughputCost(unit), block.soc0(unit));
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

    private static final String SCENARIO = OutputTables.EnduserDaily.SCENARIO.column();

    /**
     * Where each figure of an {@code enduser_daily} row comes from, in column order: the {@link DaySum} of the
     * same name, or null for the peak (one definition of the column order, {@link OutputTables}).
     */
    private static final DaySum[] DAILY_FIGURES = dailyFigures();

    private static DaySum[] dailyFigures() {
        List<DaySum> out = new ArrayList<>();
        for (OutputTables.EnduserDaily c : OutputTables.EnduserDaily.values()) {
            if (c.type() == OutputTables.Type.DOUBLE) {
                out.add(c == OutputTables.EnduserDaily.PEAK ? null : DaySum.valueOf(c.name()));
            }
        }
        return out.toArray(new DaySum[0]);
    }

    /** Rows per user (or prosumer) and game. */
    private static int rowsPerDay(Table table) {
        return table == Table.ENDUSER_DAILY ? 1 : T;
    }

    /** The money and energy columns of a per-user table. */
    private static List<String> figures(Table table) {
        return table.columns().stream().filter(c -> c.type() == OutputTables.Type.DOUBLE).map(OutputTables.Column::column)
                .toList();
    }

    /**
     * A per-user table's schema ({@link OutputTables}): {@code scenario} (int), the id (string), {@code day} and
     * {@code hour} (int), the figures (double), and {@code month} (int) last when partitioned by it.
     */
    private static StructType schema(Table table, boolean byMonth) {
        StructType schema = MarketTables.schema(table);
        return byMonth ? schema.add(DataTypes.createStructField(OutputTables.MONTH, DataTypes.IntegerType, false))
                : schema;
    }
}
