package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tea.engine.local.LocalEngine;
import org.tea.equilibrium.EquilibriumResult;
import org.tea.equilibrium.EquilibriumSolver;
import org.tea.equilibrium.Instances;
import org.tea.equilibrium.MarketPrices;
import org.tea.equilibrium.SolverSettings;
import org.tea.equilibrium.Status;
import org.tea.model.Behaviour;
import org.tea.model.EndUserDay;
import org.tea.model.Hours;
import org.tea.model.ProsumerDay;

/**
 * One suite for every engine (PowSyBl style): each implementation extends it and says how to make itself.
 * An engine must give exactly, to the last bit, what a single-threaded run of {@link PassKernel} over the same
 * blocks gives, for passes, settlement sums and every user's settlement, and so the same equilibrium.
 */
public abstract class EngineConformanceTest {
    protected static final int T = Hours.T;
    /** End-user block sizes: empty, tiny, large and uneven, so no two blocks look alike (900 users). */
    static final int[] END_USER_BLOCKS = {300, 0, 1, 7, 128, 464};
    /** Two prosumer blocks of unequal size (60 prosumers). */
    static final int[] PROSUMER_BLOCKS = {13, 47};
    /** Two scenarios of three days in the Spark engine's calendar. */
    protected static final int GAMES = 6;
    /** End-user archetypes of the test market: user i (in list order over all blocks) is of {@link #archetype}(i). */
    protected static final int ARCHETYPES = 3;

    private static Instances.Market market;

    /**
     * Makes the engine under test. Per-user results of {@code settle()} must reach {@code sink} when it is not
     * null: an engine that writes them elsewhere reads them back into it (so the check covers its output).
     */
    protected abstract MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers, int games,
            UserResultSink sink);

    /** Makes the engine under test with storage blocks as well (MODEL section 12); no per-user output. */
    protected abstract MarketEngine engine(List<EndUserBlock> endUsers, List<ProsumerBlock> prosumers,
            List<StorageBlock> storage, int games);

    /** Storage blocks of uneven sizes (40 units), parameters varied per unit: 10 kWh / 5 kW on average. */
    protected static List<StorageBlock> storageBlocks() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(12);
        List<StorageBlock> blocks = new ArrayList<>();
        int id = 0;
        for (int size : new int[] {17, 0, 1, 22}) {
            List<org.tea.model.StorageSpec> units = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                units.add(new org.tea.model.StorageSpec("S" + id++, 10 * (0.5 + r.nextDouble()),
                        5 * (0.5 + r.nextDouble()), 0.9 + 0.1 * r.nextDouble(), 0.9 + 0.1 * r.nextDouble(),
                        0.005 + 0.01 * r.nextDouble(), r.nextInt(3) / 2.0));
            }
            blocks.add(new StorageBlock(units));
        }
        return blocks;
    }

    /** The seeded test market: 900 calibrated end-users, 60 PV prosumers, 6 games, re-blocked unevenly. */
    protected static synchronized Instances.Market market() {
        if (market == null) {
            market = reblock(Instances.random(42, 900, 60, GAMES, 900, 0.05), END_USER_BLOCKS, PROSUMER_BLOCKS);
        }
        return market;
    }

    /** The archetype of the i-th end-user of the test market: uneven shares, every block of 7 or more has each. */
    static int archetype(int i) {
        return i % 5 == 0 ? 2 : i % 2;
    }

    /**
     * The same users and prosumers in blocks of the given sizes (read back through the block interfaces); the
     * i-th end-user is of archetype {@link #archetype}(i).
     */
    protected static Instances.Market reblock(Instances.Market m, int[] endUserSizes, int[] prosumerSizes) {
        int games = m.games();
        List<List<EndUserDay>> users = new ArrayList<>(); // [game][user]
        List<List<ProsumerDay>> pros = new ArrayList<>();
        double[] energy = new double[2];
        for (int g = 0; g < games; g++) {
            List<EndUserDay> us = new ArrayList<>();
            for (EndUserBlock b : m.endUsers()) {
                for (int j = 0; j < b.size(); j++) {
                    double[] a = new double[T];
                    double[] lo = new double[T];
                    double[] hi = new double[T];
                    double beta = b.fill(j, g, a, lo, hi, energy);
                    us.add(new EndUserDay(b.id(j), a, beta, lo, hi, energy[0], energy[1]));
                }
            }
            users.add(us);
            List<ProsumerDay> ps = new ArrayList<>();
            for (ProsumerBlock b : m.prosumers()) {
                for (int i = 0; i < b.size(); i++) {
                    double[] gen = new double[T];
                    double[] load = new double[T];
                    b.fill(i, g, gen, load);
                    ps.add(new ProsumerDay(b.id(i), gen, load));
                }
            }
            pros.add(ps);
        }
        List<EndUserBlock> eu = new ArrayList<>();
        int from = 0;
        for (int size : endUserSizes) {
            List<List<EndUserDay>> block = new ArrayList<>();
            for (int g = 0; g < games; g++) {
                block.add(users.get(g).subList(from, from + size));
            }
            int first = from;
            int[] archetypes = new int[size];
            Arrays.setAll(archetypes, k -> archetype(first + k));
            eu.add(new ExplicitEndUserBlock(block, archetypes));
            from += size;
        }
        assertEquals(users.get(0).size(), from, "end-user block sizes");
        List<ProsumerBlock> pb = new ArrayList<>();
        from = 0;
        for (int size : prosumerSizes) {
            List<List<ProsumerDay>> block = new ArrayList<>();
            for (int g = 0; g < games; g++) {
                block.add(pros.get(g).subList(from, from + size));
            }
            pb.add(new ExplicitProsumerBlock(block));
            from += size;
        }
        assertEquals(pros.get(0).size(), from, "prosumer block sizes");
        return new Instances.Market(List.copyOf(eu), List.copyOf(pb), m.prices());
    }

    // ---- the reference: every block through the kernel, one thread, blocks added in list order ----

    protected static PassAggregates reference(Instances.Market m, PassRequest r) {
        PassAggregates sums = new PassAggregates(r.slots());
        for (EndUserBlock b : m.endUsers()) {
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.followers(b, r, new PassKernel.Scratch(), partial);
            sums.add(partial);
        }
        for (ProsumerBlock b : m.prosumers()) {
            double[] partial = PassAggregates.newPartial(r.slots());
            PassKernel.offers(b, r, new PassKernel.Scratch(), partial);
            sums.add(partial);
        }
        return sums;
    }

    /** The reference pass with storage blocks after the other populations. */
    protected static PassAggregates reference(Instances.Market m, List<StorageBlock> storage, PassRequest r) {
        PassAggregates sums = reference(m, r);
        for (StorageBlock b : storage) {
            double[] partial = PassAggregates.newStoragePartial(r.slots());
            StorageKernel.storage(b, r, new PassKernel.Scratch(), partial);
            sums.add(partial);
        }
        return sums;
    }

    /** The reference settlement with storage blocks after the other populations. */
    protected static SettleAggregates reference(Instances.Market m, List<StorageBlock> storage, SettleRequest r) {
        SettleAggregates sums = reference(m, r, UserResultSink.NONE);
        for (StorageBlock b : storage) {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            double[] kkt = new double[r.slots()];
            StorageKernel.settleStorage(b, r, new PassKernel.Scratch(), partial, kkt, UserResultSink.NONE);
            sums.add(partial, new double[r.slots()], kkt);
        }
        return sums;
    }

    protected static SettleAggregates reference(Instances.Market m, SettleRequest r, UserResultSink sink) {
        SettleAggregates sums = new SettleAggregates(r.slots(), r.archetypes());
        for (EndUserBlock b : m.endUsers()) {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            PassKernel.settleEndUsers(b, r, new PassKernel.Scratch(), partial, sink);
            sums.add(partial, new double[r.slots()]);
        }
        for (ProsumerBlock b : m.prosumers()) {
            double[] partial = SettleAggregates.newPartial(r.slots(), r.archetypes());
            double[] gaps = new double[r.slots()];
            PassKernel.settleProsumers(b, r, new PassKernel.Scratch(), partial, gaps, sink);
            sums.add(partial, gaps);
        }
        return sums;
    }

    /** Prices a fraction {@code shift} of the way from pi_s to pi_b, sensitivities varying by hour. */
    protected static PassRequest request(Instances.Market m, int[] games, double shift, Behaviour b) {
        MarketPrices p = m.prices();
        double[] l = new double[games.length * T];
        double[] s = new double[games.length * T];
        double[] ps = new double[games.length * T];
        double[] window = new double[games.length * T];
        for (int k = 0; k < games.length; k++) {
            for (int t = 0; t < T; t++) {
                int i = games[k] * T + t;
                ps[k * T + t] = p.exportPrice()[i];
                window[k * T + t] = 1e-3 * (p.importPrice()[i] - p.exportPrice()[i]);
                l[k * T + t] = ps[k * T + t] + (shift + 0.01 * t) * (p.importPrice()[i] - ps[k * T + t]);
                s[k * T + t] = 300 + 10 * t + 50 * k;
            }
        }
        return new PassRequest(games, l, s, ps, window, b);
    }

    /**
     * A settlement of every game at a pass's prices, with D, A and U from the reference at those prices, and
     * the test market's {@link #ARCHETYPES}.
     */
    protected static SettleRequest settleRequest(Instances.Market m, double shift, Behaviour b) {
        int games = m.games();
        int[] all = new int[games];
        Arrays.setAll(all, g -> g);
        PassRequest r = request(m, all, shift, b);
        double[] v = reference(m, r).values();
        double[] demand = new double[games * T];
        double[] offered = new double[games * T];
        double[] surplus = new double[games * T];
        for (int k = 0; k < games; k++) {
            for (int t = 0; t < T; t++) {
                demand[k * T + t] = v[PassAggregates.hourly(k, PassAggregates.DEMAND, t)]
                        + v[PassAggregates.hourly(k, PassAggregates.DEFICIT, t)];
                offered[k * T + t] = v[PassAggregates.hourly(k, PassAggregates.OFFERED, t)];
                surplus[k * T + t] = v[PassAggregates.hourly(k, PassAggregates.SURPLUS, t)];
            }
        }
        MarketPrices p = m.prices();
        return new SettleRequest(all, r.lambda(), r.sensitivity(), demand, offered, surplus, p.exportPrice(),
                p.importPrice(), p.tariff(), p.feedIn(), b, ARCHETYPES);
    }

    /**
     * Records every per-user result (copies, keyed by id and game, and hour for prosumers); thread-safe, and a
     * result handed over twice is an error.
     */
    protected static final class RecordingSink implements UserResultSink {
        /** The columns of {@code enduser_daily} after the key, in order: the end-user {@link DaySum}s with the peak. */
        static final String[] DAILY_COLUMNS = {"energy", "payment", "utility", "surplus", "peak", "baseline_energy",
            "baseline_payment", "baseline_utility", "baseline_surplus"};

        /** An end-user day's figures in {@link #DAILY_COLUMNS} order. */
        static double[] figures(double[] sums, double peak) {
            double[] f = new double[DAILY_COLUMNS.length];
            for (int c = 0; c < f.length; c++) {
                f[c] = DAILY_COLUMNS[c].equals("peak") ? peak : sums[daySum(DAILY_COLUMNS[c]).index()];
            }
            return f;
        }

        static DaySum daySum(String column) {
            return DaySum.valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }

        /** {@code figures(9), demand, baseline demand, alpha, dmin, dmax (24 each), beta, emin, emax}. */
        public final Map<String, double[]> endUserDays = new ConcurrentHashMap<>();
        /** {@code figures(8)}. */
        public final Map<String, double[]> prosumerHours = new ConcurrentHashMap<>();

        public static String key(String id, int game) {
            return id + "@" + game;
        }

        public static String key(String id, int game, int hour) {
            return id + "@" + game + "@" + hour;
        }

        @Override
        public void endUserDay(String id, int game, double[] sums, double peak, double[] demand,
                double[] baselineDemand, double[] alpha, double[] dmin, double[] dmax, double beta, double emin,
                double emax) {
            double[] figures = figures(sums, peak);
            double[] row = new double[figures.length + 5 * T + 3];
            System.arraycopy(figures, 0, row, 0, figures.length);
            int at = figures.length;
            for (double[] a : new double[][] {demand, baselineDemand, alpha, dmin, dmax}) {
                System.arraycopy(a, 0, row, at, T);
                at += T;
            }
            row[at] = beta;
            row[at + 1] = emin;
            row[at + 2] = emax;
            assertNull(endUserDays.put(key(id, game), row), () -> "twice: " + key(id, game));
        }

        @Override
        public void prosumerHour(String id, int game, int hour, double[] figures) {
            double[] row = Arrays.copyOf(figures, PROSUMER_FIGURES);
            assertNull(prosumerHours.put(key(id, game, hour), row), () -> "twice: " + key(id, game, hour));
        }

        /** {@code storage_hourly}'s figures after the key, in order: the unit-hour's, then the unit's parameters. */
        public final Map<String, double[]> storageHours = new ConcurrentHashMap<>();

        @Override
        public void storageHour(String id, int unit, StorageBlock block, int game, int hour, double[] f) {
            double[] row = {f[CHARGE], f[DISCHARGE], f[SOC], f[STORAGE_PROFIT], f[BASELINE_CHARGE],
                f[BASELINE_DISCHARGE], f[STORAGE_BASELINE_PROFIT], block.capacity(unit), block.power(unit),
                block.etaCharge(unit), block.etaDischarge(unit), block.throughputCost(unit), block.soc0(unit)};
            assertNull(storageHours.put(key(id, game, hour), row), () -> "twice: " + key(id, game, hour));
        }
    }

    static void assertSameResults(Map<String, double[]> expected, Map<String, double[]> actual, String what) {
        assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(actual).keySet(), what + " keys");
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), actual.get(e.getKey()), 0.0, () -> what + " " + e.getKey());
        }
    }

    // ---- the suite ----

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void aPassEqualsTheSingleThreadedKernelBitForBit(Behaviour b) {
        Instances.Market m = market();
        List<PassRequest> requests = List.of(request(m, new int[] {0, 2, 5}, 0.4, b),
                request(m, new int[] {0, 1, 2, 3, 4, 5}, 0.1, b), request(m, new int[] {3}, 0.7, b));
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            assertEquals(GAMES, e.games());
            for (PassRequest r : requests) {
                assertArrayEquals(reference(m, r).values(), e.evaluate(r).values(), 0.0);
            }
            // the same request again: nothing of earlier passes lingers
            assertArrayEquals(reference(m, requests.get(0)).values(), e.evaluate(requests.get(0)).values(), 0.0);
            assertEquals(requests.size() + 1, e.passes());
        }
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void settlementSumsEqualTheSingleThreadedKernelBitForBit(Behaviour b) {
        Instances.Market m = market();
        SettleRequest r = settleRequest(m, 0.3, b);
        SettleAggregates expected = reference(m, r, UserResultSink.NONE);
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            SettleAggregates actual = e.settle(r);
            assertArrayEquals(expected.values(), actual.values(), 0.0);
            for (int k = 0; k < r.slots(); k++) {
                assertEquals(expected.maxBestResponseGap(k), actual.maxBestResponseGap(k), 0.0, "gap, slot " + k);
            }
            assertEquals(1, e.passes());
        }
    }

    @Test
    void everyUsersSettlementReachesItsOutputExactly() {
        Instances.Market m = market();
        SettleRequest r = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        RecordingSink expected = new RecordingSink();
        SettleAggregates sums = reference(m, r, expected);
        RecordingSink actual = new RecordingSink();
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), actual)) {
            assertArrayEquals(sums.values(), e.settle(r).values(), 0.0);
        }
        assertEquals(900 * GAMES, expected.endUserDays.size());
        assertEquals(60 * GAMES * T, expected.prosumerHours.size());
        assertSameResults(expected.endUserDays, actual.endUserDays, "end-user day");
        assertSameResults(expected.prosumerHours, actual.prosumerHours, "prosumer hour");
    }

    @Test
    void archetypeSumsAreTheirUsersSettlementsSummed() {
        Instances.Market m = market();
        SettleRequest r = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        Map<String, Integer> archetypeOf = new HashMap<>();
        for (EndUserBlock b : m.endUsers()) {
            for (int j = 0; j < b.size(); j++) {
                archetypeOf.put(b.id(j), b.archetype(j));
            }
        }
        RecordingSink users = new RecordingSink();
        double[] v;
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), users)) {
            assertEquals(ARCHETYPES, e.archetypes());
            v = e.settle(r).values();
        }
        // every user-day's figures, summed by game and archetype in plain doubles
        double[][] expected = new double[GAMES * ARCHETYPES][SettleAggregates.ARCHETYPE_FIELDS];
        for (Map.Entry<String, double[]> u : users.endUserDays.entrySet()) {
            String[] key = u.getKey().split("@");
            double[] sums = expected[Integer.parseInt(key[1]) * ARCHETYPES + archetypeOf.get(key[0])];
            for (int c = 0; c < RecordingSink.DAILY_COLUMNS.length; c++) {
                if (!RecordingSink.DAILY_COLUMNS[c].equals("peak")) {
                    sums[RecordingSink.daySum(RecordingSink.DAILY_COLUMNS[c]).index()] += u.getValue()[c];
                }
            }
            sums[SettleAggregates.ARCHETYPE_USERS]++;
        }
        for (int k = 0; k < GAMES; k++) {
            double[] overArchetypes = new double[DaySum.ENDUSER_COUNT];
            for (int a = 0; a < ARCHETYPES; a++) {
                int at = SettleAggregates.archetype(GAMES, ARCHETYPES, k, a);
                double[] want = expected[k * ARCHETYPES + a];
                assertTrue(want[SettleAggregates.ARCHETYPE_USERS] > 100, "every archetype has users");
                assertEquals(want[SettleAggregates.ARCHETYPE_USERS], v[at + SettleAggregates.ARCHETYPE_USERS], 0.0,
                        "users, game " + k + ", archetype " + a);
                for (int f = 0; f < DaySum.ENDUSER_COUNT; f++) {
                    assertEquals(want[f], v[at + f], 1e-9 * (1 + Math.abs(want[f])),
                            DaySum.values()[f] + ", game " + k + ", archetype " + a);
                    overArchetypes[f] += v[at + f];
                }
            }
            for (int f = 0; f < DaySum.ENDUSER_COUNT; f++) {
                double game = v[SettleAggregates.daily(k) + f];
                assertEquals(game, overArchetypes[f], 1e-9 * (1 + Math.abs(game)), DaySum.values()[f] + ", game " + k);
            }
        }
    }

    @Test
    void anArchetypeOutsideTheRequestIsRefused() {
        Instances.Market m = market();
        SettleRequest full = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        SettleRequest two = new SettleRequest(full.games(), full.lambda(), full.sensitivity(), full.demand(),
                full.offered(), full.surplusTotal(), full.exportPrice(), full.importPrice(), full.tariff(),
                full.feedIn(), full.behaviour(), ARCHETYPES - 1);
        EndUserBlock block = m.endUsers().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassKernel.settleEndUsers(block,
                two, new PassKernel.Scratch(), SettleAggregates.newPartial(two.slots(), two.archetypes()),
                UserResultSink.NONE));
        assertTrue(e.getMessage().contains("archetype index 2"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void theEquilibriumIsTheLocalEnginesToTheLastBit(Behaviour b) {
        Instances.Market m = market();
        SolverSettings s = SolverSettings.defaults(b);
        EquilibriumResult expected;
        try (MarketEngine local = new LocalEngine(m.endUsers(), m.prosumers(), m.games(), 1, null)) {
            expected = new EquilibriumSolver(s).solve(local, m.prices(), null);
        }
        assertTrue(expected.allConverged(), expected.days().toString());
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertTrue(r.allConverged(), r.days().toString());
            assertArrayEquals(expected.lambda(), r.lambda(), 0.0, "lambda");
            assertArrayEquals(expected.sensitivity(), r.sensitivity(), 0.0, "sensitivity");
            assertArrayEquals(expected.demand(), r.demand(), 0.0, "demand");
            assertArrayEquals(expected.enduserDemand(), r.enduserDemand(), 0.0, "enduserDemand");
            assertArrayEquals(expected.deficit(), r.deficit(), 0.0, "deficit");
            assertArrayEquals(expected.offered(), r.offered(), 0.0, "offered");
            assertArrayEquals(expected.surplusTotal(), r.surplusTotal(), 0.0, "surplusTotal");
            assertArrayEquals(expected.soldLocal(), r.soldLocal(), 0.0, "soldLocal");
            assertArrayEquals(expected.exported(), r.exported(), 0.0, "exported");
            assertArrayEquals(expected.generation(), r.generation(), 0.0, "generation");
            assertArrayEquals(expected.baselineEnduserDemand(), r.baselineEnduserDemand(), 0.0, "baseline");
            assertArrayEquals(expected.daily(), r.daily(), 0.0, "daily");
            assertEquals(ARCHETYPES, r.archetypes());
            assertArrayEquals(expected.archetypeDaily(), r.archetypeDaily(), 0.0, "archetypeDaily");
            assertEquals(expected.days(), r.days());
            assertEquals(expected.passes(), r.passes());
            assertEquals(r.passes(), e.passes());
        }
    }

    /**
     * Without per-user end-user output the passes sum the end-users' settlement and the settle pass skips them;
     * with it, a settle pass sums them: the results are the same bits, also for days that stop unconverged at
     * their last accepted prices (two passes a clearing, one outer iteration).
     */
    @Test
    void endUsersSummedInThePassesAreTheSettlePassesSums() {
        Instances.Market m = market();
        Behaviour b = Behaviour.STRATEGIC;
        SolverSettings d = SolverSettings.defaults(b);
        SolverSettings s = new SolverSettings(b, d.method(), d.clearing(), d.outer(), d.theta(), 1, 2,
                d.tatonnementStep());
        EquilibriumResult settled;
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), new RecordingSink())) {
            assertFalse(e.sumsEndUsersInPasses(), "per-user output: a settle pass over end-users");
            settled = new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
        assertTrue(settled.days().stream().anyMatch(day -> day.status() == Status.MAX_ITERATIONS_REACHED),
                settled.days().toString());
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            assertTrue(e.sumsEndUsersInPasses(), "no per-user output: end-users summed in the passes");
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertArrayEquals(settled.lambda(), r.lambda(), 0.0, "lambda");
            assertArrayEquals(settled.baselineEnduserDemand(), r.baselineEnduserDemand(), 0.0, "baseline");
            assertArrayEquals(settled.daily(), r.daily(), 0.0, "daily");
            assertArrayEquals(settled.archetypeDaily(), r.archetypeDaily(), 0.0, "archetypeDaily");
            assertArrayEquals(settled.soldLocal(), r.soldLocal(), 0.0, "soldLocal");
            assertEquals(settled.days(), r.days());
            assertEquals(settled.passes(), r.passes());
            assertEquals(settled.trace().size(), r.trace().size());
        }
    }

    /**
     * A slot whose followers the driver knows is evaluated for its offers alone: its follower fields come back
     * empty, its offer fields and every other slot as in a full pass, bit for bit; with storage such a pass is
     * refused.
     */
    @Test
    void aKnownSlotEvaluatesItsOffersOnly() {
        Instances.Market m = market();
        PassRequest full = request(m, new int[] {0, 2, 5}, 0.4, Behaviour.STRATEGIC);
        PassRequest known = new PassRequest(full.games(), full.lambda(), full.sensitivity(), full.exportPrice(),
                full.window(), full.behaviour(), null, new boolean[] {false, true, false});
        double[] all = reference(m, full).values();
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            assertFalse(e.hasStorage());
            double[] part = e.evaluate(known).values();
            for (int k = 0; k < 3; k++) {
                for (int t = 0; t < T; t++) {
                    for (int f : new int[] {PassAggregates.DEMAND, PassAggregates.SENSITIVITY, PassAggregates.RANK,
                            PassAggregates.SENSITIVITY_BELOW, PassAggregates.SENSITIVITY_ABOVE}) {
                        int i = PassAggregates.hourly(k, f, t);
                        assertEquals(k == 1 ? 0.0 : all[i], part[i], 0.0, "slot " + k + " field " + f);
                    }
                    for (int f : new int[] {PassAggregates.OFFERED, PassAggregates.OFFER_SLOPE,
                            PassAggregates.OFFER_INTEGRAL, PassAggregates.OFFER_GROWTH, PassAggregates.SURPLUS,
                            PassAggregates.DEFICIT}) {
                        int i = PassAggregates.hourly(k, f, t);
                        assertEquals(all[i], part[i], 0.0, "slot " + k + " offer field " + f);
                    }
                }
            }
            assertTrue(all[PassAggregates.hourly(1, PassAggregates.DEMAND, 3)] > 0, "the full pass has demand");
            PassRequest allKnown = new PassRequest(full.games(), full.lambda(), full.sensitivity(),
                    full.exportPrice(), full.window(), full.behaviour(), null, new boolean[] {true, true, true});
            double[] offers = e.evaluate(allKnown).values();
            assertEquals(0.0, offers[PassAggregates.hourly(0, PassAggregates.DEMAND, 3)], 0.0);
            assertEquals(all[PassAggregates.hourly(2, PassAggregates.OFFERED, 12)],
                    offers[PassAggregates.hourly(2, PassAggregates.OFFERED, 12)], 0.0);
        }
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), storageBlocks(), m.games())) {
            assertTrue(e.hasStorage());
            assertThrows(IllegalArgumentException.class, () -> e.evaluate(known));
        }
    }

    /**
     * The driver skips the followers of a game whose prices have not moved since they were evaluated, and ends
     * where a driver that evaluates every slot ends, bit for bit, in fewer user-days.
     */
    @Test
    void skippingKnownFollowersChangesNoResult() {
        Instances.Market m = market();
        SolverSettings s = SolverSettings.defaults(Behaviour.STRATEGIC);
        int[] slots = new int[2]; // slots evaluated in full, slots known
        EquilibriumResult full;
        EquilibriumResult skipping;
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            MarketEngine forgetful = new Forgetful(e, slots);
            full = new EquilibriumSolver(s).solve(forgetful, m.prices(), null);
        }
        assertTrue(slots[1] > 0, "the solve had slots whose followers were known: " + slots[1]);
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), m.games(), null)) {
            skipping = new EquilibriumSolver(s).solve(e, m.prices(), null);
        }
        assertArrayEquals(full.lambda(), skipping.lambda(), 0.0, "lambda");
        assertArrayEquals(full.sensitivity(), skipping.sensitivity(), 0.0, "S");
        assertArrayEquals(full.offered(), skipping.offered(), 0.0, "offered");
        assertArrayEquals(full.daily(), skipping.daily(), 0.0, "daily");
        assertArrayEquals(full.archetypeDaily(), skipping.archetypeDaily(), 0.0, "archetypeDaily");
        assertEquals(full.days(), skipping.days());
        assertEquals(full.passes(), skipping.passes());
    }

    /** An engine that evaluates every slot's followers, known or not, and counts the known ones. */
    private record Forgetful(MarketEngine engine, int[] slots) implements DelegatingEngine {
        @Override
        public PassAggregates evaluate(PassRequest r) {
            slots[1] += r.slots() - r.followerSlots();
            slots[0] += r.slots();
            return engine.evaluate(new PassRequest(r.games(), r.lambda(), r.sensitivity(), r.exportPrice(),
                    r.window(), r.behaviour(), r.settle(), null));
        }
    }

    @Test
    void emptyBlocksAndAnEmptyPopulationAddNothing() {
        Instances.Market m = market();
        EndUserBlock empty = m.endUsers().get(1);
        assertEquals(0, empty.size());
        Instances.Market noProsumers = new Instances.Market(List.of(empty, m.endUsers().get(2), empty), List.of(),
                m.prices());
        PassRequest r = request(m, new int[] {1, 4}, 0.5, Behaviour.STRATEGIC);
        try (MarketEngine e = engine(noProsumers.endUsers(), noProsumers.prosumers(), m.games(), null)) {
            PassAggregates sums = e.evaluate(r);
            assertNotNull(sums);
            assertArrayEquals(reference(noProsumers, r).values(), sums.values(), 0.0);
        }
    }

    // ---- storage (MODEL section 12) ----

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void aPassWithStorageEqualsTheSingleThreadedKernelBitForBit(Behaviour b) {
        Instances.Market m = market();
        List<StorageBlock> storage = storageBlocks();
        List<PassRequest> requests = List.of(request(m, new int[] {0, 2, 5}, 0.4, b),
                request(m, new int[] {0, 1, 2, 3, 4, 5}, 0.1, b));
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), storage, m.games())) {
            for (PassRequest r : requests) {
                double[] with = reference(m, storage, r).values();
                assertArrayEquals(with, e.evaluate(r).values(), 0.0);
                // storage moves demand and sensitivity
                double[] without = reference(m, r).values();
                assertTrue(with[PassAggregates.hourly(0, PassAggregates.DEMAND, 3)]
                        != without[PassAggregates.hourly(0, PassAggregates.DEMAND, 3)], "storage adds to D");
            }
        }
    }

    @Test
    void settlementWithStorageEqualsTheSingleThreadedKernelBitForBit() {
        Instances.Market m = market();
        List<StorageBlock> storage = storageBlocks();
        SettleRequest r = settleRequest(m, 0.3, Behaviour.STRATEGIC);
        SettleAggregates expected = reference(m, storage, r);
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), storage, m.games())) {
            SettleAggregates actual = e.settle(r);
            assertArrayEquals(expected.values(), actual.values(), 0.0);
            for (int k = 0; k < r.slots(); k++) {
                assertEquals(expected.maxStorageKkt(k), actual.maxStorageKkt(k), 0.0, "kkt, slot " + k);
                assertTrue(actual.maxStorageKkt(k) <= 1e-9, "kkt " + actual.maxStorageKkt(k));
            }
        }
        double[] v = expected.values();
        double charged = 0;
        for (int t = 0; t < T; t++) {
            charged += v[SettleAggregates.hourly(0, SettleAggregates.STORAGE_CHARGE, t)];
        }
        assertTrue(charged > 1, "the units trade: " + charged);
    }

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    void theEquilibriumWithStorageIsTheLocalEnginesToTheLastBitAndBalancesEveryHour(Behaviour b) {
        Instances.Market m = market();
        List<StorageBlock> storage = storageBlocks();
        SolverSettings s = SolverSettings.defaults(b);
        EquilibriumResult expected;
        try (MarketEngine local = new LocalEngine(m.endUsers(), m.prosumers(), storage, m.games(), 1, null)) {
            expected = new EquilibriumSolver(s).solve(local, m.prices(), null);
        }
        assertTrue(expected.allConverged(), expected.days().toString());
        org.tea.results.HourlyBalance balance = org.tea.results.HourlyBalance.of(expected);
        assertTrue(balance.balanced(), balance.toString());
        assertTrue(balance.worstEnergy() <= 1e-9 * 1000, balance.toString());
        try (MarketEngine e = engine(m.endUsers(), m.prosumers(), storage, m.games())) {
            EquilibriumResult r = new EquilibriumSolver(s).solve(e, m.prices(), null);
            assertArrayEquals(expected.lambda(), r.lambda(), 0.0, "lambda");
            assertArrayEquals(expected.sensitivity(), r.sensitivity(), 0.0, "sensitivity");
            assertArrayEquals(expected.demand(), r.demand(), 0.0, "demand");
            assertArrayEquals(expected.soldLocal(), r.soldLocal(), 0.0, "soldLocal");
            assertArrayEquals(expected.baselineEnduserDemand(), r.baselineEnduserDemand(), 0.0, "baseline");
            assertArrayEquals(expected.daily(), r.daily(), 0.0, "daily");
            assertEquals(expected.days(), r.days());
            assertEquals(expected.passes(), r.passes());
        }
    }
}
