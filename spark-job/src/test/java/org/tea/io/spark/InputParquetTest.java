package org.tea.io.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tea.io.InputException;
import org.tea.io.InputFiles;
import org.tea.io.synth.Seeds;

/**
 * Parquet populations checked on the executors: the CSV rules and messages, rows named by part file and position,
 * ids repeated across part files, schema problems, an empty city, the cap on errors.
 */
class InputParquetTest {
    static final List<String> ARCHETYPES = List.of("residential", "commercial");
    static SparkSession spark;
    static StudySession session;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("input-parquet").config("spark.ui.enabled", "false")
                .getOrCreate();
        session = StudySession.of(spark);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Row user(String id, String archetype, Double energy, Double eps, Double flex, Double eflex) {
        return RowFactory.create(id, archetype, energy, eps, flex, eflex);
    }

    static final StructType NULLABLE_USERS = new StructType().add("id", DataTypes.StringType)
            .add("archetype", DataTypes.StringType).add("annual_energy", DataTypes.DoubleType)
            .add("elasticity", DataTypes.DoubleType).add("flex_share", DataTypes.DoubleType)
            .add("energy_flex", DataTypes.DoubleType);

    /** Appends one part file of these rows to endusers.parquet; returns its name. */
    String part(List<Row> rows, StructType schema) throws IOException {
        Path folder = dir.resolve(InputFiles.ENDUSERS_PARQUET);
        List<String> before = parts(folder);
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Append).parquet(folder.toString());
        List<String> after = parts(folder);
        after.removeAll(before);
        assertEquals(1, after.size());
        return InputFiles.ENDUSERS_PARQUET + "/" + after.get(0);
    }

    static List<String> parts(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).toList());
        }
    }

    List<String> errors() {
        InputException e = assertThrows(InputException.class,
                () -> InputParquet.check(session, dir.resolve(InputFiles.ENDUSERS_PARQUET), null, ARCHETYPES));
        return e.errors();
    }

    @Test
    void aValidFileIsCountedAndItsIdsChecksummed() throws IOException {
        part(List.of(user("U1", "residential", 4000.0, -0.2, 0.2, 0.0), user("U2", "commercial", 2e4, -0.1, 0.1, 0.05)),
                NULLABLE_USERS);
        part(List.of(user("U3", "residential", 3500.5, -0.35, 0.0, 0.0)), NULLABLE_USERS);
        InputParquet.Checked c = InputParquet.check(session, dir.resolve(InputFiles.ENDUSERS_PARQUET), null,
                ARCHETYPES);
        assertEquals(3, c.endUsers());
        assertEquals(-1, c.prosumers());
        assertEquals(Seeds.id("U1") + Seeds.id("U2") + Seeds.id("U3"),
                ((java.util.Map<?, ?>) c.summary().get(InputFiles.ENDUSERS_PARQUET)).get("id_checksum"));
    }

    @Test
    void badValuesAreReportedWithPartFileRowFieldValueAndExpectation() throws IOException {
        String f = part(List.of(user("U1", "residential", 4000.0, 0.2, 0.2, 0.0),
                user("U2", "garden", 2e4, -0.1, 0.1, 0.05), user("U3", null, Double.NaN, -0.35, 0.0, 1.0),
                user(" ", "residential", null, -0.1, 0.0, 0.0)), NULLABLE_USERS);
        assertEquals(List.of(
                f + ":row 1: field 'elasticity' = '0.2': expected a number < 0 (a price elasticity)",
                f + ":row 2: field 'archetype' = 'garden': expected one of the load_<archetype> columns of series.csv: "
                        + "commercial, residential",
                f + ":row 3: field 'archetype' = '': expected an archetype, one of the load_<archetype> columns of "
                        + "series.csv",
                f + ":row 3: field 'annual_energy' = 'NaN': expected a finite number >= 0 (kWh per year), not NaN or "
                        + "infinity",
                f + ":row 3: field 'energy_flex' = '1.0': expected a number in [0, 1)",
                f + ":row 4: field 'id' = '': expected a non-empty id",
                f + ":row 4: field 'annual_energy' = '': expected a number >= 0 (kWh per year) (the cell is empty)"),
                errors());
    }

    @Test
    void anIdRepeatedInAnotherPartFileIsFound() throws IOException {
        String a = part(List.of(user("U1", "residential", 4000.0, -0.2, 0.2, 0.0),
                user("U2", "residential", 4000.0, -0.2, 0.2, 0.0)), NULLABLE_USERS);
        String b = part(List.of(user("U3", "residential", 4000.0, -0.2, 0.2, 0.0),
                user("U2 ", "residential", 4000.0, -0.2, 0.2, 0.0)), NULLABLE_USERS);
        String first = a.compareTo(b) < 0 ? a + ":row 2" : b + ":row 2";
        String last = a.compareTo(b) < 0 ? b : a;
        assertEquals(List.of(last + ":row 2: field 'id' = 'U2': expected a unique id, but " + first
                + " has it already"), errors());
    }

    @Test
    void schemaProblemsAreReportedBeforeAnyRowIsRead() throws IOException {
        StructType wrong = new StructType().add("id", DataTypes.StringType).add("archetype", DataTypes.StringType)
                .add("annual_energy", DataTypes.StringType).add("elasticity", DataTypes.DoubleType)
                .add("flex_share", DataTypes.DoubleType).add("colour", DataTypes.StringType);
        part(List.of(RowFactory.create("U1", "residential", "4000", -0.2, 0.2, "red")), wrong);
        List<String> e = errors();
        String p = InputFiles.ENDUSERS_PARQUET + ": schema: ";
        assertEquals(List.of(p + "unexpected column 'colour' (expected columns: id, archetype, annual_energy, "
                + "elasticity, flex_share, energy_flex)",
                p + "missing column 'energy_flex' (expected columns: id, archetype, annual_energy, elasticity, "
                + "flex_share, energy_flex)",
                p + "column 'annual_energy' has type string: expected a number (double)"), e);
    }

    @Test
    void integerColumnsAreNumbersToo() throws IOException {
        StructType ints = new StructType().add("id", DataTypes.StringType).add("archetype", DataTypes.StringType)
                .add("annual_energy", DataTypes.LongType).add("elasticity", DataTypes.DoubleType)
                .add("flex_share", DataTypes.IntegerType).add("energy_flex", DataTypes.FloatType);
        part(List.of(RowFactory.create("U1", "residential", 4000L, -0.2, 1, 0.5f)), ints);
        assertEquals(1, InputParquet.check(session, dir.resolve(InputFiles.ENDUSERS_PARQUET), null, ARCHETYPES)
                .endUsers());
    }

    @Test
    void anEmptyCityIsAnError() throws IOException {
        part(List.of(), NULLABLE_USERS);
        assertEquals(List.of("endusers.parquet: no end-users (the city is empty): expected at least one data row "
                + "after the header"), errors());
    }

    @Test
    void errorsBeyondTheCapAreCounted() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < InputParquet.MAX_ERRORS + 50; i++) {
            rows.add(user("U" + i, "residential", -1.0, -0.2, 0.2, 0.0));
        }
        part(rows, NULLABLE_USERS);
        List<String> e = errors();
        assertEquals(InputParquet.MAX_ERRORS + 1, e.size());
        assertEquals("endusers.parquet: and 50 more rows' errors like those above", e.get(e.size() - 1));
    }

    @Test
    void ownLoadProfilesNeedTheEndUsersAsCsv() throws IOException {
        part(List.of(user("U1", "residential", 4000.0, -0.2, 0.2, 0.0)), NULLABLE_USERS);
        Files.writeString(dir.resolve("enduser_load.csv"), "user_id,day,hour,kwh\n");
        InputException e = assertThrows(InputException.class, () -> InputFiles.load(dir, 2015));
        assertTrue(e.errors().contains(dir + ": endusers.parquet with an enduser_load table: profiles are matched "
                + "to end-users on the driver, so give the end-users as endusers.csv"), e.errors().toString());
    }

    @Test
    void bothFormsOfAPopulationIsAnError() throws IOException {
        part(List.of(user("U1", "residential", 4000.0, -0.2, 0.2, 0.0)), NULLABLE_USERS);
        Files.writeString(dir.resolve(InputFiles.ENDUSERS), "id,archetype,annual_energy,elasticity,flex_share,"
                + "energy_flex\nU1,residential,4000,-0.2,0.2,0\n");
        List<String> errors = new ArrayList<>();
        assertEquals(dir.resolve(InputFiles.ENDUSERS_PARQUET), InputFiles.parquet(dir, InputFiles.ENDUSERS, errors));
        assertEquals(List.of("endusers.csv and endusers.parquet: both present in " + dir + ": expected one of them"),
                errors);
        assertTrue(InputFiles.parquet(dir, InputFiles.PROSUMERS, errors) == null);
    }
}
