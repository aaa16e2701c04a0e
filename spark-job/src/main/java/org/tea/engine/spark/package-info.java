/**
 * The Spark engine, following MLlib's pattern for iterative algorithms: the populations are persisted once
 * as RDDs of blocks; each pass broadcasts its request, runs {@code mapPartitions} with the shared
 * {@link org.tea.engine.PassKernel} over every block, combines the block partials with one
 * {@code treeAggregate} (exact, so the result is independent of partitioning), and destroys the broadcast.
 * The final pass also writes the per-user Parquet tables from the executors. This package (and the Parquet
 * I/O) is the only place allowed to import Spark, so the model, the market and the driver stay plain Java.
 */
package org.tea.engine.spark;
