package org.tastemap.app.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.filter.Popularities;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.core.model.ArtistFilter;
import org.tastemap.core.model.ListenerComparison;
import org.tastemap.core.model.ScoredItem;

/**
 * Two listeners side by side ({@link ListenerComparison}): what both played, what only one played,
 * the cosine of their factors and each one's recommendations, under the Users screen's filter.
 */
public final class CompareViewModel {
    public static final int RECOMMENDATIONS = 10;

    /** An artist of the comparison: plays of each listener (NaN where not played), or the score of a recommendation. */
    public record Row(int artist, String name, double a, double b, boolean both) {
    }

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<Row> shared = FXCollections.observableArrayList();
    private final ObservableList<Row> onlyA = FXCollections.observableArrayList();
    private final ObservableList<Row> onlyB = FXCollections.observableArrayList();
    private final ObservableList<Row> recsA = FXCollections.observableArrayList();
    private final ObservableList<Row> recsB = FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty(this, "headline", "");
    private final ObjectProperty<int[]> pair = new SimpleObjectProperty<>(this, "pair");
    private int request;

    public CompareViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
    }

    /** Compares listeners a and b; the recommendations show the artists {@code filter} keeps. */
    public void compare(int a, int b, ArtistFilter filter) {
        LoadedData d = state.data();
        ModelState m = state.model();
        if (d == null || m == null) {
            headline.set("Train or open a model to compare listeners.");
            return;
        }
        int id = ++request;
        pair.set(new int[] {a, b});
        executor.submit("Comparing listeners", ctx -> {
            var allowed = filter.allowed(Popularities.of(m.trained()));
            return ListenerComparison.of(m.recommender(), d.dataset().matrix(), a, b, RECOMMENDATIONS, allowed);
        }, c -> {
            if (id == request) {
                show(d, c, filter);
            }
        }, e -> errors.show("Could not compare the listeners", e));
    }

    private void show(LoadedData d, ListenerComparison c, ArtistFilter filter) {
        List<Row> s = new ArrayList<>();
        for (ListenerComparison.Shared x : c.shared()) {
            s.add(new Row(x.artist(), d.dataset().artistName(x.artist()), x.playsA(), x.playsB(), true));
        }
        shared.setAll(s);
        onlyA.setAll(played(d, c.onlyA(), true));
        onlyB.setAll(played(d, c.onlyB(), false));
        List<Integer> both = c.recommendedToBoth();
        recsA.setAll(recs(d, c.recsA(), both));
        recsB.setAll(recs(d, c.recsB(), both));
        // the ids are long (40 hex digits) and shown as A and B just below: the numbers lead
        String ids = "A and B";
        headline.set(String.format(Locale.ROOT, "%s: cosine of their factors %s · %,d artists in common · %,d recommended to both%s",
                ids, Double.isNaN(c.cosine()) ? "undefined (a zero vector)" : String.format(Locale.ROOT, "%.3f", c.cosine()),
                c.shared().size(), both.size(), filter.isNone() ? "" : " (" + filter.describe() + ")"));
    }

    private static List<Row> played(LoadedData d, List<ListenerComparison.Played> list, boolean isA) {
        List<Row> out = new ArrayList<>();
        for (ListenerComparison.Played p : list) {
            out.add(new Row(p.artist(), d.dataset().artistName(p.artist()), isA ? p.plays() : Double.NaN, isA ? Double.NaN : p.plays(), false));
        }
        return out;
    }

    private static List<Row> recs(LoadedData d, List<ScoredItem> list, List<Integer> both) {
        List<Row> out = new ArrayList<>();
        for (ScoredItem s : list) {
            out.add(new Row(s.index(), d.dataset().artistName(s.index()), s.score(), Double.NaN, both.contains(s.index())));
        }
        return out;
    }

    public ObservableList<Row> shared() {
        return shared;
    }

    public ObservableList<Row> onlyA() {
        return onlyA;
    }

    public ObservableList<Row> onlyB() {
        return onlyB;
    }

    public ObservableList<Row> recsA() {
        return recsA;
    }

    public ObservableList<Row> recsB() {
        return recsB;
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    /** The listeners compared last ({a, b}), or null. */
    public ObjectProperty<int[]> pairProperty() {
        return pair;
    }

    public AppState state() {
        return state;
    }
}
