package org.tastemap.app.session;

import java.util.List;
import org.tastemap.core.data.Dataset;

/**
 * The outcome of an import.
 *
 * @param dataset  the imported dataset
 * @param rowsRead data rows read from the file
 * @param skipped  skipped rows by reason
 * @param summary  one paragraph for a person
 */
public record Imported(Dataset dataset, long rowsRead, List<Skipped> skipped, String summary) {

    /** Rows skipped for one reason, with the first few line numbers as examples. */
    public record Skipped(String reason, long count, List<Long> exampleLines) {
    }

    public long skippedTotal() {
        return skipped.stream().mapToLong(Skipped::count).sum();
    }
}
