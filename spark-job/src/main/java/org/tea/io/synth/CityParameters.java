package org.tea.io.synth;

/**
 * What a synthetic city is made of (see {@link SyntheticCity}). Spreads are log-standard-deviations of lognormal
 * draws with the given mean (about the coefficient of variation when small).
 *
 * @param year study year (its calendar gives the weekdays; 366 days in a leap year)
 * @param latitude site latitude in degrees, in (-90, 90); negative south of the equator
 * @param seed study seed: every draw derives from it (see {@link Seeds})
 * @param endUsers number of end-users, at least 1
 * @param endUserAnnualEnergy mean annual energy of a residential end-user, kWh per year, > 0
 * @param endUserAnnualEnergySpread log-sd of annual energies (end-users and prosumers), >= 0
 * @param commercialShare probability that an end-user is commercial, in [0, 1]
 * @param elasticity mean price elasticity, < 0
 * @param elasticitySpread relative spread of elasticities, in [0, 1): log-sd of a mean-1 factor, so no sign flips
 * @param flexShare flexible share of every end-user's hourly load, in [0, 1]
 * @param energyFlex daily energy flexibility of every end-user, in [0, 1)
 * @param prosumers number of prosumers, >= 0
 * @param pvKwp mean PV capacity of a prosumer, kWp, >= 0
 * @param pvSpread log-sd of PV capacities, >= 0
 * @param windShare probability that a prosumer also has a small wind turbine, in [0, 1]
 * @param windKw capacity of such a turbine, kW, >= 0
 * @param prosumerAnnualEnergy mean annual energy of a prosumer's own load, kWh per year, > 0
 * @param wholesaleMean annual mean wholesale price, currency per kWh, > 0
 */
public record CityParameters(int year, double latitude, long seed, int endUsers, double endUserAnnualEnergy,
        double endUserAnnualEnergySpread, double commercialShare, double elasticity, double elasticitySpread,
        double flexShare, double energyFlex, int prosumers, double pvKwp, double pvSpread, double windShare,
        double windKw, double prosumerAnnualEnergy, double wholesaleMean) implements java.io.Serializable {

    public CityParameters {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year = " + year + ", expected in 1..9999");
        }
        SolarGeometry.checkLatitude(latitude);
        if (endUsers < 1) {
            throw new IllegalArgumentException("endUsers = " + endUsers + ", expected >= 1 (a city needs end-users)");
        }
        if (prosumers < 0) {
            throw new IllegalArgumentException("prosumers = " + prosumers + ", expected >= 0");
        }
        positive("endUserAnnualEnergy", endUserAnnualEnergy);
        nonNegative("endUserAnnualEnergySpread", endUserAnnualEnergySpread);
        share("commercialShare", commercialShare);
        finite("elasticity", elasticity);
        if (!(elasticity < 0)) {
            throw new IllegalArgumentException("elasticity = " + elasticity + ", expected < 0");
        }
        nonNegative("elasticitySpread", elasticitySpread);
        if (elasticitySpread >= 1) {
            throw new IllegalArgumentException("elasticitySpread = " + elasticitySpread + ", expected in [0, 1)");
        }
        share("flexShare", flexShare);
        nonNegative("energyFlex", energyFlex);
        if (energyFlex >= 1) {
            throw new IllegalArgumentException("energyFlex = " + energyFlex + ", expected in [0, 1)");
        }
        nonNegative("pvKwp", pvKwp);
        nonNegative("pvSpread", pvSpread);
        share("windShare", windShare);
        nonNegative("windKw", windKw);
        positive("prosumerAnnualEnergy", prosumerAnnualEnergy);
        positive("wholesaleMean", wholesaleMean);
    }

    /**
     * A small reference city at 44 N: 1,000 end-users (10% commercial) of 4,000 kWh/year, elasticity -0.2, 20%
     * flexible load; 200 prosumers with 5 kWp of PV (5% with a 3 kW turbine) and 4,500 kWh/year of own load.
     */
    public static CityParameters defaults() {
        return new CityParameters(2016, 44.0, 1L, 1000, 4000, 0.3, 0.1, -0.2, 0.25, 0.2, 0.0, 200, 5.0, 0.3, 0.05,
                3.0, 4500, WholesalePrices.DEFAULT_MEAN);
    }

    /** A copy with other counts of end-users and prosumers. */
    public CityParameters withCounts(int endUsers, int prosumers) {
        return new CityParameters(year, latitude, seed, endUsers, endUserAnnualEnergy, endUserAnnualEnergySpread,
                commercialShare, elasticity, elasticitySpread, flexShare, energyFlex, prosumers, pvKwp, pvSpread,
                windShare, windKw, prosumerAnnualEnergy, wholesaleMean);
    }

    /** A copy with another seed. */
    public CityParameters withSeed(long seed) {
        return new CityParameters(year, latitude, seed, endUsers, endUserAnnualEnergy, endUserAnnualEnergySpread,
                commercialShare, elasticity, elasticitySpread, flexShare, energyFlex, prosumers, pvKwp, pvSpread,
                windShare, windKw, prosumerAnnualEnergy, wholesaleMean);
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + ", expected a finite number");
        }
    }

    private static void nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new IllegalArgumentException(name + " = " + v + ", expected >= 0");
        }
    }

    private static void positive(String name, double v) {
        finite(name, v);
        if (v <= 0) {
            throw new IllegalArgumentException(name + " = " + v + ", expected > 0");
        }
    }

    private static void share(String name, double v) {
        nonNegative(name, v);
        if (v > 1) {
            throw new IllegalArgumentException(name + " = " + v + ", expected in [0, 1]");
        }
    }
}
