package org.tea.engine.spark;

import java.util.Objects;
import org.tea.model.GameCalendar;

/**
 * Where and how the Spark engine writes per-user tables in the final pass. Driver-side only: the executors
 * get the calendar and the flags, never this record.
 *
 * @param dir                run output folder, a path or a Hadoop filesystem URI ({@code hdfs://}, {@code s3a://});
 *                           tables go to {@code dir/<table>}, which must not exist yet
 * @param calendar           maps games to scenario, day and month
 * @param enduserHourly      also write the optional {@code enduser_hourly} table
 * @param monthPartitionRows a table with more rows per scenario than this is partitioned by {@code month} as well
 */
public record ResultOutput(String dir, GameCalendar calendar, boolean enduserHourly, long monthPartitionRows) {

    public ResultOutput {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(calendar, "calendar");
        if (monthPartitionRows < 0) {
            throw new IllegalArgumentException("monthPartitionRows = " + monthPartitionRows + ", expected >= 0");
        }
    }
}
