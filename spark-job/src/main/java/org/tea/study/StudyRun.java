package org.tea.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tea.engine.MarketEngine;
import org.tea.engine.spark.SparkBlocks;
import org.tea.engine.spark.SparkEngine;
import org.tea.equilibrium.ClearingCriterion;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.PassTrace;
import org.tea.equilibrium.ProgressListener;
import org.tea.equilibrium.SensitivityCriterion;
import org.tea.equilibrium.SolverSettings;
import org.tea.io.Manifest;
import org.tea.io.StudyConfig;
import org.tea.io.spark.InputParquet;
import org.tea.io.spark.MarketTables;
import org.tea.io.spark.OutputFolder;
import org.tea.io.spark.RunCheckpoints;
import org.tea.io.spark.StudySession;
import org.tea.io.spark.UserTables;
import org.tea.model.GameCalendar;
import org.tea.results.KeyFigureTable;
import org.tea.results.KeyFigures;

/**
 * One study run (MATSim's controller): start Spark, build the engine over the study's blocks, solve every
 * game, write the tables, the manifest and the summary into a hidden temporary folder, then move it into
 * place. A run that stops half-way leaves only the temporary folder, never something that looks finished.
 */
public final class StudyRun {
    /** The output folder exists and --overwrite was not given: a usage error, found before any work. */
    public static final class OutputExists extends RuntimeException {
        OutputExists(String uri) {
            super("output folder " + uri + " exists; give --overwrite to replace it");
        }
    }

    private final StudyConfig cfg;
    private StudySetup setup; // replaced by the checked study once Parquet populations are read
    private final String output;
    private final boolean overwrite;
    private final String master;
    private final PrintWriter progress;
    private final boolean resume;
    private final List<KeyFigures> figures = new ArrayList<>();

    /** --resume found nothing to continue, or a checkpoint made with another configuration. */
    public static final class CannotResume extends RuntimeException {
        CannotResume(String message) {
            super(message);
        }
    }

    public StudyRun(StudyConfig cfg, StudySetup setup, String output, boolean overwrite, boolean resume, String master,
            PrintWriter progress) {
        this.resume = resume;
        this.cfg = cfg;
        this.setup = setup;
        this.output = output;
        this.overwrite = overwrite;
        this.master = master;
        this.progress = progress;
    }

    public static SolverSettings settings(StudyConfig cfg) {
        var s = cfg.solver();
        return new SolverSettings(cfg.prosumers().behaviour(), s.method(), new ClearingCriterion(s.tolClear()),
                new SensitivityCriterion(s.tolOuter()), s.theta(), s.maxOuter(), s.maxInner(), s.tatonnementStep());
    }

    public EquilibriumResult execute() {
        long started = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();
        try (StudySession spark = StudySession.start(master != null ? master : cfg.spark().master(), "tea run")) {
            OutputFolder out = spark.output(output);
            if (out.exists() && !overwrite) {
                throw new OutputExists(out.uri());
            }
            InputParquet.Checked parquet = null;
            if (setup.readsParquet()) { // checked on the executors before anything is written
                long t = System.nanoTime();
                parquet = InputParquet.check(spark, setup.endUsersParquet(), setup.prosumersParquet(),
                        setup.archetypes());
                setup = setup.checked(parquet.endUsers(), parquet.prosumers());
                timings.put("inputs_check_s", seconds(System.nanoTime() - t));
                timings.put("inputs", parquet.summary());
            }
            String tmp = resume ? resumable(out) : out.createTemp();
            if (!resume) {
                out.writeText(OutputFolder.checkpointOf(tmp), CONFIG, configText());
            }
            RunCheckpoints checkpoints = new RunCheckpoints(out, tmp, resume, cfg.output().checkpointSeconds());
            try {
                long t0 = System.nanoTime();
                GameCalendar calendar = setup.calendar();
                int partitions = cfg.spark().partitionsFor(spark.cores(), setup.endUserCount());
                var o = cfg.output();
                UserTables userTables = new UserTables(spark.session(), tmp, calendar,
                        UserTables.selected(o.enduserDaily(), o.enduserHourly(), o.prosumerHourly()),
                        o.monthPartitionRows());
                MarketEngine engine = SparkEngine.of(spark.context(), setup.blocks(), calendar.games(), partitions,
                        userTables, parquet == null ? SparkBlocks.Rows.NONE
                                : parquet.rows(partitions, setup.blocks().endUserBlockSize(),
                                        setup.blocks().prosumerBlockSize()));
                long t1 = System.nanoTime();
                timings.put("spark_start_s", seconds(t0 - started));
                timings.put("populations_s", seconds(t1 - t0));
                EquilibriumResult result;
                Map<String, Object> engineMetrics;
                try (engine) {
                    result = new EquilibriumSolver(settings(cfg)).solve(engine, setup.prices(), progressPrinter(t1),
                            checkpoints);
                    engineMetrics = engine.metrics();
                }
                long t2 = System.nanoTime();
                timings.put("solve_and_user_tables_s", seconds(t2 - t1));
                int first = calendar.firstScenario();
                for (int s = first; s < first + calendar.scenarios(); s++) {
                    figures.add(KeyFigures.of(result, calendar, s));
                }
                MarketTables.writeAll(spark.session(), tmp, result, calendar, figures, setup.archetypes());
                timings.put("market_tables_s", seconds(System.nanoTime() - t2));
                timings.put("spark_version", spark.version());
                timings.put("partitions", partitions);
                timings.put("total_s", seconds(System.nanoTime() - started));
                timings.put("engine", engineMetrics);
                out.writeText(tmp, Manifest.FILE, Manifest.json(cfg, setup.endUserCount(), setup.prosumerCount(),
                        result, figures, timings));
                out.writeText(tmp, "summary.txt", keyFigureTable());
                out.delete(tmp, OutputFolder.CHECKPOINT);
                out.commit(tmp, overwrite);
                return result;
            } catch (IOException e) {
                abandon(out, tmp);
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                abandon(out, tmp);
                throw e;
            }
        }
    }

    private static final String CONFIG = "config.properties";

    /** The resolved configuration as text: a resumed run must have exactly the same. */
    private String configText() {
        StringBuilder b = new StringBuilder();
        cfg.resolved().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private String resumable(OutputFolder out) {
        String tmp = out.findResumable();
        if (tmp == null) {
            throw new CannotResume("nothing to resume for " + out.uri() + ": no interrupted run left a checkpoint");
        }
        if (!out.readText(OutputFolder.checkpointOf(tmp), CONFIG).equals(configText())) {
            throw new CannotResume("the interrupted run in " + tmp + " used another configuration; give the same "
                    + "--config and --set options, or start afresh without --resume");
        }
        out.clearAllButCheckpoint(tmp); // tables of an interrupted final pass are written again
        return tmp;
    }

    /** After a failure: keep a temporary folder that holds a solver state (it can be resumed), else remove it. */
    private void abandon(OutputFolder out, String tmp) {
        boolean resumable = out.list(OutputFolder.checkpointOf(tmp)).stream().anyMatch(n -> n.startsWith("state-"));
        if (resumable) {
            if (progress != null) {
                progress.println("tea run: the run stopped; its solver state is kept in " + tmp
                        + ": run again with --resume to continue");
                progress.flush();
            }
        } else {
            out.discard(tmp);
        }
    }

    private ProgressListener progressPrinter(long start) {
        if (progress == null) {
            return ProgressListener.NONE;
        }
        return (PassTrace t, int games) -> {
            double elapsed = (System.nanoTime() - start) / 1e9;
            String eta = t.doneGames() == 0 || t.doneGames() == games ? "-"
                    : String.format(Locale.ROOT, "~%.0f s", elapsed * (games - t.doneGames()) / t.doneGames());
            progress.printf(Locale.ROOT, "pass %4d %-6s days done %6d/%d  active %6d  max violation %.2e kWh "
                    + "(%.1e x tol)  elapsed %.1f s  ETA %s%n", t.pass(), t.step(), t.doneGames(), games,
                    t.activeGames(), t.maxViolation(), t.maxViolationRatio(), elapsed, eta);
            progress.flush();
        };
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    /** The key-figure table printed at the end and saved as summary.txt. */
    public String keyFigureTable() {
        return KeyFigureTable.of(figures);
    }
}
