package org.tea.io.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A run's output folder on any Hadoop filesystem (a local path, {@code hdfs://}, {@code s3a://}): results are
 * written into a hidden sibling {@code .<name>.tmp-<uuid>} and renamed into place at the end, so a run that
 * stops half-way never leaves a folder that looks finished. (On object stores the rename is a copy: still
 * all-or-nothing for readers that look at the final name only.)
 */
public final class OutputFolder {
    private final FileSystem fs;
    private final Path target;

    OutputFolder(SparkSession spark, String uri) {
        this.target = new Path(uri);
        try {
            this.fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the filesystem of " + uri, e);
        }
    }

    public String uri() {
        return fs.makeQualified(target).toString();
    }

    public boolean exists() {
        try {
            return fs.exists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the hidden temporary sibling and returns its URI. */
    public String createTemp() {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        try {
            if (!fs.mkdirs(tmp)) {
                throw new IOException("could not create " + tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fs.makeQualified(tmp).toString();
    }

    /**
     * The most recent hidden temporary sibling that holds a checkpoint ({@code _checkpoint/}), or null: what
     * {@code --resume} continues.
     */
    public String findResumable() {
        try {
            Path parent = target.getParent();
            if (!fs.exists(parent)) {
                return null;
            }
            org.apache.hadoop.fs.FileStatus best = null;
            for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(parent)) {
                String name = st.getPath().getName();
                if (st.isDirectory() && name.startsWith("." + target.getName() + ".tmp-")
                        && fs.exists(new Path(st.getPath(), CHECKPOINT))
                        && (best == null || st.getModificationTime() > best.getModificationTime())) {
                    best = st;
                }
            }
            return best == null ? null : fs.makeQualified(best.getPath()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkpoint folder inside a temporary folder. */
    public static final String CHECKPOINT = "_checkpoint";

    /** The checkpoint folder of temporary folder {@code tmp}. */
    public static String checkpointOf(String tmp) {
        return new Path(tmp, CHECKPOINT).toString();
    }

    /** Removes everything in a temporary folder but its checkpoint: tables of an interrupted final pass. */
    public void clearAllButCheckpoint(String dir) {
        try {
            for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(new Path(dir))) {
                if (!st.getPath().getName().equals(CHECKPOINT)) {
                    fs.delete(st.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes to {@code dir/name} completely before the name exists: write a sibling, then rename. */
    public void writeBytes(String dir, String name, byte[] bytes) {
        Path file = new Path(dir, name);
        Path part = new Path(dir, "." + name + ".part");
        try {
            try (OutputStream out = fs.create(part, true)) {
                out.write(bytes);
            }
            if (!fs.rename(part, file)) {
                throw new IOException("could not rename " + part + " to " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the files in a folder (empty if it does not exist). */
    public java.util.List<String> list(String dir) {
        try {
            java.util.List<String> out = new java.util.ArrayList<>();
            Path d = new Path(dir);
            if (fs.exists(d)) {
                for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(d)) {
                    out.add(st.getPath().getName());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] readBytes(String dir, String name) {
        try (java.io.InputStream in = fs.open(new Path(dir, name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String readText(String dir, String name) {
        return new String(readBytes(dir, name), StandardCharsets.UTF_8);
    }

    public void delete(String dir, String name) {
        try {
            fs.delete(new Path(dir, name), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a small text file (manifest, summary) into a folder. */
    public void writeText(String dir, String name, String text) {
        try (OutputStream out = fs.create(new Path(dir, name), false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the finished temporary folder to the target, replacing it only if {@code overwrite}. */
    public void commit(String tmp, boolean overwrite) {
        try {
            if (fs.exists(target)) {
                if (!overwrite) {
                    throw new IOException("output folder " + target + " appeared during the run; results left in " + tmp);
                }
                fs.delete(target, true);
            }
            if (!fs.rename(new Path(tmp), target)) {
                throw new IOException("could not move " + tmp + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a temporary folder after a failure; best effort. */
    public void discard(String tmp) {
        try {
            fs.delete(new Path(tmp), true);
        } catch (IOException e) {
            // a leftover hidden temporary folder is harmless and says what it is
        }
    }
}
