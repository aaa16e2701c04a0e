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
 * and {@value #SERIES}, optionally the end-users' own load profiles ({@link EndUserLoadTable}) and
 * {@value #STORAGE} (MODEL section 12; absent: no storage). {@link #load} validates them all completely before it returns, so a user fixes every
 * problem in one go instead of one per run.
 */
public final class InputFiles {
    public static final String ENDUSERS = "endusers.csv";
    public static final String PROSUMERS = "prosumers.csv";
    public static final String SERIES = "series.csv";
    public static final String STORAGE = "storage.csv";

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
        long userRows = readPopulation(dir.resolve(ENDUSERS), ENDUSERS, InputRules.ENDUSER_COLUMNS, userIds, errors,
                (row, fields) -> InputRules.endUser(ENDUSERS, row, fields, archetypes, errors), users::add);
        if (userRows == 0) {
            errors.add(InputRules.empty(ENDUSERS, "end-users (the city is empty)"));
        }

        List<ProsumerSpec> prosumers = new ArrayList<>();
        readPopulation(dir.resolve(PROSUMERS), PROSUMERS, InputRules.PROSUMER_COLUMNS, new HashMap<>(), errors,
                (row, fields) -> InputRules.prosumer(PROSUMERS, row, fields, archetypes, errors), prosumers::add);

        // ids of end-user rows with errors are known too: their load rows are checked, not called unknown
        float[][] load = EndUserLoadTable.read(dir, users, userIds.keySet(), year, firstDay, days, errors);
        List<StorageSpec> storage = new ArrayList<>();
        if (Files.exists(dir.resolve(STORAGE))) {
            readPopulation(dir.resolve(STORAGE), STORAGE, InputRules.STORAGE_COLUMNS, new HashMap<>(), errors,
                    (row, fields) -> InputRules.storage(STORAGE, row, fields, errors), storage::add);
        }
        if (!errors.isEmpty()) {
            throw new InputException(dir.toString(), errors);
        }
        return new LoadedInputs(users, prosumers, series.series(), load, storage);
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
