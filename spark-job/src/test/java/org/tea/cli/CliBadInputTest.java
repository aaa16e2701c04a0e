package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tea.io.ConfigKey;
import org.tea.io.StudyConfig;

/**
 * Every documented key with a bad value: exit code 2, an error naming the key, nothing written. Validation
 * comes before Spark starts, so these runs cost milliseconds.
 */
class CliBadInputTest {
    /** Keys that take any text: nothing to get wrong before the run starts. */
    static final List<String> FREE_TEXT = List.of("spark.master");

    @TempDir
    Path tmp;

    /** Bad values derived from each key's type and range. */
    static Stream<Arguments> badValues() {
        List<Arguments> out = new ArrayList<>();
        for (ConfigKey k : StudyConfig.keys()) {
            List<String> bad = new ArrayList<>();
            switch (k.type()) {
                case INT -> {
                    bad.add("1.5");
                    bad.add("ten");
                }
                case LONG -> bad.add("12x");
                case DOUBLE -> {
                    bad.add("NaN");
                    bad.add("abc");
                }
                case BOOLEAN -> bad.add("maybe");
                case ENUM -> bad.add("no-such-choice");
                case HOUR_RANGE -> bad.add("19-7");
                case FEED_IN -> bad.add("cheap");
                case STRING -> {
                    if (k.name().equals("inputs.dir")) {
                        bad.add("/no/such/folder");
                    } else if (k.name().startsWith("series.")) {
                        // a file without its column, a column without its file
                        bad.add(k.name().endsWith(".file") ? "/no/such/folder/x.csv" : "HOEP");
                    }
                }
                default -> throw new AssertionError("a new key type needs bad values: " + k.type());
            }
            if (k.range() != null && (k.type() == ConfigKey.Type.INT || k.type() == ConfigKey.Type.DOUBLE
                    || k.type() == ConfigKey.Type.LONG)) {
                if (Double.isFinite(k.range().min())) {
                    bad.add(ConfigKey.number(k.range().min() - (k.type() == ConfigKey.Type.DOUBLE ? 1e-3 * Math.max(1,
                            Math.abs(k.range().min())) : 1)));
                }
                if (Double.isFinite(k.range().max())) {
                    bad.add(ConfigKey.number(k.range().max() * 2 + 1));
                }
            }
            for (String v : bad) {
                out.add(Arguments.of(k.name(), v));
            }
        }
        return out.stream();
    }

    @Test
    void onlyFreeTextKeysGoUntested() {
        List<String> tested = badValues().map(a -> (String) a.get()[0]).distinct().toList();
        List<String> untested = StudyConfig.keys().stream().map(ConfigKey::name).filter(n -> !tested.contains(n)).toList();
        assertEquals(FREE_TEXT, untested);
    }

    record Outcome(int code, String err) {
    }

    static Outcome run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Main.execute(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void aBadValueExitsTwoNamingTheKeyAndWritesNothing(String key, String value) {
        Path out = tmp.resolve("out");
        Outcome o = run("run", "--config", "../conf/quick.properties", "--output", out.toString(), "--set",
                key + "=" + value, "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(key) || (key.equals("inputs.dir") && o.err().contains(value)), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void everyErrorIsListedAtOnce() {
        Outcome o = run("run", "--output", tmp.resolve("x").toString(), "--set", "study.days=0", "--set",
                "endusers.count=-3", "--set", "prosumers.behaviour=greedy", "--set", "no.such.key=1");
        assertEquals(2, o.code());
        for (String k : List.of("study.days", "endusers.count", "prosumers.behaviour", "no.such.key")) {
            assertTrue(o.err().contains(k), k + " missing from: " + o.err());
        }
        assertTrue(o.err().contains("unknown key"), o.err());
    }

    @Test
    void aWindowPastTheEndOfTheYearExitsTwoNamingTheKeyAndWritesNothing() {
        // quick.properties runs 14 days: from day 355 they would end on day 368 of 2025
        Path out = tmp.resolve("out");
        Outcome o = run("run", "--config", "../conf/quick.properties", "--output", out.toString(), "--set",
                "study.firstDay=355", "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--set: study.firstDay = 355: expected at most 352"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theOntarioStudyWithoutItsDataFolderExitsTwoNamingTheFolderAndWritesNothing() {
        // tests run in spark-job/, where the file's ../shared/data/ontario-2016 does not exist
        Path data = Path.of("..", "shared", "data", "ontario-2016");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isDirectory(data), "a data folder at " + data);
        Path out = tmp.resolve("out");
        Outcome o = run("run", "--config", "../conf/ontario-2016.properties", "--output", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("series.price.file = ../shared/data/ontario-2016/price2016.csv: folder "
                + data.toAbsolutePath().normalize() + " not found"), o.err());
        assertTrue(o.err().contains("nothing was written"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingConfigFileExitsTwo() {
        Outcome o = run("run", "--config", "no-such.properties", "--output", tmp.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no-such.properties"), o.err());
    }

    @Test
    void aBadInputFileIsReportedWithFileRowAndFieldAndNothingIsWritten() throws Exception {
        Path inputs = tmp.resolve("inputs");
        assertEquals(0, Main.execute("generate", "--config", "../conf/quick.properties", "--output", inputs.toString(),
                "--set", "endusers.count=20", "--set", "prosumers.count=3"));
        Path users = inputs.resolve("endusers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(users));
        String[] cells = lines.get(3).split(",", -1);
        int col = List.of(lines.get(0).split(",")).indexOf("elasticity");
        cells[col] = "0.5";
        lines.set(3, String.join(",", cells));
        Files.write(users, lines);
        Path out = tmp.resolve("out");
        Outcome o = run("run", "--config", "../conf/quick.properties", "--output", out.toString(), "--set",
                "inputs.dir=" + inputs, "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("endusers.csv") && o.err().contains("row 4") && o.err().contains("elasticity")
                && o.err().contains("0.5"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpWorksOnEveryCommandAndNoCommandIsAnError() {
        for (String[] a : new String[][] {{"--help"}, {"run", "--help"}, {"generate", "--help"}}) {
            assertEquals(0, Main.execute(a), String.join(" ", a));
        }
        assertEquals(2, run().code());
        assertEquals(2, run("frobnicate").code());
    }
}
