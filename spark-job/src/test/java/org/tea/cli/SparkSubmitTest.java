package org.tea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit path: Spark's own submit entry point ({@code org.apache.spark.deploy.SparkSubmit}) runs the
 * job in local mode from a jar of the compiled classes, in a child JVM (it ends with System.exit), and the job
 * takes the master from spark-submit, not from its configuration.
 */
class SparkSubmitTest {
    @TempDir
    static Path tmp;
    static Path jar;

    /** A jar of target/classes: spark-submit needs a primary resource, and the module jar is not built yet. */
    @BeforeAll
    static void jar() throws IOException {
        jar = tmp.resolve("tea-job.jar");
        Path classes = Path.of("target", "classes");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    static int submit(String... jobArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--class", "org.tea.cli.Main", "--conf", "spark.ui.enabled=false",
                jar.toString()));
        cmd.addAll(List.of(jobArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("submit-" + System.nanoTime() + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spark-submit did not end");
        return p.exitValue();
    }

    @Test
    void theJobRunsUnderSparkSubmitWithTheSubmittedMaster() throws Exception {
        Path out = tmp.resolve("submitted");
        // a master in the configuration that would give 7 cores: under spark-submit it must be ignored
        assertEquals(0, submit("run", "--config", "../conf/quick.properties", "--output", out.toString(), "--set",
                "study.days=2", "--set", "endusers.count=100", "--set", "prosumers.count=10", "--set",
                "spark.master=local[7]", "--quiet"));
        assertTrue(Files.isDirectory(out.resolve("market_hourly")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"cores\" : 2"), "the submitted local[2] must be used: " + manifest);
    }

    @Test
    void badConfigurationExitsTwoUnderSparkSubmit() throws Exception {
        Path out = tmp.resolve("bad");
        assertEquals(2, submit("run", "--config", "../conf/quick.properties", "--output", out.toString(), "--set",
                "study.days=0"));
        assertFalse(Files.exists(out));
    }
}
