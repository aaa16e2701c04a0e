package org.tea.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tea.model.EndUserSpec;
import org.tea.model.Hours;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * A study's inputs folder (MODEL section 10; schemas in data/README.md): {@value #ENDUSERS}, {@value #PROSUMERS}
 * and {@value #SERIES}, and optionally the end-users' own load profiles ({@link EndUserLoadTable}). {@link #load}
 * validates them all completely before it returns, so a user fixes every problem in one go instead of one per run.
 * Either population may come as Parquet instead ({@value #ENDUSERS_PARQUET}, {@value #PROSUMERS_PARQUET}: a file
 * or a folder of part files, same columns): such a population is read and checked on the executors
 * ({@code org.tea.io.spark.InputParquet}), never here.
 * And {@value #STORAGE} (MODEL section 12) when the folder has one: storage units, none without it.
 */
public final class InputFiles {
    public static final String ENDUSERS = "endusers.csv";
    public static final String PROSUMERS = "prosumers.csv";
    public static final String SERIES = "series.csv";
    public static final String STORAGE = "storage.csv";
    public static final String ENDUSERS_PARQUET = "endusers.parquet";
    public static final String PROSUMERS_PARQUET = "prosumers.parquet";

    private InputFiles() {
    }

    /**
     * Loads and validates the inputs in {@code dir} for study year {@code year}. Throws {@link InputException}
     * listing every error of every file (missing files and columns, bad values, duplicate ids, unknown
     * archetypes, an incomplete year, an empty city).
     */
    public static LoadedInputs load(Path dir, int year) {
        return load(dir, year, 1, StudySeries.hoursInYear(year) / Hours.T);
    }

    /**
     * As {@link #load(Path, int)}, with the optional {@link EndUserLoadTable} read for the study window of
     * {@code days} days from day {@code firstDay}.
     */
    public static LoadedInputs load(Path dir, int year, int firstDay, int days) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(null, List.of(dir + ": not a folder (expected one holding " + ENDUSERS + ", "
                    + PROSUMERS + " and " + SERIES + ")"));
        }
        List<String> errors = new ArrayList<>();
        // the series first: its load columns are the archetypes users and prosumers may name
        SeriesCsv.Result series = SeriesCsv.read(dir.resolve(SERIES), SERIES, year, errors);
        List<String> archetypes = series.archetypes();

        List<EndUserSpec> users = new ArrayList<>();
        Map<String, Long> userIds = new HashMap<>();
        boolean usersInParquet = parquet(dir, ENDUSERS, errors) != null;
        if (!usersInParquet) {
            long userRows = readPopulation(dir.resolve(ENDUSERS), ENDUSERS, InputRules.ENDUSER_COLUMNS, userIds,
                    errors, (row, fields) -> InputRules.endUser(ENDUSERS, row, fields, archetypes, errors), users::add);
            if (userRows == 0) {
                errors.add(InputRules.empty(ENDUSERS, "end-users (the city is empty)"));
            }
        } else if (EndUserLoadTable.present(dir)) {
            errors.add(dir + ": " + ENDUSERS_PARQUET + " with an enduser_load table: profiles are matched to "
                    + "end-users on the driver, so give the end-users as " + ENDUSERS);
        }

        List<ProsumerSpec> prosumers = new ArrayList<>();
        if (parquet(dir, PROSUMERS, errors) == null) {
            readPopulation(dir.resolve(PROSUMERS), PROSUMERS, InputRules.PROSUMER_COLUMNS, new HashMap<>(), errors,
                    (row, fields) -> InputRules.prosumer(PROSUMERS, row, fields, archetypes, errors), prosumers::add);
        }

        // ids of end-user rows with errors are known too: their load rows are checked, not called unknown
        float[][] load = usersInParquet ? null : EndUserLoadTable.read(dir, users, userIds.keySet(), year, firstDay, days, errors);
        List<StorageSpec> storage = readStorage(dir, errors);
        if (!errors.isEmpty()) {
            throw new InputException(dir.toString(), errors);
        }
        return new LoadedInputs(users, prosumers, series.series(), load, storage);
    }

    /** The storage units of {@value #STORAGE} in {@code dir}, none without the file; errors added to {@code errors}. */
    private static List<StorageSpec> readStorage(Path dir, List<String> errors) {
        List<StorageSpec> storage = new ArrayList<>();
        if (Files.exists(dir.resolve(STORAGE))) {
            readPopulation(dir.resolve(STORAGE), STORAGE, InputRules.STORAGE_COLUMNS, new HashMap<>(), errors,
                    (row, fields) -> InputRules.storage(STORAGE, row, fields, errors), storage::add);
        }
        return storage;
    }

    /**
     * The storage units of {@value #STORAGE} in {@code dir} alone (MODEL section 12), none without the file;
     * throws {@link InputException} listing every error.
     */
    public static List<StorageSpec> storage(Path dir) {
        List<String> errors = new ArrayList<>();
        List<StorageSpec> storage = readStorage(dir, errors);
        if (!errors.isEmpty()) {
            throw new InputException(dir.toString(), errors);
        }
        return storage;
    }

    /**
     * The Parquet form of population file {@code csv} ({@value #ENDUSERS} or {@value #PROSUMERS}) in {@code dir},
     * or null if there is none, in which case the CSV is read. Both present is an error (added to {@code errors};
     * the Parquet form is returned so that the CSV is not read as well).
     */
    public static Path parquet(Path dir, String csv, List<String> errors) {
        String name = csv.equals(ENDUSERS) ? ENDUSERS_PARQUET : PROSUMERS_PARQUET;
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            return null;
        }
        if (Files.exists(dir.resolve(csv))) {
            errors.add(csv + " and " + name + ": both present in " + dir + ": expected one of them");
        }
        return p;
    }

    /** How one row becomes an entity, or null (its errors already added). */
    private interface RowRule<T> {
        T apply(long row, Map<String, String> fields);
    }

    /**
     * Reads a population file: header, rows, unique ids (each id's first row goes to {@code firstRow}). Returns its
     * data rows, or -1 if it could not be read.
     */
    private static <T> long readPopulation(Path file, String label, List<String> columns, Map<String, Long> firstRow,
            List<String> errors, RowRule<T> rule, Consumer<T> sink) {
        long[] rows = {0};
        boolean read = CsvTable.read(file, label, errors, new CsvTable.Rows() {
            @Override
            public void header(List<String> names) {
                InputRules.header(label, names, columns, null, errors);
            }

            @Override
            public void row(long row, Map<String, String> fields) {
                rows[0]++;
                String id = fields.get(InputRules.ID);
                if (id != null && !id.isEmpty()) {
                    Long first = firstRow.putIfAbsent(id, row);
                    if (first != null) {
                        errors.add(InputRules.duplicateId(label, row, id, first));
                    }
                }
                T entity = rule.apply(row, fields);
                if (entity != null) {
                    sink.accept(entity);
                }
            }

            @Override
            public void skipped(long row) {
                rows[0]++;
            }
        });
        return read ? rows[0] : -1;
    }
}
