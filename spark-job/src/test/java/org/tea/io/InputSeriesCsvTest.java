package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.io.SeriesCsv.Normalisation;
import org.tea.model.StudySeries;

/** series.csv on its own, and the date-hour format of real data (Ontario). */
class InputSeriesCsvTest {
    @TempDir
    Path dir;

    /** A date-hour file for 2015: value = hour of the day (1..24) plus 100 * (day of year). */
    private Path dateHourFile(java.util.function.UnaryOperator<List<String>> change) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<String> lines = new ArrayList<>();
        lines.add("date,hour,VALUE,OTHER");
        LocalDate d = LocalDate.of(2015, 1, 1);
        for (int day = 1; day <= 365; day++, d = d.plusDays(1)) {
            for (int h = 1; h <= 24; h++) {
                lines.add(String.format(Locale.ROOT, "%s,%d,%d,x", d.format(f), h, 100 * day + h));
            }
        }
        Path file = dir.resolve("real.csv");
        InputFixtures.write(file, change.apply(lines));
        return file;
    }

    @Test
    void readsAndWritesTheSameSeries() throws Exception {
        Path file = dir.resolve("series.csv");
        InputFixtures.write(file, InputFixtures.series());
        StudySeries s = SeriesCsv.read(file, 2015);
        Path copy = dir.resolve("copy.csv");
        SeriesCsv.write(copy, s);
        StudySeries back = SeriesCsv.read(copy, 2015);
        assertArrayEquals(s.wholesale(), back.wholesale());
        assertArrayEquals(s.pvCapacityFactor(), back.pvCapacityFactor());
        assertArrayEquals(s.archetypes().get("commercial"), back.archetypes().get("commercial"));
    }

    @Test
    void aDateHourColumnBecomesAnHourlyArray() {
        double[] v = SeriesCsv.readDateHourColumn(dateHourFile(l -> l), "VALUE", 2015, Normalisation.NONE);
        assertEquals(8760, v.length);
        assertEquals(101, v[0], "1 January, hour 1 is hour 0 of day 1");
        assertEquals(36524, v[8759]);
    }

    @Test
    void normalisationToSumOneOrMaxOne() {
        Path file = dateHourFile(l -> l);
        double[] shape = SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.SUM_TO_ONE);
        assertEquals(1.0, java.util.Arrays.stream(shape).sum(), 1e-12);
        double[] cf = SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.MAX_TO_ONE);
        assertEquals(1.0, cf[8759]);
        assertEquals(101.0 / 36524, cf[0], 1e-15);
    }

    @Test
    void aMissingHourAndABadDateAreErrors() {
        Path file = dateHourFile(l -> {
            l.remove(30);           // 02/01/2015 hour 6
            l.set(100, l.get(100).replace("05/01/2015", "2015-01-05"));
            return l;
        });
        InputException e = assertThrows(InputException.class,
                () -> SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.NONE));
        assertEquals(List.of("real.csv:row 101: field 'date' = '2015-01-05': expected a date of 2015 as DD/MM/YYYY",
                "real.csv: 8759 hourly rows, expected 8760 for 2015 (365 days x 24 hours)",
                "real.csv: 02/01/2015 hour 6 is missing (after row 30)",
                "real.csv: 05/01/2015 hour 5 is missing (after row 100)"), e.errors());
    }

    @Test
    void datesOfAnotherYearOrOutOfOrderAreErrors() {
        Path file = dateHourFile(l -> {
            l.set(1, l.get(1).replace("01/01/2015", "01/01/2016"));
            java.util.Collections.swap(l, 50, 51);
            return l;
        });
        InputException e = assertThrows(InputException.class,
                () -> SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.NONE));
        assertTrue(e.errors().contains(
                "real.csv:row 2: field 'date' = '01/01/2016': expected a date of the study year 2015 (study.year), not of 2016"), e.errors().toString());
        assertTrue(e.errors().contains("real.csv:row 52: 03/01/2015 hour 2 comes after 03/01/2015 hour 3: expected rows "
                + "in time order"), e.errors().toString());
    }

    @Test
    void aMissingValueColumnIsNamed() {
        InputException e = assertThrows(InputException.class,
                () -> SeriesCsv.readDateHourColumn(dateHourFile(l -> l), "SOLAR", 2015, Normalisation.MAX_TO_ONE));
        assertEquals(List.of("real.csv:row 1: missing column 'SOLAR' (columns are: date, hour, VALUE, OTHER)"),
                e.errors());
    }

    @Test
    void negativeValuesCannotBeNormalisedButMayBeReadAsTheyAre() {
        Path file = dateHourFile(l -> {
            l.set(5, l.get(5).replace(",105,", ",-3,"));
            return l;
        });
        assertEquals(-3, SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.NONE)[4]);
        InputException e = assertThrows(InputException.class,
                () -> SeriesCsv.readDateHourColumn(file, "VALUE", 2015, Normalisation.SUM_TO_ONE));
        assertEquals(List.of("real.csv:row 6: field 'VALUE' = '-3': expected a number >= 0 (to normalise)"), e.errors());
    }
}
