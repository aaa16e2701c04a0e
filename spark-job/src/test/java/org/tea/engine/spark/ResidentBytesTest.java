package org.tea.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tea.engine.DailyFactor;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ProsumerBlock;
import org.tea.model.GameCalendar;

/**
 * The manifest's bytes per end-user count the arrays all blocks share (load shapes: 3 x 8,760 doubles here, about
 * 13 bytes per end-user of this population) once per executor, not once per cached partition: the same figure
 * for 1 partition as for 32, and within the 200-byte budget.
 */
class ResidentBytesTest {
    static SparkSession spark;
    static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("resident-bytes")
                .config("spark.ui.enabled", "false").getOrCreate();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static double bytesPerEndUser(List<EndUserBlock> blocks, int partitions) {
        try (SparkEngine e = new SparkEngine(jsc, SparkBlocks.parallelize(jsc, blocks, partitions),
                SparkBlocks.parallelize(jsc, List.<ProsumerBlock>of(), 1), 30, null)) {
            return ((Number) e.metrics().get("resident_bytes_per_enduser")).doubleValue();
        }
    }

    @Test
    void sharedArraysCountOncePerExecutorWhateverThePartitions() {
        GameCalendar calendar = new GameCalendar(2025, 30, 1);
        double[][] shapes = new double[3][8760];
        DailyFactor level = (scenario, idHash, day) -> 1.0;
        List<EndUserBlock> blocks = new ArrayList<>();
        for (int b = 0; b < 32; b++) {
            blocks.add(EndUserBlockMemoryTest.block(512, calendar, shapes, level));
        }
        double one = bytesPerEndUser(blocks, 1);
        double many = bytesPerEndUser(blocks, 32);
        assertTrue(many <= 200, "bytes per end-user over 32 partitions: " + many);
        assertEquals(one, many, 0.02 * one, "1 partition against 32");
    }
}
