package org.tastemap.app.data.wizard;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 3: which column holds the user, the artist, the artist's name and the plays. */
final class MappingStep extends WizardStep {
    private GridPane grid;

    MappingStep(ImportWizardModel model) {
        super(model, "3 · Map the columns", "Tell Tastemap which column is which. Columns are numbered from 0, as the command "
                + "line's --user-col, --item-col, --name-col and --count-col take them. Next stays disabled until the mapping "
                + "makes sense; the reason shows below.");
    }

    @Override
    protected Node body() {
        grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        Label problem = problemLabel();
        problem.setId("wizard-mapping-problem");
        problem.textProperty().bind(model.mappingProblem);
        return new VBox(14, grid, problem);
    }

    @Override
    protected void entered() {
        grid.getChildren().clear();
        row(0, "User", "--user-col", "map-user", model.userColumn, false);
        row(1, "Artist key (MBID or name)", "--item-col", "map-artist", model.artistColumn, false);
        row(2, "Artist name", "--name-col", "map-name", model.nameColumn, true);
        row(3, "Plays", "--count-col", "map-plays", model.playsColumn, true);
    }

    private void row(int r, String label, String cliOption, String id, IntegerProperty column, boolean optional) {
        List<String> choices = model.columnChoices(optional);
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.setPrefWidth(360);
        int offset = optional ? 1 : 0;
        int sel = column.get() + offset;
        box.getSelectionModel().select(sel >= 0 && sel < choices.size() ? sel : -1);
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> column.set(b.intValue() - offset));
        // the same choice as the command line writes it
        Label cli = new Label();
        cli.getStyleClass().add("muted");
        cli.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "CLI: " + cliOption + " " + (column.get() >= 0 ? Integer.toString(column.get()) : "—"), column));
        grid.addRow(r, new Label(label + (optional ? " (optional)" : "")), box, cli);
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.mappingValid;
    }
}
