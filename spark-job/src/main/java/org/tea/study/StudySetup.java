package org.tea.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tea.engine.BlockSource;
import org.tea.equilibrium.MarketPrices;
import org.tea.io.DateHourSeries;
import org.tea.io.InputException;
import org.tea.io.InputFiles;
import org.tea.io.LoadedInputs;
import org.tea.io.StudyConfig;
import org.tea.io.synth.CityParameters;
import org.tea.io.synth.SyntheticCity;
import org.tea.model.EndUserSpec;
import org.tea.model.GameCalendar;
import org.tea.model.Hours;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * A study ready to run (MATSim's "scenario"): the calendar of games, the exogenous prices of every game, and
 * the recipe for every block of end-users and prosumers ({@link #blocks()}), which the engine follows where the
 * blocks live.
 */
public final class StudySetup {
    private static final int T = Hours.T;

    private final StudyConfig config;
    private final GameCalendar calendar;
    private final double[] wholesale;
    private final StudyBlocks blocks;
    private final List<EndUserSpec> endUsers;   // read on the driver, or null
    private final float[][] endUserLoad;        // their own load profiles, or null
    private final List<ProsumerSpec> prosumers;
    private final List<StudySeries> series;
    private final Path endUsersParquet;         // read on the executors, or null
    private final Path prosumersParquet;

    private StudySetup(StudyConfig config, CityParameters city, List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers,
            List<StudySeries> series) {
        this(config, city, endUsers, null, prosumers, series, null, null, new long[] {-1, -1});
    }

    /** {@code rowCounts}: the sizes of the populations read from Parquet, once checked (-1 before). */
    private StudySetup(StudyConfig config, CityParameters city, List<EndUserSpec> endUsers, float[][] endUserLoad,
            List<ProsumerSpec> prosumers, List<StudySeries> series, Path endUsersParquet, Path prosumersParquet,
            long[] rowCounts) {
        this.endUserLoad = endUserLoad;
        this.config = config;
        this.endUsers = endUsers;
        this.prosumers = prosumers;
        this.series = series;
        this.endUsersParquet = endUsersParquet;
        this.prosumersParquet = prosumersParquet;
        this.calendar = new GameCalendar(config.study().year(), config.study().firstDay(), config.study().days(),
                config.study().scenarios(), config.study().firstScenario());
        StudySeries first = series.get(0);
        Map<String, double[]> shapeMap = first.archetypes();
        String[] archetypes = shapeMap.keySet().toArray(new String[0]);
        double[][] shapes = new double[archetypes.length][];
        for (int a = 0; a < archetypes.length; a++) {
            shapes[a] = shapeMap.get(archetypes[a]);
        }
        double[][] pvCf = new double[series.size()][];
        double[][] windCf = new double[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            pvCf[s] = series.get(s).pvCapacityFactor();
            windCf[s] = series.get(s).windCapacityFactor();
        }
        this.wholesale = first.wholesale();
        double[] tariff = new double[T];
        for (int t = 0; t < T; t++) {
            tariff[t] = config.market().tariff(t);
        }
        this.blocks = new StudyBlocks(config.study().seed(), config.endUsers().noiseDaily(),
                config.endUsers().noiseHourly(), calendar, city, endUsers, endUserLoad, prosumers, rowCounts,
                archetypes, shapes, pvCf, windCf, tariff, storageUnits(config));
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
     * A study whose city is read from {@code inputs.dir}. Input files hold one scenario's renewable output; see
     * {@link #scenarios} for the others.
     */
    public static StudySetup loaded(StudyConfig config, Path dir) {
        LoadedInputs in = load(config, dir);
        return fromInputs(config, dir, in, scenarios(config, in.series()));
    }

    /** A study of the loaded inputs of {@code dir}, with its populations given as Parquet left to the executors. */
    private static StudySetup fromInputs(StudyConfig config, Path dir, LoadedInputs in, List<StudySeries> series) {
        // both forms present was an error of load(); here each population has one
        Path euParquet = InputFiles.parquet(dir, InputFiles.ENDUSERS, new ArrayList<>());
        Path prParquet = InputFiles.parquet(dir, InputFiles.PROSUMERS, new ArrayList<>());
        return new StudySetup(config, null, euParquet != null ? null : in.endUsers(), in.endUserLoad(),
                prParquet != null ? null : in.prosumers(), series, euParquet, prParquet, new long[] {-1, -1});
    }

    private static LoadedInputs load(StudyConfig config, Path dir) {
        return InputFiles.load(dir, config.study().year(), config.study().firstDay(), config.study().days());
    }

    /** The end-users' Parquet input, read and checked on the executors, or null if there is none. */
    public Path endUsersParquet() {
        return endUsersParquet;
    }

    /** The prosumers' Parquet input, read and checked on the executors, or null if there is none. */
    public Path prosumersParquet() {
        return prosumersParquet;
    }

    /** Whether a population is read from Parquet on the executors: the run checks it first ({@link #checked}). */
    public boolean readsParquet() {
        return endUsersParquet != null || prosumersParquet != null;
    }

    /** This study once its Parquet populations are checked and counted ({@code -1} for one not from Parquet). */
    public StudySetup checked(long endUserRows, long prosumerRows) {
        return new StudySetup(config, null, endUsers, endUserLoad, prosumers, series, endUsersParquet,
                prosumersParquet, new long[] {endUserRows, prosumerRows});
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

    /**
     * The configured study: generated unless {@code inputs.dir} is set, with the series named by the
     * {@code series.*} keys read from their files ({@link DateHourSeries}). Every error of the inputs folder and of
     * the series files is reported at once.
     */
    public static StudySetup of(StudyConfig config) {
        if (!config.series().any()) {
            return config.inputs().generate() ? generated(config) : loaded(config, Path.of(config.inputs().dir()));
        }
        List<String> errors = new ArrayList<>();
        CityParameters city = null;
        LoadedInputs in = null;
        StudySeries base;
        if (config.inputs().generate()) {
            city = cityParameters(config);
            base = SyntheticCity.series(city, 0);
        } else {
            try {
                in = load(config, Path.of(config.inputs().dir()));
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
            base = in == null ? null : in.series();
        }
        StudySeries real = base == null ? null : DateHourSeries.apply(config.series(), base, errors);
        if (base == null) {
            // the inputs folder failed: still check the series files, against the generated series' archetypes
            DateHourSeries.apply(config.series(), SyntheticCity.series(cityParameters(config), 0), errors);
        }
        if (!errors.isEmpty()) {
            throw new InputException(null, errors);
        }
        return in == null ? new StudySetup(config, city, null, null, scenarios(config, real))
                : fromInputs(config, Path.of(config.inputs().dir()), in, scenarios(config, real));
    }

    /**
     * The study's storage units (MODEL section 12): those of storage.csv when the inputs folder has one (checked
     * with the other input files), else the configuration's generated ones (none by default).
     */
    static List<StorageSpec> storageUnits(StudyConfig config) {
        if (!config.inputs().generate()) {
            Path dir = Path.of(config.inputs().dir());
            if (Files.exists(dir.resolve(InputFiles.STORAGE))) {
                return InputFiles.storage(dir);
            }
        }
        return SyntheticCity.storage(config.storage());
    }

    public static CityParameters cityParameters(StudyConfig c) {
        var e = c.endUsers();
        var p = c.prosumers();
        return new CityParameters(c.study().year(), c.study().latitude(), c.study().seed(), e.count(), e.annualEnergy(),
                e.annualEnergySpread(), e.commercialShare(), e.elasticity(), e.elasticitySpread(), e.flexShare(),
                e.energyFlex(), p.count(), p.pvKwp(), p.pvSpread(), p.windShare(), p.windKw(), p.annualEnergy(),
                c.market().wholesaleMean());
    }

    public GameCalendar calendar() {
        return calendar;
    }

    public long endUserCount() {
        return blocks.endUserCount();
    }

    public long prosumerCount() {
        return blocks.prosumerCount();
    }

    /** Storage units (MODEL section 12). */
    public long storageCount() {
        return blocks.storageCount();
    }

    /** The names of the study's load archetypes (from the series' load shapes), by archetype index. */
    public List<String> archetypes() {
        return blocks.archetypeNames();
    }

    /** The recipe for every block of the study, for the engine. */
    public BlockSource blocks() {
        return blocks;
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
                u[i] = m.tariff(t);
                f[i] = m.feedInPrice(s[i]);
            }
        }
        return new MarketPrices(w, b, s, u, f);
    }
}
