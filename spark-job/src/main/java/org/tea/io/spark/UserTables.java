package org.tea.io.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tea.engine.spark.UserTableWriter;
import org.tea.io.OutputTables.Table;
import org.tea.io.OutputTables;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The per-user Parquet tables of MODEL section 11 ({@code enduser_daily}, {@code prosumer_hourly}, and
 * {@code enduser_hourly}, each as configured): the engine settles users on the executors and hands their results to a
 * {@link UserRows}, which makes the rows; each table is one write job. Rows leave a task grouped by game, so
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
    private final class Write implements UserTable<InternalRow> {
        private final Table table;
        private final boolean byMonth;
        private final long rows;

        Write(Table table, boolean byMonth, long rows) {
            this.table = table;
            this.byMonth = byMonth;
            this.rows = rows;
        }

        @Override
        public String name() {
            return table.tableName();
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
        public RowCollector.Factory<InternalRow> collectors() {
            Table t = table;
            boolean month = byMonth;
            GameCalendar cal = calendar;
            StructType schema = schema(table, byMonth);
            return () -> new UserRows(t, month, cal, schema);
        }

        @Override
        public void write(JavaRDD<InternalRow> data) {
            spark.sparkContext().setJobDescription("TEA write " + table.tableName() + " (" + rows + " rows)");
            // rows already in Spark's internal form (UserRows): no encoder, no per-row conversion
            var writer = ((org.apache.spark.sql.classic.SparkSession) spark)
                    .internalCreateDataFrame(data.rdd(), schema(table, byMonth), false).write()
                    .mode(SaveMode.ErrorIfExists);
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

    private static final String SCENARIO = OutputTables.EnduserDaily.SCENARIO.column();

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
