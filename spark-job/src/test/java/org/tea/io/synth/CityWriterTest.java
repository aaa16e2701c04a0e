package org.tea.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.io.InputFiles;
import org.tea.io.LoadedInputs;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.model.StudySeries;

class CityWriterTest {

    @Test
    void aWrittenCityLoadsBackEqual(@TempDir Path dir) throws IOException {
        CityParameters p = new CityParameters(2015, 44, 9, 40, 4000, 0.3, 0.2, -0.2, 0.25, 0.3, 0.1, 12, 5, 0.3, 0.3,
                3, 4500, 0.04);
        CityWriter.write(dir, p, 3);

        LoadedInputs loaded = InputFiles.load(dir, 2015);
        assertEquals(SyntheticCity.endUsers(p), loaded.endUsers());
        assertEquals(SyntheticCity.prosumers(p), loaded.prosumers());
        StudySeries expected = SyntheticCity.series(p, 3);
        StudySeries actual = loaded.series();
        assertEquals(expected.year(), actual.year());
        assertArrayEquals(expected.wholesale(), actual.wholesale());
        assertArrayEquals(expected.pvCapacityFactor(), actual.pvCapacityFactor());
        assertArrayEquals(expected.windCapacityFactor(), actual.windCapacityFactor());
        assertEquals(expected.archetypes().keySet(), actual.archetypes().keySet());
        for (String a : expected.archetypes().keySet()) {
            // a shape that sums to 1 is not renormalised on load, so it comes back bit for bit
            assertArrayEquals(expected.archetypes().get(a), actual.archetypes().get(a), a);
        }
        assertEquals("id,archetype,annual_energy,elasticity,flex_share,energy_flex",
                Files.readAllLines(dir.resolve("endusers.csv")).get(0));
    }

    @Test
    void idsThatNeedQuotingSurviveTheRoundTrip(@TempDir Path dir) throws IOException {
        StudySeries series = SyntheticCity.series(new CityParameters(2015, 44, 1, 1, 4000, 0.3, 0, -0.2, 0.25, 0.2,
                0, 0, 5, 0.3, 0, 3, 4500, 0.04), 0);
        List<EndUserSpec> users = List.of(new EndUserSpec("Smith, J. \"senior\"", "residential", 3000, -0.3, 0.1, 0),
                new EndUserSpec("shop 7", "commercial", 1e-3, -1e-4, 1, 0.999));
        List<ProsumerSpec> prosumers = List.of(new ProsumerSpec("roof,1", 4.2, 0, "residential", 0));
        CityWriter.write(dir, users, prosumers, series);
        LoadedInputs loaded = InputFiles.load(dir, 2015);
        assertEquals(users, loaded.endUsers());
        assertEquals(prosumers, loaded.prosumers());
    }
}
