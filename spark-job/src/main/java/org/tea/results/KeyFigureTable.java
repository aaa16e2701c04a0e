package org.tea.results;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TE-against-baseline table printed at the end of a run and saved as {@code summary.txt}: per scenario for a
 * deterministic study (or a few scenarios), as distributions over scenarios for a Monte Carlo one.
 */
public final class KeyFigureTable {

    private KeyFigureTable() {
    }

    public static String of(List<KeyFigures> figures) {
        StringBuilder b = new StringBuilder();
        if (figures.size() > 1) {
            b.append(String.format(Locale.ROOT, "Key figures over %d scenarios (%d of %d days converged)%n",
                    figures.size(), figures.stream().mapToInt(KeyFigures::gamesConverged).sum(),
                    figures.stream().mapToInt(KeyFigures::days).sum()));
            b.append(String.format(Locale.ROOT, "%-28s %14s %14s %14s %14s %14s%n", "", "mean", "sd", "P5", "P50", "P95"));
            for (Distribution d : Distribution.of(figures)) {
                b.append(String.format(Locale.ROOT, "%-28s %14s %14s %14s %14s %14s%n", d.figure(), format(d.mean()),
                        format(d.sd()), format(d.p5()), format(d.p50()), format(d.p95())));
            }
            if (figures.size() > 3) {
                return b.toString();
            }
            b.append(System.lineSeparator());
        }
        for (KeyFigures k : figures) {
            b.append(String.format(Locale.ROOT, "Key figures, scenario %d (%d days, %d converged)%n", k.scenario(),
                    k.days(), k.gamesConverged()));
            b.append(String.format(Locale.ROOT, "%-42s %16s %16s %9s%n", "", "TE", "baseline", "change"));
            for (Map.Entry<String, double[]> e : k.sideBySide().entrySet()) {
                double te = e.getValue()[0];
                double base = e.getValue()[1];
                b.append(String.format(Locale.ROOT, "%-42s %16s %16s %8.1f%%%n", e.getKey(), format(te), format(base),
                        KeyFigures.change(te, base)));
            }
            b.append(String.format(Locale.ROOT, "%-42s %16s%n", "energy sold locally (kWh)", format(k.soldLocal())));
            b.append(String.format(Locale.ROOT, "%-42s %16s%n", "energy imported (kWh)", format(k.imported())));
            b.append(String.format(Locale.ROOT, "%-42s %16s%n", "energy exported (kWh)", format(k.exported())));
            b.append(String.format(Locale.ROOT, "%-42s %16.3e%n", "budget imbalance (currency)", k.budgetImbalance()));
            b.append(String.format(Locale.ROOT, "%-42s %16.3e%n", "energy imbalance (kWh/h, max)", k.energyImbalance()));
        }
        return b.toString();
    }

    private static String format(double v) {
        return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%,.0f", v);
    }
}
