package org.tea.report;

import static org.tea.report.Page.esc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The exported report of a run or of a sweep of runs: {@code index.html} with PNG plots and the CSV tables behind
 * them. It reads only what the runs wrote ({@link RunData}): every number on the page is a market output, a key
 * figure or a statistic of them; nothing is recomputed from the model.
 *
 * <p>This class decides which sections appear and in what order; each section is a class of its own that writes
 * its HTML, plots and CSV files through the {@link Page}. In a sweep, runs are grouped by the name prefixes of
 * {@code conf/case-study}: {@code market-power-*} make the market-power curve and {@code pv-*} the PV-penetration
 * sweep; every run appears in the sweep table. The run named {@code reference} (else the first) provides the
 * single-run sections.
 */
public final class Report {
    private Report() {
    }

    /** Writes the report of {@code reference}, with the sweep sections when {@code sweep} has more than one run. */
    public static void write(Path out, RunData reference, List<RunData> sweep) throws IOException {
        Files.createDirectories(out);
        Page page = new Page(out);
        boolean isSweep = sweep.size() > 1;
        String title = isSweep ? "Case study: TE aggregation against a conventional retailer"
                : "Run " + reference.name() + ": TE aggregation against a conventional retailer";
        page.open(title);
        page.html().append("<p class=\"note\">").append(esc(describe(reference)))
                .append(isSweep ? esc(" Sweep of " + sweep.size() + " runs; the single-run sections show run '"
                        + reference.name() + "'.") : "")
                .append(" Every figure below is read from the runs' Parquet outputs; the CSV beside each plot holds "
                        + "its numbers.</p>\n");

        KeyFiguresSection.write(page, reference);
        FindingsSection.write(page, reference, isSweep ? sweep : List.of());
        TypicalDaysSection.write(page, reference);
        LoadSection.write(page, reference);
        GainsSection.write(page, reference);
        if (isSweep) {
            SweepTableSection.write(page, sweep);
            MarketPowerSection.write(page, sweep);
            PvSweepSection.write(page, sweep);
        }
        StorageSection.write(page, reference, isSweep ? sweep : List.of(reference));
        if (reference.scenarioCount() > 1) {
            MonteCarloSection.write(page, reference);
        }
        ConvergenceSection.write(page, reference, isSweep ? sweep : List.of());
        page.close();
    }

    /** The run in one sentence: populations, days (with the window's dates unless from 1 January), scenarios, seed. */
    static String describe(RunData r) {
        String window = r.firstDay() == 1 ? "" : String.format(Locale.ROOT, " (days %d-%d, %s to %s)", r.firstDay(),
                r.lastDay(), LocalDate.ofYearDay(r.year(), r.firstDay()), LocalDate.ofYearDay(r.year(), r.lastDay()));
        return String.format(Locale.ROOT, "%s end-users, %s %s prosumers, %d days of %d%s, %d scenario%s, seed %s.",
                r.value("endusers.count"), r.value("prosumers.count"), r.value("prosumers.behaviour"), r.days(),
                r.year(), window, r.scenarioCount(), r.scenarioCount() == 1 ? "" : "s", r.value("study.seed"));
    }
}
