package org.tea.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.tea.engine.BlockSource;
import org.tea.engine.StorageBlock;
import org.tea.engine.CalibratedEndUserBlock;
import org.tea.engine.DailyFactor;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.RenewableProsumerBlock;
import org.tea.io.synth.CityParameters;
import org.tea.io.synth.ClearnessIndex;
import org.tea.io.synth.CounterNoise;
import org.tea.io.synth.Seeds;
import org.tea.io.synth.SyntheticCity;
import org.tea.model.EndUserSpec;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * The recipe for a study's blocks that the engine ships to where the blocks live: users {@code [b * 512,
 * (b + 1) * 512)} make end-user block b, prosumers {@code [b * 64, (b + 1) * 64)} prosumer block b. A generated
 * city makes its members from their index, so it never exists on the driver as a list; a population read from
 * CSV on the driver hands each block's members over there ({@link #endUserMembers}); a population read from
 * Parquet on the executors has no blocks by index: the engine groups its rows into blocks where they are read
 * ({@link #endUserBlockOf}), and the driver knows only its count. Only what building needs (series, shapes,
 * seeds) travels with the recipe.
 *
 * <p>Noise (MODEL section 10) never depends on scenario, partition, order or study window: a user's reference
 * load gets a level factor per day of the year, a pure function of (seed, id, day) recomputed by its block, and a
 * habit factor per hour of day drawn from the user's own stream seeded by (seed, id), both lognormal with mean 1;
 * a prosumer's PV gets a daily factor that is a pure
 * function of (seed, scenario, id, day), recomputed by its block whenever it is used, so it is never stored.
 * Prosumer blocks share the capacity factors of the study window (cut here, once) and the load shapes.
 */
final class StudyBlocks implements BlockSource {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;
    /** End-users per block: small enough that 2 cores get an even share of a 10,000-user city. */
    static final int ENDUSER_BLOCK = 512;
    /** Prosumers per block: a small city still spreads them over the cores when per-prosumer tables are written. */
    static final int PROSUMER_BLOCK = 64;
    /** Log-sd of a prosumer's daily PV factor around the common clearness index. */
    static final double PROSUMER_PV_SIGMA = 0.1;

    private final long seed;
    private final double noiseHourly;
    private final GameCalendar calendar;
    private final CityParameters city;                    // generated city, or null
    private final long endUserCount;
    private final long prosumerCount;
    private final boolean endUsersFromRows;               // read where the blocks are built: no blocks by index
    private final boolean prosumersFromRows;
    private final transient List<EndUserSpec> endUsers;   // a city read from files (driver only), or null
    private final transient List<ProsumerSpec> prosumers; // a city read from files (driver only), or null
    private final transient float[][] endUserLoad;        // own load profiles of endUsers (driver only), or null
    private final String[] archetypes;
    private final double[][] shapes;
    private final double[][] pvCf;                        // [scenario index][day index * 24 + hour]: the window
    private final double[][] windCf;
    private final DailyFactor pvFactor;
    private final DailyFactor endUserLevel;
    private final double[] tariff;
    private final int storageCount;
    private final transient List<StorageSpec> storage;    // storage units (driver only)

    /** {@code endUsers} and {@code prosumers}: a city read on the driver, or both null for a generated one. */
    StudyBlocks(long seed, double noiseDaily, double noiseHourly, GameCalendar calendar, CityParameters city,
            List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers, String[] archetypes, double[][] shapes,
            double[][] pvCf, double[][] windCf, double[] tariff) {
        this(seed, noiseDaily, noiseHourly, calendar, city, endUsers, null, prosumers, new long[] {-1, -1},
                archetypes, shapes, pvCf, windCf, tariff, List.of());
    }

    /**
     * As the other constructor, with {@code endUserLoad}: per end-user its own load profile or null (or null).
     * {@code endUsers} and {@code prosumers}: the populations read on the driver, or null for one generated (with
     * {@code city}) or read where its blocks are built; {@code rowCounts} holds the size of each population read
     * where its blocks are built (end-users, prosumers), -1 for the others; {@code storage}: the study's storage
     * units (MODEL section 12).
     */
    StudyBlocks(long seed, double noiseDaily, double noiseHourly, GameCalendar calendar, CityParameters city,
            List<EndUserSpec> endUsers, float[][] endUserLoad, List<ProsumerSpec> prosumers, long[] rowCounts,
            String[] archetypes, double[][] shapes, double[][] pvCf, double[][] windCf, double[] tariff,
            List<StorageSpec> storage) {
        this.endUserLoad = endUserLoad;
        this.seed = seed;
        this.storage = List.copyOf(storage);
        this.storageCount = storage.size();
        this.endUserLevel = new EndUserLevel(Seeds.stream(seed, "enduser-level"), ClearnessIndex.checkSigma(noiseDaily));
        this.noiseHourly = noiseHourly;
        this.calendar = calendar;
        this.city = city;
        this.endUsers = endUsers;
        this.prosumers = prosumers;
        this.endUsersFromRows = city == null && endUsers == null;
        this.prosumersFromRows = city == null && prosumers == null;
        this.endUserCount = city != null ? city.endUsers() : endUsersFromRows ? rowCounts[0] : endUsers.size();
        this.prosumerCount = city != null ? city.prosumers() : prosumersFromRows ? rowCounts[1] : prosumers.size();
        this.archetypes = archetypes;
        this.shapes = shapes;
        this.pvCf = window(pvCf, calendar);
        this.windCf = window(windCf, calendar);
        this.pvFactor = new ProsumerPv(ClearnessIndex.prosumerStream(seed), ClearnessIndex.checkSigma(PROSUMER_PV_SIGMA));
        this.tariff = tariff;
    }

    long endUserCount() {
        return endUserCount;
    }

    long prosumerCount() {
        return prosumerCount;
    }

    /** The archetypes' names, by the index end-user blocks give ({@link EndUserBlock#archetype}). */
    List<String> archetypeNames() {
        return List.of(archetypes);
    }

    @Override
    public int endUserBlocks() {
        return endUsersFromRows ? 0 : (int) ((endUserCount + ENDUSER_BLOCK - 1) / ENDUSER_BLOCK);
    }

    @Override
    public int prosumerBlocks() {
        return prosumersFromRows ? 0 : (int) ((prosumerCount + PROSUMER_BLOCK - 1) / PROSUMER_BLOCK);
    }

    @Override
    public int endUserBlockSize() {
        return ENDUSER_BLOCK;
    }

    @Override
    public int prosumerBlockSize() {
        return PROSUMER_BLOCK;
    }

    @Override
    public EndUserBlock endUserBlockOf(List<EndUserSpec> members) {
        return endUserBlock(members);
    }

    @Override
    public ProsumerBlock prosumerBlockOf(List<ProsumerSpec> members) {
        return prosumerBlock(members);
    }

    /** Storage units per block. */
    static final int STORAGE_BLOCK = 64;

    long storageCount() {
        return storageCount;
    }

    @Override
    public int storageBlocks() {
        return (storageCount + STORAGE_BLOCK - 1) / STORAGE_BLOCK;
    }

    @Override
    public Serializable storageMembers(int b) {
        return slice(storage, b, STORAGE_BLOCK);
    }

    @Override
    @SuppressWarnings("unchecked")
    public StorageBlock storageBlock(int b, Serializable members) {
        return new StorageBlock((List<StorageSpec>) members);
    }

    /** The members of an end-user block read from files, with their own load profiles: one float[] per user or null. */
    record EndUserMembers(ArrayList<EndUserSpec> users, float[][] load) implements Serializable {
    }

    @Override
    public Serializable endUserMembers(int b) {
        if (city != null) {
            return null;
        }
        ArrayList<EndUserSpec> users = slice(endUsers, b, ENDUSER_BLOCK);
        if (endUserLoad == null) {
            return users;
        }
        int from = b * ENDUSER_BLOCK;
        return new EndUserMembers(users, Arrays.copyOfRange(endUserLoad, from, from + users.size()));
    }

    @Override
    public Serializable prosumerMembers(int b) {
        return city != null ? null : slice(prosumers, b, PROSUMER_BLOCK);
    }

    private static <M> ArrayList<M> slice(List<M> all, int b, int size) {
        int from = b * size;
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public EndUserBlock endUserBlock(int b, Serializable members) {
        if (members instanceof EndUserMembers m) {
            return endUserBlock(m.users(), m.load());
        }
        if (members != null) {
            return endUserBlock((List<EndUserSpec>) members);
        }
        long from = (long) b * ENDUSER_BLOCK;
        int n = (int) Math.min(ENDUSER_BLOCK, endUserCount - from);
        List<EndUserSpec> made = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            made.add(SyntheticCity.endUser(city, from + k));
        }
        return endUserBlock(made);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProsumerBlock prosumerBlock(int b, Serializable members) {
        if (members != null) {
            return prosumerBlock((List<ProsumerSpec>) members);
        }
        long from = (long) b * PROSUMER_BLOCK;
        int n = (int) Math.min(PROSUMER_BLOCK, prosumerCount - from);
        List<ProsumerSpec> made = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            made.add(SyntheticCity.prosumer(city, from + i));
        }
        return prosumerBlock(made);
    }

    /** A block of the given end-users, in this order, with their noise drawn here. */
    EndUserBlock endUserBlock(List<EndUserSpec> members) {
        return endUserBlock(members, null);
    }

    /**
     * As {@link #endUserBlock(List)}, user k following its own load profile {@code load[k]} where it has one (their
     * noise is still drawn, so the streams stay what they are, but not used).
     */
    EndUserBlock endUserBlock(List<EndUserSpec> members, float[][] load) {
        int n = members.size();
        String[] ids = new String[n];
        long[] hash = new long[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        double[] eps = new double[n];
        double[] flex = new double[n];
        double[] eflex = new double[n];
        float[] hourFactor = new float[n * T];
        long stream = Seeds.stream(seed, "enduser-noise");
        for (int k = 0; k < n; k++) {
            EndUserSpec u = members.get(k);
            ids[k] = u.id();
            hash[k] = Seeds.id(u.id());
            arch[k] = archetypeIndex(u.archetype(), u.id());
            energy[k] = u.annualEnergy();
            eps[k] = u.elasticity();
            flex[k] = u.flexShare();
            eflex[k] = u.energyFlex();
            RandomGenerator rng = Seeds.small(Seeds.of(stream, 0, hash[k], 0));
            NormalDistribution z = new NormalDistribution(rng, 0, 1);
            for (int t = 0; t < T; t++) {
                hourFactor[k * T + t] = (float) lognormal(z, noiseHourly);
            }
        }
        if (load == null) {
            return new CalibratedEndUserBlock(ids, hash, arch, energy, eps, flex, eflex, endUserLevel, hourFactor,
                    shapes, tariff, calendar);
        }
        int[] at = new int[n];
        int values = 0;
        for (int k = 0; k < n; k++) {
            at[k] = load[k] == null ? -1 : values;
            values += load[k] == null ? 0 : load[k].length;
        }
        float[] profile = new float[values];
        for (int k = 0; k < n; k++) {
            if (load[k] != null) {
                System.arraycopy(load[k], 0, profile, at[k], load[k].length);
            }
        }
        return new CalibratedEndUserBlock(ids, hash, arch, energy, eps, flex, eflex, endUserLevel, hourFactor, shapes,
                tariff, calendar, profile, at);
    }

    private static double lognormal(NormalDistribution z, double sigma) {
        return sigma == 0 ? 1.0 : Math.exp(sigma * z.sample() - sigma * sigma / 2);
    }

    /** An end-user's daily level factor ({@link CounterNoise#lognormal}), computed where a block needs it. */
    private record EndUserLevel(long stream, double sigma) implements DailyFactor {
        @Override
        public double of(int scenario, long idHash, int day) {
            return CounterNoise.lognormal(stream, 0, idHash, day, sigma);
        }
    }

    /** A block of the given prosumers, in this order: what they are, nothing per game. */
    ProsumerBlock prosumerBlock(List<ProsumerSpec> members) {
        int n = members.size();
        String[] ids = new String[n];
        long[] hash = new long[n];
        double[] pv = new double[n];
        double[] wind = new double[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        for (int i = 0; i < n; i++) {
            ProsumerSpec p = members.get(i);
            ids[i] = p.id();
            hash[i] = Seeds.id(p.id());
            pv[i] = p.pvKwp();
            wind[i] = p.windKw();
            arch[i] = archetypeIndex(p.archetype(), p.id());
            energy[i] = p.annualEnergy();
        }
        return new RenewableProsumerBlock(ids, hash, pv, wind, arch, energy, pvCf, windCf, shapes, calendar, pvFactor);
    }

    /** Each scenario's hourly series cut to the study window: day index times 24 plus hour. */
    private static double[][] window(double[][] year, GameCalendar calendar) {
        double[][] out = new double[year.length][];
        int from = (calendar.firstDay() - 1) * T;
        for (int s = 0; s < year.length; s++) {
            out[s] = Arrays.copyOfRange(year[s], from, from + calendar.days() * T);
        }
        return out;
    }

    /** A prosumer's daily PV factor ({@link ClearnessIndex#prosumerFactor}), computed where a block needs it. */
    private record ProsumerPv(long stream, double sigma) implements DailyFactor {
        @Override
        public double of(int scenario, long idHash, int day) {
            return ClearnessIndex.prosumerFactor(stream, scenario, idHash, day, sigma);
        }
    }

    private int archetypeIndex(String name, String id) {
        for (int a = 0; a < archetypes.length; a++) {
            if (archetypes[a].equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(id + ": archetype '" + name + "' has no load shape");
    }
}
