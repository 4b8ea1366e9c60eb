package org.tastemap.app.users;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.tastemap.app.artists.ScoreBarCell;
import org.tastemap.app.artists.ScoreScale;

/** The artist tables of the Users screen. */
final class Tables {
    private Tables() {
    }

    /** Artist + plays. */
    static TableView<PlayRow> plays(ObservableList<PlayRow> rows, String id, String empty, String valueName) {
        TableView<PlayRow> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new Label(empty));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlayRow, String> name = new TableColumn<>("Artist");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        TableColumn<PlayRow, String> plays = new TableColumn<>(valueName);
        plays.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,.0f", c.getValue().value())));
        plays.getStyleClass().add("numeric");
        t.getColumns().addAll(java.util.List.of(name, plays));
        return t;
    }

    /** Artist + score bar, scaled to the best score in the list. */
    static TableView<PlayRow> scores(ObservableList<PlayRow> rows, String id, String empty) {
        TableView<PlayRow> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new Label(empty));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlayRow, String> name = new TableColumn<>("Artist");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        TableColumn<PlayRow, Number> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        score.setCellFactory(c -> new ScoreBarCell<>(() -> ScoreScale.of(rows, PlayRow::value)));
        ScoreBarCell.explain(score, "Score", "A recommendation score is the model's predicted preference of this listener "
                + "for the artist: the dot product xᵤ · yᵢ of their factor vectors, fitted to 1 for artists played and 0 "
                + "for the rest, so near 1 means \"looks like what they play\". Only the order is meaningful; scores "
                + "of different listeners are not comparable.");
        score.setPrefWidth(150);
        t.getColumns().addAll(java.util.List.of(name, score));
        // a ranked list keeps its rank order (and the bars their scale)
        t.getColumns().forEach(c -> c.setSortable(false));
        return t;
    }
}
