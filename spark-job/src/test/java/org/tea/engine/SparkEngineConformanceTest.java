package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tea.engine.spark.SparkEngine;
import org.tea.equilibrium.Instances;
import org.tea.model.Behaviour;

class SparkEngineConformanceTest extends EngineConformanceTest {
    static SparkSession spark;
    static int partitions = 3;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("conformance").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Override
    protected MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return new SparkEngine(spark, jsc.parallelize(endUsers, partitions), jsc.parallelize(prosumers, 1), games, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void partitionCountsDoNotChangeABit(int n) {
        Instances.Market m = market();
        PassRequest r = request(m, new int[] {1, 3}, 0.6, Behaviour.STRATEGIC);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try (SparkEngine e = new SparkEngine(spark, jsc.parallelize(m.endUsers(), n), jsc.parallelize(m.prosumers(), n),
                m.games(), null)) {
            assertArrayEquals(reference(m, r).values(), e.evaluate(r).values(), 0.0);
        }
    }
}
