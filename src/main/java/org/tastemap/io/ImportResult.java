package org.tastemap.io;

import java.util.Objects;
import org.tastemap.core.data.Dataset;

/** What an import produced: the dataset and a report on how it was read. */
public record ImportResult(Dataset dataset, ImportReport report) {
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(report, "report");
    }
}
