/**
 * Spark I/O: the session of a study run, the Spark engine over the study's blocks, and the market-level Parquet tables (market_hourly, convergence, summary, trace).
 */
package org.tea.io.parquet;
