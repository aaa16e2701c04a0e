package org.tea.io.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tea.engine.spark.SparkBlocks;
import org.tea.io.InputException;
import org.tea.io.InputFiles;
import org.tea.io.InputRules;
import org.tea.io.synth.Seeds;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import scala.Tuple2;

/**
 * The populations of an inputs folder given as Parquet ({@value InputFiles#ENDUSERS_PARQUET},
 * {@value InputFiles#PROSUMERS_PARQUET}: a file or a folder of part files), read and checked on the executors so
 * that the driver never holds them. The columns are those of the CSV files (data/README.md): {@code id} and
 * {@code archetype} strings, the others numbers (any numeric type, read as double). Every row goes through the
 * same {@link InputRules} as a CSV row: each partition returns its row count, an order-free checksum of its ids and
 * its errors (at most {@value #MAX_ERRORS}, the rest counted), and the driver adds these up. Ids repeated anywhere
 * in the file are found by one grouping job that returns only the repeated ids. A row is named by its part file and
 * its position in it, from 1: {@code endusers.parquet/part-00001.parquet:row 14: field ...}.
 *
 * <p>Once checked, {@link Checked#rows} reads the files again into the partitions the blocks are built in.
 */
public final class InputParquet {
    /** Errors kept per partition and in all; beyond that they are only counted. */
    public static final int MAX_ERRORS = 100;
    private static final String FILE = "__file";
    private static final String ROW = "__row";
    private static final String PATH = "__path";

    /** One row's validation: {@link InputRules#endUser} or {@link InputRules#prosumer}. */
    private interface Rule<T> extends Serializable {
        T apply(String file, long row, Map<String, String> fields, Collection<String> archetypes, List<String> errors);
    }

    private InputParquet() {
    }

    /** What a population file is: its name in messages, its path, its columns and rule. */
    private record Population<T>(String label, String uri, boolean single, List<String> columns, Rule<T> rule)
            implements Serializable {
        Population(String label, Path path, List<String> columns, Rule<T> rule) {
            this(label, path.toAbsolutePath().toUri().toString(), Files.isRegularFile(path), columns, rule);
        }
    }

    private static Population<EndUserSpec> endUsers(Path file) {
        return new Population<EndUserSpec>(InputFiles.ENDUSERS_PARQUET, file, InputRules.ENDUSER_COLUMNS,
                InputRules::endUser);
    }

    private static Population<ProsumerSpec> prosumers(Path file) {
        return new Population<ProsumerSpec>(InputFiles.PROSUMERS_PARQUET, file, InputRules.PROSUMER_COLUMNS,
                InputRules::prosumer);
    }

    /** What the executors report of one population: rows, valid rows, the sum of their id hashes, errors. */
    static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        long rows;
        long valid;
        long checksum;
        long errorCount;
        final ArrayList<String> errors = new ArrayList<>();

        void error(String e) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            }
        }

        static Tally merge(Tally a, Tally b) {
            Tally t = new Tally();
            t.rows = a.rows + b.rows;
            t.valid = a.valid + b.valid;
            t.checksum = a.checksum + b.checksum;
            t.errorCount = a.errorCount;
            t.errors.addAll(a.errors);
            for (String e : b.errors) {
                t.error(e);
            }
            t.errorCount += b.errorCount - b.errors.size();
            return t;
        }
    }

    /** Both populations as checked: their sizes and checksums; the Parquet ones can then be read into blocks. */
    public static final class Checked {
        private final SparkSession spark;
        private final Population<EndUserSpec> endUsers;     // null: not from Parquet
        private final Population<ProsumerSpec> prosumers;
        private final List<String> archetypes;
        private final Map<String, Object> summary = new LinkedHashMap<>();
        private long endUserRows = -1;
        private long prosumerRows = -1;

        private Checked(SparkSession spark, Population<EndUserSpec> endUsers, Population<ProsumerSpec> prosumers,
                List<String> archetypes) {
            this.spark = spark;
            this.endUsers = endUsers;
            this.prosumers = prosumers;
            this.archetypes = List.copyOf(archetypes);
        }

        /** End-users read from Parquet, or -1 if they are not. */
        public long endUsers() {
            return endUserRows;
        }

        /** Prosumers read from Parquet, or -1 if they are not. */
        public long prosumers() {
            return prosumerRows;
        }

        /** Per Parquet file: its rows and the checksum of its ids (the wrapping sum of their 64-bit hashes). */
        public Map<String, Object> summary() {
            return summary;
        }

        /**
         * The Parquet populations' rows in at most {@code partitions} partitions, where their blocks of
         * {@code endUserBlock} end-users and {@code prosumerBlock} prosumers will be built.
         */
        public SparkBlocks.Rows rows(int partitions, int endUserBlock, int prosumerBlock) {
            return new SparkBlocks.Rows(
                    endUsers == null ? null : rowsOf(spark, endUsers, archetypes, partitions, endUserBlock),
                    prosumers == null ? null : rowsOf(spark, prosumers, archetypes, partitions, prosumerBlock));
        }
    }

    /**
     * Checks the Parquet populations on the executors ({@code null}: that population is not read from Parquet);
     * throws {@link InputException} listing every error found (capped as the class says).
     */
    public static Checked check(StudySession session, Path endUserFile, Path prosumerFile, List<String> archetypes) {
        SparkSession spark = session.session();
        Checked c = new Checked(spark, endUserFile == null ? null : endUsers(endUserFile),
                prosumerFile == null ? null : prosumers(prosumerFile), archetypes);
        List<String> errors = new ArrayList<>();
        if (c.endUsers != null) {
            Tally t = tally(spark, c.endUsers, archetypes, errors);
            c.endUserRows = t.valid;
            if (t.rows == 0 && errors.isEmpty()) {
                errors.add(InputRules.empty(c.endUsers.label(), "end-users (the city is empty)"));
            }
            c.summary.put(c.endUsers.label(), Map.of("rows", t.rows, "id_checksum", t.checksum));
        }
        if (c.prosumers != null) {
            Tally t = tally(spark, c.prosumers, archetypes, errors);
            c.prosumerRows = t.valid;
            c.summary.put(c.prosumers.label(), Map.of("rows", t.rows, "id_checksum", t.checksum));
        }
        if (!errors.isEmpty()) {
            throw new InputException(endUserFile != null ? endUserFile.getParent().toString()
                    : prosumerFile.getParent().toString(), errors);
        }
        return c;
    }

    /** Reads and checks one population, adding its errors; its tally (empty if the file could not be read). */
    private static <T> Tally tally(SparkSession spark, Population<T> p, List<String> archetypes, List<String> errors) {
        Dataset<Row> located;
        try {
            located = typed(spark, p, errors, true);
        } catch (RuntimeException e) {
            errors.add(p.label() + ": cannot read the Parquet: " + message(e));
            return new Tally();
        }
        if (located == null) {
            return new Tally();
        }
        try {
            Tally t = located.toJavaRDD().mapPartitions((Iterator<Row> it) -> List.of(tallyOf(it, p, archetypes))
                    .iterator()).fold(new Tally(), Tally::merge);
            errors.addAll(t.errors);
            List<String> dups = duplicates(p, located);
            errors.addAll(dups);
            long more = t.errorCount - t.errors.size();
            if (more > 0) {
                errors.add(p.label() + ": and " + more + " more rows' errors like those above");
            }
            return t;
        } catch (RuntimeException e) {
            errors.add(p.label() + ": cannot read the Parquet: " + message(e));
            return new Tally();
        }
    }

    /**
     * The file's columns in the documented order, numbers as double, with each row's part file and position when
     * {@code located}; null (with errors) if a column is missing, unexpected or of the wrong type.
     */
    private static Dataset<Row> typed(SparkSession spark, Population<?> p, List<String> errors, boolean located) {
        Dataset<Row> df = spark.read().parquet(p.uri());
        StructType schema = df.schema();
        int before = errors.size();
        InputRules.schema(p.label(), List.of(schema.fieldNames()), p.columns(), errors);
        List<Column> cols = new ArrayList<>();
        for (String name : p.columns()) {
            boolean text = name.equals(InputRules.ID) || name.equals(InputRules.ARCHETYPE);
            for (StructField f : schema.fields()) {
                if (!f.name().equals(name)) {
                    continue;
                }
                DataType type = f.dataType();
                if (text ? !type.equals(DataTypes.StringType) : !(type instanceof NumericType)) {
                    errors.add(p.label() + ": schema: column '" + name + "' has type " + type.simpleString()
                            + ": expected " + (text ? "string" : "a number (double)"));
                }
            }
            cols.add(text ? col(name) : col(name).cast(DataTypes.DoubleType).as(name));
        }
        if (errors.size() > before) {
            return null;
        }
        if (located) {
            cols.add(col("_metadata.file_name").as(FILE));
            cols.add(col("_metadata.row_index").as(ROW));
        }
        return df.select(cols.toArray(new Column[0]));
    }

    /** A row's fields as the rules read them: text trimmed, numbers in their shortest exact decimal, null as empty. */
    private static Map<String, String> fields(Row r, List<String> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Object v = r.get(c);
            m.put(columns.get(c), v == null ? "" : v instanceof Double d ? Double.toString(d) : v.toString().trim());
        }
        return m;
    }

    private static String fileOf(Population<?> p, String partFile) {
        return p.single() ? p.label() : p.label() + "/" + partFile;
    }

    private static <T> Tally tallyOf(Iterator<Row> it, Population<T> p, List<String> archetypes) {
        Tally t = new Tally();
        List<String> errors = new ArrayList<>();
        int n = p.columns().size();
        boolean single = p.single();
        while (it.hasNext()) {
            Row r = it.next();
            t.rows++;
            Map<String, String> f = fields(r, p.columns());
            String file = single ? p.label() : p.label() + "/" + r.getString(n);
            errors.clear();
            T ok = p.rule().apply(file, r.getLong(n + 1) + 1, f, archetypes, errors);
            if (ok != null) {
                t.valid++;
                t.checksum += Seeds.id(f.get(InputRules.ID));
            }
            for (String e : errors) {
                t.error(e);
            }
        }
        return t;
    }

    /** Ids that more than one row has, at most {@value #MAX_ERRORS} of them, each as one error. */
    private static List<String> duplicates(Population<?> p, Dataset<Row> located) {
        Column id = trim(col(InputRules.ID));
        List<Row> dups = located.where(col(InputRules.ID).isNotNull().and(length(id).gt(0)))
                .groupBy(id.as(InputRules.ID))
                .agg(count(lit(1)).as("n"), min(struct(col(FILE), col(ROW))).as("first"),
                        max(struct(col(FILE), col(ROW))).as("last"))
                .where(col("n").gt(1)).orderBy(InputRules.ID).limit(MAX_ERRORS + 1).collectAsList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_ERRORS, dups.size()); i++) {
            Row d = dups.get(i);
            Row first = d.getStruct(2);
            Row last = d.getStruct(3);
            String firstFile = fileOf(p, first.getString(0));
            String lastFile = fileOf(p, last.getString(0));
            String at = (firstFile.equals(lastFile) ? "" : firstFile + ":") + "row " + (first.getLong(1) + 1);
            long n = d.getLong(1);
            out.add(InputRules.field(lastFile, last.getLong(1) + 1, InputRules.ID, d.getString(0),
                    "a unique id, but " + at + " has it already" + (n > 2 ? " (" + n + " rows have it)" : "")));
        }
        if (dups.size() > MAX_ERRORS) {
            out.add(p.label() + ": and more repeated ids");
        }
        return out;
    }

    /**
     * The checked population's entities in the order of the CSV path: part files by name, rows in file order, as
     * if one file. Each row gets its position in that order, and a shuffle by block ({@code size} positions each)
     * sends whole blocks, in order, to contiguous slices of {@code partitions}: a partition starts at a block
     * boundary and every block but the last is full, so grouping each partition's rows by {@code size} makes
     * exactly the blocks of the same city read from CSV. Blocks sum their users in plain doubles, so the same
     * blocks are what makes the results the same to the last bit; the shuffle output also makes a lost
     * partition's rebuild read the same rows.
     */
    private static <T> JavaRDD<T> rowsOf(SparkSession spark, Population<T> p, List<String> archetypes, int partitions,
            int size) {
        Dataset<Row> df = typed(spark, p, new ArrayList<>(), true).withColumn(PATH, col("_metadata.file_path"));
        Map<String, Long> offsets = new java.util.HashMap<>();
        long total = 0;
        for (Row r : df.groupBy(PATH).count().orderBy(PATH).collectAsList()) {
            offsets.put(r.getString(0), total);
            total += r.getLong(1);
        }
        int n = p.columns().size();
        JavaPairRDD<Long, T> keyed = df.toJavaRDD().mapToPair(r -> {
            T t = p.rule().apply(p.label(), 0, fields(r, p.columns()), archetypes, new ArrayList<>());
            return new Tuple2<>(offsets.get(r.getString(n + 2)) + r.getLong(n + 1), t);
        });
        return keyed.repartitionAndSortWithinPartitions(new BlockSlices(total, size, partitions)).values();
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
