package org.tea.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;

/** "Convergence": the pass trace of the reference run and, in a sweep, of the run that took the most passes. */
final class ConvergenceSection {
    private ConvergenceSection() {
    }

    static void write(Page page, RunData ref, List<RunData> sweep) throws IOException {
        page.h2("Convergence", "convergence");
        // the reference run, and in a sweep also the run that needed the most engine passes
        List<RunData> shown = new ArrayList<>(List.of(ref));
        sweep.stream().filter(r -> r != ref).max(Comparator.comparingInt(r -> r.trace().size()))
                .filter(r -> r.trace().size() > ref.trace().size()).ifPresent(shown::add);
        java.awt.Color[] colors = {Plots.IMPORT, Plots.BASELINE};
        List<Plots.Line> viol = new ArrayList<>();
        List<Plots.Line> active = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            RunData r = shown.get(k);
            double[] pass = r.trace().stream().mapToDouble(RunData.TraceRow::pass).toArray();
            viol.add(new Plots.Line(r.name(), pass,
                    r.trace().stream().mapToDouble(t -> Math.max(t.maxViolation(), 1e-16)).toArray(), colors[k], false,
                    true));
            active.add(new Plots.Line(r.name(), pass,
                    r.trace().stream().mapToDouble(RunData.TraceRow::activeGames).toArray(), colors[k], false, true));
        }
        JFreeChart a = Plots.integers(Plots.xyLogY("Max clearing violation per pass", "engine pass",
                "kWh (log scale; 0 drawn at 1e-16)", viol), false);
        JFreeChart b = Plots.integers(Plots.xy("Active games per pass", "engine pass", "games still iterating", active),
                true);
        Plots.save(page.file("convergence.png"), 2, 480, 320, a, b);
        page.img("convergence.png", "Convergence trace");
        for (RunData r : shown) {
            page.p(String.format(Locale.ROOT, "%s: %d of %d games (scenario-days) converged in %d engine passes; at most %d "
                    + "outer iterations on a day.", r.name(), r.daysConverged(), r.games(), r.trace().size(),
                    r.maxOuterIterations()));
        }
        if (ref.trace().size() <= 3) {
            page.p("Three passes are the fewest a run can take (two clearing passes and the settlement pass): every hour "
                    + "cleared at the import price at once, because local supply was short in every hour.");
        }
        try (CSVPrinter csv = page.csv("convergence-trace.csv", "run", "pass", "step", "active_games", "done_games",
                "max_violation", "millis")) {
            for (RunData r : shown) {
                for (RunData.TraceRow t : r.trace()) {
                    csv.printRecord(r.name(), t.pass(), t.step(), t.activeGames(), t.doneGames(), t.maxViolation(),
                            t.millis());
                }
            }
        }
        page.link("convergence-trace.csv");
    }
}
