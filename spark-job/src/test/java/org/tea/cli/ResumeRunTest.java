package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tea.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (MATSim-style output folder, checkpointed solver): a run killed mid-way leaves nothing that
 * looks finished, and {@code --resume} completes it with exactly the results of an uninterrupted run.
 */
class ResumeRunTest {
    static final String[] STUDY = {"--config", "../conf/quick.properties", "--set", "study.days=40", "--set",
        "endusers.count=1000", "--set", "prosumers.count=100", "--set", "prosumers.pvKwp=40", "--set",
        "output.checkpointSeconds=0", "--master", "local[2]"};

    @TempDir
    Path tmp;

    static List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "--output", out.toString()));
        a.addAll(List.of(STUDY));
        a.addAll(List.of(extra));
        return a;
    }

    /** Starts the CLI in a child JVM and kills it (SIGKILL) once it has printed progress for pass {@code k}. */
    static void runAndKillAfterPass(Path out, int k) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.tea.cli.Main");
        cmd.addAll(args(out));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean killed = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith(String.format("pass %4d clear", k))) {
                    p.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child run did not end");
        assertTrue(killed, "the child run ended before pass " + k + " (exit " + p.exitValue() + ")");
    }

    static String hiddenTemp(Path parent, String name) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("." + name + ".tmp-")).findFirst()
                    .orElse(null);
        }
    }

    @Test
    void aRunKilledMidwayResumesToTheUninterruptedResult() throws Exception {
        Path whole = tmp.resolve("whole");
        assertEquals(0, Main.execute(args(whole, "--quiet").toArray(new String[0])));

        Path killed = tmp.resolve("killed");
        runAndKillAfterPass(killed, 3);
        assertFalse(Files.exists(killed), "a killed run must not leave a folder that looks finished");
        String temp = hiddenTemp(tmp, "killed");
        assertTrue(temp != null && Files.isDirectory(tmp.resolve(temp).resolve("_checkpoint")), "no checkpoint kept");

        assertEquals(0, Main.execute(args(killed, "--resume", "--quiet").toArray(new String[0])));
        assertEquals(Files.readString(whole.resolve("summary.txt")), Files.readString(killed.resolve("summary.txt")));
        assertEquals(DuckDb.rows(whole, "market_hourly"), DuckDb.rows(killed, "market_hourly"));
        assertEquals(DuckDb.rows(whole, "convergence"), DuckDb.rows(killed, "convergence"));
        assertEquals(null, hiddenTemp(tmp, "killed"), "the temporary folder must be gone after the resumed run");
        assertFalse(Files.exists(killed.resolve("_checkpoint")), "checkpoints are not part of the output");
    }

    @Test
    void resumeWithNothingToResumeOrAnotherConfigurationIsRefused() throws Exception {
        assertEquals(2, Main.execute(args(tmp.resolve("never"), "--resume", "--quiet").toArray(new String[0])));
        Path killed = tmp.resolve("changed");
        runAndKillAfterPass(killed, 2);
        assertEquals(2, Main.execute(args(killed, "--resume", "--quiet", "--set", "study.seed=5").toArray(new String[0])));
        assertFalse(Files.exists(killed));
    }
}
