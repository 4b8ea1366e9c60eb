package org.tastemap.app.data.wizard;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.tastemap.io.TextEncoding;
import org.tastemap.io.ValueKind;

/** Step 3: which column holds the user, the artist, the artist's name, the plays and the artist's MBID. */
final class MappingStep extends WizardStep {
    private GridPane grid;

    MappingStep(ImportWizardModel model) {
        super(model, "3 · Map the columns", "Tell Tastemap which column is which. Columns are numbered from 0, as the command "
                + "line's --user-col, --item-col, --name-col, --count-col and --mbid-col take them. Next stays disabled until the mapping "
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
        Label hint = new Label();
        hint.setId("wizard-values-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.valuesHint);
        return new VBox(14, grid, hint, problem);
    }

    @Override
    protected void entered() {
        grid.getChildren().clear();
        List<ImportWizardModel.Role> roles = model.roles();
        for (int r = 0; r < roles.size(); r++) {
            row(r, roles.get(r));
        }
        ComboBox<ValueKind> values = new ComboBox<>();
        values.setId("map-values");
        values.getItems().setAll(ValueKind.values());
        values.setConverter(new ChoiceText<>(MappingStep::valuesText));
        values.setValue(model.values.get());
        values.valueProperty().addListener((o, a, b) -> model.values.set(b));
        values.setPrefWidth(280);
        grid.addRow(5, new Label("The plays column holds"), values);
        ComboBox<TextEncoding> encoding = new ComboBox<>();
        encoding.setId("map-encoding");
        encoding.getItems().setAll(TextEncoding.values());
        encoding.setConverter(new ChoiceText<>(MappingStep::encodingText));
        encoding.setValue(model.encoding.get());
        encoding.valueProperty().addListener((o, a, b) -> model.encoding.set(b));
        encoding.setPrefWidth(280);
        grid.addRow(6, new Label("Text encoding"), encoding);
    }

    static String valuesText(ValueKind v) {
        return switch (v) {
            case AUTO -> "Automatic: plays if whole numbers, else weights";
            case PLAYS -> "Plays (a count)";
            case WEIGHT -> "A weight or score";
            case PRESENCE -> "Presence only (each pair counts 1)";
        };
    }

    static String encodingText(TextEncoding e) {
        return switch (e) {
            case AUTO -> "Automatic (the report says which)";
            case UTF_8 -> "UTF-8";
            case LATIN_1 -> "Latin-1 (ISO-8859-1)";
            case WINDOWS_1252 -> "Windows-1252";
        };
    }

    /** Shows a choice with a text for a person instead of its enum name. */
    private static final class ChoiceText<T> extends javafx.util.StringConverter<T> {
        private final java.util.function.Function<T, String> text;

        ChoiceText(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : text.apply(value);
        }

        @Override
        public T fromString(String s) {
            return null;
        }
    }

    private void row(int r, ImportWizardModel.Role role) {
        IntegerProperty column = role.column();
        boolean optional = role.optional();
        List<String> choices = model.columnChoices(optional);
        ComboBox<String> box = new ComboBox<>();
        box.setId(role.id());
        box.getItems().setAll(choices);
        box.setPrefWidth(360);
        int offset = optional ? 1 : 0;
        int sel = column.get() + offset;
        box.getSelectionModel().select(sel >= 0 && sel < choices.size() ? sel : -1);
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> column.set(b.intValue() - offset));
        // the same choice as the command line writes it
        Label cli = new Label();
        cli.getStyleClass().add("muted");
        cli.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(role::cliText, column));
        grid.addRow(r, new Label(role.label() + (optional ? " (optional)" : "")), box, cli);
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.mappingValid;
    }
}
