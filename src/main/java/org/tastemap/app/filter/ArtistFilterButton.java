package org.tastemap.app.filter;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tastemap.core.model.ArtistFilter;

/**
 * A compact "Filter" button over a list of artists: its menu holds three fields (leave out the N
 * most popular, at least / at most this many listeners) and Apply. The button says how many rules
 * are on; its tooltip says which. Values are checked as the command line checks them
 * ({@link ArtistFilter#problems}) and a refused value is explained in the menu.
 */
public final class ArtistFilterButton extends MenuButton {
    private final ObjectProperty<ArtistFilter> filter;
    final TextField top = field("0");
    final TextField min = field("0");
    final TextField max = field("no limit");
    final Label problem = new Label();

    public ArtistFilterButton(String id, ObjectProperty<ArtistFilter> filter) {
        this.filter = filter;
        setId(id);
        getStyleClass().add("small");
        top.setId(id + "-top");
        min.setId(id + "-min");
        max.setId(id + "-max");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("Leave out the most popular"), top);
        g.addRow(1, new Label("At least this many listeners"), min);
        g.addRow(2, new Label("At most this many listeners"), max);
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(300);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Button apply = new Button("Apply");
        apply.setId(id + "-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> apply());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            filter.set(ArtistFilter.NONE);
            hide();
        });
        HBox buttons = new HBox(6, apply, clear);
        VBox box = new VBox(8, g, problem, buttons);
        box.setPadding(new Insets(4));
        CustomMenuItem item = new CustomMenuItem(box, false);
        getItems().add(item);
        for (TextField f : List.of(top, min, max)) {
            f.setOnAction(e -> apply());
        }
        setOnShowing(e -> show(filter.get()));
        filter.addListener((o, a, b) -> label(b));
        label(filter.get());
    }

    private static TextField field(String prompt) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setPrefColumnCount(7);
        return f;
    }

    private void show(ArtistFilter f) {
        top.setText(f.excludeTop() == 0 ? "" : Integer.toString(f.excludeTop()));
        min.setText(f.minListeners() == 0 ? "" : Integer.toString(f.minListeners()));
        max.setText(f.maxListeners() == Integer.MAX_VALUE ? "" : Integer.toString(f.maxListeners()));
        problem.setText("");
    }

    private void label(ArtistFilter f) {
        int rules = (f.excludeTop() > 0 ? 1 : 0) + (f.minListeners() > 0 ? 1 : 0) + (f.maxListeners() != Integer.MAX_VALUE ? 1 : 0);
        setText(rules == 0 ? "Filter" : "Filter · " + rules);
        setTooltip(new Tooltip(rules == 0 ? "Leave out the most popular artists, or keep a range of listener counts."
                : "Showing artists " + f.describe() + "."));
    }

    /** Reads the fields: the new filter, or the reason it is refused shown under them. */
    void apply() {
        long[] v = new long[3];
        String[] names = {"Leave out", "At least", "At most"};
        TextField[] fields = {top, min, max};
        for (int q = 0; q < 3; q++) {
            String t = fields[q].getText().trim().replace(",", "");
            if (t.isEmpty()) {
                v[q] = q == 2 ? Integer.MAX_VALUE : 0;
                continue;
            }
            try {
                v[q] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                problem.setText(String.format(Locale.ROOT, "%s: \"%s\" is not a whole number.", names[q], t));
                return;
            }
        }
        List<String> problems = ArtistFilter.problems(v[0], v[1], v[2]);
        if (!problems.isEmpty()) {
            String p = problems.get(0);
            problem.setText(Character.toUpperCase(p.charAt(0)) + p.substring(1) + ".");
            return;
        }
        problem.setText("");
        filter.set(new ArtistFilter(clamp(v[0]), clamp(v[1]), clamp(v[2])));
        hide();
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    /** Sets the fields and applies them, as a user typing and pressing Apply (for tests). */
    public void applyTyped(String leaveOut, String atLeast, String atMost) {
        top.setText(leaveOut);
        min.setText(atLeast);
        max.setText(atMost);
        apply();
    }

    /** Why the last Apply was refused, or "" (for tests). */
    public String problemText() {
        return problem.getText();
    }
}
