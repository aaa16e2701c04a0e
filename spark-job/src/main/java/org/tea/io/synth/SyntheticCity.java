package org.tea.io.synth;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.tea.model.EndUserSpec;
import org.tea.io.StudyConfig;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * A physically grounded synthetic city (MODEL section 10). Stateless: every end-user and prosumer is a pure
 * function of (parameters, index), so Spark executors generate their own range of indices and the driver never
 * holds the population; the hourly series are a function of (parameters, scenario).
 */
public final class SyntheticCity {
    /** A commercial end-user's mean annual energy relative to a residential one's (a small shop or office). */
    public static final double COMMERCIAL_ENERGY_FACTOR = 5.0;

    private SyntheticCity() {
    }

    /**
     * The hourly series of scenario {@code scenario >= 0}: wholesale prices and load shapes are the same in every
     * scenario; PV is clear-sky output times the scenario's common clear-sky index; wind is the scenario's draw.
     */
    public static StudySeries series(CityParameters p, int scenario) {
        if (scenario < 0) {
            throw new IllegalArgumentException("scenario = " + scenario + ", expected >= 0");
        }
        double[] pv = SolarGeometry.clearSky(p.year(), p.latitude());
        double[] clearness = ClearnessIndex.draw(p.seed(), scenario, p.year(), p.latitude()).hourly();
        for (int i = 0; i < pv.length; i++) {
            pv[i] *= clearness[i];
        }
        double[] wind = WindModel.DEFAULT.capacityFactor(p.seed(), scenario, p.year(), p.latitude());
        double[] wholesale = WholesalePrices.generate(p.year(), p.latitude(), p.seed(), p.wholesaleMean());
        return new StudySeries(p.year(), wholesale, LoadShapes.generate(p.year(), p.latitude()), pv, wind);
    }

    /**
     * End-user {@code index} (0-based, below {@code p.endUsers()}), drawn from a generator seeded by (seed, index)
     * only: commercial with probability {@code commercialShare}; lognormal annual energy with mean
     * {@code endUserAnnualEnergy} (times {@link #COMMERCIAL_ENERGY_FACTOR} if commercial); elasticity the mean times
     * a mean-1 lognormal factor of log-sd {@code elasticitySpread} (so it stays negative).
     */
    public static EndUserSpec endUser(CityParameters p, long index) {
        checkIndex("end-user", index, p.endUsers());
        RandomGenerator rng = Seeds.small(Seeds.of(Seeds.stream(p.seed(), "enduser"), 0, index, 0));
        boolean commercial = new BinomialDistribution(rng, 1, p.commercialShare()).sample() == 1;
        double energyMean = p.endUserAnnualEnergy() * (commercial ? COMMERCIAL_ENERGY_FACTOR : 1);
        double energy = round(energyMean * meanOneLognormal(rng, p.endUserAnnualEnergySpread()), 10);
        double elasticity = Math.min(-1e-4,
                round(p.elasticity() * meanOneLognormal(rng, p.elasticitySpread()), 10_000));
        return new EndUserSpec(endUserId(index), commercial ? LoadShapes.COMMERCIAL : LoadShapes.RESIDENTIAL, energy,
                elasticity, p.flexShare(), p.energyFlex());
    }

    /**
     * Prosumer {@code index} (0-based, below {@code p.prosumers()}), drawn from a generator seeded by (seed, index)
     * only: lognormal PV capacity (mean {@code pvKwp}, log-sd {@code pvSpread}), a {@code windKw} turbine with
     * probability {@code windShare}, residential own load with lognormal annual energy (mean
     * {@code prosumerAnnualEnergy}, the end-users' log-sd).
     */
    public static ProsumerSpec prosumer(CityParameters p, long index) {
        checkIndex("prosumer", index, p.prosumers());
        RandomGenerator rng = Seeds.small(Seeds.of(Seeds.stream(p.seed(), "prosumer"), 0, index, 0));
        double pv = round(p.pvKwp() * meanOneLognormal(rng, p.pvSpread()), 100);
        boolean wind = new BinomialDistribution(rng, 1, p.windShare()).sample() == 1;
        double energy = round(p.prosumerAnnualEnergy() * meanOneLognormal(rng, p.endUserAnnualEnergySpread()), 10);
        return new ProsumerSpec(prosumerId(index), pv, wind ? p.windKw() : 0.0, LoadShapes.RESIDENTIAL, energy);
    }

    /** All end-users, in index order: for local runs and files; Spark jobs call {@link #endUser} per index. */
    public static List<EndUserSpec> endUsers(CityParameters p) {
        List<EndUserSpec> users = new ArrayList<>(p.endUsers());
        for (long i = 0; i < p.endUsers(); i++) {
            users.add(endUser(p, i));
        }
        return users;
    }

    /** All prosumers, in index order. */
    public static List<ProsumerSpec> prosumers(CityParameters p) {
        List<ProsumerSpec> list = new ArrayList<>(p.prosumers());
        for (long i = 0; i < p.prosumers(); i++) {
            list.add(prosumer(p, i));
        }
        return list;
    }

    /** "U0000042" for index 42. */
    public static String endUserId(long index) {
        return padded('U', index, 7);
    }

    /** "P000042" for index 42. */
    public static String prosumerId(long index) {
        return padded('P', index, 6);
    }

    /** Id of generated storage unit {@code index}: {@code S000000}, ... */
    public static String storageId(long index) {
        return padded('S', index, 6);
    }

    /** The generated storage units of {@code g} (MODEL section 12), all alike, in index order. */
    public static List<StorageSpec> storage(StudyConfig.StorageGroup g) {
        List<StorageSpec> units = new ArrayList<>(g.count());
        for (int i = 0; i < g.count(); i++) {
            units.add(new StorageSpec(storageId(i), g.capacityKwh(), g.powerKw(), g.etaCharge(), g.etaDischarge(),
                    g.throughputCost(), g.soc0()));
        }
        return units;
    }

    /** Prefix and zero-padded index; String.format would cost more than drawing the user. */
    private static String padded(char prefix, long index, int width) {
        String digits = Long.toString(index);
        StringBuilder b = new StringBuilder(width + 1).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** A lognormal factor with mean exactly 1 and log-sd {@code sigma}; 1 without a draw when sigma is 0. */
    private static double meanOneLognormal(RandomGenerator rng, double sigma) {
        if (sigma == 0) {
            return 1.0;
        }
        return new LogNormalDistribution(rng, -sigma * sigma / 2, sigma).sample();
    }

    /** Rounds to 1/{@code per}: files stay readable and the values written are the values simulated. */
    private static double round(double value, double per) {
        return Math.round(value * per) / per;
    }

    private static void checkIndex(String what, long index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(what + " index " + index + ", expected in 0.." + (count - 1));
        }
    }
}
