package org.tea.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.io.ConfigException;
import org.tea.io.InputException;
import org.tea.io.StudyConfig;
import org.tea.results.HourlyBalance;
import org.tea.study.StudyRun;
import org.tea.study.StudySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tea run}: one study, from configuration to Parquet tables and key figures. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a study: a year of hourly retail markets, TE aggregation against the conventional retailer.",
            "Output goes to a temporary folder next to --output and is moved into place at the end."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every day converged", "1:a day failed or did not converge (unless --allow-unconverged)",
            "2:bad configuration, input or usage; nothing is written"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "study configuration (.properties); default: the built-in defaults")
    Path config;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "output folder: a path or a Hadoop filesystem URI such as hdfs:///studies/x (must not exist unless --overwrite)")
    String output;

    @Option(names = "--overwrite", description = "replace an existing output folder at the end of a successful run")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a configuration key; repeatable")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark.master of the configuration, local[*]); ignored under spark-submit")
    String master;

    @Option(names = "--resume", description = "continue an interrupted run into the same --output from its last "
            + "checkpoint, with the same --config and --set options; results equal an uninterrupted run")
    boolean resume;

    @Option(names = "--allow-unconverged", description = "exit 0 even if some day did not converge (it is still flagged in the convergence table)")
    boolean allowUnconverged;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        StudyConfig cfg;
        StudySetup setup;
        try {
            cfg = StudyConfig.load(config, overrides);
            if (isLocal(output) && Files.exists(Path.of(output)) && !overwrite) { // fail fast, before Spark starts
                err.println("tea run: output folder " + output + " exists; give --overwrite to replace it");
                return Main.BAD_INPUT;
            }
            setup = StudySetup.of(cfg);
        } catch (ConfigException e) {
            return report(err, "configuration", e.errors());
        } catch (InputException e) {
            return report(err, "input", e.errors());
        } catch (IllegalArgumentException e) {
            return report(err, "input", List.of(e.getMessage()));
        }
        StudyRun run = new StudyRun(cfg, setup, output, overwrite, resume, master, quiet ? null : err);
        EquilibriumResult result;
        try {
            result = run.execute();
        } catch (StudyRun.OutputExists | StudyRun.CannotResume e) {
            err.println("tea run: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (InputException e) { // Parquet inputs, checked on the executors
            return report(err, "input", e.errors());
        }
        out.println();
        out.print(run.keyFigureTable());
        out.flush();
        HourlyBalance balance = HourlyBalance.of(result);
        if (!balanced(balance, err)) {
            return Main.NOT_CONVERGED;
        }
        long unconverged = result.days().stream().filter(d -> !d.converged()).count();
        if (unconverged > 0) {
            err.println("tea run: " + unconverged + " of " + result.days().size()
                    + " days did not converge; see the convergence table in " + output);
            return allowUnconverged ? Main.OK : Main.NOT_CONVERGED;
        }
        return Main.OK;
    }

    /** Reports an hour whose money does not balance (MODEL section 9): a defect, never passed silently. */
    static boolean balanced(HourlyBalance b, PrintWriter err) {
        if (b.balanced()) {
            return true;
        }
        err.printf(java.util.Locale.ROOT, "tea run: money does not balance in game-hour %d: off by %.2e of the hour's "
                + "money flow (at most %.0e allowed); see manifest.json checks%n", b.worstHour(), b.worstMoney(),
                HourlyBalance.LIMIT);
        err.flush();
        return false;
    }

    /** A plain path or a file: URI; anything else is checked once Spark's filesystem is up. */
    static boolean isLocal(String uri) {
        return !uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") || uri.startsWith("file:");
    }

    static int report(PrintWriter err, String what, List<String> errors) {
        err.println("tea: " + errors.size() + " " + what + " error" + (errors.size() == 1 ? "" : "s") + "; nothing was written:");
        for (String e : errors) {
            err.println("  " + e);
        }
        err.flush();
        return Main.BAD_INPUT;
    }
}
