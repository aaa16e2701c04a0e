package org.tea.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tea.engine.local.LocalEngine;
import org.tea.io.StudyConfig;
import org.tea.study.StudyRun;
import org.tea.study.StudySetup;

/**
 * A day on which the plain leaders' update swung between the two sides of a large kink: 1,000 very elastic
 * end-users with 30% daily energy flexibility and 250 prosumers, 3 July. In hour 15 the followers' sensitivity is
 * about 1,450 at the price that S = 200 gives (pi_b) and about 200 at the price that S = 1,450 gives (every offer
 * saturated), so the Newton model sees no response to S at either end. Taking the plain step it ended
 * MAX_ITERATIONS_REACHED after 100 outer iterations and 644 passes; halving reversing steps brought that to 28
 * outer iterations and 121 passes; regula falsi on the bracket the first two iterations give, to 12 and 29.
 */
class KinkCycleTest {

    @Test
    void aTwoCycleAcrossAKinkIsResolvedOnItsBracket() {
        StudyConfig cfg = StudyConfig.fromMap(Map.of("endusers.count", "1000", "prosumers.count", "250",
                "prosumers.pvKwp", "6.956521739130435", "endusers.elasticity", "-1", "endusers.energyFlex", "0.3",
                "study.firstDay", "184", "study.days", "1"));
        StudySetup setup = StudySetup.generated(cfg);
        EquilibriumResult r;
        try (LocalEngine e = LocalEngine.of(setup.blocks(), setup.calendar().games(), 2, null)) {
            r = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
        }
        DayResult day = r.days().get(0);
        assertEquals(Status.CONVERGED, day.status());
        assertTrue(day.outerIterations() <= 15, "outer iterations " + day.outerIterations());
        assertTrue(r.passes() <= 40, "passes " + r.passes());
    }
}
