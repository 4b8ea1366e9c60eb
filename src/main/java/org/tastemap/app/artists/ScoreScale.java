package org.tastemap.app.artists;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How long a score bar is: a ranked list's scores are close together (cosines of 0.87 and 0.99), so
 * the bars span the list's own range instead of 0..1, the lowest score still showing a stub.
 *
 * @param lo the lowest score of the list
 * @param hi the highest
 */
public record ScoreScale(double lo, double hi, boolean empty) {
    /** Length of the lowest score's bar, as a fraction of the longest. */
    public static final double STUB = 0.1;

    public static <T> ScoreScale of(List<T> rows, ToDoubleFunction<T> score) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (T r : rows) {
            double v = score.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new ScoreScale(lo, hi, lo > hi);
    }

    /** Bar length in [0, 1]: STUB + (1 − STUB) · (v − lo) / (hi − lo), clamped; 1 when all scores are equal. */
    public double fraction(double v) {
        if (empty || Double.isNaN(v)) {
            return 0;
        }
        if (hi <= lo) {
            return 1;
        }
        double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
        return STUB + (1 - STUB) * t;
    }

    /**
     * Decimals that tell this list's scores apart: 3, or more when they all lie within a narrow range
     * (cosines from 0.9912 to 0.9941 would all read 0.99x): ceil(−log10(hi − lo)) + 1, at most 5.
     */
    public int decimals() {
        if (empty || hi <= lo) {
            return 3;
        }
        return (int) Math.max(3, Math.min(5, Math.ceil(-Math.log10(hi - lo)) + 1));
    }
}
