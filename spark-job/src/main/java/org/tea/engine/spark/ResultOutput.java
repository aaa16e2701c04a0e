package org.tea.engine.spark;

import java.nio.file.Path;
import org.tea.model.GameCalendar;

/**
 * Where and how the Spark engine writes per-user tables in the final pass.
 *
 * @param monthPartitionRows a table with more rows than this is also partitioned by {@code month}
 */
public record ResultOutput(Path dir, GameCalendar calendar, boolean enduserHourly, long monthPartitionRows)
        implements java.io.Serializable {
}
