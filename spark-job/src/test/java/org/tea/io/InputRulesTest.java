package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tea.model.EndUserSpec;
import org.tea.model.StorageSpec;

/** The row rules on their own, as a Spark reader would call them. */
class InputRulesTest {

    private static Map<String, String> user(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("id", "U1", "archetype", "residential", "annual_energy", "4000",
                "elasticity", "-0.2", "flex_share", "0.2", "energy_flex", "0"));
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    @Test
    void aValidRowGivesASpec() {
        List<String> errors = new ArrayList<>();
        EndUserSpec u = InputRules.endUser("part-0001.csv", 17, user(), List.of("residential"), errors);
        assertEquals(new EndUserSpec("U1", "residential", 4000, -0.2, 0.2, 0), u);
        assertTrue(errors.isEmpty());
    }

    @Test
    void anInvalidRowGivesNullAndOneLinePerProblem() {
        List<String> errors = new ArrayList<>();
        assertNull(InputRules.endUser("part-0001.csv", 17, user("elasticity", "0", "energy_flex", "1"), null, errors));
        assertEquals(List.of("part-0001.csv:row 17: field 'elasticity' = '0': expected a number < 0 (a price elasticity)",
                "part-0001.csv:row 17: field 'energy_flex' = '1': expected a number in [0, 1)"), errors);
    }

    @Test
    void anAbsentFieldIsLeftToTheHeaderCheck() {
        List<String> errors = new ArrayList<>();
        assertNull(InputRules.endUser("f", 2, user("elasticity", null), null, errors));
        assertTrue(errors.isEmpty(), errors.toString());
        InputRules.header("f", List.of("id", "archetype", "annual_energy", "flex_share", "energy_flex"),
                InputRules.ENDUSER_COLUMNS, null, errors);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("f:row 1: missing column 'elasticity'"));
    }

    @Test
    void unknownArchetypesAreCheckedOnlyWhenTheArchetypesAreKnown() {
        List<String> errors = new ArrayList<>();
        assertNotNull(InputRules.endUser("f", 2, user("archetype", "industrial"), null, errors));
        assertNull(InputRules.endUser("f", 2, user("archetype", "industrial"), List.of("residential"), errors));
        assertEquals(1, errors.size());
    }

    @Test
    void headerChecksFindBlankAndRepeatedNames() {
        List<String> errors = new ArrayList<>();
        List<String> archetypes = InputRules.header("series.csv", List.of("day", "hour", "wholesale_price", "pv_cf",
                "wind_cf", "load_a", "load_b", "load_a", "", "load_"), InputRules.SERIES_COLUMNS, "load_", errors);
        assertEquals(List.of("a", "b"), archetypes);
        assertEquals(List.of("series.csv:row 1: column 'load_a' appears more than once",
                "series.csv:row 1: column 9 has no name (expected columns: day, hour, wholesale_price, pv_cf, wind_cf, "
                        + "load_<archetype>...)",
                "series.csv:row 1: column 'load_' names no archetype: expected load_<archetype>"), errors);
    }

    @Test
    void aSeriesRowIsParsed() {
        List<String> errors = new ArrayList<>();
        InputRules.SeriesRow r = InputRules.seriesRow("s", 3, Map.of("day", "1", "hour", "1", "wholesale_price", "-0.01",
                "pv_cf", "0", "wind_cf", "1", "load_a", "2.5"), 2015, List.of("a"), errors);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, r.index());
        assertEquals(-0.01, r.wholesalePrice());
        assertEquals(2.5, r.loads()[0]);
    }

    private static Map<String, String> unit(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("id", "S1", "capacity_kwh", "10", "power_kw", "5",
                "eta_charge", "0.95", "eta_discharge", "0.9", "throughput_cost", "0.01", "soc0", "0.5"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> storageErrors(String... kv) {
        List<String> errors = new ArrayList<>();
        assertNull(InputRules.storage("storage.csv", 3, unit(kv), errors));
        return errors;
    }

    @Test
    void aValidStorageRowGivesASpec() {
        List<String> errors = new ArrayList<>();
        assertEquals(new StorageSpec("S1", 10, 5, 0.95, 0.9, 0.01, 0.5),
                InputRules.storage("storage.csv", 3, unit(), errors));
        assertTrue(errors.isEmpty());
        // the ends of the ranges are accepted
        assertNotNull(InputRules.storage("storage.csv", 3, unit("capacity_kwh", "0", "power_kw", "0", "eta_charge",
                "1", "eta_discharge", "1", "soc0", "1"), errors));
        assertNotNull(InputRules.storage("storage.csv", 3, unit("soc0", "0"), errors));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aNegativeCapacityIsRejected() {
        assertEquals(List.of("storage.csv:row 3: field 'capacity_kwh' = '-1': expected a number >= 0 (kWh)"),
                storageErrors("capacity_kwh", "-1"));
    }

    @Test
    void aNegativePowerIsRejected() {
        assertEquals(List.of("storage.csv:row 3: field 'power_kw' = '-0.5': expected a number >= 0 (kW)"),
                storageErrors("power_kw", "-0.5"));
    }

    @Test
    void efficienciesOutsideZeroOneAreRejected() {
        assertEquals(List.of("storage.csv:row 3: field 'eta_charge' = '0': expected a number in (0, 1] (an efficiency)",
                "storage.csv:row 3: field 'eta_discharge' = '1.01': expected a number in (0, 1] (an efficiency)"),
                storageErrors("eta_charge", "0", "eta_discharge", "1.01"));
    }

    @Test
    void aThroughputCostThatIsNotPositiveIsRejected() {
        assertEquals(List.of("storage.csv:row 3: field 'throughput_cost' = '0': expected a number > 0 (currency per kWh^2)"),
                storageErrors("throughput_cost", "0"));
    }

    @Test
    void aStartStateOfChargeOutsideZeroOneIsRejected() {
        assertEquals(List.of("storage.csv:row 3: field 'soc0' = '1.5': expected a number in [0, 1] (a share of capacity_kwh)"),
                storageErrors("soc0", "1.5"));
        assertEquals(List.of("storage.csv:row 3: field 'soc0' = '-0.1': expected a number in [0, 1] (a share of capacity_kwh)"),
                storageErrors("soc0", "-0.1"));
    }

    @Test
    void storageNumbersMustBeFiniteNumbersAndIdsNonEmpty() {
        assertEquals(List.of("storage.csv:row 3: field 'id' = '': expected a non-empty id",
                "storage.csv:row 3: field 'capacity_kwh' = 'NaN': expected a finite number >= 0 (kWh), not NaN or infinity",
                "storage.csv:row 3: field 'power_kw' = 'five': expected a number >= 0 (kW)"),
                storageErrors("id", "", "capacity_kwh", "NaN", "power_kw", "five"));
    }
}
