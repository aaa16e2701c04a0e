package org.tea.model;

/**
 * A storage unit (MODEL section 12): energy capacity {@code capacityKwh} E (kWh), power limit {@code powerKw} P
 * (kW, the same for charging and discharging), charging and discharging efficiencies in (0, 1], throughput cost
 * kappa (currency per kWh^2) and the daily start and end state of charge {@code soc0} as a share of E.
 */
public record StorageSpec(String id, double capacityKwh, double powerKw, double etaCharge, double etaDischarge,
        double throughputCost, double soc0) implements java.io.Serializable {

    public StorageSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("storage id is missing");
        }
        Checks.nonNegative(id, "capacity_kwh", capacityKwh);
        Checks.nonNegative(id, "power_kw", powerKw);
        efficiency(id, "eta_charge", etaCharge);
        efficiency(id, "eta_discharge", etaDischarge);
        Checks.positive(id, "throughput_cost", throughputCost);
        Checks.finite(id, "soc0", soc0);
        if (soc0 < 0 || soc0 > 1) {
            throw new IllegalArgumentException(id + ": soc0 = " + soc0 + ", expected in [0, 1]");
        }
    }

    private static void efficiency(String id, String field, double eta) {
        Checks.finite(id, field, eta);
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException(id + ": " + field + " = " + eta + ", expected in (0, 1]");
        }
    }
}
