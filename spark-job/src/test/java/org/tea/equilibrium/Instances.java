package org.tea.equilibrium;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ExplicitEndUserBlock;
import org.tea.engine.ExplicitProsumerBlock;
import org.tea.engine.ProsumerBlock;
import org.tea.market.Calibration;
import org.tea.model.DayPrices;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;
import org.tea.model.ProsumerDay;

/** Seeded test markets: analytic ones and random calibrated multi-day ones. */
public final class Instances {
    static final int T = Hours.T;

    /** A market of explicit blocks and its prices. */
    public record Market(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, MarketPrices prices) {
        public int games() {
            return prices.games();
        }
    }

    private Instances() {
    }

    static double[] constant(double v) {
        double[] a = new double[T];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /**
     * M identical users with no binding bound (D = M (alpha - lambda) / beta) and N identical prosumers with
     * {@code surplus} kWh each and no load, over {@code games} identical days.
     */
    public static Market cournot(int m, double alpha, double beta, int n, double surplus, double piS, double piB,
            int games) {
        List<List<EndUserDay>> users = new ArrayList<>();
        List<List<ProsumerDay>> pros = new ArrayList<>();
        List<DayPrices> days = new ArrayList<>();
        for (int g = 0; g < games; g++) {
            List<EndUserDay> us = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                us.add(new EndUserDay("U" + j, constant(alpha), beta, constant(0), constant(1e6), 0, 1e9));
            }
            users.add(us);
            List<ProsumerDay> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ps.add(new ProsumerDay("P" + i, constant(surplus), constant(0)));
            }
            pros.add(ps);
            days.add(new DayPrices("day" + g, constant(piS), constant(piB), constant(piS), constant(alpha / 2),
                    constant(piS)));
        }
        return new Market(List.of(new ExplicitEndUserBlock(users)), List.of(new ExplicitProsumerBlock(pros)),
                MarketPrices.of(days));
    }

    /**
     * M identical users who want {@code (alpha - lambda) / beta} each but at most {@code dmax} kWh an hour (their
     * sensitivity jumps from 0 to {@code M / beta} at the kink {@code lambda = alpha - beta dmax}), and N identical
     * prosumers with {@code surplus} kWh each and no load, over {@code games} identical days.
     */
    public static Market kinked(int m, double alpha, double beta, double dmax, int n, double surplus, double piS,
            double piB, int games) {
        List<List<EndUserDay>> users = new ArrayList<>();
        List<List<ProsumerDay>> pros = new ArrayList<>();
        List<DayPrices> days = new ArrayList<>();
        for (int g = 0; g < games; g++) {
            List<EndUserDay> us = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                us.add(new EndUserDay("U" + j, constant(alpha), beta, constant(0), constant(dmax), 0, 1e9));
            }
            users.add(us);
            List<ProsumerDay> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ps.add(new ProsumerDay("P" + i, constant(surplus), constant(0)));
            }
            pros.add(ps);
            days.add(new DayPrices("day" + g, constant(piS), constant(piB), constant(piS), constant(alpha / 2),
                    constant(piS)));
        }
        return new Market(List.of(new ExplicitEndUserBlock(users)), List.of(new ExplicitProsumerBlock(pros)),
                MarketPrices.of(days));
    }

    /**
     * A random calibrated market: residential-like reference loads with morning and evening peaks, PV-shaped
     * prosumer surplus, wholesale prices with a midday dip, split into blocks of {@code blockSize} users.
     */
    public static Market random(long seed, int users, int prosumers, int games, int blockSize, double energyFlex) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<DayPrices> days = new ArrayList<>();
        double tariffLevel = 0.13;
        for (int g = 0; g < games; g++) {
            double[] pi = new double[T];
            for (int t = 0; t < T; t++) {
                double shape = 0.04 + 0.015 * Math.sin((t - 7) * Math.PI / 12) - 0.02 * sun(t);
                pi[t] = shape + 0.01 * (rnd.nextDouble() - 0.5);
            }
            days.add(DayPrices.of("day" + g, pi, 0.015, 0.005, constant(tariffLevel)));
        }
        List<List<List<EndUserDay>>> blocks = new ArrayList<>();
        int nBlocks = (users + blockSize - 1) / blockSize;
        for (int b = 0; b < nBlocks; b++) {
            blocks.add(new ArrayList<>());
            for (int g = 0; g < games; g++) {
                blocks.get(b).add(new ArrayList<>());
            }
        }
        double[] alpha = new double[T];
        double[] dmin = new double[T];
        double[] dmax = new double[T];
        double[] energy = new double[2];
        double[] ref = new double[T];
        for (int j = 0; j < users; j++) {
            double level = 0.3 + 0.5 * rnd.nextDouble();
            double eps = -(0.1 + 0.3 * rnd.nextDouble());
            double flex = 0.4 * rnd.nextDouble();
            for (int g = 0; g < games; g++) {
                for (int t = 0; t < T; t++) {
                    double peaks = 1 + 0.8 * Math.exp(-sq(t - 7.5) / 3) + 1.2 * Math.exp(-sq(t - 19) / 4);
                    ref[t] = level * peaks * (0.8 + 0.4 * rnd.nextDouble());
                }
                double beta = Calibration.calibrate(ref, days.get(g).tariff(), eps, flex, energyFlex, alpha, dmin, dmax,
                        energy);
                blocks.get(j / blockSize).get(g).add(new EndUserDay("U" + j, alpha, beta, dmin, dmax, energy[0], energy[1]));
            }
        }
        List<EndUserBlock> endUsers = new ArrayList<>();
        for (List<List<EndUserDay>> b : blocks) {
            endUsers.add(new ExplicitEndUserBlock(b));
        }
        List<List<ProsumerDay>> pros = new ArrayList<>();
        for (int g = 0; g < games; g++) {
            pros.add(new ArrayList<>());
        }
        for (int i = 0; i < prosumers; i++) {
            // sized so that midday surplus is comparable to demand: interior prices happen
            double kwp = 2.5 * users / prosumers * (0.5 + rnd.nextDouble());
            for (int g = 0; g < games; g++) {
                double cloud = 0.3 + 0.7 * rnd.nextDouble();
                double[] gen = new double[T];
                double[] load = new double[T];
                for (int t = 0; t < T; t++) {
                    gen[t] = kwp * 0.8 * sun(t) * cloud;
                    load[t] = 0.4 + 0.4 * rnd.nextDouble();
                }
                pros.get(g).add(new ProsumerDay("P" + i, gen, load));
            }
        }
        return new Market(endUsers, List.of(new ExplicitProsumerBlock(pros)), MarketPrices.of(days));
    }

    static double sun(int t) {
        double x = (t + 0.5 - 12.5) / 7.0;
        return Math.abs(x) < 1 ? Math.cos(x * Math.PI / 2) : 0.0;
    }

    static double sq(double x) {
        return x * x;
    }
}
