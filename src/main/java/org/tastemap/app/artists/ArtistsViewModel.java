package org.tastemap.app.artists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.LatestQuery;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TopN;

/**
 * The Artists screen: search by name, the selected artist's similar artists and top listeners, and
 * browser-like Back and Forward over the artists visited.
 */
public final class ArtistsViewModel {
    public static final int SIMILAR = 20;
    public static final int LISTENERS = 15;
    /** Suggestions under the search field, and rows in the results table. */
    public static final int SUGGESTIONS = 12;
    public static final int RESULTS = 50;

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ArtistRow> results = FXCollections.observableArrayList();
    private final ObjectProperty<ArtistRow> current = new SimpleObjectProperty<>(this, "current");
    private final ObservableList<ArtistRow> similar = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<org.tastemap.core.model.ArtistFilter> similarFilter =
            new javafx.beans.property.SimpleObjectProperty<>(this, "similarFilter", org.tastemap.core.model.ArtistFilter.NONE);
    private final ObservableList<ListenerRow> listeners = FXCollections.observableArrayList();
    private final StringProperty hint = new SimpleStringProperty(this, "hint", "");
    private final Deque<Integer> back = new ArrayDeque<>();
    private final Deque<Integer> forward = new ArrayDeque<>();
    private final BooleanProperty canBack = new SimpleBooleanProperty(this, "canBack");
    private final BooleanProperty canForward = new SimpleBooleanProperty(this, "canForward");
    private final LatestQuery<ArtistRow> suggestions = new LatestQuery<>(q -> suggest(q, SUGGESTIONS));
    private final LatestQuery<ArtistRow> resultSearch = new LatestQuery<>(q -> suggest(q, RESULTS));
    private IntConsumer openUser = u -> { };
    private int searchId;

    public ArtistsViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        state.dataProperty().addListener((o, a, b) -> {
            back.clear();
            forward.clear();
            updateNav();
            current.set(null);
            similar.clear();
            listeners.clear();
            results.clear();
            search(query.get());
        });
        state.modelProperty().addListener((o, a, b) -> {
            if (current.get() != null) {
                load(current.get().index());
            }
        });
        query.addListener((o, a, b) -> search(b));
        similarFilter.addListener((o, a, b) -> {
            if (current.get() != null) {
                load(current.get().index());
            }
        });
    }

    /**
     * The search field's suggestion provider: called off the FX thread for every keystroke; a query
     * overtaken by a newer one is skipped, so typing fast never queues up searches.
     */
    public LatestQuery<ArtistRow> suggestions() {
        return suggestions;
    }

    /** Up to {@code limit} artists whose names match {@code q}, best first; safe on any thread. */
    public List<ArtistRow> suggest(String q, int limit) {
        LoadedData d = state.data();
        if (d == null || q == null) {
            return List.of();
        }
        List<ArtistRow> out = new ArrayList<>();
        for (int i : d.artistSearch().search(q, limit)) {
            out.add(artistRow(d, i, Double.NaN));
        }
        return out;
    }

    private void search(String q) {
        int id = ++searchId;
        if (state.data() == null || q == null || q.isBlank()) {
            results.clear();
            return;
        }
        executor.submit("Searching artists", ctx -> resultSearch.request(q), rows -> {
            if (id == searchId) {
                results.setAll(rows);
            }
        }, e -> errors.show("Search failed", e));
    }

    /**
     * {@link #row}, but when the data is only the sample of histories a Spark-trained model carries:
     * the full data's listeners (the model's count), and plays unknown (NaN; the sample's would mislead).
     */
    private ArtistRow artistRow(LoadedData d, int i, double score) {
        ModelState m = state.model();
        if (m != null && state.data() == d && state.dataIsSample()) {
            return new ArtistRow(i, d.dataset().artistName(i), m.trained().artistListeners(i), Double.NaN, score);
        }
        return row(d, i, score);
    }

    static ArtistRow row(LoadedData d, int i, double score) {
        InteractionMatrix m = d.dataset().matrix();
        return new ArtistRow(i, d.dataset().artistName(i), m.itemCount(i), m.itemTotal(i), score);
    }

    /**
     * Opens an artist, remembering the current one for Back. The search box then shows its name, so
     * that it never keeps the name of the artist navigated away from.
     */
    public void open(int artist) {
        navigate(artist, true);
    }

    /** Opens an artist picked from the search results: the search box keeps what was typed. */
    public void openFromSearch(int artist) {
        navigate(artist, false);
    }

    private void navigate(int artist, boolean showName) {
        ArtistRow c = current.get();
        if (c != null && c.index() == artist) {
            return;
        }
        if (c != null) {
            back.push(c.index());
        }
        forward.clear();
        updateNav();
        load(artist);
        if (showName) {
            showName();
        }
    }

    private void showName() {
        if (current.get() != null) {
            query.set(current.get().name());
        }
    }

    /** Opens the artist with exactly this name (or the best match); false when none matches. */
    public boolean openByName(String name) {
        LoadedData d = state.data();
        int i = d == null || name == null ? -1 : d.findArtist(name);
        if (i < 0) {
            return false;
        }
        open(i);
        return true;
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(current.get().index());
            load(back.pop());
            updateNav();
            showName();
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(current.get().index());
            load(forward.pop());
            updateNav();
            showName();
        }
    }

    private void updateNav() {
        canBack.set(!back.isEmpty());
        canForward.set(!forward.isEmpty());
    }

    private void load(int artist) {
        LoadedData d = state.data();
        if (d == null) {
            return;
        }
        current.set(artistRow(d, artist, Double.NaN));
        ModelState m = state.model();
        org.tastemap.core.model.ArtistFilter filter = similarFilter.get();
        hint.set(m == null ? "Train a model (Train screen) to see similar artists." : "");
        executor.submit("Finding similar artists", ctx -> {
            List<ArtistRow> sim = new ArrayList<>();
            if (m != null) {
                var allowed = filter.allowed(org.tastemap.app.filter.Popularities.of(m.trained()));
                for (ScoredItem s : m.recommender().similarArtists(artist, SIMILAR, allowed)) {
                    sim.add(artistRow(d, s.index(), s.score()));
                }
            }
            return new Object[] {sim, topListeners(d, artist)};
        }, r -> {
            if (current.get() != null && current.get().index() == artist) {
                @SuppressWarnings("unchecked")
                List<ArtistRow> sim = (List<ArtistRow>) r[0];
                @SuppressWarnings("unchecked")
                List<ListenerRow> top = (List<ListenerRow>) r[1];
                similar.setAll(sim);
                listeners.setAll(top);
            }
        }, e -> errors.show("Could not load the artist", e));
    }

    static List<ListenerRow> topListeners(LoadedData d, int artist) {
        InteractionMatrix m = d.dataset().matrix();
        TopN top = new TopN(LISTENERS);
        for (int p = m.itemPtr()[artist]; p < m.itemPtr()[artist + 1]; p++) {
            top.offer(m.itemUsers()[p], m.itemValues()[p]);
        }
        List<ListenerRow> out = new ArrayList<>();
        for (ScoredItem s : top.sorted()) {
            out.add(new ListenerRow(s.index(), d.dataset().users().id(s.index()), s.score()));
        }
        return out;
    }

    /** Asks the main window to show a user on the Users screen. */
    public void openUser(int user) {
        openUser.accept(user);
    }

    public void setOnOpenUser(IntConsumer c) {
        openUser = c;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ArtistRow> results() {
        return results;
    }

    public ObjectProperty<ArtistRow> currentProperty() {
        return current;
    }

    /** Which artists the similar list may show (leave out the most popular, a range of listeners); changing it reloads the list. */
    public javafx.beans.property.ObjectProperty<org.tastemap.core.model.ArtistFilter> similarFilterProperty() {
        return similarFilter;
    }

    public ObservableList<ArtistRow> similar() {
        return similar;
    }

    public ObservableList<ListenerRow> listeners() {
        return listeners;
    }

    public StringProperty hintProperty() {
        return hint;
    }

    public BooleanBinding canBackBinding() {
        return canBack.and(canBack);
    }

    public BooleanBinding canForwardBinding() {
        return canForward.and(canForward);
    }
}
