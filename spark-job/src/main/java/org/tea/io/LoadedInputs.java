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
        List<StorageSpec> storage) {

    public LoadedInputs {
        endUsers = List.copyOf(endUsers);
        prosumers = List.copyOf(prosumers);
        storage = List.copyOf(storage);
        if (series == null) {
            throw new IllegalArgumentException("inputs: series is missing");
        }
    }

    /** Inputs without storage. */
    public LoadedInputs(List<EndUserSpec> endUsers, List<ProsumerSpec> prosumers, StudySeries series) {
        this(endUsers, prosumers, series, List.of());
    }
}
