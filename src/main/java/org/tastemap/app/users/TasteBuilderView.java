package org.tastemap.app.users;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.tastemap.app.input.IntSpinners;

/** The taste builder: pick artists (with plays) for a hypothetical listener and see their recommendations at once. */
final class TasteBuilderView extends HBox {
    TasteBuilderView(TasteBuilderViewModel vm) {
        TextField artist = new TextField();
        artist.setId("taste-artist");
        artist.setPromptText("Add an artist…");
        HBox.setHgrow(artist, Priority.ALWAYS);
        TextFields.bindAutoCompletion(artist, req -> vm.suggestions().request(req.getUserText())).setPrefWidth(320);
        Spinner<Integer> plays = IntSpinners.spinner(vm.playsInput(), 10);
        plays.setId("taste-plays");
        plays.setPrefWidth(100);
        Button add = new Button("Add");
        add.setId("taste-add");
        add.getStyleClass().add("accent");
        add.disableProperty().bind(vm.playsInput().validBinding().not());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        Runnable doAdd = () -> {
            if (!vm.playsInput().validBinding().get()) {
                return;
            }
            if (vm.addWithTypedPlays(artist.getText())) {
                artist.clear();
                problem.setText("");
            } else {
                problem.setText(artist.getText().isBlank() ? "" : "No artist matches \"" + artist.getText() + "\".");
            }
        };
        add.setOnAction(e -> doAdd.run());
        artist.setOnAction(e -> doAdd.run());
        HBox addRow = new HBox(8, artist, new Label("plays"), plays, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        TableView<PlayRow> picks = Tables.plays(vm.picks(), "taste-picks", "No artists yet: add three or four you like.", "Plays");
        Button remove = new Button("Remove selected");
        remove.disableProperty().bind(picks.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(picks.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        Label lead = new Label("A listener who does not exist yet: their factors are solved from these plays against the "
                + "current artist factors (fold-in), with no retraining.");
        lead.setWrapText(true);
        lead.getStyleClass().add("muted");
        VBox left = new VBox(8, title("Hypothetical listener"), lead, addRow,
                IntSpinners.errorLabel(vm.playsInput(), "taste-plays-error"), problem, picks, new HBox(8, remove, clear));
        VBox.setVgrow(picks, Priority.ALWAYS);
        left.setPrefWidth(460);
        TableView<PlayRow> recs = Tables.scores(vm.recommendations(), "taste-recommendations", "Recommendations appear here.");
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.hintProperty());
        VBox right = new VBox(8, title("Their recommendations"), hint, recs);
        VBox.setVgrow(recs, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        setSpacing(18);
        setPadding(new Insets(12, 0, 0, 0));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

}
