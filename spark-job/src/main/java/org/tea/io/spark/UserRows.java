package org.tea.io.spark;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.tea.engine.DaySum;
import org.tea.engine.StorageBlock;
import org.tea.engine.UserResultSink;
import org.tea.engine.spark.UserTableWriter;
import org.tea.io.OutputTables;
import org.tea.io.OutputTables.Table;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;

/**
 * Turns what the settlement kernel hands out for one game into rows of one per-user table, in Spark's internal
 * form: a (block, game)'s figures go into primitive buffers reused from game to game, and {@link #row} refills
 * one mutable row from them. So a row costs no object, no boxing and no encoder; Spark's scan copies each row
 * into its own buffer as it reads it. Column order is {@link OutputTables}': {@code scenario}, the id,
 * {@code day}, {@code hour} for an hourly table, the figures, and {@code month} last when partitioned by it.
 */
final class UserRows implements UserTableWriter.RowCollector<InternalRow> {
    private static final int T = Hours.T;

    private final Table table;
    private final boolean byMonth;
    private final GameCalendar calendar;
    private final boolean hourly;
    /** Figures (double columns) per row. */
    private final int figures;
    private final SpecificInternalRow out;
    private int scenario;
    private int day;
    private int month;
    private int rows;
    private UTF8String[] ids = new UTF8String[T];
    private int[] hours = new int[T];
    private double[] values;
    /*
     * Ids arrive as Strings; encoding each anew would cost more than the row. A user's id repeats over its
     * hours (the same String), and the n-th user of a block's game is the same user in every game of the block.
     */
    private String lastId;
    private UTF8String lastUtf8;
    private int position;
    private String[] seen = new String[0];
    private UTF8String[] seenUtf8 = new UTF8String[0];

    UserRows(Table table, boolean byMonth, GameCalendar calendar, StructType schema) {
        this.table = table;
        this.byMonth = byMonth;
        this.calendar = calendar;
        this.hourly = table != Table.ENDUSER_DAILY;
        List<? extends OutputTables.Column> columns = table.columns();
        int lead = hourly ? 4 : 3;
        this.figures = columns.size() - lead;
        for (int c = 0; c < columns.size(); c++) {
            OutputTables.Type want = c == 1 ? OutputTables.Type.STRING : c < lead ? OutputTables.Type.INT
                    : OutputTables.Type.DOUBLE;
            if (columns.get(c).type() != want) {
                throw new IllegalStateException(table.tableName() + " column " + columns.get(c).column() + " is "
                        + columns.get(c).type() + ", the row layout expects " + want);
            }
        }
        if (schema.size() != columns.size() + (byMonth ? 1 : 0)) {
            throw new IllegalArgumentException("schema of " + schema.size() + " columns for " + table.tableName());
        }
        this.out = new SpecificInternalRow(schema);
        this.values = new double[T * figures];
    }

    @Override
    public void start(int game) {
        scenario = calendar.scenario(game);
        day = calendar.day(game);
        month = byMonth ? calendar.month(game) : 0;
        rows = 0;
        position = 0;
        lastId = null;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public InternalRow row(int i) {
        out.setInt(0, scenario);
        out.update(1, ids[i]);
        out.setInt(2, day);
        int c = 3;
        if (hourly) {
            out.setInt(c++, hours[i]);
        }
        int v = i * figures;
        for (int f = 0; f < figures; f++) {
            out.setDouble(c++, values[v + f]);
        }
        if (byMonth) {
            out.setInt(c, month);
        }
        return out;
    }

    @Override
    public void endUserDay(String id, int game, double[] s, double peak, double[] demand, double[] baselineDemand,
            double[] alpha, double[] dmin, double[] dmax, double beta, double emin, double emax) {
        if (table == Table.ENDUSER_DAILY) {
            int v = add(id, 0);
            for (int c = 0; c < DAILY_FIGURES.length; c++) {
                values[v + c] = DAILY_FIGURES[c] == null ? peak : s[DAILY_FIGURES[c].index()];
            }
        } else if (table == Table.ENDUSER_HOURLY) {
            for (int t = 0; t < T; t++) {
                int v = add(id, t);
                values[v] = demand[t];
                values[v + 1] = baselineDemand[t];
                values[v + 2] = alpha[t];
                values[v + 3] = dmin[t];
                values[v + 4] = dmax[t];
                values[v + 5] = beta;
                values[v + 6] = emin;
                values[v + 7] = emax;
            }
        }
    }

    @Override
    public void prosumerHour(String id, int game, int hour, double[] f) {
        if (table == Table.PROSUMER_HOURLY) {
            int v = add(id, hour);
            values[v] = f[UserResultSink.GENERATION];
            values[v + 1] = f[UserResultSink.LOAD];
            values[v + 2] = f[UserResultSink.SURPLUS_KWH];
            values[v + 3] = f[UserResultSink.DEFICIT];
            values[v + 4] = f[UserResultSink.SOLD];
            values[v + 5] = f[UserResultSink.EXPORTED];
            values[v + 6] = f[UserResultSink.PROFIT];
            values[v + 7] = f[UserResultSink.BASELINE_PROFIT];
        }
    }

    @Override
    public void storageHour(String id, int unit, StorageBlock block, int game, int hour, double[] f) {
        if (table == Table.STORAGE_HOURLY) {
            int v = add(id, hour);
            values[v] = f[UserResultSink.CHARGE];
            values[v + 1] = f[UserResultSink.DISCHARGE];
            values[v + 2] = f[UserResultSink.SOC];
            values[v + 3] = f[UserResultSink.STORAGE_PROFIT];
            values[v + 4] = f[UserResultSink.BASELINE_CHARGE];
            values[v + 5] = f[UserResultSink.BASELINE_DISCHARGE];
            values[v + 6] = f[UserResultSink.STORAGE_BASELINE_PROFIT];
            values[v + 7] = block.capacity(unit);
            values[v + 8] = block.power(unit);
            values[v + 9] = block.etaCharge(unit);
            values[v + 10] = block.etaDischarge(unit);
            values[v + 11] = block.throughputCost(unit);
            values[v + 12] = block.soc0(unit);
        }
    }

    /** Appends a row's id and hour; returns where its figures go in {@link #values}. */
    private int add(String id, int hour) {
        if (rows == ids.length) {
            ids = Arrays.copyOf(ids, 2 * rows);
            hours = Arrays.copyOf(hours, 2 * rows);
            values = Arrays.copyOf(values, 2 * rows * figures);
        }
        ids[rows] = utf8(id);
        hours[rows] = hour;
        return rows++ * figures;
    }

    private UTF8String utf8(String id) {
        if (id == lastId) {
            return lastUtf8;
        }
        int p = position++;
        if (p == seen.length) {
            seen = Arrays.copyOf(seen, Math.max(64, 2 * p));
            seenUtf8 = Arrays.copyOf(seenUtf8, seen.length);
        }
        if (!id.equals(seen[p])) {
            seen[p] = id;
            seenUtf8[p] = UTF8String.fromBytes(id.getBytes(StandardCharsets.UTF_8));
        }
        lastId = id;
        lastUtf8 = seenUtf8[p];
        return lastUtf8;
    }

    /**
     * Where each figure of an {@code enduser_daily} row comes from, in column order: the {@link DaySum} of the
     * same name, or null for the peak (one definition of the column order, {@link OutputTables}).
     */
    private static final DaySum[] DAILY_FIGURES = dailyFigures();

    private static DaySum[] dailyFigures() {
        return Arrays.stream(OutputTables.EnduserDaily.values()).filter(c -> c.type() == OutputTables.Type.DOUBLE)
                .map(c -> c == OutputTables.EnduserDaily.PEAK ? null : DaySum.valueOf(c.name())).toArray(DaySum[]::new);
    }
}
