package org.tastemap.app.artists;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/** A table cell showing a score as a bar scaled to its list's range ({@link ScoreScale}), with the value beside it. */
public final class ScoreBarCell<S> extends TableCell<S, Number> {
    private final ProgressBar bar = new ProgressBar();
    private final Label value = new Label();
    private final HBox box = new HBox(8, bar, value);
    private final Supplier<ScoreScale> scale;

    public ScoreBarCell(Supplier<ScoreScale> scale) {
        this.scale = scale;
        bar.getStyleClass().add("score-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinWidth(24);
        HBox.setHgrow(bar, Priority.ALWAYS);
        value.getStyleClass().add("score-value");
        value.setMinWidth(USE_PREF_SIZE);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the bar is a ProgressBar, a control that takes the clicks on it: a double-click on a row must reach the row
        box.setMouseTransparent(true);
    }

    @Override
    protected void updateItem(Number v, boolean empty) {
        super.updateItem(v, empty);
        if (empty || v == null) {
            setGraphic(null);
            return;
        }
        ScoreScale sc = scale.get();
        bar.setProgress(sc.fraction(v.doubleValue()));
        value.setText(String.format(Locale.ROOT, "%." + sc.decimals() + "f", v.doubleValue()));
        setGraphic(box);
    }

    /** A score as the tables show it: three decimals. */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Gives a score column a header whose tooltip says what the score is. */
    public static void explain(TableColumn<?, ?> column, String header, String what) {
        Label l = new Label(header);
        Tooltip t = new Tooltip(what + " The bars span this list, from its lowest to its highest score; the number is the score.");
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(300));
        l.setTooltip(t);
        column.setText("");
        column.setGraphic(l);
    }
}
