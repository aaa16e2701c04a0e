package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tea.io.SeriesCsv.Normalisation;
import org.tea.study.StudySetup;

/**
 * The real Ontario 2016 series (shared/data/ontario-2016, outside the repository) through the date-hour reader.
 * Found through the environment variable TEA_SHARED_DATA (the shared data folder) or ../../shared/data from the
 * spark-job module; skipped when absent.
 */
class InputOntarioTest {
    private static final Path ONTARIO = locate();

    private static Path locate() {
        String env = System.getenv("TEA_SHARED_DATA");
        Path base = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "data");
        return base.resolve("ontario-2016");
    }

    @BeforeEach
    void requireTheData() {
        // per test, so a run without the data lists these tests as skipped rather than not at all
        Assumptions.assumeTrue(Files.isDirectory(ONTARIO), "no Ontario data at " + ONTARIO.toAbsolutePath());
    }

    @Test
    void pricesHaveEveryHourOfTheLeapYearAndSomeAreNegative() {
        double[] price = SeriesCsv.readDateHourColumn(ONTARIO.resolve("price2016.csv"), "HOEP", 2016, Normalisation.NONE);
        assertEquals(8784, price.length);
        long negative = Arrays.stream(price).filter(p -> p < 0).count();
        assertTrue(negative > 0 && negative < 8784 / 2, negative + " negative hours");
        double mean = Arrays.stream(price).average().orElseThrow();
        assertTrue(mean > 0 && mean < 0.1, "HOEP mean in $/kWh: " + mean);
    }

    @Test
    void solarIsACapacityFactorShapeThatIsDarkAtNight() {
        double[] pv = SeriesCsv.readDateHourColumn(ONTARIO.resolve("prod2016.csv"), "SOLAR", 2016,
                Normalisation.MAX_TO_ONE);
        assertEquals(8784, pv.length);
        assertEquals(1.0, Arrays.stream(pv).max().orElseThrow());
        int night = 0;
        int dark = 0;
        for (int i = 0; i < pv.length; i++) {
            int hour = i % 24;
            if (hour <= 2 || hour == 23) {
                night++;
                // metered output has a few MWh of noise on some nights: a few % of the peak at most
                assertTrue(pv[i] < 0.05, "night hour " + i + ": " + pv[i]);
                if (pv[i] == 0) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 0.95 * night, dark + " of " + night + " night hours exactly 0");
        double noon = 0;
        for (int d = 0; d < 366; d++) {
            noon += pv[d * 24 + 12] / 366;
        }
        assertTrue(noon > 0.3, "mean noon output " + noon);
    }

    @Test
    void windAndLoadBecomeShapes() {
        double[] wind = SeriesCsv.readDateHourColumn(ONTARIO.resolve("prod2016.csv"), "WIND", 2016,
                Normalisation.MAX_TO_ONE);
        assertTrue(Arrays.stream(wind).allMatch(v -> v >= 0 && v <= 1));
        double[] load = SeriesCsv.readDateHourColumn(ONTARIO.resolve("load2016.csv"), "OntDemand", 2016,
                Normalisation.SUM_TO_ONE);
        assertEquals(8784, load.length);
        assertEquals(1.0, Arrays.stream(load).sum(), 1e-12);
        // evening demand above the small hours
        assertTrue(load[18] > load[3]);
    }

    @Test
    void theOntarioConfigurationRunsOnTheRealSeries() {
        // conf/ontario-2016.properties with its data paths pointed at the folder found here
        Map<String, String> at = new HashMap<>();
        for (String key : List.of("series.price.file", "series.pv.file", "series.wind.file", "series.load.file")) {
            StudyConfig c = StudyConfig.load(Path.of("..", "conf", "ontario-2016.properties"), Map.of());
            String file = Path.of(c.resolved().get(key)).getFileName().toString();
            at.put(key, ONTARIO.resolve(file).toString());
        }
        at.put("study.days", "3");
        at.put("study.firstDay", "364");
        at.put("endusers.count", "10");
        at.put("prosumers.count", "2");
        StudyConfig c = StudyConfig.load(Path.of("..", "conf", "ontario-2016.properties"), at);
        StudySetup setup = StudySetup.of(c);
        double[] hoep = SeriesCsv.readDateHourColumn(ONTARIO.resolve("price2016.csv"), "HOEP", 2016,
                Normalisation.NONE);
        // days 364..366 of the leap year: 29 to 31 December
        double[] w = setup.prices().wholesale();
        assertEquals(72, w.length);
        for (int i = 0; i < 72; i++) {
            assertEquals(hoep[363 * 24 + i], w[i], "hour " + i);
            assertEquals(hoep[363 * 24 + i] + c.market().feeImport(), setup.prices().importPrice()[i], 1e-15);
        }
    }
}
