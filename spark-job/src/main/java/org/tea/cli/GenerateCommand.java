package org.tea.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tea.io.ConfigException;
import org.tea.io.InputFiles;
import org.tea.io.StudyConfig;
import org.tea.study.StudySetup;
import org.tea.io.SeriesCsv;
import org.tea.io.spark.GeneratedParquet;
import org.tea.io.spark.StudySession;
import org.tea.io.synth.CityParameters;
import org.tea.io.synth.CityWriter;
import org.tea.io.synth.SyntheticCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tea generate}: writes a synthetic city as input files (data/README.md documents them). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a physically grounded synthetic city (end-users, prosumers, hourly series of one",
            "scenario) as the CSV input files a study reads with inputs.dir."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad configuration or usage; nothing is written"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "study configuration (.properties); default: the built-in defaults")
    Path config;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "folder for "
            + InputFiles.ENDUSERS + ", " + InputFiles.PROSUMERS + " and " + InputFiles.SERIES)
    Path output;

    @Option(names = "--overwrite", description = "replace files in an existing folder")
    boolean overwrite;

    @Option(names = "--scenario", paramLabel = "N", description = "which scenario's renewable output to write (default 0)")
    int scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a configuration key; repeatable")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--parquet", description = "write the end-users and prosumers as " + InputFiles.ENDUSERS_PARQUET
            + " and " + InputFiles.PROSUMERS_PARQUET + " (folders of part files, made by Spark from each member's "
            + "index, so a large city never sits in memory) instead of CSV")
    boolean parquet;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --parquet (default local[*])")
    String master = "local[*]";

    /** Deletes a local folder tree, if present. */
    static void deleteLocal(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        StudyConfig cfg;
        try {
            cfg = StudyConfig.load(config, overrides);
        } catch (ConfigException e) {
            return RunCommand.report(spec.commandLine().getErr(), "configuration", e.errors());
        }
        if (Files.exists(output) && !overwrite) {
            return RunCommand.report(spec.commandLine().getErr(), "usage",
                    List.of("output folder " + output + " exists; give --overwrite to replace its files"));
        }
        Path tmp = output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".tmp-generate");
        deleteLocal(tmp);
        Files.createDirectories(tmp);
        CityParameters p = StudySetup.cityParameters(cfg);
        if (parquet) {
            SeriesCsv.write(tmp.resolve(InputFiles.SERIES), SyntheticCity.series(p, scenario));
            try (StudySession spark = StudySession.start(master, "tea generate")) {
                GeneratedParquet.write(spark.session(), tmp, p, spark.cores());
            }
        } else {
            CityWriter.write(tmp, p, scenario);
        }
        deleteLocal(output);
        Files.move(tmp, output);
        spec.commandLine().getOut().println("tea generate: wrote " + cfg.endUsers().count() + " end-users, "
                + cfg.prosumers().count() + " prosumers and a year of hourly series to " + output);
        return Main.OK;
    }
}
