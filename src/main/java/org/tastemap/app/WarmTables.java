package org.tastemap.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.TableView;

/**
 * Lays out a screen's empty tables once with made-up rows, then gives each table its own list back,
 * all in one FX event, so nothing made up is ever drawn. The tables then have their rows and cells
 * (a table keeps them for reuse) styled by the window's own CSS caches, so a person's first search
 * during training does not pay for them (org.tastemap.app.shell.UiWarmup).
 */
public final class WarmTables {
    /** More rows than a table shows at the largest default size. */
    public static final int ROWS = 40;
    private final List<Runnable> restore = new ArrayList<>();

    /** Shows {@code row(0..ROWS-1)} in {@code t} until {@link #layOut}; a table that has rows of its own is left alone. */
    public <T> WarmTables with(TableView<T> t, IntFunction<T> row) {
        ObservableList<T> own = t.getItems();
        if (own != null && !own.isEmpty()) {
            return this;
        }
        ObservableList<T> madeUp = FXCollections.observableArrayList();
        for (int i = 0; i < ROWS; i++) {
            madeUp.add(row.apply(i));
        }
        t.setItems(madeUp);
        restore.add(() -> t.setItems(own));
        return this;
    }

    /** Styles and lays out {@code screen} with the made-up rows, then gives every table its own list back. */
    public void layOut(Parent screen) {
        try {
            screen.applyCss();
            screen.layout();
        } finally {
            restore.forEach(Runnable::run);
            restore.clear();
        }
    }
}
