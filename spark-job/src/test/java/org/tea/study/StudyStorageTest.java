package org.tea.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.engine.BlockSource;
import org.tea.engine.StorageBlock;
import org.tea.io.StudyConfig;
import org.tea.io.synth.CityWriter;

/**
 * Where a study's storage units come from (MODEL section 12): {@code storage.count} generated units, or
 * {@code storage.csv} in the inputs folder, which replaces them; blocks of at most 64 units.
 */
class StudyStorageTest {
    @TempDir
    Path dir;

    static int units(BlockSource blocks) {
        int n = 0;
        for (int b = 0; b < blocks.storageBlocks(); b++) {
            n += blocks.storageBlock(b, blocks.storageMembers(b)).size();
        }
        return n;
    }

    @Test
    void generatedUnitsAreTheConfiguredCountInBlocks() {
        StudyConfig cfg = StudyConfig.fromMap(Map.of("study.days", "2", "endusers.count", "50", "prosumers.count", "5",
                "storage.count", "130", "storage.capacityKwh", "13.5"));
        StudySetup setup = StudySetup.generated(cfg);
        assertEquals(130, setup.storageCount());
        assertEquals(3, setup.blocks().storageBlocks());
        assertEquals(130, units(setup.blocks()));
        StorageBlock first = setup.blocks().storageBlock(0, setup.blocks().storageMembers(0));
        assertEquals(13.5, first.capacity(0));
        assertEquals("S000000", first.id(0));
        assertEquals(0, StudySetup.generated(StudyConfig.fromMap(Map.of("study.days", "2", "endusers.count", "50",
                "prosumers.count", "5"))).blocks().storageBlocks(), "none by default");
    }

    @Test
    void storageCsvReplacesTheGeneratedUnits() throws IOException {
        Map<String, String> keys = Map.of("study.days", "2", "endusers.count", "50", "prosumers.count", "5",
                "storage.count", "7", "inputs.dir", dir.toString());
        StudyConfig cfg = StudyConfig.fromMap(keys);
        CityWriter.write(dir, StudySetup.cityParameters(cfg), 0);
        assertEquals(7, StudySetup.of(cfg).storageCount(), "no storage.csv: the configuration's units");
        Files.write(dir.resolve("storage.csv"), List.of(
                "id,capacity_kwh,power_kw,eta_charge,eta_discharge,throughput_cost,soc0",
                "B1,10,5,0.95,0.95,0.01,0.5", "B2,20,7,0.9,0.9,0.02,0"));
        StudySetup setup = StudySetup.of(cfg);
        assertEquals(2, setup.storageCount());
        StorageBlock block = setup.blocks().storageBlock(0, setup.blocks().storageMembers(0));
        assertEquals("B2", block.id(1));
        assertEquals(7, block.power(1));
    }
}
