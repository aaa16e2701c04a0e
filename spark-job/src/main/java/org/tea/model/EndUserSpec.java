package org.tea.model;

/**
 * An end-user as described in the inputs (MODEL section 10): its reference load is the archetype's annual
 * shape scaled to {@code annualEnergy} (kWh per year); {@code elasticity < 0} is the price elasticity at the
 * tariff, {@code flexShare} in [0, 1] the share of each hour's load that can move, {@code energyFlex} in [0, 1)
 * how far the daily energy may deviate from the reference (0: demand shifts, total energy stays).
 */
public record EndUserSpec(String id, String archetype, double annualEnergy, double elasticity, double flexShare,
        double energyFlex) implements java.io.Serializable {

    public EndUserSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("end-user id is missing");
        }
        if (archetype == null || archetype.isBlank()) {
            throw new IllegalArgumentException(id + ": archetype is missing");
        }
        Checks.nonNegative(id, "annual_energy", annualEnergy);
        Checks.finite(id, "elasticity", elasticity);
        if (!(elasticity < 0)) {
            throw new IllegalArgumentException(id + ": elasticity = " + elasticity + ", expected < 0");
        }
        Checks.nonNegative(id, "flex_share", flexShare);
        if (flexShare > 1) {
            throw new IllegalArgumentException(id + ": flex_share = " + flexShare + ", expected in [0, 1]");
        }
        Checks.nonNegative(id, "energy_flex", energyFlex);
        if (energyFlex >= 1) {
            throw new IllegalArgumentException(id + ": energy_flex = " + energyFlex + ", expected in [0, 1)");
        }
    }
}
