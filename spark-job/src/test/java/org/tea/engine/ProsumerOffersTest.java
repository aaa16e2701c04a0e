package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tea.model.Behaviour;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.model.ProsumerDay;

/**
 * A pass's offer sums ({@link PassKernel#offers}: {@code A_t}, {@code dA/dlambda}, {@code G_t}, {@code dA/dS},
 * {@code U_t}, {@code W_t}) against a brute-force computation, prosumer by prosumer, from MODEL section 5's
 * definitions, for both behaviours, at prices below {@code pi_s}, at {@code pi_s}, inside the box (on the rising
 * part and beyond every kink) and at {@code pi_b}; over explicit prosumers and over a {@link
 * RenewableProsumerBlock}, whose hours are checked against the generation and load formulas of MODEL 10.
 */
class ProsumerOffersTest {
    static final int T = Hours.T;

    /** Where hour t's price sits; every class occurs in every game of a request. */
    enum Where { BELOW, AT_EXPORT, RISING, SATURATED, AT_IMPORT }

    static Where where(int t, int k) {
        return Where.values()[(t + k) % Where.values().length];
    }

    /** A request for the given games: hour t's price in class {@link #where}, sensitivities varying by hour. */
    static PassRequest request(int[] games, Behaviour b, SplittableRandom r) {
        int n = games.length * T;
        double[] lambda = new double[n];
        double[] s = new double[n];
        double[] piS = new double[n];
        double[] window = new double[n];
        for (int k = 0; k < games.length; k++) {
            for (int t = 0; t < T; t++) {
                int i = k * T + t;
                piS[i] = -0.01 + 0.05 * r.nextDouble();
                double piB = piS[i] + 0.02 + 0.05 * r.nextDouble();
                s[i] = 20 + 400 * r.nextDouble();
                lambda[i] = switch (where(t, k)) {
                    case BELOW -> piS[i] - 0.01 * r.nextDouble() - 1e-6;
                    case AT_EXPORT -> piS[i];
                    case RISING -> piS[i] + 0.002 * r.nextDouble();
                    case SATURATED -> piS[i] + 50 / s[i];       // beyond every surplus below 50 kWh
                    case AT_IMPORT -> piB;
                };
                window[i] = 1e-6;
            }
        }
        return new PassRequest(games, lambda, s, piS, window, b);
    }

    /** The six offer sums of one hour by definition, prosumer by prosumer (independent of the code under test). */
    static double[] bruteForce(Behaviour b, double[] gen, double[] load, double lambda, double piS, double s) {
        double a = 0;
        double slope = 0;
        double integral = 0;
        double growth = 0;
        double total = 0;
        double deficit = 0;
        double y = lambda - piS;
        for (int i = 0; i < gen.length; i++) {
            double u = Math.max(gen[i] - load[i], 0);
            deficit += Math.max(load[i] - gen[i], 0);
            total += u;
            if (lambda < piS || u == 0) {
                continue;
            }
            if (b == Behaviour.COMPETITIVE) {
                a += u;                         // q = u for lambda >= pi_s, flat in lambda and S
                integral += u * y;
                continue;
            }
            double x = s * y;
            a += Math.min(u, x);
            boolean rising = u > x;             // q = S y, still below u: moves with lambda and S
            slope += rising && s > 0 ? s : 0;
            growth += rising && y > 0 ? y : 0;
            // integral of min(u, S z) for z from 0 to y
            integral += y <= 0 ? 0 : rising ? s * y * y / 2 : u * y - u * u / (2 * s);
        }
        return new double[] {a, slope, integral, growth, total, deficit};
    }

    static final int[] FIELDS = {PassAggregates.OFFERED, PassAggregates.OFFER_SLOPE, PassAggregates.OFFER_INTEGRAL,
        PassAggregates.OFFER_GROWTH, PassAggregates.SURPLUS, PassAggregates.DEFICIT};
    static final String[] NAMES = {"A", "dA/dlambda", "G", "dA/dS", "U", "W"};

    /** The pass's partial of {@code block} equals the brute force over its prosumers' hours in every field. */
    static int assertBruteForce(ProsumerBlock block, PassRequest r) {
        double[] partial = PassAggregates.newPartial(r.slots());
        PassKernel.offers(block, r, new PassKernel.Scratch(), partial);
        int n = block.size();
        double[][] gen = new double[T][n];
        double[][] load = new double[T][n];
        double[] g = new double[T];
        double[] l = new double[T];
        int offering = 0;
        for (int k = 0; k < r.slots(); k++) {
            for (int i = 0; i < n; i++) {
                block.fill(i, r.games()[k], g, l);
                for (int t = 0; t < T; t++) {
                    gen[t][i] = g[t];
                    load[t][i] = l[t];
                }
            }
            for (int t = 0; t < T; t++) {
                int x = k * T + t;
                double[] expected = bruteForce(r.behaviour(), gen[t], load[t], r.lambda()[x], r.exportPrice()[x],
                        r.sensitivity()[x]);
                for (int f = 0; f < FIELDS.length; f++) {
                    double actual = partial[PassAggregates.hourly(k, FIELDS[f], t)];
                    assertEquals(expected[f], actual, 1e-12 * Math.max(1, Math.abs(expected[f])),
                            NAMES[f] + ", " + r.behaviour() + ", slot " + k + ", hour " + t + " (" + where(t, k) + ")");
                }
                offering += expected[0] > 0 ? 1 : 0;
            }
        }
        // the offers touch no follower field: demand, sensitivities and phi stay 0, the kink minima infinite
        for (int k = 0; k < r.slots(); k++) {
            for (int t = 0; t < T; t++) {
                assertEquals(0.0, partial[PassAggregates.hourly(k, PassAggregates.DEMAND, t)], 0.0);
                assertEquals(0.0, partial[PassAggregates.hourly(k, PassAggregates.SENSITIVITY, t)], 0.0);
                assertEquals(Double.POSITIVE_INFINITY,
                        partial[PassAggregates.minimum(r.slots(), k, PassAggregates.KINK_ABOVE, t)], 0.0);
            }
            assertEquals(0.0, partial[PassAggregates.daily(k, PassAggregates.PHI)], 0.0);
        }
        return offering;
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void explicitProsumersOfferWhatTheirHoursAddUpTo(Behaviour b) {
        SplittableRandom r = new SplittableRandom(7);
        int games = 4;
        int n = 53;
        List<List<ProsumerDay>> days = new ArrayList<>();
        for (int g = 0; g < games; g++) {
            List<ProsumerDay> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] gen = new double[T];
                double[] load = new double[T];
                for (int t = 0; t < T; t++) {
                    double p = r.nextDouble();
                    gen[t] = p < 0.2 ? 0.0 : 10 * r.nextDouble();
                    load[t] = p > 0.9 ? gen[t] : 3 * r.nextDouble();    // now and then exactly self-sufficient
                }
                ps.add(new ProsumerDay("P" + i, gen, load));
            }
            days.add(ps);
        }
        ExplicitProsumerBlock block = new ExplicitProsumerBlock(days);
        int offering = assertBruteForce(block, request(new int[] {2, 0, 3}, b, r));
        assertTrue(offering > 30, "hours with offers: " + offering);
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void renewableProsumersAreRecomputedFromWhatTheyAre(Behaviour b) {
        SplittableRandom r = new SplittableRandom(8);
        GameCalendar calendar = new GameCalendar(2025, 100, 3, 2, 1);   // days 100..102 of scenarios 1 and 2
        int hours = calendar.days() * T;
        double[][] pvCf = new double[2][hours];
        double[][] windCf = new double[2][hours];
        for (int s = 0; s < 2; s++) {
            for (int h = 0; h < hours; h++) {
                pvCf[s][h] = h % T < 6 || h % T > 19 ? 0.0 : 0.2 + 0.9 * r.nextDouble();  // * factor, clipped to 1
                windCf[s][h] = 0.5 * r.nextDouble();
            }
        }
        double[][] shapes = new double[2][8760];
        for (double[] shape : shapes) {
            for (int h = 0; h < shape.length; h++) {
                shape[h] = (0.5 + r.nextDouble()) / 8760;
            }
        }
        int n = 41;
        String[] ids = new String[n];
        long[] hash = new long[n];
        double[] kwp = new double[n];
        double[] kw = new double[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "P" + i;
            hash[i] = 1000 + 17 * i;
            kwp[i] = 10 * r.nextDouble();
            kw[i] = i % 5 == 0 ? 3 * r.nextDouble() : 0.0;
            arch[i] = i % 2;
            energy[i] = 3000 + 3000 * r.nextDouble();
        }
        // a factor that tells its coordinates apart: (scenario number, id hash, day of the year)
        DailyFactor factor = (scenario, idHash, day) ->
                0.9 + 0.05 * scenario + 1e-4 * (idHash - 1000) + 1e-3 * (day - 100);
        RenewableProsumerBlock block = new RenewableProsumerBlock(ids, hash, kwp, kw, arch, energy, pvCf, windCf,
                shapes, calendar, factor);
        // every game's hours by MODEL 10's formulas
        double[] gen = new double[T];
        double[] load = new double[T];
        int clipped = 0;
        for (int g = 0; g < calendar.games(); g++) {
            int s = g / calendar.days();
            int day = 100 + g % calendar.days();
            for (int i = 0; i < n; i++) {
                block.fill(i, g, gen, load);
                double f = 0.9 + 0.05 * (s + 1) + 1e-4 * (17 * i) + 1e-3 * (day - 100);
                for (int t = 0; t < T; t++) {
                    int h = (g % calendar.days()) * T + t;
                    double cf = Math.min(1.0, pvCf[s][h] * f);
                    clipped += pvCf[s][h] * f > 1 ? 1 : 0;
                    assertEquals(kwp[i] * cf + kw[i] * windCf[s][h], gen[t], 1e-12, "generation");
                    assertEquals(shapes[arch[i]][(day - 1) * T + t] * energy[i], load[t], 0.0, "load");
                }
            }
        }
        assertTrue(clipped > 0, "some capacity factors clipped to 1");
        assertBruteForce(block, request(new int[] {5, 0, 3}, b, r));
    }
}
