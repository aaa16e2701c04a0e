package org.tea.io.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.SolverState;

/**
 * Checkpoints of a run's solver state in {@code <temporary folder>/_checkpoint/}: {@code state-<pass>.bin},
 * each written under a hidden name and renamed once complete, the older ones deleted after. A run killed at
 * any moment leaves at least one complete state, and {@code --resume} continues from the newest. Saves are
 * at most every {@code minSeconds} (and always after the last pass), since a city-scale state is tens of MB.
 */
public final class RunCheckpoints implements EquilibriumSolver.Checkpoints {
    private static final String PREFIX = "state-";
    private static final String SUFFIX = ".bin";

    private final OutputFolder folder;
    private final String dir;
    private final boolean resume;
    private final long minNanos;
    private long lastSave = System.nanoTime();

    public RunCheckpoints(OutputFolder folder, String tmp, boolean resume, double minSeconds) {
        this.folder = folder;
        this.dir = OutputFolder.checkpointOf(tmp);
        this.resume = resume;
        this.minNanos = (long) (minSeconds * 1e9);
    }

    /** Pass number of a state file, or -1. */
    static int pass(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int newest() {
        int best = -1;
        for (String name : folder.list(dir)) {
            best = Math.max(best, pass(name));
        }
        return best;
    }

    @Override
    public SolverState load() {
        if (!resume) {
            return null;
        }
        int pass = newest();
        if (pass < 0) {
            return null; // interrupted before the first checkpoint: start afresh
        }
        byte[] bytes = folder.readBytes(dir, PREFIX + pass + SUFFIX);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (SolverState) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("checkpoint " + dir + "/" + PREFIX + pass + SUFFIX
                    + " cannot be read (made by another version?): " + e.getMessage(), e);
        }
    }

    @Override
    public void save(SolverState state, boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastSave < minNanos) {
            return;
        }
        lastSave = now;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pass = state.passesDone();
        folder.writeBytes(dir, PREFIX + pass + SUFFIX, bytes.toByteArray());
        List<String> names = folder.list(dir);
        for (String name : names) {
            int p = pass(name);
            if (p >= 0 && p < pass) {
                folder.delete(dir, name);
            }
        }
    }
}
