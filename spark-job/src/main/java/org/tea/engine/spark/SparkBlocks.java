package org.tea.engine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Blocks already built on the driver (tests, small studies) as an RDD. Studies build theirs on the
 * executors from indices instead, so a population never passes through the driver.
 */
public final class SparkBlocks {

    private SparkBlocks() {
    }

    /**
     * The blocks in list order, in {@code partitions} contiguous slices (more partitions than blocks leaves
     * some empty). The list is broadcast once and partitions hold only indices: {@code parallelize} of the
     * blocks themselves would embed them in the partitions, which Spark ships again with every task of every
     * pass even after the RDD is cached. The broadcast lives as long as the RDD's lineage does, because a lost
     * cached partition is rebuilt from it.
     */
    public static <B extends Serializable> JavaRDD<B> parallelize(JavaSparkContext jsc, List<? extends B> blocks,
            int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions = " + partitions + ", expected >= 1");
        }
        Broadcast<List<B>> all = jsc.broadcast(new ArrayList<>(blocks));
        List<Integer> indices = IntStream.range(0, blocks.size()).boxed().toList();
        return jsc.parallelize(indices, partitions).map(i -> all.value().get(i));
    }
}
