package org.tea.model;

/**
 * A prosumer as described in the inputs (MODEL section 10): PV capacity {@code pvKwp} (kWp), optional small wind
 * {@code windKw} (kW), and its own inflexible load, the archetype's annual shape scaled to {@code annualEnergy}
 * (kWh per year).
 */
public record ProsumerSpec(String id, double pvKwp, double windKw, String archetype, double annualEnergy)
        implements java.io.Serializable {

    public ProsumerSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("prosumer id is missing");
        }
        if (archetype == null || archetype.isBlank()) {
            throw new IllegalArgumentException(id + ": archetype is missing");
        }
        Checks.nonNegative(id, "pv_kwp", pvKwp);
        Checks.nonNegative(id, "wind_kw", windKw);
        Checks.nonNegative(id, "annual_energy", annualEnergy);
    }
}
