package org.tea.engine;

import java.util.List;
import org.tea.model.StorageSpec;

/**
 * A fixed group of storage units (MODEL section 12), evaluated in one go like an {@link EndUserBlock}: the units'
 * parameters in flat primitive arrays, visited in a fixed order, so a block's partial sums are reproducible.
 * A unit's problem is the same every day (days are independent games), so nothing depends on the game.
 */
public final class StorageBlock implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] ids;
    private final double[] capacity;
    private final double[] power;
    private final double[] etaCharge;
    private final double[] etaDischarge;
    private final double[] throughputCost;
    private final double[] soc0;

    public StorageBlock(List<StorageSpec> units) {
        int n = units.size();
        ids = new String[n];
        capacity = new double[n];
        power = new double[n];
        etaCharge = new double[n];
        etaDischarge = new double[n];
        throughputCost = new double[n];
        soc0 = new double[n];
        for (int k = 0; k < n; k++) {
            StorageSpec u = units.get(k);
            ids[k] = u.id();
            capacity[k] = u.capacityKwh();
            power[k] = u.powerKw();
            etaCharge[k] = u.etaCharge();
            etaDischarge[k] = u.etaDischarge();
            throughputCost[k] = u.throughputCost();
            soc0[k] = u.soc0();
        }
    }

    public int size() {
        return ids.length;
    }

    public String id(int k) {
        return ids[k];
    }

    public double capacity(int k) {
        return capacity[k];
    }

    public double power(int k) {
        return power[k];
    }

    public double etaCharge(int k) {
        return etaCharge[k];
    }

    public double etaDischarge(int k) {
        return etaDischarge[k];
    }

    public double throughputCost(int k) {
        return throughputCost[k];
    }

    public double soc0(int k) {
        return soc0[k];
    }
}
