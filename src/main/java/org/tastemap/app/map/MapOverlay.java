package org.tastemap.app.map;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.core.model.ScoredItem;

/**
 * A listener drawn on the map: the artists they played and the ones recommended to them, so that
 * "why this" can be seen as a place. The listener is a real one or the taste builder's hypothetical one.
 */
public final class MapOverlay {
    public static final int RECOMMENDATIONS = 20;

    /** Who is shown, their played artists and their recommendations (dataset artist indices). */
    public record Shown(String title, int[] played, int[] recommended) {
    }

    private final MapViewModel map;
    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(this, "shown");
    private int runId;

    MapOverlay(MapViewModel map, AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.map = map;
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        shown.addListener((o, a, b) -> map.changed());
        state.modelProperty().addListener((o, a, b) -> clear());
    }

    /** Shows a listener of the data by id; false when there is no such listener. */
    public boolean showListener(String id) {
        LoadedData d = state.data();
        int u = d == null || id == null ? -1 : d.dataset().users().indexOf(id.strip());
        if (u < 0) {
            return false;
        }
        showListener(u);
        return true;
    }

    public void showListener(int user) {
        ModelState m = state.model();
        LoadedData d = state.data();
        if (m == null || d == null) {
            return;
        }
        int[] played = state.played(user);
        String id = d.dataset().users().id(user);
        run("Listener " + id, played, () -> m.recommender().recommendFor(m.trained().factors().userVector(user), played,
                RECOMMENDATIONS, null));
    }

    /** Shows the taste builder's listener: the picked artists with their plays, folded in. */
    public void showHypothetical(int[] artists, float[] plays) {
        ModelState m = state.model();
        if (m == null || artists.length == 0) {
            return;
        }
        int[] played = artists.clone();
        Arrays.sort(played);
        run("The taste builder's listener", played, () -> m.recommender().recommendFor(m.recommender().foldIn(artists, plays),
                played, RECOMMENDATIONS, null));
    }

    private void run(String who, int[] played, java.util.concurrent.Callable<List<ScoredItem>> recommend) {
        int id = ++runId;
        executor.submit("Recommending for the map", ctx -> recommend.call(), recs -> {
            if (id == runId) {
                int[] r = recs.stream().mapToInt(ScoredItem::index).toArray();
                long onMap = Arrays.stream(played).filter(a -> map.pointOf(a) >= 0).count();
                shown.set(new Shown(String.format(Locale.ROOT, "%s: %,d played (%,d on the map), %d recommended", who,
                        played.length, onMap, r.length), played, r));
            }
        }, e -> errors.show("Could not show the listener", e));
    }

    public void clear() {
        runId++;
        shown.set(null);
    }

    public ObjectProperty<Shown> shownProperty() {
        return shown;
    }
}
