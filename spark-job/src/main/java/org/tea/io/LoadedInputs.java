package org.tea.io;

import java.util.List;
import org.tea.model.EndUserSpec;
import org.tea.model.ProsumerSpec;
import org.tea.model.StorageSpec;
import org.tea.model.StudySeries;

/**
 * A study's validated inputs, held in memory: for the local engine and tests. Large cities are read by Spark with
 * the same schemas and {@link InputRules}.
 */
public record LoadedInputs(List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers, StudySeries series,
        float[][] endUserLoad, List<StorageSpec> storage) {

    /**
     * @param endUserLoad the enduser_load table ({@link EndUserLoadTable}): per end-user, in list order, its
     *                    reference load over the study window or null; null if the folder has no such table
     * @param storage     the storage units of storage.csv (MODEL section 12), none without it
     */
    public LoadedInputs {
        endUsers = List.copyOf(endUsers);
        prosumers = List.copyOf(prosumers);
        storage = List.copyOf(storage);
        if (series == null) {
            throw new IllegalArgumentException("inputs: series is missing");
        }
        if (endUserLoad != null && endUserLoad.length != endUsers.size()) {
            throw new IllegalArgumentException("inputs: " + endUserLoad.length + " load profiles for "
                    + endUsers.size() + " end-users");
        }
    }

    /** Inputs without per-user load profiles or storage. */
    public LoadedInputs(List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers, StudySeries series) {
        this(endUsers, prosumers, series, null, List.of());
    }

    /** Inputs without storage. */
    public LoadedInputs(List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers, StudySeries series,
            float[][] endUserLoad) {
        this(endUsers, prosumers, series, endUserLoad, List.of());
    }
}
