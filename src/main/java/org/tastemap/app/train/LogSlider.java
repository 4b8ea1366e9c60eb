package org.tastemap.app.train;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * A slider on a log10 scale bound both ways to a positive parameter, with a label showing the value.
 * The slider's own value is {@code log10(parameter)}.
 */
final class LogSlider extends VBox {
    private final Slider slider;
    private boolean syncing;

    LogSlider(String name, String id, DoubleProperty value, double min, double max, String tooltip) {
        slider = new Slider(Math.log10(min), Math.log10(max), Math.log10(value.get()));
        slider.setId(id);
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickLabels(true);
        slider.getStyleClass().add("log-slider");
        slider.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return tick(Math.pow(10, d));
            }

            @Override
            public Double fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        });
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        Label shown = new Label(format(value.get()));
        shown.setId(id + "-value");
        shown.getStyleClass().add("field-value");
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                // round to 3 significant digits so the shown value is the value used
                double v = Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue())));
                value.set(v);
                syncing = false;
            }
        });
        value.addListener((o, a, b) -> {
            shown.setText(format(b.doubleValue()));
            if (!syncing) {
                syncing = true;
                slider.setValue(Math.log10(b.doubleValue()));
                syncing = false;
            }
        });
        Tooltip tip = new Tooltip(tooltip);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        slider.setTooltip(tip);
        Tooltip.install(label, tip);
        BorderPane head = new BorderPane();
        head.setLeft(label);
        head.setRight(shown);
        getChildren().addAll(head, slider);
        setSpacing(2);
    }

    Slider slider() {
        return slider;
    }

    /** Compact tick labels: 0.001, 0.01, 0.1, 1, 10, 100, 1k. */
    static String tick(double v) {
        if (v >= 1000) {
            return new java.math.BigDecimal(v / 1000).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString() + "k";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    static String format(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
