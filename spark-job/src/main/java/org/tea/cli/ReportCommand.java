package org.tea.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tea.io.spark.RunReader;
import org.tea.io.spark.StudySession;
import org.tea.report.Report;
import org.tea.report.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tea report}: the exported report (HTML, PNG, CSV) of a finished run or of a folder of runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes index.html with PNG plots and CSV tables from a finished run's outputs, or from a sweep",
            "folder whose sub-folders are runs (conf/case-study/run-all.sh makes one). Reads the Parquet outputs and",
            "manifest.json only; nothing is recomputed. In a sweep, the run named 'reference' (else the first) gives the",
            "single-run sections, market-power-* runs the market-power curve and pv-* runs the PV sweep."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:no run found, an unreadable run, or bad usage; nothing is written"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "RUN_OR_SWEEP_DIR", required = true,
            description = "a run's output folder (with manifest.json), or a folder of run folders; a path or Hadoop URI")
    String input;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "report folder, e.g. notebooks-export/reference (must not exist unless --overwrite)")
    Path output;

    @Option(names = "--overwrite", description = "replace an existing report folder")
    boolean overwrite;

    @Option(names = "--reference", paramLabel = "NAME", defaultValue = "reference",
            description = "in a sweep, the run shown in the single-run sections (default: ${DEFAULT-VALUE}, else the first)")
    String reference;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(output) && !overwrite) {
            return RunCommand.report(err, "usage", List.of("report folder " + output + " exists; give --overwrite to replace it"));
        }
        System.setProperty("java.awt.headless", "true");
        List<RunData> runs = new ArrayList<>();
        try (StudySession spark = StudySession.start("local[2]", "tea report")) {
            spark.session().sparkContext().setLogLevel("ERROR");
            RunReader reader = new RunReader(spark.session());
            List<String> dirs = reader.isRun(input) ? List.of(input) : reader.runsUnder(input);
            if (dirs.isEmpty()) {
                return RunCommand.report(err, "input", List.of(input + ": neither a finished run (no manifest.json) nor a "
                        + "folder of finished runs"));
            }
            for (String d : dirs) {
                try {
                    runs.add(reader.read(d));
                } catch (Exception e) { // Spark's AnalysisException (a missing table) is checked but undeclared
                    return RunCommand.report(err, "input", List.of(d + ": cannot be read as a run: " + e.getMessage()));
                }
            }
        }
        RunData ref = runs.stream().filter(r -> r.name().equals(reference)).findFirst().orElse(runs.get(0));
        Path abs = output.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-report");
        GenerateCommand.deleteLocal(tmp);
        Report.write(tmp, ref, runs);
        GenerateCommand.deleteLocal(abs);
        Files.createDirectories(abs.getParent());
        Files.move(tmp, abs);
        spec.commandLine().getOut().println("tea report: " + runs.size() + " run" + (runs.size() == 1 ? "" : "s")
                + " -> " + output.resolve("index.html"));
        return Main.OK;
    }
}
