package org.tea.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a UTF-8 CSV file with a header row through commons-csv and hands each data row over as a map from
 * column name to trimmed value, numbered as a spreadsheet numbers it (the header is row 1; blank lines keep
 * their number and are skipped). Problems of the file itself (absent, not UTF-8, broken quoting, a row with too
 * few or too many cells) become errors; what the values mean is for the caller.
 */
final class CsvTable {
    /** RFC 4180 (quotes, embedded commas), keeping empty lines so record numbers stay line numbers. */
    static final CSVFormat READ = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    interface Rows {
        /** The header, names trimmed, in file order. */
        void header(List<String> names);

        /** A data row whose cell count matches the header. */
        void row(long row, Map<String, String> fields);

        /** A data row with the wrong cell count, already reported: still a row, for counting. */
        default void skipped(long row) {
        }
    }

    private CsvTable() {
    }

    /** Reads {@code file}, naming it {@code label} in errors; false if it could not be read to its end. */
    static boolean read(Path file, String label, List<String> errors, Rows rows) {
        if (!Files.isRegularFile(file)) {
            errors.add(label + ": file not found: " + file.toAbsolutePath());
            return false;
        }
        long row = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            try (CSVParser parser = CSVParser.parse(reader, READ)) {
                List<String> header = null;
                for (CSVRecord record : parser) {
                    row = record.getRecordNumber();
                    if (header == null) {
                        header = new ArrayList<>(record.size());
                        for (String name : record) {
                            header.add(name.trim());
                        }
                        rows.header(header);
                        continue;
                    }
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    if (record.size() != header.size()) {
                        errors.add(label + ":row " + row + ": " + record.size() + (record.size() == 1 ? " cell" : " cells")
                                + ", expected " + header.size() + " (one per header column)");
                        rows.skipped(row);
                        continue;
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        fields.putIfAbsent(header.get(c), record.get(c).trim());
                    }
                    rows.row(row, fields);
                }
                if (header == null) {
                    errors.add(label + ": the file is empty: expected a header row");
                    return false;
                }
            }
        } catch (CharacterCodingException e) {
            errors.add(label + ": not UTF-8 text (near row " + (row + 1) + ")");
            return false;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(label + ":row " + (row + 1) + ": cannot read the CSV: " + rootMessage(e));
            return false;
        }
        return true;
    }

    /** Spreadsheets often save UTF-8 with a byte-order mark; it is not part of the first column's name. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
