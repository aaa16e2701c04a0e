package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tea.engine.local.LocalEngine;
import org.tea.engine.spark.SparkEngine;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.Instances;
import org.tea.equilibrium.SolverSettings;
import org.tea.model.Behaviour;

/**
 * Tasks that fail on their first attempt are retried by Spark ({@code local[2,4]}: up to 4 attempts) and the
 * equilibrium is the same to the last bit: a pass is a pure function of the blocks and the request, and
 * exact sums do not care which attempt delivered a partial.
 */
class SparkTaskFailureTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,4]").appName("task-failures").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Delegates to a block but throws in every first attempt of a task, after doing part of the work. */
    static final class FailingFirstAttempt implements EndUserBlock {
        private static final long serialVersionUID = 1L;
        private final EndUserBlock inner;

        FailingFirstAttempt(EndUserBlock inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public String id(int k) {
            return inner.id(k);
        }

        @Override
        public double fill(int k, int game, double[] alpha, double[] dmin, double[] dmax, double[] energy) {
            TaskContext task = TaskContext.get();
            if (task != null && task.attemptNumber() == 0 && k == inner.size() / 2) {
                throw new IllegalStateException("injected failure in a first attempt");
            }
            return inner.fill(k, game, alpha, dmin, dmax, energy);
        }
    }

    @Test
    void retriedTasksGiveTheSameEquilibriumAsTheLocalEngine() {
        Instances.Market m = Instances.random(9, 600, 40, 4, 100, 0.0);
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        EquilibriumResult expected;
        try (LocalEngine local = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 2, null)) {
            expected = new EquilibriumSolver(s).solve(local, m.prices(), null);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // accumulators of failed attempts are dropped, so count failed tasks with a listener
        AtomicInteger failures = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failures.incrementAndGet();
                }
            }
        });
        List<EndUserBlock> failing = new ArrayList<>();
        for (EndUserBlock b : m.endUsers()) {
            failing.add(new FailingFirstAttempt(b));
        }
        try (SparkEngine e = new SparkEngine(jsc, jsc.parallelize(failing, 3), jsc.parallelize(m.prosumers(), 1),
                m.games(), null)) {
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertTrue(failures.get() > 0, "no failure was injected");
            assertArrayEquals(expected.lambda(), r.lambda(), 0.0);
            assertArrayEquals(expected.sensitivity(), r.sensitivity(), 0.0);
            assertArrayEquals(expected.daily(), r.daily(), 0.0);
        }
    }
}
