package org.tastemap.app.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.io.ArtistSelectionCsv;

/** The artists picked on the map with a lasso or a rectangle, most listened first, and their CSV export. */
public final class MapSelection {
    /** A selected artist: its point, dataset index, name and listener count. */
    public record Row(int point, int artist, String name, int listeners) {
    }

    private final MapViewModel map;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");

    MapSelection(MapViewModel map, BackgroundExecutor executor, ErrorReporter errors) {
        this.map = map;
        this.executor = executor;
        this.errors = errors;
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> map.changed());
    }

    /** Selects the shown points inside the lasso (layout units); an empty lasso clears the selection. */
    public void select(Lasso lasso) {
        MapPoints p = map.pointsProperty().get();
        SpatialGrid grid = map.grid();
        List<Row> out = new ArrayList<>();
        if (p != null && grid != null) {
            grid.candidates(lasso.minX(), lasso.minY(), lasso.maxX(), lasso.maxY(), q -> {
                if (map.shown(q) && lasso.contains(p.x()[q], p.y()[q])) {
                    int a = p.artists()[q];
                    out.add(new Row(q, a, map.artistName(a), map.listeners(a)));
                }
            });
        }
        out.sort(Comparator.comparingInt(Row::listeners).reversed().thenComparing(Row::artist));
        rows.setAll(out);
        summary.set(out.isEmpty() ? "" : String.format(Locale.ROOT, "%,d artists selected", out.size()));
    }

    public void clear() {
        rows.clear();
        summary.set("");
    }

    /** Whether point p is selected (for drawing; a linear look, called once per redraw through {@link #points()}). */
    public boolean[] points() {
        MapPoints p = map.pointsProperty().get();
        boolean[] on = new boolean[p == null ? 0 : p.size()];
        for (Row r : rows) {
            int q = map.pointOf(r.artist());
            if (q >= 0) {
                on[q] = true;
            }
        }
        return on;
    }

    /** Writes the selection to a CSV file in the background (atomically: a failed write leaves the old file). */
    public void export(Path file) {
        MapPoints p = map.pointsProperty().get();
        if (p == null || rows.isEmpty()) {
            return;
        }
        List<ArtistSelectionCsv.Row> out = new ArrayList<>();
        for (Row r : rows) {
            int q = map.pointOf(r.artist());
            out.add(new ArtistSelectionCsv.Row(r.name(), r.listeners(), p.x()[q], p.y()[q], map.groupName(q)));
        }
        executor.submit("Exporting the selection", ctx -> {
            ArtistSelectionCsv.write(file, out);
            return file;
        }, f -> map.noticeProperty().set(String.format(Locale.ROOT, "Wrote %,d artists to %s.", out.size(), f)),
                e -> errors.show("Could not export the selection", e));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
