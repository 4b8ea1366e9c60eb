package org.tastemap.app.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.tastemap.app.input.IntInput;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.LatestQuery;
import org.tastemap.core.model.ScoredItem;

/**
 * A hypothetical listener made of a few picked artists: folded into the current model
 * ({@code x = (YtY + Yt(C - I)Y + lambda I)^-1 Yt C p}) and recommended for, without retraining.
 */
public final class TasteBuilderViewModel {
    public static final int RECOMMENDATIONS = 20;
    public static final float DEFAULT_PLAYS = 50;

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<PlayRow> picks = FXCollections.observableArrayList();
    private final ObservableList<PlayRow> recommendations = FXCollections.observableArrayList();
    private final StringProperty hint = new SimpleStringProperty(this, "hint", "Add a few artists to see what this listener would get.");
    private final LatestQuery<String> suggestions = new LatestQuery<>(this::suggestNames);
    private final javafx.beans.property.IntegerProperty plays = new javafx.beans.property.SimpleIntegerProperty(this, "plays", (int) DEFAULT_PLAYS);
    private final IntInput playsInput = new IntInput("Plays", 1, 100_000, plays);
    private int runId;

    public TasteBuilderViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        picks.addListener((ListChangeListener<PlayRow>) c -> recompute());
        state.modelProperty().addListener((o, a, b) -> recompute());
        state.dataProperty().addListener((o, a, b) -> picks.clear());
    }

    /** Adds an artist by name (best match) with {@code plays}; false when no artist matches. */
    public boolean add(String name, double plays) {
        LoadedData d = state.data();
        if (d == null || name == null || name.isBlank()) {
            return false;
        }
        int pick = d.findArtist(name);
        if (pick < 0) {
            return false;
        }
        add(pick, plays);
        return true;
    }

    /** The artist field's suggestion provider, off the FX thread; only the newest keystroke is answered. */
    public LatestQuery<String> suggestions() {
        return suggestions;
    }

    /** Artist names matching {@code q}, for the autocomplete; safe on any thread. */
    public List<String> suggestNames(String q) {
        LoadedData d = state.data();
        if (d == null || q == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i : d.artistSearch().search(q, 12)) {
            out.add(d.dataset().artistName(i));
        }
        return out;
    }

    /** The plays field as typed; Add is refused until it is valid. */
    public IntInput playsInput() {
        return playsInput;
    }

    /** Adds an artist by name with the plays typed in the field; false when no artist matches or the plays are invalid. */
    public boolean addWithTypedPlays(String name) {
        return playsInput.validBinding().get() && add(name, plays.get());
    }

    public void add(int artist, double plays) {
        LoadedData d = state.data();
        double p = plays > 0 && Double.isFinite(plays) ? plays : DEFAULT_PLAYS;
        picks.removeIf(r -> r.artist() == artist);
        picks.add(new PlayRow(artist, d.dataset().artistName(artist), p));
    }

    public void remove(PlayRow row) {
        picks.remove(row);
    }

    public void clear() {
        picks.clear();
    }

    private void recompute() {
        int id = ++runId;
        ModelState model = state.model();
        LoadedData d = state.data();
        if (picks.isEmpty() || model == null || d == null) {
            recommendations.clear();
            hint.set(model == null ? "Train a model first (Train screen)." : "Add a few artists to see what this listener would get.");
            return;
        }
        int[] items = picks.stream().mapToInt(PlayRow::artist).toArray();
        float[] plays = new float[items.length];
        for (int q = 0; q < items.length; q++) {
            plays[q] = (float) picks.get(q).value();
        }
        executor.submit("Folding in a listener", ctx -> {
            float[] x = model.recommender().foldIn(items, plays);
            int[] exclude = items.clone();
            Arrays.sort(exclude);
            List<PlayRow> out = new ArrayList<>();
            for (ScoredItem s : model.recommender().recommendFor(x, exclude, RECOMMENDATIONS, null)) {
                out.add(new PlayRow(s.index(), d.dataset().artistName(s.index()), s.score()));
            }
            return out;
        }, rows -> {
            if (id == runId) {
                recommendations.setAll(rows);
                hint.set("Recommendations for a listener of " + picks.size() + " artist" + (picks.size() == 1 ? "" : "s") + ".");
            }
        }, e -> errors.show("Could not fold in the listener", e));
    }

    public ObservableList<PlayRow> picks() {
        return picks;
    }

    public ObservableList<PlayRow> recommendations() {
        return recommendations;
    }

    public StringProperty hintProperty() {
        return hint;
    }
}
