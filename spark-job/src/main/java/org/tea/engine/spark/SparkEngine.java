package org.tea.engine.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tea.engine.EndUserBlock;
import org.tea.engine.MarketEngine;
import org.tea.engine.PassAggregates;
import org.tea.engine.PassKernel;
import org.tea.engine.PassRequest;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.SettleAggregates;
import org.tea.engine.SettleRequest;
import org.tea.engine.UserResultSink;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * The Spark engine (MLlib's pattern): both populations are persisted once as one RDD of blocks; each pass
 * broadcasts the request, runs one {@code mapPartitions} that evaluates every block with {@link PassKernel}
 * into one partial per partition, one {@code treeAggregate} that merges the partials exactly, and destroys
 * the broadcast. Nothing per-user reaches the driver.
 *
 * <p>The final pass sums the settlement the same way, and writes each per-user table from the executors in
 * its own Spark job, re-running the cheap settlement kernel (two follower solves per user-day) rather than
 * caching per-user rows. Rows are produced one game at a time, so a task holds at most one block's rows for
 * one game.
 */
public final class SparkEngine implements MarketEngine {
    private static final int T = Hours.T;
    private static final int TREE_DEPTH = 2;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final JavaRDD<Object> blocks;
    private final int games;
    private final ResultOutput output;
    private final long endUsers;
    private final long prosumers;
    private long passes;

    public SparkEngine(SparkSession spark, JavaRDD<EndUserBlock> endUserBlocks, JavaRDD<ProsumerBlock> prosumerBlocks,
            int games, ResultOutput output) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.games = games;
        this.output = output;
        // blocks hold primitive arrays: deserialized in memory they cost what the arrays cost, and a lost
        // partition is rebuilt from its block indices, so MEMORY_AND_DISK is only a safety net for big cities
        this.blocks = endUserBlocks.<Object>map(b -> b).union(prosumerBlocks.map(b -> (Object) b))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long[] counts = blocks.map(b -> b instanceof EndUserBlock e ? new long[] {e.size(), 0}
                : new long[] {0, ((ProsumerBlock) b).size()}).fold(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        this.endUsers = counts[0];
        this.prosumers = counts[1];
    }

    @Override
    public int games() {
        return games;
    }

    @Override
    public long passes() {
        return passes;
    }

    public long endUsers() {
        return endUsers;
    }

    public long prosumers() {
        return prosumers;
    }

    @Override
    public PassAggregates evaluate(PassRequest request) {
        passes++;
        int slots = request.slots();
        Broadcast<PassRequest> b = jsc.broadcast(request);
        try {
            return blocks.mapPartitions((FlatMapFunction<Iterator<Object>, PassAggregates>) it -> {
                PassRequest r = b.value();
                PassKernel.Scratch scratch = new PassKernel.Scratch();
                double[] partial = PassAggregates.newPartial(slots);
                PassAggregates sums = new PassAggregates(slots);
                while (it.hasNext()) {
                    java.util.Arrays.fill(partial, 0.0);
                    Object block = it.next();
                    if (block instanceof EndUserBlock e) {
                        PassKernel.followers(e, r, scratch, partial);
                    } else {
                        PassKernel.offers((ProsumerBlock) block, r, partial);
                    }
                    sums.add(partial);
                }
                return Collections.singletonList(sums).iterator();
            }).treeAggregate(new PassAggregates(slots), PassAggregates::merge, PassAggregates::merge, TREE_DEPTH);
        } finally {
            b.destroy();
        }
    }

    @Override
    public SettleAggregates settle(SettleRequest request) {
        passes++;
        int slots = request.slots();
        Broadcast<SettleRequest> b = jsc.broadcast(request);
        try {
            SettleAggregates sums = blocks.mapPartitions((FlatMapFunction<Iterator<Object>, SettleAggregates>) it -> {
                SettleRequest r = b.value();
                PassKernel.Scratch scratch = new PassKernel.Scratch();
                SettleAggregates acc = new SettleAggregates(slots);
                while (it.hasNext()) {
                    double[] partial = SettleAggregates.newPartial(slots);
                    double[] gaps = new double[slots];
                    Object block = it.next();
                    if (block instanceof EndUserBlock e) {
                        PassKernel.settleEndUsers(e, r, scratch, partial, UserResultSink.NONE);
                    } else {
                        PassKernel.settleProsumers((ProsumerBlock) block, r, scratch, partial, gaps,
                                UserResultSink.NONE);
                    }
                    acc.add(partial, gaps);
                }
                return Collections.singletonList(acc).iterator();
            }).treeAggregate(new SettleAggregates(slots), SettleAggregates::merge, SettleAggregates::merge, TREE_DEPTH);
            if (output != null) {
                writeUserTables(b);
            }
            return sums;
        } finally {
            b.destroy();
        }
    }

    private void writeUserTables(Broadcast<SettleRequest> b) {
        GameCalendar cal = output.calendar();
        long dayRows = endUsers * (long) b.value().slots();
        write(Table.ENDUSER_DAILY, b, cal, dayRows);
        if (output.enduserHourly()) {
            write(Table.ENDUSER_HOURLY, b, cal, dayRows * T);
        }
        write(Table.PROSUMER_HOURLY, b, cal, prosumers * (long) b.value().slots() * T);
    }

    private void write(Table table, Broadcast<SettleRequest> b, GameCalendar cal, long rows) {
        boolean byMonth = rows > output.monthPartitionRows();
        StructType schema = table.schema(byMonth);
        JavaRDD<Row> data = blocks.flatMap(block -> table.rows(block, b.value(), cal, byMonth));
        var writer = spark.createDataFrame(data, schema).write().mode(SaveMode.ErrorIfExists);
        writer = byMonth ? writer.partitionBy("scenario", "month") : writer.partitionBy("scenario");
        writer.parquet(output.dir().resolve(table.tableName).toString());
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }

    /** The per-user tables of MODEL section 11 and how their rows come out of the settlement kernel. */
    enum Table {
        ENDUSER_DAILY("enduser_daily", new String[] {"user_id"}, new String[] {"day"},
                new String[] {"energy", "payment", "utility", "surplus", "peak", "baseline_energy", "baseline_payment",
                    "baseline_utility", "baseline_surplus"}),
        ENDUSER_HOURLY("enduser_hourly", new String[] {"user_id"}, new String[] {"day", "hour"},
                new String[] {"demand", "baseline_demand", "alpha", "dmin", "dmax", "beta", "emin", "emax"}),
        PROSUMER_HOURLY("prosumer_hourly", new String[] {"prosumer_id"}, new String[] {"day", "hour"},
                new String[] {"generation", "load", "surplus", "deficit", "sold", "exported", "profit",
                    "baseline_profit"});

        final String tableName;
        final String[] strings;
        final String[] ints;
        final String[] doubles;

        Table(String tableName, String[] strings, String[] ints, String[] doubles) {
            this.tableName = tableName;
            this.strings = strings;
            this.ints = ints;
            this.doubles = doubles;
        }

        StructType schema(boolean byMonth) {
            List<StructField> f = new ArrayList<>();
            f.add(DataTypes.createStructField("scenario", DataTypes.IntegerType, false));
            for (String s : strings) {
                f.add(DataTypes.createStructField(s, DataTypes.StringType, false));
            }
            for (String s : ints) {
                f.add(DataTypes.createStructField(s, DataTypes.IntegerType, false));
            }
            for (String s : doubles) {
                f.add(DataTypes.createStructField(s, DataTypes.DoubleType, false));
            }
            if (byMonth) {
                f.add(DataTypes.createStructField("month", DataTypes.IntegerType, false));
            }
            return DataTypes.createStructType(f);
        }

        /** Rows of one block, produced game by game so a task never holds more than one game's rows. */
        Iterator<Row> rows(Object block, SettleRequest full, GameCalendar cal, boolean byMonth) {
            boolean endUserTable = this != PROSUMER_HOURLY;
            if ((block instanceof EndUserBlock) != endUserTable) {
                return Collections.emptyIterator();
            }
            return new Iterator<>() {
                final PassKernel.Scratch scratch = new PassKernel.Scratch();
                int slot = 0;
                Iterator<Row> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && slot < full.slots()) {
                        current = settleOne(block, slice(full, slot++), cal, byMonth, scratch).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        private List<Row> settleOne(Object block, SettleRequest one, GameCalendar cal, boolean byMonth,
                PassKernel.Scratch scratch) {
            List<Row> out = new ArrayList<>();
            int game = one.games()[0];
            int scenario = cal.scenario(game);
            int day = cal.day(game);
            Integer month = byMonth ? cal.month(game) : null;
            Table table = this;
            UserResultSink sink = new UserResultSink() {
                @Override
                public void endUserDay(String id, int g, double[] fig, double[] d, double[] bd, double[] alpha,
                        double[] dmin, double[] dmax, double beta, double emin, double emax) {
                    if (table == ENDUSER_DAILY) {
                        out.add(row(byMonth, month, scenario, id, day, fig[ENERGY], fig[PAYMENT], fig[UTILITY],
                                fig[SURPLUS], fig[PEAK], fig[BASELINE_ENERGY], fig[BASELINE_PAYMENT],
                                fig[BASELINE_UTILITY], fig[BASELINE_SURPLUS]));
                    } else {
                        for (int t = 0; t < T; t++) {
                            out.add(row(byMonth, month, scenario, id, day, t, d[t], bd[t], alpha[t], dmin[t], dmax[t],
                                    beta, emin, emax));
                        }
                    }
                }

                @Override
                public void prosumerHour(String id, int g, int hour, double[] fig) {
                    out.add(row(byMonth, month, scenario, id, day, hour, fig[GENERATION], fig[LOAD], fig[SURPLUS_KWH],
                            fig[DEFICIT], fig[SOLD], fig[EXPORTED], fig[PROFIT], fig[BASELINE_PROFIT]));
                }
            };
            double[] partial = SettleAggregates.newPartial(1);
            if (block instanceof EndUserBlock e) {
                PassKernel.settleEndUsers(e, one, scratch, partial, sink);
            } else {
                PassKernel.settleProsumers((ProsumerBlock) block, one, scratch, partial, new double[1], sink);
            }
            return out;
        }

        private static Row row(boolean byMonth, Integer month, Object... values) {
            if (!byMonth) {
                return RowFactory.create(values);
            }
            Object[] withMonth = java.util.Arrays.copyOf(values, values.length + 1);
            withMonth[values.length] = month;
            return RowFactory.create(withMonth);
        }

        /** Slot k of a settle request as a request of its own. */
        static SettleRequest slice(SettleRequest r, int k) {
            int from = k * T;
            int to = from + T;
            return new SettleRequest(new int[] {r.games()[k]}, java.util.Arrays.copyOfRange(r.lambda(), from, to),
                    java.util.Arrays.copyOfRange(r.sensitivity(), from, to),
                    java.util.Arrays.copyOfRange(r.demand(), from, to),
                    java.util.Arrays.copyOfRange(r.offered(), from, to),
                    java.util.Arrays.copyOfRange(r.surplusTotal(), from, to),
                    java.util.Arrays.copyOfRange(r.exportPrice(), from, to),
                    java.util.Arrays.copyOfRange(r.importPrice(), from, to),
                    java.util.Arrays.copyOfRange(r.tariff(), from, to),
                    java.util.Arrays.copyOfRange(r.feedIn(), from, to), r.behaviour(), r.enduserHourly());
        }
    }
}
