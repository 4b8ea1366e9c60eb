package org.tastemap.app.train;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * An x axis of whole iterations: its bounds are integers, its tick unit a whole 1, 2, 5, 10, ... and
 * it has no minor ticks, so it never shows 10.5 or 11.5. Set by {@link #fit} rather than auto-ranged.
 */
final class IterationAxis {
    /** At most this many ticks, so labels never crowd. */
    static final int MAX_TICKS = 12;

    /** Integer bounds and tick unit covering iterations {@code first..last}. */
    record Range(int lower, int upper, int unit) {
    }

    private IterationAxis() {
    }

    /** A new axis showing iterations 1..10. */
    static NumberAxis create() {
        NumberAxis axis = new NumberAxis();
        axis.setLabel("iteration");
        axis.setAutoRanging(false);
        axis.setForceZeroInRange(false);
        axis.setMinorTickCount(0);
        axis.setMinorTickVisible(false);
        // belt and braces: whatever the bounds, a label is a whole number or nothing
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.trim());
            }
        });
        fit(axis, 1, 10);
        return axis;
    }

    /** Makes {@code axis} show iterations {@code first..last}. */
    static void fit(NumberAxis axis, int first, int last) {
        Range r = range(first, last);
        axis.setLowerBound(r.lower());
        axis.setUpperBound(r.upper());
        axis.setTickUnit(r.unit());
    }

    /**
     * The range for iterations {@code first..last}: from {@code first}, at least one iteration wide,
     * with a 1-2-5 tick unit giving at most {@link #MAX_TICKS} ticks, and the upper bound on a tick.
     */
    static Range range(int first, int last) {
        int lower = first;
        int span = Math.max(1, last - first);
        int unit = 1;
        for (int decade = 1; ; decade *= 10) {
            if (span <= MAX_TICKS * decade) {
                unit = decade;
                break;
            }
            if (span <= MAX_TICKS * 2 * decade) {
                unit = 2 * decade;
                break;
            }
            if (span <= MAX_TICKS * 5 * decade) {
                unit = 5 * decade;
                break;
            }
        }
        int upper = lower + (span + unit - 1) / unit * unit;
        return new Range(lower, upper, unit);
    }
}
