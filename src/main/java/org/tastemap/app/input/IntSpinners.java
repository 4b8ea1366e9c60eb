package org.tastemap.app.input;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The view side of {@link IntInput}: an editable spinner whose editor text is the input's text, and
 * a label that shows why the text is not valid (also as the field's tooltip). The spinner never
 * parses text itself, so a typed "abc" cannot throw when the spinner commits its editor.
 */
public final class IntSpinners {
    private IntSpinners() {
    }

    /** An editable spinner over {@code input}, stepping by {@code step}. */
    public static Spinner<Integer> spinner(IntInput input, int step) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                input.min(), input.max(), input.valueProperty().get(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String text) {
                // committing the editor: a bad text keeps the last good number (the error label says why)
                return input.problem(text).isEmpty() ? Integer.valueOf(text.strip()) : input.valueProperty().get();
            }
        });
        s.setValueFactory(f);
        s.setEditable(true);
        // arrows and code move the value; typing moves the text; each follows the other
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != input.valueProperty().get()) {
                input.valueProperty().set(b);
            }
        });
        input.valueProperty().addListener((o, a, b) -> f.setValue(b.intValue()));
        s.getEditor().setText(input.textProperty().get());
        s.getEditor().textProperty().addListener((o, a, b) -> input.textProperty().set(b));
        input.textProperty().addListener((o, a, b) -> {
            if (!b.equals(s.getEditor().getText())) {
                s.getEditor().setText(b);
            }
        });
        input.errorBinding().addListener((o, a, b) -> markInvalid(s, b));
        s.focusedProperty().addListener((o, a, focused) -> {
            // leaving the field with a bad text: the text stays, so the user sees what to fix
            if (!focused && !input.validBinding().get()) {
                s.getEditor().setText(input.textProperty().get());
            }
        });
        return s;
    }

    /** A label under the field that shows the input's problem and takes no room when there is none. */
    public static Label errorLabel(IntInput input, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(input.errorBinding());
        l.visibleProperty().bind(input.validBinding().not());
        l.managedProperty().bind(input.validBinding().not());
        return l;
    }

    private static void markInvalid(Spinner<Integer> s, String problem) {
        // the spinner's editor shows the spinner's tooltip: while invalid it is the reason, then the original again
        String key = "tastemap.tooltip";
        s.getStyleClass().remove("invalid");
        if (!problem.isEmpty()) {
            if (!s.getProperties().containsKey(key)) {
                s.getProperties().put(key, s.getTooltip() == null ? "" : s.getTooltip());
            }
            s.getStyleClass().add("invalid");
            s.setTooltip(new Tooltip(problem));
        } else if (s.getProperties().containsKey(key)) {
            Object original = s.getProperties().remove(key);
            s.setTooltip(original instanceof Tooltip t ? t : null);
        }
    }
}
