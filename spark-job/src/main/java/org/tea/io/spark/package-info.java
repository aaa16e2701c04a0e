/**
 * Spark I/O: the session of a study run, the Spark engine over the study's blocks, the market-level Parquet tables
 * (market_hourly, convergence, summary, trace, distribution), the output folder and its checkpoints, and
 * {@link org.tea.io.spark.RunReader}, which reads a finished run's market-level tables back for the report. Table
 * and column names and types come from {@link org.tea.io.OutputTables}, so writer and reader cannot drift apart.
 */
package org.tea.io.spark;
