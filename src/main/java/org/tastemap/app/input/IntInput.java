package org.tastemap.app.input;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A whole number typed by the user, checked as they type. The text is the truth while it is being
 * edited; a text that reads as a number in {@code [min, max]} is written to {@code value} at once,
 * any other text leaves {@code value} at the last good number and says why in {@link #errorBinding()}.
 * Setting {@code value} from code rewrites the text.
 */
public final class IntInput {
    private final String name;
    private final int min;
    private final int max;
    private final IntegerProperty value;
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final StringBinding error;
    private final BooleanBinding valid;
    private boolean syncing;

    /**
     * @param name  the field's name as the user sees it, for the messages ("Iterations")
     * @param value the ViewModel's property the good numbers go to
     */
    public IntInput(String name, int min, int max, IntegerProperty value) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.value = value;
        text.set(Integer.toString(value.get()));
        error = Bindings.createStringBinding(() -> problem(text.get()), text);
        valid = Bindings.createBooleanBinding(() -> error.get().isEmpty(), error);
        text.addListener((o, a, b) -> {
            if (!syncing && problem(b).isEmpty()) {
                syncing = true;
                try {
                    value.set(Integer.parseInt(b.strip()));
                } finally {
                    syncing = false;
                }
            }
        });
        value.addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                try {
                    text.set(Integer.toString(b.intValue()));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** Why {@code s} is not a valid value of this field, as a sentence; empty when it is valid. */
    public String problem(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            return String.format(Locale.ROOT, "%s: enter a whole number from %,d to %,d.", name, min, max);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return String.format(Locale.ROOT, "%s: \"%s\" is not a whole number; enter one from %,d to %,d.", name,
                    t.length() > 20 ? t.substring(0, 20) + "…" : t, min, max);
        }
        if (v < min || v > max) {
            return String.format(Locale.ROOT, "%s must be from %,d to %,d (not %s).", name, min, max, t);
        }
        return "";
    }

    /** True while every one of {@code inputs} is valid. */
    public static BooleanBinding allValid(IntInput... inputs) {
        return Bindings.createBooleanBinding(() -> java.util.Arrays.stream(inputs).allMatch(i -> i.valid.get()),
                java.util.Arrays.stream(inputs).map(i -> i.valid).toArray(javafx.beans.Observable[]::new));
    }

    /** The problems of {@code inputs} that are not valid, in order, as sentences. */
    public static java.util.List<String> problems(IntInput... inputs) {
        return java.util.Arrays.stream(inputs).map(i -> i.error.get()).filter(e -> !e.isEmpty()).toList();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not valid, or "" when it is. */
    public StringBinding errorBinding() {
        return error;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public IntegerProperty valueProperty() {
        return value;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String name() {
        return name;
    }
}
