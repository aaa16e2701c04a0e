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
 * Batteries whose hours are coupled within each stretch between full and empty (MODEL section 12): 100 end-users,
 * 30 prosumers and 100 units of 10 kWh / 5 kW, whose sensitivity ({@code 1/kappa} = 100 per unit and free hour)
 * dwarfs the end-users'. A uniform price move over a stretch moves none of a unit's energy, which a diagonal
 * Newton model of the clearing cannot see: with it, these twelve autumn days took 14 to 39 passes per clearing
 * (days 260, 266 and 270: 24.5, 38.5 and 29.5). With the coupling in the Newton system they take at most 6.
 */
class StorageCouplingTest {

    @Test
    void coupledStretchesClearInAFewNewtonSteps() {
        StudyConfig cfg = StudyConfig.fromMap(Map.of("endusers.count", "100", "prosumers.count", "30",
                "storage.count", "100", "study.firstDay", "259", "study.days", "12"));
        StudySetup setup = StudySetup.generated(cfg);
        EquilibriumResult r;
        try (LocalEngine e = LocalEngine.of(setup.blocks(), setup.calendar().games(), 2, null)) {
            r = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
        }
        assertEquals(12, r.days().size());
        for (DayResult d : r.days()) {
            assertEquals(Status.CONVERGED, d.status(), () -> "day " + (259 + d.game()));
            assertTrue(d.innerPasses() <= 8 * d.outerIterations(), () -> "day " + (259 + d.game()) + ": "
                    + d.innerPasses() + " passes for " + d.outerIterations() + " clearings");
        }
    }
}
