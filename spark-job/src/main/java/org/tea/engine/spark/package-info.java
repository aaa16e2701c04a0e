/**
 * The Spark engine, following MLlib's pattern for iterative algorithms: the populations are persisted once
 * as RDDs of blocks, built on the executors from a {@link org.tea.engine.BlockSource} ({@code SparkBlocks}), by
 * index or, for a population read from Parquet, from the rows of each partition where they are read;
 * each pass broadcasts its request, runs {@code mapPartitions} with the shared {@link org.tea.engine.PassKernel}
 * over every block ({@code Partials}), combines the block partials with one {@code treeAggregate} (exact, so the
 * result is independent of partitioning), and destroys the broadcast. The final pass settles every user where it
 * lives and hands the results to a {@link org.tea.engine.spark.UserTableWriter}'s collectors ({@code SettledRows}),
 * inside the write job of a table, whose tasks also add the population's settlement sums to an accumulator
 * ({@code SettleSums}); the engine evaluates and never writes. With the Spark output package ({@code org.tea.io.spark}) this is the only
 * place allowed to import Spark, so the model, the market and the driver stay plain Java.
 */
package org.tea.engine.spark;
