package org.tea.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tea.engine.local.LocalEngine;
import org.tea.equilibrium.DayResult;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.io.StudyConfig;
import org.tea.study.StudyRun;
import org.tea.study.StudySetup;

/**
 * How fast the inner-outer iteration reaches the equilibrium over a family of generated cities (the local
 * engine, no Spark): outer iterations per day (median, p99, max), engine passes for the study in lockstep,
 * days not converged, the share of hours that clear inside the price box or at pi_s, and the largest hourly
 * budget imbalance relative to the hour's money flow. The family spans N = 1 to 10^4 prosumers, M = 50 to
 * 10^5 end-users, elasticity -0.05 to -1, daily energy flexibility 0 to 0.3, renewable shares 0 to 150% of
 * the end-users' demand, strategic and competitive prosumers, flat and time-of-use tariffs. Arguments:
 * {@code key=value} overrides applied to every city (e.g. {@code study.days=30}); {@code --only NAME} runs
 * the cities whose name contains NAME. Not a test: a documented command (README, Benchmarks).
 */
public final class ConvergenceBench {

    record City(String name, Map<String, String> keys) {
    }

    static City city(String name, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new City(name, m);
    }

    /** PV per prosumer (kWp) for a renewable share of the end-users' demand, at about 1,150 kWh per kWp-year. */
    static String pv(double share, int endUsers, int prosumers) {
        return Double.toString(Math.max(0, share * endUsers * 4000.0 / (prosumers * 1150.0)));
    }

    static List<City> family() {
        List<City> c = new ArrayList<>();
        c.add(city("reference-411", "endusers.count", "411", "prosumers.count", "157", "prosumers.pvKwp", "9",
                "endusers.elasticity", "-0.6", "endusers.energyFlex", "0.1"));
        for (int m : new int[] {50, 1000, 10000}) {
            for (double share : new double[] {0.0, 0.3, 0.8, 1.5}) {
                for (String behaviour : new String[] {"strategic", "competitive"}) {
                    int n = Math.max(1, m / 4);
                    c.add(city("M" + m + "-N" + n + "-share" + share + "-" + behaviour, "endusers.count", "" + m,
                            "prosumers.count", "" + n, "prosumers.pvKwp", pv(share, m, n), "prosumers.behaviour",
                            behaviour));
                }
            }
        }
        for (double eps : new double[] {-0.05, -0.3, -1}) {
            for (double flex : new double[] {0, 0.1, 0.3}) {
                c.add(city("M1000-eps" + eps + "-e" + flex, "endusers.count", "1000", "prosumers.count", "250",
                        "prosumers.pvKwp", pv(0.5, 1000, 250), "endusers.elasticity", "" + eps,
                        "endusers.energyFlex", "" + flex));
            }
        }
        for (int n : new int[] {1, 5, 20, 100}) {
            c.add(city("M1000-N" + n, "endusers.count", "1000", "prosumers.count", "" + n, "prosumers.pvKwp",
                    pv(0.6, 1000, n)));
        }
        c.add(city("tou-M1000", "endusers.count", "1000", "prosumers.count", "250", "prosumers.pvKwp",
                pv(0.5, 1000, 250), "market.tariff.type", "tou", "endusers.energyFlex", "0.1"));
        c.add(city("tou-M1000-competitive", "endusers.count", "1000", "prosumers.count", "250", "prosumers.pvKwp",
                pv(0.5, 1000, 250), "market.tariff.type", "tou", "prosumers.behaviour", "competitive"));
        c.add(city("M100000-N10000", "endusers.count", "100000", "prosumers.count", "10000", "prosumers.pvKwp",
                pv(0.3, 100000, 10000), "endusers.elasticity", "-0.4", "endusers.energyFlex", "0.1"));
        return c;
    }

    public static void main(String[] args) {
        Map<String, String> common = new LinkedHashMap<>();
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = args[++i];
            } else {
                String[] kv = args[i].split("=", 2);
                common.put(kv[0], kv[1]);
            }
        }
        System.out.printf(Locale.ROOT, "%-36s %6s %6s %6s %7s %7s %6s %6s %8s %8s %9s %7s%n", "city", "share", "med",
                "p99", "max", "passes", "unconv", "inside", "budget", "wall_s", "days", "pv");
        List<Integer> all = new ArrayList<>();
        int unconverged = 0;
        long maxPasses = 0;
        for (City city : family()) {
            if (only != null && !city.name().contains(only)) {
                continue;
            }
            Map<String, String> keys = new LinkedHashMap<>(city.keys());
            keys.putAll(common);
            StudyConfig cfg = StudyConfig.fromMap(keys);
            StudySetup setup = StudySetup.generated(cfg);
            long t0 = System.nanoTime();
            EquilibriumResult r;
            try (LocalEngine e = LocalEngine.of(setup.blocks(), setup.calendar().games(), 2, null)) {
                r = new EquilibriumSolver(StudyRun.settings(cfg)).solve(e, setup.prices(), null);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            int[] outer = r.days().stream().mapToInt(DayResult::outerIterations).sorted().toArray();
            for (int o : outer) {
                all.add(o);
            }
            long bad = r.days().stream().filter(d -> !d.converged()).count();
            unconverged += bad;
            maxPasses = Math.max(maxPasses, r.passes());
            System.out.printf(Locale.ROOT, "%-36s %5.0f%% %6d %6d %7d %7d %6d %5.1f%% %8.1e %8.1f %9d %7s%n",
                    city.name(), 100 * share(r), quantile(outer, 0.5), quantile(outer, 0.99), outer[outer.length - 1],
                    r.passes(), bad, 100 * inside(r), budget(r), wall, outer.length, keys.get("prosumers.pvKwp"));
        }
        int[] o = all.stream().mapToInt(Integer::intValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "all: %d days, outer iterations median %d, p99 %d, max %d; most passes %d; "
                + "days not converged %d%n", o.length, quantile(o, 0.5), quantile(o, 0.99), o[o.length - 1], maxPasses,
                unconverged);
    }

    static int quantile(int[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** Renewable generation as a share of the end-users' baseline demand. */
    static double share(EquilibriumResult r) {
        return Arrays.stream(r.generation()).sum() / Arrays.stream(r.baselineEnduserDemand()).sum();
    }

    /** Share of hours that clear strictly inside (pi_s, pi_b) or at pi_s. */
    static double inside(EquilibriumResult r) {
        int n = 0;
        double[] b = r.prices().importPrice();
        for (int i = 0; i < r.lambda().length; i++) {
            if (r.lambda()[i] < b[i] - 1e-12 * Math.abs(b[i])) {
                n++;
            }
        }
        return n / (double) r.lambda().length;
    }

    /** Largest |lambda D - lambda sold - pi_b M| over an hour's money flow |lambda| D + |pi_b| M. */
    static double budget(EquilibriumResult r) {
        double worst = 0;
        double[] b = r.prices().importPrice();
        for (int i = 0; i < r.lambda().length; i++) {
            double l = r.lambda()[i];
            double m = r.imported(i);
            double gap = Math.abs(l * r.demand()[i] - l * r.soldLocal()[i] - b[i] * m);
            worst = Math.max(worst, gap / Math.max(Math.abs(l) * r.demand()[i] + Math.abs(b[i]) * m, 1e-300));
        }
        return worst;
    }
}
