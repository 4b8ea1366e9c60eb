package org.tastemap.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.TrainedModel;

/** Marks a model whose dataset holds the histories of a sample of listeners only, and what trained it. */
final class Histories {
    static final String TRAINED_BY = "trained.by";
    static final String SPARK_VERSION = "spark.version";
    static final String SPARK_MASTER = "spark.master";
    static final String LAMBDA_SCALING = "lambda.scaling";
    static final String HISTORIES = "histories";
    static final String HISTORIES_SEED = "histories.seed";

    private Histories() {
    }

    /** {@code model} (whose dataset holds the {@code held} listeners' rows of {@code full}) marked as a seeded sample. */
    static TrainedModel attach(TrainedModel model, Dataset full, int[] held, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HISTORIES, "sample");
        m.put(HISTORIES_SEED, Long.toString(seed));
        return model.withMetadata(m);
    }
}
