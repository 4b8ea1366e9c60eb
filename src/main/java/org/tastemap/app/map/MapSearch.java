package org.tastemap.app.map;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.BackgroundExecutor;

/**
 * The map's search box: the mapped artists whose names match (case and accents ignored, as on the
 * Artists screen) are highlighted, and each new answer asks the view to fly to them.
 */
public final class MapSearch {
    /** At most this many names are looked up per query. */
    public static final int LIMIT = 200;

    private final MapViewModel map;
    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<int[]> matches = new SimpleObjectProperty<>(this, "matches", new int[0]);
    private final IntegerProperty flights = new SimpleIntegerProperty(this, "flights");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private int runId;

    MapSearch(MapViewModel map, AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.map = map;
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        query.addListener((o, a, b) -> search(b));
        matches.addListener((o, a, b) -> map.changed());
    }

    /** Searches again (the map changed, or Enter in the box) and flies to the matches. */
    public void again() {
        search(query.get());
    }

    private void search(String q) {
        int id = ++runId;
        LoadedData d = state.data();
        if (d == null || q == null || q.isBlank()) {
            matches.set(new int[0]);
            summary.set("");
            return;
        }
        executor.submit("Searching the map", ctx -> d.artistSearch().search(q, LIMIT), found -> {
            if (id != runId) {
                return;
            }
            List<Integer> points = new ArrayList<>();
            for (int a : found) {
                int p = map.pointOf(a);
                if (p >= 0) {
                    points.add(p);
                }
            }
            matches.set(points.stream().mapToInt(Integer::intValue).toArray());
            summary.set(found.isEmpty() ? "No artist matches." : points.isEmpty() ? found.size() + " matching artists, none on the map."
                    : points.size() + (points.size() == 1 ? " match" : " matches") + " on the map");
            if (!points.isEmpty()) {
                flights.set(flights.get() + 1);
            }
        }, e -> errors.show("Search failed", e));
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The matching points (indices into the map's points). */
    public ObjectProperty<int[]> matchesProperty() {
        return matches;
    }

    /** Counts the requests to fly to the matches. */
    public IntegerProperty flightsProperty() {
        return flights;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
