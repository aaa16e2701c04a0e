package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.model.StudySeries;

/** The series.* keys: real date-hour files replacing a study's series, with every error named. */
class DateHourSeriesTest {
    private static final int YEAR = 2016;
    private static final int HOURS = 8784;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;
    private StudySeries base;

    @BeforeEach
    void baseSeries() {
        double[] price = new double[HOURS];
        double[] pv = new double[HOURS];
        double[] wind = new double[HOURS];
        double[] flat = new double[HOURS];
        Arrays.fill(price, 0.05);
        Arrays.fill(pv, 0.5);
        Arrays.fill(wind, 0.25);
        Arrays.fill(flat, 1.0 / HOURS);
        base = new StudySeries(YEAR, price, Map.of("residential", flat, "commercial", flat), pv, wind);
    }

    /**
     * A 2016 file {@code date,hour,PRICE,SOLAR,DEMAND}: PRICE = hour - 12 (per MWh, so negative in the morning),
     * SOLAR = 10 * hour at 7..18 (at most 180 MW), DEMAND = 1000 + day of year.
     */
    private Path file(String name, UnaryOperator<List<String>> change) {
        List<String> lines = new ArrayList<>();
        lines.add("date,hour,PRICE,SOLAR,DEMAND");
        LocalDate d = LocalDate.of(YEAR, 1, 1);
        for (int day = 1; day <= 366; day++, d = d.plusDays(1)) {
            for (int h = 1; h <= 24; h++) {
                lines.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%d", d.format(DATE), h, h - 12,
                        h >= 7 && h <= 18 ? 10 * h : 0, 1000 + day));
            }
        }
        Path file = dir.resolve(name);
        InputFixtures.write(file, change.apply(lines));
        return file;
    }

    private static StudyConfig.SeriesGroup keys(Map<String, String> m) {
        Map<String, String> all = new HashMap<>(m);
        all.put("study.year", Integer.toString(YEAR));
        return StudyConfig.fromMap(all).series();
    }

    @Test
    void eachConfiguredSeriesIsReplacedAndNormalisedOthersStay() {
        String f = file("real.csv", l -> l).toString();
        StudySeries s = DateHourSeries.apply(keys(Map.of("series.price.file", f, "series.price.column", "PRICE",
                "series.price.scale", "0.001", "series.pv.file", f, "series.pv.column", "SOLAR",
                "series.pv.capacity", "200", "series.load.file", f, "series.load.column", "DEMAND")), base);
        // price per MWh to per kWh: 1 January hour 1 (00:00-01:00) is -11 $/MWh
        assertEquals(-0.011, s.wholesale()[0], 1e-15);
        assertEquals(0.012, s.wholesale()[HOURS - 1], 1e-15);
        // PV divided by the installed 200 MW: hour 18 (17:00-18:00) is 180 MW
        assertEquals(0.9, s.pvCapacityFactor()[17], 1e-15);
        assertEquals(0, s.pvCapacityFactor()[0]);
        // wind not configured: the base series' wind stays
        assertArrayEquals(base.windCapacityFactor(), s.windCapacityFactor());
        // demand becomes the shape of every archetype, summing to 1
        assertEquals(base.archetypes().keySet(), s.archetypes().keySet());
        for (double[] shape : s.archetypes().values()) {
            assertEquals(1.0, Arrays.stream(shape).sum(), 1e-12);
            assertEquals(1366.0 / 1001.0, shape[HOURS - 1] / shape[0], 1e-12);
        }
    }

    @Test
    void theManifestNamesEachSeriesFileByItsConfiguredPath() throws Exception {
        String f = file("real.csv", l -> l).toString();
        StudyConfig c = StudyConfig.fromMap(Map.of("series.pv.file", f, "series.pv.column", "SOLAR",
                "series.wind.file", f, "series.wind.column", "SOLAR"));
        assertEquals(Map.of(f, Manifest.sha256(Path.of(f))), Manifest.checksums(c));
    }

    @Test
    void withoutACapacityOutputIsDividedByItsMaximum() {
        String f = file("real.csv", l -> l).toString();
        StudySeries s = DateHourSeries.apply(keys(Map.of("series.wind.file", f, "series.wind.column", "SOLAR")), base);
        assertEquals(1.0, s.windCapacityFactor()[17]);
        assertEquals(70.0 / 180, s.windCapacityFactor()[6], 1e-15);
        assertArrayEquals(base.pvCapacityFactor(), s.pvCapacityFactor());
    }

    @Test
    void nothingConfiguredLeavesTheSeriesAsItIs() {
        StudySeries s = DateHourSeries.apply(keys(Map.of()), base);
        assertArrayEquals(base.wholesale(), s.wholesale());
        assertArrayEquals(base.archetypes().get("residential"), s.archetypes().get("residential"));
        assertArrayEquals(base.pvCapacityFactor(), s.pvCapacityFactor());
    }

    @Test
    void everyErrorOfEveryFileIsListedWithFileRowFieldAndValue() {
        // price file: a bad date, an hour 25, a repeated hour, a number that is not one, a date of 2015
        Path price = file("price.csv", l -> {
            l.set(2, l.get(2).replace("01/01/2016", "1.1.2016"));        // row 3: 01/01/2016 hour 2
            l.set(29, l.get(29).replaceFirst(",5,", ",25,"));            // row 30: 02/01/2016 hour 5
            l.set(50, l.get(49));                                        // row 51 repeats row 50
            l.set(70, l.get(70).replaceFirst(",10,", ",abc,"));          // row 71: 03/01/2016 hour 22
            l.set(80, l.get(80).replace("04/01/2016", "04/01/2015"));    // row 81
            return l;
        });
        // PV file: output above the stated capacity, and the last day missing
        Path pv = file("pv.csv", l -> {
            l.set(13, l.get(13).replaceFirst(",130,", ",999,"));         // row 14: 01/01/2016 hour 13
            return new ArrayList<>(l.subList(0, l.size() - 24));
        });
        InputException e = assertThrows(InputException.class, () -> DateHourSeries.apply(keys(Map.of(
                "series.price.file", price.toString(), "series.price.column", "PRICE",
                "series.pv.file", pv.toString(), "series.pv.column", "SOLAR", "series.pv.capacity", "200",
                "series.load.file", price.toString(), "series.load.column", "NOPE")), base));
        String p = price.toString();
        List<String> expected = List.of(
                p + ":row 3: field 'date' = '1.1.2016': expected a date of 2016 as DD/MM/YYYY",
                p + ":row 30: field 'hour' = '25': expected an integer in 1..24",
                p + ":row 51: 03/01/2016 hour 1 again: row 50 has it already",
                p + ":row 71: field 'PRICE' = 'abc': expected a number (any sign)",
                p + ":row 81: field 'date' = '04/01/2015': expected a date of the study year 2016 (study.year), "
                        + "not of 2015",
                pv + ":row 14: field 'SOLAR' = '999': expected a number in [0, 200] (output within the installed "
                        + "capacity)",
                pv + ": 8760 hourly rows, expected 8784 for 2016 (366 days x 24 hours)",
                pv + ": 31/12/2016 hour 1 to 31/12/2016 hour 24 are missing (24 hours) (after row 8761)",
                p + ":row 1: missing column 'NOPE' (columns are: date, hour, PRICE, SOLAR, DEMAND)");
        for (String line : expected) {
            assertTrue(e.errors().contains(line), "missing: " + line + "\nin: " + String.join("\n", e.errors()));
        }
        // the bad date, bad hour, repeat and 2015 date also leave hours missing; every line names its file
        assertTrue(e.errors().stream().allMatch(x -> x.startsWith(p) || x.startsWith(pv.toString())), e.getMessage());
    }

    @Test
    void aMissingDataFolderIsNamedWithItsKey() {
        String f = dir.resolve("absent").resolve("price2016.csv").toString();
        InputException e = assertThrows(InputException.class, () -> DateHourSeries.apply(keys(Map.of(
                "series.price.file", f, "series.price.column", "HOEP")), base));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).startsWith("series.price.file = " + f + ": folder "
                + dir.resolve("absent").toAbsolutePath() + " not found"), e.getMessage());
    }

    @Test
    void aFileNeedsItsColumnAndAColumnItsFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> StudyConfig.fromMap(Map.of(
                "series.pv.file", "x.csv", "series.load.column", "OntDemand")));
        assertEquals(List.of("config: series.pv.file = x.csv: expected series.pv.column too, the column to read",
                "config: series.load.column = OntDemand: expected series.load.file too, the file to read it from"),
                e.errors());
    }
}
