/**
 * Spark I/O: the session of a study run ({@link org.tea.io.spark.StudySession}), the market-level Parquet tables
 * (market_hourly, convergence, summary, trace, distribution: {@link org.tea.io.spark.MarketTables}), the per-user
 * tables whose rows the engine makes on the executors ({@link org.tea.io.spark.UserTables}), the populations of an
 * inputs folder given as Parquet, read, checked and handed to the engine on the executors
 * ({@link org.tea.io.spark.InputParquet}), the output folder and
 * its checkpoints, and {@link org.tea.io.spark.RunReader}, which reads a finished run's market-level tables back
 * for the report. Table and column names and types come from {@link org.tea.io.OutputTables}, so writer and
 * reader cannot drift apart.
 */
package org.tea.io.spark;
