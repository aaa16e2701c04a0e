package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tea.io.OutputTables.Summary;
import org.tea.results.KeyFigures;

/**
 * The {@code summary} row layout is written twice by necessity: column names here, values in
 * {@link KeyFigures#figures()}. These tests hold the two together, by name and by a round trip.
 */
class OutputTablesTest {

    /** Summary columns whose names are not the key figure's component name in snake case. */
    private static final Map<String, String> RENAMED = Map.of("soldLocal", "energy_sold_local", "imported",
            "energy_imported", "exported", "energy_exported");

    @Test
    void summaryFigureColumnsAreKeyFiguresDoubleComponentsInOrder() {
        List<String> expected = Arrays.stream(KeyFigures.class.getRecordComponents())
                .filter(c -> c.getType() == double.class).map(RecordComponent::getName)
                .map(n -> RENAMED.getOrDefault(n, n.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)))
                .toList();
        assertEquals(expected, Summary.FIGURES.stream().map(Summary::column).toList());
        assertEquals(List.of("scenario", "days", "days_converged"), Arrays.stream(Summary.values())
                .filter(c -> !Summary.FIGURES.contains(c)).map(Summary::column).toList());
    }

    @Test
    void keyFiguresSurviveASummaryRoundTrip() {
        double[] f = new double[Summary.FIGURES.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = i + 0.5;
        }
        KeyFigures k = KeyFigures.of(3, 14, 12, f);
        assertEquals(3, k.scenario());
        assertEquals(14, k.days());
        assertEquals(12, k.gamesConverged());
        assertEquals(0.5, k.retailPriceTe());
        assertEquals(23.5, k.energyImbalance());
        double[] back = k.figures();
        assertEquals(Arrays.toString(f), Arrays.toString(back));
        assertEquals(k, KeyFigures.of(k.scenario(), k.days(), k.gamesConverged(), back));
    }

    @Test
    void tableNamesAreTheContractsFolderNames() {
        assertEquals(List.of("market_hourly", "convergence", "summary", "trace", "distribution", "enduser_daily",
                "enduser_hourly", "prosumer_hourly", "enduser_archetype_daily", "storage_hourly"),
                Arrays.stream(OutputTables.Table.values()).map(OutputTables.Table::tableName).toList());
    }
}
