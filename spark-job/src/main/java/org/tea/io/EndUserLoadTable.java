package org.tea.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.tea.model.EndUserSpec;
import org.tea.model.Hours;
import org.tea.model.StudySeries;

/**
 * The optional {@code enduser_load} table of an inputs folder (data/README.md): each end-user's own reference load,
 * in kWh per hour, long format {@code user_id, day, hour, kwh}, as Parquet ({@value #PARQUET}, a file or a folder of
 * part files) or CSV ({@value #CSV}). A user in the table follows it instead of archetype shape times annual energy
 * (and the noise): MODEL section 4's {@code ref_jt}.
 *
 * <p>Only the study window is kept, a float per user and hour ({@link #BYTES_PER_USER_DAY} bytes per user-day), in
 * arrays aligned with the end-user list. Every hour of every day of the window is required for a user in the table;
 * rows of other days of the year are checked and ignored. Errors name file, row, field, value and expectation: a
 * CSV row as a spreadsheet numbers it (the header is row 1), a Parquet row by its place in the file from 1.
 */
public final class EndUserLoadTable {
    public static final String PARQUET = "enduser_load.parquet";
    public static final String CSV = "enduser_load.csv";
    public static final String USER_ID = "user_id";
    public static final String DAY = "day";
    public static final String HOUR = "hour";
    public static final String KWH = "kwh";
    public static final List<String> COLUMNS = List.of(USER_ID, DAY, HOUR, KWH);
    /** What a user's profile costs where its block lives: a float per hour. */
    public static final int BYTES_PER_USER_DAY = Hours.T * Float.BYTES;
    /** Row-level errors listed per file; a table of millions of rows with one systematic mistake stays readable. */
    static final int LISTED_ROW_ERRORS = 1000;

    private EndUserLoadTable() {
    }

    /** True when {@code dir} holds an enduser_load table. */
    public static boolean present(Path dir) {
        return Files.exists(dir.resolve(PARQUET)) || Files.exists(dir.resolve(CSV));
    }

    /**
     * Reads the table in {@code dir}, if any, for the users of {@code users} (in that order) and the study window
     * of {@code days} days from day {@code firstDay} of {@code year}; an id in {@code knownIds} (every id of
     * endusers.csv, also of rows with errors) is not reported as unknown. Returns null when there is no table, else one
     * entry per user: its reference load, {@code [day index * 24 + hour]}, or null if the table does not have it.
     * Problems go to {@code errors}; the result is then incomplete.
     */
    public static float[][] read(Path dir, List<EndUserSpec> users, Set<String> knownIds, int year, int firstDay,
            int days, List<String> errors) {
        Path parquet = dir.resolve(PARQUET);
        Path csv = dir.resolve(CSV);
        boolean hasParquet = Files.exists(parquet);
        boolean hasCsv = Files.exists(csv);
        if (!hasParquet && !hasCsv) {
            return null;
        }
        if (hasParquet && hasCsv) {
            errors.add(dir + ": both " + PARQUET + " and " + CSV + ": expected one enduser_load table");
            return null;
        }
        Profiles p = new Profiles(users, knownIds, year, firstDay, days);
        if (hasCsv) {
            p.csv(csv, CSV, errors);
        } else {
            for (Path part : parts(parquet, errors)) {
                String label = part.equals(parquet) ? PARQUET : PARQUET + "/" + parquet.relativize(part);
                p.parquet(part, label, errors);
            }
        }
        p.finish(hasCsv ? CSV : PARQUET, errors);
        return p.load;
    }

    /** A Parquet table is one file or a folder of part files (as Spark writes it), read in name order. */
    private static List<Path> parts(Path table, List<String> errors) {
        if (!Files.isDirectory(table)) {
            return List.of(table);
        }
        try (Stream<Path> s = Files.walk(table)) {
            List<Path> files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet"))
                    .sorted().toList();
            if (files.isEmpty()) {
                errors.add(PARQUET + ": a folder without .parquet files");
            }
            return files;
        } catch (IOException e) {
            errors.add(PARQUET + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    /** The profiles being filled, unset hours NaN, and what the rows said so far. */
    private static final class Profiles {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<EndUserSpec> users;
        private final float[][] load;
        private final int yearDays;
        private final int firstDay;
        private final int days;
        private final Set<String> known;
        private final Set<String> unknown = new HashSet<>();
        private final List<String> rowErrors = new ArrayList<>();
        private long unlisted;
        private int listed;

        Profiles(List<EndUserSpec> users, Set<String> known, int year, int firstDay, int days) {
            this.users = users;
            this.known = known;
            for (int k = 0; k < users.size(); k++) {
                index.put(users.get(k).id(), k);
            }
            this.load = new float[users.size()][];
            this.yearDays = StudySeries.hoursInYear(year) / Hours.T;
            this.firstDay = firstDay;
            this.days = days;
        }

        void csv(Path file, String label, List<String> errors) {
            CsvTable.read(file, label, errors, new CsvTable.Rows() {
                @Override
                public void header(List<String> names) {
                    InputRules.header(label, names, COLUMNS, null, errors);
                }

                @Override
                public void row(long row, Map<String, String> fields) {
                    Profiles.this.row(label, row, fields, errors);
                }
            });
        }

        /**
         * Reads a Parquet file column by column, values in their own types: the common case (a string id, integer
         * day and hour, floating-point kWh in range) costs no text; any other value is turned into the text a CSV
         * cell would hold and checked by the same rules, so both formats give the same messages.
         */
        void parquet(Path file, String label, List<String> errors) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                FileMetaData meta = reader.getFooter().getFileMetaData();
                MessageType schema = meta.getSchema();
                List<String> names = new ArrayList<>();
                for (Type f : schema.getFields()) {
                    names.add(f.getName());
                }
                int before = errors.size();
                InputRules.header(label, names, COLUMNS, null, errors);
                ColumnDescriptor[] columns = new ColumnDescriptor[COLUMNS.size()];
                for (int c = 0; c < columns.length && errors.size() == before; c++) {
                    Type t = schema.getType(COLUMNS.get(c));
                    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                        errors.add(label + ":row 1: column '" + t.getName() + "' is " + t
                                + ": expected one plain value per row");
                    } else {
                        columns[c] = schema.getColumnDescription(new String[] {t.getName()});
                    }
                }
                if (errors.size() > before) {
                    return;
                }
                long row = 0;
                PageReadStore pages;
                ColumnReader[] readers = new ColumnReader[columns.length];
                while ((pages = reader.readNextRowGroup()) != null) {
                    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
                            new GroupRecordConverter(schema).getRootConverter(), schema, meta.getCreatedBy());
                    for (int c = 0; c < columns.length; c++) {
                        readers[c] = store.getColumnReader(columns[c]);
                    }
                    for (long r = 0; r < pages.getRowCount(); r++) {
                        row++;
                        parquetRow(label, row, readers, errors);
                        for (ColumnReader cr : readers) {
                            cr.consume();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                errors.add(label + ": cannot read as Parquet: " + e.getMessage());
            }
        }

        private Binary lastIdBytes;
        private String lastId;

        private void parquetRow(String label, long row, ColumnReader[] r, List<String> errors) {
            rowErrors.clear();
            String id;
            ColumnReader idColumn = r[0];
            if (!ParquetValues.present(idColumn)) {
                id = "";
            } else if (ParquetValues.plainBinary(idColumn.getDescriptor())) {
                // rows of a user mostly follow each other: decode its id once
                Binary b = idColumn.getBinary();
                if (!b.equals(lastIdBytes)) {
                    lastIdBytes = b.copy();
                    lastId = b.toStringUsingUTF8().trim();
                }
                id = lastId;
            } else {
                id = ParquetValues.text(idColumn);
            }
            Integer k = user(label, row, id);
            Integer day = integer(label, row, r[1], DAY, 1, yearDays);
            Integer hour = integer(label, row, r[2], HOUR, 0, Hours.T - 1);
            Double kwh;
            double v = ParquetValues.present(r[3]) ? ParquetValues.number(r[3]) : Double.NaN;
            if (v >= 0 && v <= Float.MAX_VALUE) {
                kwh = v;
            } else {
                kwh = kwh(label, row, Map.of(KWH, ParquetValues.present(r[3]) ? ParquetValues.text(r[3]) : ""));
            }
            place(label, row, id, k, day, hour, kwh, r[2], errors);
        }

        /** An integer column's value in [lo, hi], or null with its error (the text path for anything unusual). */
        private Integer integer(String label, long row, ColumnReader r, String name, int lo, int hi) {
            if (ParquetValues.present(r) && r.getDescriptor().getPrimitiveType().getLogicalTypeAnnotation() == null
                    || ParquetValues.present(r) && r.getDescriptor().getPrimitiveType().getLogicalTypeAnnotation()
                            instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
                PrimitiveType.PrimitiveTypeName type = r.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
                long v = type == PrimitiveType.PrimitiveTypeName.INT32 ? r.getInteger()
                        : type == PrimitiveType.PrimitiveTypeName.INT64 ? r.getLong() : Long.MIN_VALUE;
                if (v >= lo && v <= hi) {
                    return (int) v;
                }
            }
            String cell = ParquetValues.present(r) ? ParquetValues.text(r) : "";
            return InputRules.integer(label, row, Map.of(name, cell), name, lo, hi, rowErrors);
        }

        /** One CSV row: checked, then placed in its user's profile if it falls in the window. */
        void row(String label, long row, Map<String, String> fields, List<String> errors) {
            rowErrors.clear();
            String id = fields.get(USER_ID);
            Integer k = user(label, row, id);
            Integer day = InputRules.integer(label, row, fields, DAY, 1, yearDays, rowErrors);
            Integer hour = InputRules.integer(label, row, fields, HOUR, 0, Hours.T - 1, rowErrors);
            Double kwh = kwh(label, row, fields);
            place(label, row, id, k, day, hour, kwh, fields.get(HOUR), errors);
        }

        /** The index of user {@code id}, or null; an id endusers.csv lacks is an error on its first row. */
        private Integer user(String label, long row, String id) {
            Integer k = id == null ? null : index.get(id);
            if (id != null && k == null && !known.contains(id) && unknown.add(id)) {
                rowErrors.add(InputRules.field(label, row, USER_ID, id, "the id of a user in " + InputFiles.ENDUSERS
                        + " (further rows of this id are not listed)"));
            }
            return k;
        }

        /** The kWh of a row's cell, >= 0 and within a float, or null with its error. */
        private Double kwh(String label, long row, Map<String, String> fields) {
            Double kwh = InputRules.number(label, row, fields, KWH, 0, false, Double.POSITIVE_INFINITY, false,
                    ">= 0 (kWh in the hour)", rowErrors);
            if (kwh != null && kwh > Float.MAX_VALUE) {
                rowErrors.add(InputRules.field(label, row, KWH, fields.get(KWH), "at most " + Float.MAX_VALUE
                        + " kWh (a float)"));
                return null;
            }
            return kwh;
        }

        /**
         * A checked row (null where a field failed) into its user's profile if it falls in the window; then the
         * row's errors, up to the listed number. {@code hourCell} is the hour's text, or its Parquet column.
         */
        private void place(String label, long row, String id, Integer k, Integer day, Integer hour, Double kwh,
                Object hourCell, List<String> errors) {
            if (k != null && day != null && hour != null && kwh != null && day >= firstDay && day < firstDay + days) {
                float[] profile = load[k];
                if (profile == null) {
                    profile = new float[days * Hours.T];
                    java.util.Arrays.fill(profile, Float.NaN);
                    load[k] = profile;
                }
                int i = (day - firstDay) * Hours.T + hour;
                if (!Float.isNaN(profile[i])) {
                    String cell = hourCell instanceof ColumnReader r ? ParquetValues.text(r) : (String) hourCell;
                    rowErrors.add(InputRules.field(label, row, HOUR, cell, "each (user_id, day, hour) once, but user "
                            + id + " has day " + day + " hour " + hour + " in an earlier row"));
                } else {
                    profile[i] = kwh.floatValue();
                }
            }
            for (String e : rowErrors) {
                if (listed < LISTED_ROW_ERRORS) {
                    errors.add(e);
                    listed++;
                } else {
                    unlisted++;
                }
            }
        }

        /** Users with a hole in the window, and the errors not listed. */
        void finish(String label, List<String> errors) {
            if (unlisted > 0) {
                errors.add(label + ": " + unlisted + " more row errors not listed (the first " + LISTED_ROW_ERRORS
                        + " are)");
            }
            for (int k = 0; k < load.length; k++) {
                float[] profile = load[k];
                if (profile == null) {
                    continue;
                }
                int missing = 0;
                int first = -1;
                for (int i = 0; i < profile.length; i++) {
                    if (Float.isNaN(profile[i])) {
                        missing++;
                        first = first < 0 ? i : first;
                    }
                }
                if (missing > 0) {
                    errors.add(label + ": user " + users.get(k).id() + " lacks " + missing + " of the "
                            + profile.length + " hours of the study window (the first: day "
                            + (firstDay + first / Hours.T) + " hour " + first % Hours.T + "): expected every hour of "
                            + "days " + firstDay + ".." + (firstDay + days - 1) + " for a user in the table");
                }
            }
        }
    }
}
