package org.tastemap.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Numbers as people read them on a chart: 100, 1k, 10k, 1M rather than 1e3, with at most two
 * significant digits past the thousands step (3.2k, 15k, 1.5M), and log axes labelled with the
 * values themselves rather than their logarithms.
 */
public final class PlainNumbers {
    private static final String[] UNITS = {"", "k", "M", "G", "T"};

    private PlainNumbers() {
    }

    /**
     * {@code v} in plain digits with a k/M/G/T step: values below 1,000 with up to two significant
     * decimals (0.5, 12, 3.2, 250), larger ones as the thousands step with at most one decimal where
     * that is not a round number (1k, 1.5k, 10k, 100k, 1M, 2.5M).
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v < 0) {
            return "-" + format(-v);
        }
        if (v < 9.995) {
            // two significant digits, in plain decimals (0.053, 3.2, 0.00001), no trailing zeros
            return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        if (v < 999.5) {
            // Math.round is exact half-up for a positive value, as String.format's "%.0f"; no Formatter on the
            // UI thread, where an axis asks for its labels many times in every layout
            return Long.toString(Math.round(v));
        }
        int unit = 0;
        double scaled = v;
        // one step of a thousand at a time while the rounded value would still reach 1,000
        while (scaled >= 999.5 && unit < UNITS.length - 1) {
            scaled /= 1000;
            unit++;
        }
        String digits = scaled >= 9.95 ? Long.toString(Math.round(scaled))
                : String.format(Locale.ROOT, "%.1f", scaled).replaceAll("\\.0$", "");
        return digits + UNITS[unit];
    }

    /** A tick label converter for an axis whose values are log10 of the quantity: tick t reads as {@code format(10^t)}. */
    public static StringConverter<Number> log10Labels() {
        return remembered(t -> format(Math.pow(10, t)));
    }

    /** A tick label converter for a plain axis: tick t reads as {@code format(t)}. */
    public static StringConverter<Number> labels() {
        return remembered(PlainNumbers::format);
    }

    /**
     * A tick label converter that writes each value with {@code label} once and then remembers it (the
     * last 256 values). A NumberAxis asks for the labels of every candidate tick unit in every layout
     * (about 100 labels per layout of a live chart), on the UI thread; the values repeat from layout to layout.
     */
    public static StringConverter<Number> remembered(java.util.function.DoubleFunction<String> label) {
        return new StringConverter<>() {
            private final java.util.Map<Double, String> known = new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Double, String> eldest) {
                    return size() > 256;
                }
            };

            @Override
            public String toString(Number t) {
                double v = t.doubleValue();
                String s = known.get(v);
                if (s == null) {
                    s = label.apply(v);
                    known.put(v, s);
                }
                return s;
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are not parsed");
            }
        };
    }

    /** Makes {@code axis} a log10 axis labelled in plain numbers (1, 10, 100, 1k), a tick per decade once {@link #fitDecades} sets its range. */
    public static void log10Axis(NumberAxis axis) {
        axis.setTickLabelFormatter(log10Labels());
        axis.setMinorTickCount(0);
    }

    /** Spans a log10 axis over the whole decades around [lo, hi] (log10 values), one tick per decade. */
    public static void fitDecades(NumberAxis axis, double lo, double hi) {
        double from = Math.floor(lo);
        double to = Math.max(from + 1, Math.ceil(hi));
        axis.setAutoRanging(false);
        axis.setLowerBound(from);
        axis.setUpperBound(to);
        axis.setTickUnit(1);
    }
}
