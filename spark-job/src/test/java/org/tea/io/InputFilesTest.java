package org.tea.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tea.io.InputFixtures.YEAR;
import static org.tea.io.InputFixtures.edit;
import static org.tea.io.InputFixtures.seriesLine;
import static org.tea.io.InputFixtures.valid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;

class InputFilesTest {
    @TempDir
    Path dir;

    private Path endUsers() {
        return dir.resolve("endusers.csv");
    }

    private Path prosumers() {
        return dir.resolve("prosumers.csv");
    }

    private Path series() {
        return dir.resolve("series.csv");
    }

    /** Loads, expecting failure; returns the errors. */
    private List<String> errors() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.load(dir, YEAR));
        assertTrue(e.getMessage().startsWith(e.errors().size() + " input error"), e.getMessage());
        return e.errors();
    }

    private void assertOnlyError(String expected) {
        assertEquals(List.of(expected), errors());
    }

    private static void set(List<String> lines, int line, int column, String value) {
        String[] cells = lines.get(line).split(",", -1);
        cells[column] = value;
        lines.set(line, String.join(",", cells));
    }

    @Test
    void aValidFolderLoads() {
        LoadedInputs in = InputFiles.load(valid(dir), YEAR);
        assertEquals(List.of(new EndUserSpec("U1", "residential", 4000, -0.2, 0.2, 0),
                new EndUserSpec("U2", "commercial", 20000, -0.1, 0.1, 0.05),
                new EndUserSpec("U3", "residential", 3500.5, -0.35, 0, 0)), in.endUsers());
        assertEquals(List.of(new ProsumerSpec("P1", 5, 0, "residential", 4500),
                new ProsumerSpec("P2", 3.5, 2, "residential", 4000)), in.prosumers());
        assertEquals(8760, in.series().wholesale().length);
        assertEquals(-0.005, in.series().wholesale()[12]);
        assertEquals(0.3, in.series().windCapacityFactor()[100]);
        for (double[] shape : in.series().archetypes().values()) {
            double sum = 0;
            for (double v : shape) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12, "shapes are normalised on load");
        }
        double[] r = in.series().archetypes().get("residential");
        assertEquals(2 * r[0], r[18], 1e-18, "proportions kept");
    }

    @Test
    void columnsMayComeInAnyOrder() {
        valid(dir);
        edit(endUsers(), l -> List.of("energy_flex,elasticity,id,flex_share,annual_energy,archetype",
                "0,-0.2,U1,0.2,4000,residential"));
        edit(series(), l -> l.stream().map(s -> {
            String[] c = s.split(",");
            return String.join(",", c[6], c[4], c[1], c[0], c[3], c[2], c[5]);
        }).toList());
        LoadedInputs in = InputFiles.load(dir, YEAR);
        assertEquals(List.of(new EndUserSpec("U1", "residential", 4000, -0.2, 0.2, 0)), in.endUsers());
        assertEquals(-0.005, in.series().wholesale()[12]);
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        valid(dir);
        Files.delete(prosumers());
        List<String> errors = errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("prosumers.csv: file not found: "), errors.get(0));
    }

    @Test
    void everyMissingFileIsNamedAtOnce() {
        List<String> errors = errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("series.csv: file not found"));
        assertTrue(errors.get(1).startsWith("endusers.csv: file not found"));
        assertTrue(errors.get(2).startsWith("prosumers.csv: file not found"));
    }

    @Test
    void aFolderThatIsNotThereIsAnError() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.load(dir.resolve("nope"), YEAR));
        assertTrue(e.errors().get(0).contains("not a folder"), e.errors().toString());
    }

    @Test
    void aMissingColumnIsNamed() {
        valid(dir);
        edit(endUsers(), l -> l.stream().map(s -> s.substring(0, s.lastIndexOf(','))).toList());
        assertOnlyError("endusers.csv:row 1: missing column 'energy_flex' (expected columns: id, archetype, "
                + "annual_energy, elasticity, flex_share, energy_flex)");
    }

    @Test
    void aMissingSeriesColumnIsReportedOnceNotOncePerRow() {
        valid(dir);
        edit(series(), l -> l.stream().map(s -> {
            String[] c = s.split(",");
            return String.join(",", c[0], c[1], c[2], c[4], c[5], c[6]);
        }).toList());
        assertOnlyError("series.csv:row 1: missing column 'pv_cf' (expected columns: day, hour, wholesale_price, "
                + "pv_cf, wind_cf, load_<archetype>...)");
    }

    @Test
    void anExtraColumnIsNamed() {
        valid(dir);
        edit(prosumers(), l -> l.stream().map(s -> s + (s.startsWith("id") ? ",colour" : ",red")).toList());
        assertOnlyError("prosumers.csv:row 1: unexpected column 'colour' (expected columns: id, pv_kwp, wind_kw, "
                + "archetype, annual_energy)");
    }

    @Test
    void anUnparsableNumberIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 2, 2, "20 000");
            return l;
        });
        assertOnlyError("endusers.csv:row 3: field 'annual_energy' = '20 000': expected a number >= 0 (kWh per year)");
    }

    @Test
    void numbersInOtherNotationsThanDecimalAreRejected() {
        valid(dir);
        edit(prosumers(), l -> {
            set(l, 1, 1, "0x1p3");
            set(l, 2, 1, "5d");
            return l;
        });
        List<String> errors = errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("prosumers.csv:row 2: field 'pv_kwp' = '0x1p3': expected a number"));
        assertTrue(errors.get(1).startsWith("prosumers.csv:row 3: field 'pv_kwp' = '5d': expected a number"));
    }

    @Test
    void nanAndInfinityAreErrors() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 1, 2, "NaN");
            set(l, 2, 3, "-Infinity");
            set(l, 3, 2, "1e999");
            return l;
        });
        assertEquals(List.of(
                "endusers.csv:row 2: field 'annual_energy' = 'NaN': expected a finite number >= 0 (kWh per year), "
                        + "not NaN or infinity",
                "endusers.csv:row 3: field 'elasticity' = '-Infinity': expected a finite number < 0 (a price "
                        + "elasticity), not NaN or infinity",
                "endusers.csv:row 4: field 'annual_energy' = '1e999': expected a finite number >= 0 (kWh per year), "
                        + "this one overflows"), errors());
    }

    @Test
    void aNegativeCapacityIsAnError() {
        valid(dir);
        edit(prosumers(), l -> {
            set(l, 1, 1, "-5");
            set(l, 2, 2, "-0.5");
            return l;
        });
        assertEquals(List.of("prosumers.csv:row 2: field 'pv_kwp' = '-5': expected a number >= 0 (kWp)",
                "prosumers.csv:row 3: field 'wind_kw' = '-0.5': expected a number >= 0 (kW)"), errors());
    }

    @Test
    void aNegativeEnergyIsAnError() {
        valid(dir);
        edit(prosumers(), l -> {
            set(l, 2, 4, "-4000");
            return l;
        });
        assertOnlyError("prosumers.csv:row 3: field 'annual_energy' = '-4000': expected a number >= 0 (kWh per year)");
    }

    @Test
    void anElasticityOfZeroOrMoreIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 1, 3, "0");
            set(l, 3, 3, "0.3");
            return l;
        });
        assertEquals(List.of("endusers.csv:row 2: field 'elasticity' = '0': expected a number < 0 (a price elasticity)",
                "endusers.csv:row 4: field 'elasticity' = '0.3': expected a number < 0 (a price elasticity)"),
                errors());
    }

    @Test
    void aFlexShareAboveOneIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 2, 4, "1.2");
            return l;
        });
        assertOnlyError("endusers.csv:row 3: field 'flex_share' = '1.2': expected a number in [0, 1]");
    }

    @Test
    void anEnergyFlexOfOneIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 2, 5, "1");
            return l;
        });
        assertOnlyError("endusers.csv:row 3: field 'energy_flex' = '1': expected a number in [0, 1)");
    }

    @Test
    void aDuplicateIdIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 3, 0, "U1");
            return l;
        });
        assertOnlyError("endusers.csv:row 4: field 'id' = 'U1': expected a unique id, but row 2 has it already");
    }

    @Test
    void anEmptyIdIsAnError() {
        valid(dir);
        edit(prosumers(), l -> {
            set(l, 1, 0, "  ");
            return l;
        });
        assertOnlyError("prosumers.csv:row 2: field 'id' = '': expected a non-empty id");
    }

    @Test
    void anUnknownArchetypeIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 2, 1, "industrial");
            return l;
        });
        assertOnlyError("endusers.csv:row 3: field 'archetype' = 'industrial': expected one of the "
                + "load_<archetype> columns of series.csv: commercial, residential");
    }

    @Test
    void anEmptyCityIsAnError() {
        valid(dir);
        edit(endUsers(), l -> l.subList(0, 1));
        assertOnlyError("endusers.csv: no end-users (the city is empty): expected at least one data row after the "
                + "header");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        valid(dir);
        Files.write(endUsers(), new byte[0]);
        assertOnlyError("endusers.csv: the file is empty: expected a header row");
    }

    @Test
    void noProsumersIsAllowed() {
        valid(dir);
        edit(prosumers(), l -> l.subList(0, 1));
        assertEquals(0, InputFiles.load(dir, YEAR).prosumers().size());
    }

    @Test
    void aRowWithTheWrongCellCountIsAnError() {
        valid(dir);
        edit(endUsers(), l -> {
            l.set(2, "U2,commercial,20000");
            return l;
        });
        assertOnlyError("endusers.csv:row 3: 3 cells, expected 6 (one per header column)");
    }

    @Test
    void seriesWithTooFewRowsSaysHowManyAreExpected() {
        valid(dir);
        edit(series(), l -> l.subList(0, l.size() - 1));
        assertEquals(List.of("series.csv: 8759 hourly rows, expected 8760 for 2015 (365 days x 24 hours)",
                "series.csv: day 365 hour 23 is missing (after row 8760)"), errors());
    }

    @Test
    void seriesOfAnotherYearLengthIsAnError() {
        valid(dir);
        InputException e = assertThrows(InputException.class, () -> InputFiles.load(dir, 2016));
        assertTrue(e.errors().contains("series.csv: 8760 hourly rows, expected 8784 for 2016 (366 days x 24 hours)"),
                e.errors().toString());
    }

    @Test
    void dayAndHourOutOfRangeAreErrors() {
        valid(dir);
        edit(series(), l -> {
            set(l, seriesLine(365, 23), 0, "366");
            set(l, seriesLine(2, 5), 1, "24");
            return l;
        });
        assertEquals(List.of("series.csv:row 31: field 'hour' = '24': expected an integer in 0..23",
                "series.csv:row 8761: field 'day' = '366': expected an integer in 1..365",
                "series.csv: day 2 hour 5 is missing (after row 30)",
                "series.csv: day 365 hour 23 is missing (after row 8760)"), errors());
    }

    @Test
    void rowsOutOfOrderAreErrors() {
        valid(dir);
        edit(series(), l -> {
            Collections.swap(l, seriesLine(3, 4), seriesLine(3, 5));
            return l;
        });
        assertOnlyError("series.csv:row 55: day 3 hour 4 comes after day 3 hour 5: expected rows in time order");
    }

    @Test
    void aDuplicatedHourIsAnError() {
        valid(dir);
        edit(series(), l -> {
            l.set(seriesLine(10, 7), l.get(seriesLine(10, 6)));
            return l;
        });
        assertEquals(List.of("series.csv:row 225: day 10 hour 6 again: row 224 has it already",
                "series.csv: day 10 hour 7 is missing (after row 224)"), errors());
    }

    @Test
    void aCapacityFactorOutsideZeroOneIsAnError() {
        valid(dir);
        edit(series(), l -> {
            set(l, seriesLine(1, 12), 3, "1.2");
            set(l, seriesLine(1, 13), 4, "-0.1");
            return l;
        });
        assertEquals(List.of("series.csv:row 14: field 'pv_cf' = '1.2': expected a number in [0, 1] (a capacity factor)",
                "series.csv:row 15: field 'wind_cf' = '-0.1': expected a number in [0, 1] (a capacity factor)"),
                errors());
    }

    @Test
    void anAllZeroArchetypeShapeIsAnError() {
        valid(dir);
        edit(series(), l -> l.stream().map(s -> s.startsWith("day") ? s : s.substring(0, s.lastIndexOf(',')) + ",0")
                .toList());
        assertOnlyError("series.csv: column 'load_commercial' is 0 in every hour: expected a load shape with some "
                + "positive value");
    }

    @Test
    void seriesWithoutLoadColumnsOrWithStrangeColumnsIsAnError() {
        valid(dir);
        edit(series(), l -> l.stream().map(s -> {
            String[] c = s.split(",");
            return String.join(",", c[0], c[1], c[2], c[3], c[4], s.startsWith("day") ? "load" : c[5]);
        }).toList());
        List<String> errors = errors();
        assertTrue(errors.contains("series.csv:row 1: unexpected column 'load' (expected columns: day, hour, "
                + "wholesale_price, pv_cf, wind_cf, load_<archetype>...)"), errors.toString());
        assertTrue(errors.contains("series.csv:row 1: no 'load_<archetype>' column: expected at least one load shape"),
                errors.toString());
    }

    @Test
    void severalErrorsInOneFileAreAllReportedInRowOrder() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 1, 3, "0.1");
            set(l, 1, 4, "2");
            set(l, 2, 0, "");
            set(l, 3, 2, "lots");
            return l;
        });
        List<String> errors = errors();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("endusers.csv:row 2: field 'elasticity'"));
        assertTrue(errors.get(1).startsWith("endusers.csv:row 2: field 'flex_share'"));
        assertTrue(errors.get(2).startsWith("endusers.csv:row 3: field 'id'"));
        assertTrue(errors.get(3).startsWith("endusers.csv:row 4: field 'annual_energy'"));
    }

    @Test
    void errorsInEveryFileAreReportedTogether() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 1, 4, "-1");
            return l;
        });
        edit(prosumers(), l -> {
            set(l, 1, 3, "farm");
            return l;
        });
        edit(series(), l -> {
            set(l, seriesLine(5, 5), 2, "cheap");
            return l;
        });
        List<String> errors = errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("series.csv:row 103: field 'wholesale_price' = 'cheap'"));
        assertTrue(errors.get(1).startsWith("endusers.csv:row 2: field 'flex_share' = '-1'"));
        assertTrue(errors.get(2).startsWith("prosumers.csv:row 2: field 'archetype' = 'farm'"));
    }

    @Test
    void rowNumbersAreWhatASpreadsheetShowsEvenAfterBlankLinesAndAByteOrderMark() throws IOException {
        valid(dir);
        String text = "\uFEFFid,archetype,annual_energy,elasticity,flex_share,energy_flex\n"
                + "U1,residential,4000,-0.2,0.2,0\n"
                + "\n"
                + "U2,residential,x,-0.2,0.2,0\n";
        Files.writeString(endUsers(), text, StandardCharsets.UTF_8);
        assertOnlyError("endusers.csv:row 4: field 'annual_energy' = 'x': expected a number >= 0 (kWh per year)");
    }

    @Test
    void spacesAroundValuesAndQuotedCellsAreAccepted() {
        valid(dir);
        edit(endUsers(), l -> List.of(l.get(0), " U1 , residential , 4000 ,-0.2, 0.2,0",
                "\"Smith, J.\",\"commercial\",\"1e4\",-.5,1,0.5"));
        assertEquals(List.of(new EndUserSpec("U1", "residential", 4000, -0.2, 0.2, 0),
                new EndUserSpec("Smith, J.", "commercial", 1e4, -0.5, 1, 0.5)), InputFiles.load(dir, YEAR).endUsers());
    }

    @Test
    void brokenCsvQuotingIsAnError() {
        valid(dir);
        edit(prosumers(), l -> {
            l.set(2, "\"P2\"x,3.5,2,residential,4000");
            return l;
        });
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("prosumers.csv:row 3: cannot read the CSV"), errors.get(0));
    }

    @Test
    void theMessageListsTheErrorsAndTheListCannotBeChanged() {
        valid(dir);
        edit(endUsers(), l -> {
            set(l, 1, 3, "1");
            return l;
        });
        InputException e = assertThrows(InputException.class, () -> InputFiles.load(dir, YEAR));
        assertTrue(e.getMessage().startsWith("1 input error in " + dir + ":\nendusers.csv:row 2"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> e.errors().add("x"));
    }

    @Test
    void withoutStorageCsvThereIsNoStorage() {
        assertEquals(List.of(), InputFiles.load(valid(dir), YEAR).storage());
    }

    @Test
    void aStorageCsvLoads() {
        valid(dir);
        InputFixtures.write(dir.resolve("storage.csv"), List.of(
                "id,capacity_kwh,power_kw,eta_charge,eta_discharge,throughput_cost,soc0",
                "S1,10,5,0.95,0.95,0.01,0.5",
                "S2,13.5,5,1,0.9,0.02,0"));
        assertEquals(List.of(new StorageSpec("S1", 10, 5, 0.95, 0.95, 0.01, 0.5),
                new StorageSpec("S2", 13.5, 5, 1, 0.9, 0.02, 0)), InputFiles.load(dir, YEAR).storage());
    }

    @Test
    void everyBadStorageValueIsReportedWithUnitRowFieldValueAndExpectation() {
        valid(dir);
        InputFixtures.write(dir.resolve("storage.csv"), List.of(
                "id,capacity_kwh,power_kw,eta_charge,eta_discharge,throughput_cost,soc0",
                "S1,-10,5,0.95,0.95,0.01,0.5",
                "S2,10,-5,1.2,0,0,2",
                "S1,10,5,0.95,0.95,0.01,0.5"));
        assertEquals(List.of(
                "storage.csv:row 2: field 'capacity_kwh' = '-10': expected a number >= 0 (kWh)",
                "storage.csv:row 3: field 'power_kw' = '-5': expected a number >= 0 (kW)",
                "storage.csv:row 3: field 'eta_charge' = '1.2': expected a number in (0, 1] (an efficiency)",
                "storage.csv:row 3: field 'eta_discharge' = '0': expected a number in (0, 1] (an efficiency)",
                "storage.csv:row 3: field 'throughput_cost' = '0': expected a number > 0 (currency per kWh^2)",
                "storage.csv:row 3: field 'soc0' = '2': expected a number in [0, 1] (a share of capacity_kwh)",
                "storage.csv:row 4: field 'id' = 'S1': expected a unique id, but row 2 has it already"), errors());
    }

    @Test
    void aStorageCsvWithAMissingColumnIsAnError() {
        valid(dir);
        InputFixtures.write(dir.resolve("storage.csv"), List.of(
                "id,capacity_kwh,power_kw,eta_charge,eta_discharge,throughput_cost",
                "S1,10,5,0.95,0.95,0.01"));
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("storage.csv:row 1: missing column 'soc0'"), errors.get(0));
    }
}
