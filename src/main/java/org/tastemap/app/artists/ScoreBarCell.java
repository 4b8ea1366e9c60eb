package org.tastemap.app.artists;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A table cell showing a score in [0, 1] (or scaled by {@code max}) as a bar with its value. */
public final class ScoreBarCell<S> extends TableCell<S, Number> {
    private final ProgressBar bar = new ProgressBar();
    private final Label value = new Label();
    private final HBox box = new HBox(8, bar, value);
    private final java.util.function.DoubleSupplier max;

    public ScoreBarCell(java.util.function.DoubleSupplier max) {
        this.max = max;
        bar.getStyleClass().add("score-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        value.getStyleClass().add("score-value");
        value.setMinWidth(48);
    }

    @Override
    protected void updateItem(Number v, boolean empty) {
        super.updateItem(v, empty);
        if (empty || v == null) {
            setGraphic(null);
            return;
        }
        double m = max.getAsDouble();
        bar.setProgress(m > 0 ? Math.max(0, v.doubleValue()) / m : 0);
        value.setText(String.format(Locale.ROOT, "%.3f", v.doubleValue()));
        setGraphic(box);
    }
}
