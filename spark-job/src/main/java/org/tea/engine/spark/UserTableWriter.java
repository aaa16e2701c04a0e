package org.tea.engine.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.tea.engine.UserResultSink;

/**
 * Where the final pass's per-user results go. The engine settles every block where it lives and hands each
 * user's results to a {@link RowCollector} there; what a row is and how rows are stored is the
 * implementation's business (the Spark output package turns them into Parquet tables). So the engine evaluates
 * and never writes, and no per-user result passes through the driver.
 */
public interface UserTableWriter {

    /** The tables to write for populations of these sizes over {@code games} games (scenario-days). */
    List<UserTable<?>> tables(long endUsers, long prosumers, int games);

    /** The tables to write with {@code storage} storage units as well; by default those of the other two. */
    default List<UserTable<?>> tables(long endUsers, long prosumers, long storage, int games) {
        return tables(endUsers, prosumers, games);
    }

    /** One table: which population it covers, how its rows are made (executors) and stored (driver). */
    interface UserTable<R> {

        /** The table's name, for timings and messages. */
        default String name() {
            return storage() ? "storage" : prosumers() ? "prosumers" : "end-users";
        }

        /** True for a table of prosumers, false for one of end-users (or of storage units). */
        boolean prosumers();

        /** True for a table of storage units. */
        default boolean storage() {
            return false;
        }

        /** Makes a collector on the executors, one per task. */
        RowCollector.Factory<R> collectors();

        /** Stores the rows; runs the job that computes them. */
        void write(JavaRDD<R> rows);
    }

    /**
     * Turns the results of one game at a time into rows. The engine calls {@link #start} before the results of a
     * (block, game) and reads them with {@link #rows} and {@link #row} after, so a task holds one block's rows of
     * one game at most.
     */
    interface RowCollector<R> extends UserResultSink {

        /** Drops the rows made so far; the results of {@code game} follow. */
        void start(int game);

        /** The rows made since the last start. */
        int rows();

        /**
         * Row {@code i} of those; it may be one mutable object refilled on each call, so read it before asking
         * for the next (a per-row object would be most of the garbage of a large write).
         */
        R row(int i);

        /** Serialisable, so it can travel to the executors in a task. */
        interface Factory<R> extends java.io.Serializable {
            RowCollector<R> create();
        }
    }
}
