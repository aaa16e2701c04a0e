package org.tea.study;

import org.tea.io.StudyConfig;
import org.tea.io.InputFiles;
import org.tea.io.LoadedInputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.tea.engine.CalibratedEndUserBlock;
import org.tea.engine.EndUserBlock;
import org.tea.engine.ProsumerBlock;
import org.tea.engine.RenewableProsumerBlock;
import org.tea.equilibrium.MarketPrices;
import org.tea.io.synth.CityParameters;
import org.tea.io.synth.ClearnessIndex;
import org.tea.io.synth.Seeds;
import org.tea.io.synth.SyntheticCity;
import org.tea.model.EndUserSpec;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.model.ProsumerSpec;
import org.tea.model.StudySeries;

/**
 * A study ready to run (MATSim's "scenario"): the calendar of games, the hourly series of each scenario, the
 * exogenous prices, and a recipe for every block of end-users and prosumers. Blocks are made from their index
 * alone, so Spark makes them on the executors; a generated city never exists on the driver as a list.
 *
 * <p>Noise (MODEL section 10) never depends on scenario, partition or order: a user's reference load gets a
 * level factor per day and a habit factor per hour of day, both lognormal with mean 1, drawn from the user's
 * own stream seeded by (seed, id); a prosumer's PV gets a daily factor seeded by (seed, scenario, id, day).
 */
public final class StudySetup implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int T = Hours.T;
    /** End-users per block: small enough that 2 cores get an even share of a 10,000-user city. */
    public static final int ENDUSER_BLOCK = 512;
    /** Prosumers per block: their offer curves are a block's bulk (games x 24 x 3 doubles each), and a small
     * city still spreads them over the cores when per-prosumer tables are written. */
    public static final int PROSUMER_BLOCK = 64;
    /** Log-sd of a prosumer's daily PV factor around the common clearness index. */
    static final double PROSUMER_PV_SIGMA = 0.1;

    private final transient StudyConfig config; // driver only: executors get the few numbers below
    private final long seed;
    private final double noiseDaily;
    private final double noiseHourly;
    private final GameCalendar calendar;
    private final CityParameters city;          // generated city, or null
    private final transient List<EndUserSpec> endUsers;   // in-memory city (driver only), or null
    private final transient List<ProsumerSpec> prosumers; // in-memory city (driver only), or null
    private final String[] archetypes;
    private final double[][] shapes;
    private final double[][] pvCf;
    private final double[][] windCf;
    private final double[] wholesale;
    private final double[] tariff;

    private StudySetup(StudyConfig config, CityParameters city, List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers,
            List<StudySeries> series) {
        this.config = config;
        this.seed = config.study().seed();
        this.noiseDaily = config.endUsers().noiseDaily();
        this.noiseHourly = config.endUsers().noiseHourly();
        this.city = city;
        this.endUsers = endUsers;
        this.prosumers = prosumers;
        this.calendar = new GameCalendar(config.study().year(), config.study().days(), config.study().scenarios(),
                config.study().firstScenario());
        StudySeries first = series.get(0);
        Map<String, double[]> shapeMap = first.archetypes();
        this.archetypes = shapeMap.keySet().toArray(new String[0]);
        this.shapes = new double[archetypes.length][];
        for (int a = 0; a < archetypes.length; a++) {
            shapes[a] = shapeMap.get(archetypes[a]);
        }
        this.pvCf = new double[series.size()][];
        this.windCf = new double[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            pvCf[s] = series.get(s).pvCapacityFactor();
            windCf[s] = series.get(s).windCapacityFactor();
        }
        this.wholesale = first.wholesale();
        this.tariff = new double[T];
        for (int t = 0; t < T; t++) {
            tariff[t] = config.market().tariff(t);
        }
    }

    /** A study whose city is generated from its configuration (the default). */
    public static StudySetup generated(StudyConfig config) {
        CityParameters p = cityParameters(config);
        List<StudySeries> series = new ArrayList<>();
        int first = config.study().firstScenario();
        for (int s = first; s < first + config.study().scenarios(); s++) {
            series.add(SyntheticCity.series(p, s));
        }
        return new StudySetup(config, p, null, null, series);
    }

    /**
     * A study whose city is read from {@code inputs.dir}, in memory (the local engine and tests). Input files
     * hold one scenario's renewable output; see {@link #scenarios} for the others.
     */
    public static StudySetup loaded(StudyConfig config, Path dir) {
        LoadedInputs in = InputFiles.load(dir, config.study().year());
        return new StudySetup(config, null, in.endUsers(), in.prosumers(), scenarios(config, in.series()));
    }

    /** Scenario 0 is the file's renewable output; any other scenario number redraws it synthetically. */
    static List<StudySeries> scenarios(StudyConfig config, StudySeries fromFile) {
        List<StudySeries> series = new ArrayList<>();
        CityParameters p = cityParameters(config);
        int first = config.study().firstScenario();
        for (int s = first; s < first + config.study().scenarios(); s++) {
            if (s == 0) {
                series.add(fromFile);
            } else {
                StudySeries synth = SyntheticCity.series(p, s);
                series.add(fromFile.withRenewables(synth.pvCapacityFactor(), synth.windCapacityFactor()));
            }
        }
        return series;
    }

    /** The configured study: generated unless {@code inputs.dir} is set. */
    public static StudySetup of(StudyConfig config) {
        return config.inputs().generate() ? generated(config) : loaded(config, Path.of(config.inputs().dir()));
    }

    public static CityParameters cityParameters(StudyConfig c) {
        var e = c.endUsers();
        var p = c.prosumers();
        return new CityParameters(c.study().year(), c.study().latitude(), c.study().seed(), e.count(), e.annualEnergy(),
                e.annualEnergySpread(), e.commercialShare(), e.elasticity(), e.elasticitySpread(), e.flexShare(),
                e.energyFlex(), p.count(), p.pvKwp(), p.pvSpread(), p.windShare(), p.windKw(), p.annualEnergy(),
                c.market().wholesaleMean());
    }

    public StudyConfig config() {
        return config;
    }

    public GameCalendar calendar() {
        return calendar;
    }

    public long endUserCount() {
        return city != null ? city.endUsers() : endUsers.size();
    }

    public long prosumerCount() {
        return city != null ? city.prosumers() : prosumers.size();
    }

    public int endUserBlocks() {
        return (int) ((endUserCount() + ENDUSER_BLOCK - 1) / ENDUSER_BLOCK);
    }

    public int prosumerBlocks() {
        return (int) ((prosumerCount() + PROSUMER_BLOCK - 1) / PROSUMER_BLOCK);
    }

    /** The exogenous prices of every game (MODEL section 3): the wholesale year repeats in every scenario. */
    public MarketPrices prices() {
        int n = calendar.games() * T;
        double[] w = new double[n];
        double[] b = new double[n];
        double[] s = new double[n];
        double[] u = new double[n];
        double[] f = new double[n];
        var m = config.market();
        for (int g = 0; g < calendar.games(); g++) {
            for (int t = 0; t < T; t++) {
                int i = g * T + t;
                w[i] = wholesale[calendar.hourOfYear(g, t)];
                b[i] = w[i] + m.feeImport();
                s[i] = w[i] - m.feeExport();
                u[i] = tariff[t];
                f[i] = m.feedInPrice(s[i]);
            }
        }
        return new MarketPrices(w, b, s, u, f);
    }

    private int archetypeIndex(String name, String id) {
        for (int a = 0; a < archetypes.length; a++) {
            if (archetypes[a].equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(id + ": archetype '" + name + "' has no load shape");
    }

    /** Whether the city is generated from its parameters (blocks made from their index anywhere). */
    public boolean generatedCity() {
        return city != null;
    }

    /**
     * The members of every end-user block of an in-memory city, in block order: Spark ships each group once,
     * to the executor that builds and keeps its block.
     */
    public List<List<EndUserSpec>> endUserGroups() {
        return groups(endUsers, ENDUSER_BLOCK);
    }

    public List<List<ProsumerSpec>> prosumerGroups() {
        return groups(prosumers, PROSUMER_BLOCK);
    }

    private static <T> List<List<T>> groups(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            out.add(new ArrayList<>(all.subList(from, Math.min(all.size(), from + size))));
        }
        return out;
    }

    /** End-user block b of a generated or in-memory city: users {@code [b * 512, (b + 1) * 512)}. */
    public EndUserBlock endUserBlock(int b) {
        long from = (long) b * ENDUSER_BLOCK;
        int n = (int) Math.min(ENDUSER_BLOCK, endUserCount() - from);
        List<EndUserSpec> members = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            members.add(city != null ? SyntheticCity.endUser(city, from + k) : endUsers.get((int) (from + k)));
        }
        return endUserBlock(members);
    }

    /**
     * A block of the given end-users, in this order, with their noise drawn here. Readers of large input files
     * call it on the executors with the rows of one block, so it only needs what the members say.
     */
    public EndUserBlock endUserBlock(List<EndUserSpec> members) {
        int n = members.size();
        int days = calendar.days();
        String[] ids = new String[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        double[] eps = new double[n];
        double[] flex = new double[n];
        double[] eflex = new double[n];
        float[] dayFactor = new float[n * days];
        float[] hourFactor = new float[n * T];
        long stream = Seeds.stream(seed, "enduser-noise");
        for (int k = 0; k < n; k++) {
            EndUserSpec u = members.get(k);
            ids[k] = u.id();
            arch[k] = archetypeIndex(u.archetype(), u.id());
            energy[k] = u.annualEnergy();
            eps[k] = u.elasticity();
            flex[k] = u.flexShare();
            eflex[k] = u.energyFlex();
            RandomGenerator rng = Seeds.small(Seeds.of(stream, 0, Seeds.id(u.id()), 0));
            NormalDistribution z = new NormalDistribution(rng, 0, 1);
            for (int d = 0; d < days; d++) {
                dayFactor[k * days + d] = (float) lognormal(z, noiseDaily);
            }
            for (int t = 0; t < T; t++) {
                hourFactor[k * T + t] = (float) lognormal(z, noiseHourly);
            }
        }
        return new CalibratedEndUserBlock(ids, arch, energy, eps, flex, eflex, dayFactor, hourFactor, shapes, tariff,
                calendar);
    }

    private static double lognormal(NormalDistribution z, double sigma) {
        return sigma == 0 ? 1.0 : Math.exp(sigma * z.sample() - sigma * sigma / 2);
    }

    /** Prosumer block b of a generated or in-memory city: prosumers {@code [b * 256, (b + 1) * 256)}. */
    public ProsumerBlock prosumerBlock(int b) {
        long from = (long) b * PROSUMER_BLOCK;
        int n = (int) Math.min(PROSUMER_BLOCK, prosumerCount() - from);
        List<ProsumerSpec> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(city != null ? SyntheticCity.prosumer(city, from + i) : prosumers.get((int) (from + i)));
        }
        return prosumerBlock(members);
    }

    /** A block of the given prosumers, in this order, with their offer curves for every game. */
    public ProsumerBlock prosumerBlock(List<ProsumerSpec> members) {
        int n = members.size();
        int games = calendar.games();
        String[] ids = new String[n];
        double[] pv = new double[n];
        double[] wind = new double[n];
        int[] arch = new int[n];
        double[] energy = new double[n];
        float[] factor = new float[n * games];
        for (int i = 0; i < n; i++) {
            ProsumerSpec p = members.get(i);
            ids[i] = p.id();
            pv[i] = p.pvKwp();
            wind[i] = p.windKw();
            arch[i] = archetypeIndex(p.archetype(), p.id());
            energy[i] = p.annualEnergy();
            for (int g = 0; g < games; g++) {
                factor[i * games + g] = (float) ClearnessIndex.prosumerFactor(seed, calendar.scenario(g), p.id(),
                        calendar.day(g), PROSUMER_PV_SIGMA);
            }
        }
        return new RenewableProsumerBlock(ids, pv, wind, arch, energy, factor, pvCf, windCf, shapes, calendar);
    }

    /** Every block, built here: for the local engine and tests. */
    public List<EndUserBlock> allEndUserBlocks() {
        List<EndUserBlock> out = new ArrayList<>();
        for (int b = 0; b < endUserBlocks(); b++) {
            out.add(endUserBlock(b));
        }
        return out;
    }

    public List<ProsumerBlock> allProsumerBlocks() {
        List<ProsumerBlock> out = new ArrayList<>();
        for (int b = 0; b < prosumerBlocks(); b++) {
            out.add(prosumerBlock(b));
        }
        return out;
    }
}
