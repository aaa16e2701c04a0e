package org.tea.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.tea.engine.spark.UserTableWriter.UserTable;
import org.tea.io.OutputTables;
import org.tea.io.OutputTables.Table;
import org.tea.io.spark.MarketTables;
import org.tea.io.spark.StudySession;
import org.tea.io.spark.UserTables;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The floor of a per-user table's write: rows of {@code prosumer_hourly} and {@code enduser_daily} written through
 * the study's own writer ({@link UserTables}: its session settings, schema, Parquet options and partitioning),
 * but made without any model work: no settlement, no solve. What a run's per-user tables cost beyond this is the
 * settlement; below it no change to the model can go. Rows come as a run's do: per task one block of users,
 * day by day, each user's hours in order.
 *
 * <p>Run (test class path, see the README's Benchmarks section):
 * {@code java -cp "$CP" org.tea.bench.WriteFloor [prosumers] [end-users] [days] [repetitions] [partitions]};
 * defaults: the default study's 2,500 prosumers and 7,500 end-users, 365 days, 2 repetitions, 4 partitions.
 * It prints the wall time and ns per row of each write, on {@code local[*]}.
 */
public final class WriteFloor {
    private static final int T = Hours.T;
    /** {@code output.monthPartitionRows} at its default: the writer and the rows' layout must agree on it. */
    private static final long MONTH_PARTITION_ROWS = 5_000_000;

    private WriteFloor() {
    }

    public static void main(String[] args) throws IOException {
        int prosumers = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
        int endUsers = args.length > 1 ? Integer.parseInt(args[1]) : 7500;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        GameCalendar calendar = new GameCalendar(2025, days, 1);
        Path dir = Files.createTempDirectory("tea-write-floor");
        try (StudySession session = StudySession.start("local[*]", "tea write floor")) {
            JavaSparkContext jsc = session.context();
            for (int rep = 0; rep < repetitions; rep++) {
                for (Table table : List.of(Table.PROSUMER_HOURLY, Table.ENDUSER_DAILY)) {
                    Path out = dir.resolve("rep" + rep);
                    UserTables writer = new UserTables(session.session(), out.toString(), calendar, Set.of(table),
                            MONTH_PARTITION_ROWS);
                    UserTable<?> t = writer.tables(endUsers, prosumers, days).get(0);
                    boolean hourly = table == Table.PROSUMER_HOURLY;
                    int users = hourly ? prosumers : endUsers;
                    long rows = (long) users * days * (hourly ? T : 1);
                    long start = System.nanoTime();
                    write(t, rows(jsc, table, users, calendar, partitions));
                    double s = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%-16s repetition %d: %,d rows in %.2f s wall, %.0f ns per row%n",
                            table.tableName(), rep, rows, s, s * 1e9 / rows);
                    delete(out);
                }
            }
        } finally {
            delete(dir);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(UserTable<?> table, JavaRDD<InternalRow> rows) {
        ((UserTable<InternalRow>) table).write(rows);
    }

    /**
     * The table's rows: figures of plausible size and sign (hourly rows at night are zero where generation is),
     * drawn uniformly, since their distribution matters to the writer only through how well pages compress.
     */
    private static JavaRDD<InternalRow> rows(JavaSparkContext jsc, Table table, int users, GameCalendar calendar,
            int partitions) {
        boolean hourly = table == Table.PROSUMER_HOURLY;
        boolean byMonth = (long) users * calendar.games() * (hourly ? T : 1) > MONTH_PARTITION_ROWS;
        StructType schema = MarketTables.schema(table);
        // the row layout of UserTables: the table's columns, then month when partitioned by it
        StructType layout = byMonth ? schema.add(OutputTables.MONTH, DataTypes.IntegerType, false) : schema;
        int width = layout.size();
        int figures = schema.size() - (hourly ? 4 : 3);
        String prefix = hourly ? "P" : "U";
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        return jsc.parallelize(parts, partitions).mapPartitions(it -> {
            int p = it.next();
            int from = (int) ((long) p * users / partitions);
            int to = (int) ((long) (p + 1) * users / partitions);
            UTF8String[] ids = new UTF8String[to - from];
            for (int u = from; u < to; u++) {
                ids[u - from] = UTF8String.fromString(String.format(Locale.ROOT, "%s%07d", prefix, u));
            }
            SplittableRandom random = new SplittableRandom(p);
            SpecificInternalRow row = new SpecificInternalRow(layout);
            return new Iterator<InternalRow>() {
                int game;
                int user = from;
                int hour;

                @Override
                public boolean hasNext() {
                    return from < to && game < calendar.games();
                }

                @Override
                public InternalRow next() {
                    row.setInt(0, calendar.scenario(game));
                    row.update(1, ids[user - from]);
                    row.setInt(2, calendar.day(game));
                    int c = 3;
                    if (hourly) {
                        row.setInt(c++, hour);
                    }
                    boolean sun = !hourly || (hour > 6 && hour < 19);
                    for (int f = 0; f < figures; f++) {
                        row.setDouble(c++, sun || f % 2 == 1 ? random.nextDouble() : 0.0);
                    }
                    if (byMonth) {
                        row.setInt(width - 1, calendar.month(game));
                    }
                    if (!hourly || ++hour == T) {
                        hour = 0;
                        if (++user == to) {
                            user = from;
                            game++;
                        }
                    }
                    return row;
                }
            };
        });
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
