package org.tastemap.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata keys Tastemap writes into {@link TrainedModel#metadata()}. Other writers (the
 * parameter tuner, the Spark job) add their own keys; readers ignore keys they do not know.
 */
public final class ModelMetadata {
    /** When the model was made: an ISO-8601 UTC instant to the second, e.g. {@code 2026-12-07T04:30:00Z}. */
    public static final String CREATED = "created";
    /** The Tastemap version that made it ({@code "dev"} when run from classes). */
    public static final String TASTEMAP_VERSION = "tastemap.version";
    /** What made it, e.g. {@code "tastemap train"}. */
    public static final String CREATED_BY = "created.by";
    /** The file name (without folders) of the imported input. */
    public static final String INPUT = "input";
    /** The share of each listener's artists held out for evaluation while training, e.g. {@code "0.2"}. */
    public static final String HOLDOUT = "holdout";
    /** The seed of the holdout split used for evaluation while training, e.g. {@code "42"}. */
    public static final String HOLDOUT_SEED = "holdout.seed";
    /**
     * Which rows of the input the saved factors were trained on: {@code "all"} (a held-out split,
     * if any, served only to evaluate), or {@code "split"} (only the training part of the split).
     */
    public static final String TRAINED_ON = "trained.on";
    /** How many rows (listener-artist cells) the saved factors were trained on. */
    public static final String TRAINED_ROWS = "trained.rows";

    /** What trained the factors: {@link #BY_TASTEMAP} (in-process) or {@link #BY_SPARK} (the Spark job). Absent means Tastemap. */
    public static final String TRAINED_BY = "trained.by";
    public static final String BY_TASTEMAP = "tastemap";
    public static final String BY_SPARK = "spark";
    /** The Spark version of a Spark-trained model, e.g. {@code "4.0.1"}. */
    public static final String SPARK_VERSION = "spark.version";
    /** The Spark master it ran on, e.g. {@code "local[2]"} or {@code "yarn"}. */
    public static final String SPARK_MASTER = "spark.master";
    /**
     * How lambda was applied: {@link #SCALING_COUNT} (each row's term times its number of artists,
     * ALS-WR, as Spark does) or {@link #SCALING_CONSTANT}. The parameters' own flag says the same for
     * Tastemap-trained models; this key states it for readers that do not parse parameters.
     */
    public static final String LAMBDA_SCALING = "lambda.scaling";
    public static final String SCALING_COUNT = "count";
    public static final String SCALING_CONSTANT = "constant";
    /** Whose histories the model holds: {@link #HISTORIES_ALL} or {@link #HISTORIES_SAMPLE}. Absent means all. */
    public static final String HISTORIES = "histories";
    public static final String HISTORIES_ALL = "all";
    public static final String HISTORIES_SAMPLE = "sample";
    /** The seed that drew a sample of listener histories. */
    public static final String HISTORIES_SEED = "histories.seed";
    /**
     * The sum of every play of the full data (a decimal number), written with sampled histories: BM25
     * confidence normalises each listener's plays by the full data's mean per listener, this divided
     * by the listeners. Without it the held listeners' mean stands in (a sample's estimate).
     */
    public static final String PLAYS_TOTAL = "plays.total";

    /** Present when the settings came from a tune: the validation metric maximised, e.g. {@code "map@10"}. */
    public static final String TUNE_METRIC = "tune.metric";
    /** The chosen settings' validation value of {@link #TUNE_METRIC}, e.g. {@code "0.1234"}. */
    public static final String TUNE_VALUE = "tune.value";
    /** The tune's time budget in seconds, {@code "none"} without one. */
    public static final String TUNE_BUDGET = "tune.budget";
    /** How many candidates the tune tried. */
    public static final String TUNE_CANDIDATES = "tune.candidates";
    /** The chosen settings, e.g. {@code "log k=64 alpha=3 lambda=0.1"}. */
    public static final String TUNE_CHOSEN = "tune.chosen";

    private ModelMetadata() {
    }

    /** {@link #CREATED} (now), {@link #TASTEMAP_VERSION}, {@link #CREATED_BY} and {@link #INPUT}, in that order. */
    public static Map<String, String> provenance(String createdBy, String version, String input) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CREATED, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put(TASTEMAP_VERSION, version);
        m.put(CREATED_BY, createdBy);
        m.put(INPUT, input);
        return m;
    }
}
