package org.tastemap.core.tune;

import java.util.Locale;
import org.tastemap.core.eval.Metrics;

/** The validation metric a tune maximises; all are at {@link org.tastemap.core.eval.Holdout#K}. */
public enum TuneMetric {
    MAP("map@10"),
    NDCG("ndcg@10"),
    PRECISION("p@10");

    private final String label;

    TuneMetric(String label) {
        this.label = label;
    }

    /** This metric's value in {@code m}; NaN when {@code m} is null. */
    public double of(Metrics m) {
        if (m == null) {
            return Double.NaN;
        }
        return switch (this) {
            case MAP -> m.mapAtK();
            case NDCG -> m.ndcgAtK();
            case PRECISION -> m.precisionAtK();
        };
    }

    /** A short label, e.g. {@code map@10}. */
    public String label() {
        return label;
    }

    /** Parses "map", "ndcg" or "precision", ignoring case. */
    public static TuneMetric parse(String s) {
        for (TuneMetric t : values()) {
            if (t.name().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("the metric must be map, ndcg or precision, not '" + s + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
