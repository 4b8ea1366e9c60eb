package org.tastemap.app.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelOrigin;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.LatestQuery;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.app.filter.Popularities;
import org.tastemap.core.model.ArtistFilter;
import org.tastemap.core.model.Explanation;
import org.tastemap.core.model.ScoredItem;

/**
 * The Users screen: find a user, see their history, recommendations with explanations, and similar users.
 */
public final class UsersViewModel {
    public static final int RECOMMENDATIONS = 20;
    public static final int SIMILAR_USERS = 10;
    public static final int CONTRIBUTIONS = 10;

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObjectProperty<UserRow> current = new SimpleObjectProperty<>(this, "current");
    private final ObservableList<PlayRow> history = FXCollections.observableArrayList();
    private final ObservableList<PlayRow> recommendations = FXCollections.observableArrayList();
    private final ObservableList<UserRow> similarUsers = FXCollections.observableArrayList();
    private final ObjectProperty<PlayRow> selectedRecommendation = new SimpleObjectProperty<>(this, "selectedRecommendation");
    private final ObservableList<ContributionRow> explanation = FXCollections.observableArrayList();
    private final StringProperty explanationTitle = new SimpleStringProperty(this, "explanationTitle", "");
    private final StringProperty hint = new SimpleStringProperty(this, "hint", "");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty histories = new SimpleStringProperty(this, "histories", "");
    private final SplittableRandom random = new SplittableRandom(2024);
    private final ObjectProperty<ArtistFilter> recommendationFilter = new SimpleObjectProperty<>(this, "recommendationFilter", ArtistFilter.NONE);
    private final LatestQuery<UserRow> suggestions = new LatestQuery<>(q -> suggest(q, 12));

    private final CompareViewModel compare;
    private final HeldOutViewModel heldOut;

    public UsersViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
        this.compare = new CompareViewModel(state, executor, errors);
        this.heldOut = new HeldOutViewModel(state, executor, errors);
        state.dataProperty().addListener((o, a, b) -> {
            current.set(null);
            history.clear();
            recommendations.clear();
            similarUsers.clear();
            explanation.clear();
            explanationTitle.set("");
        });
        state.modelProperty().addListener((o, a, b) -> {
            if (current.get() != null) {
                open(current.get().index());
            }
        });
        selectedRecommendation.addListener((o, a, b) -> explain(b));
        state.dataProperty().addListener((o, a, b) -> updateHistories());
        state.modelProperty().addListener((o, a, b) -> updateHistories());
        updateHistories();
        recommendationFilter.addListener((o, a, b) -> {
            if (current.get() != null) {
                open(current.get().index());
            }
        });
    }

    /** Which artists the recommendations may show; changing it reloads them. */
    public ObjectProperty<ArtistFilter> recommendationFilterProperty() {
        return recommendationFilter;
    }

    /** Says which listeners the model holds when it holds a sample of histories and no data (a Spark-trained model). */
    private void updateHistories() {
        histories.set(!state.dataIsSample() ? "" : ModelOrigin.histories(state.model().trained())
                + ". Search and Random user offer these; for anyone else, use the Taste builder.");
    }

    /** Whether listener {@code u}'s history is at hand: always, unless the data is a sampled model's own sample. */
    private boolean held(int u) {
        return !state.dataIsSample() || state.model().trained().holdsHistory(u);
    }

    /** The id field's suggestion provider, off the FX thread; only the newest keystroke is answered. */
    public LatestQuery<UserRow> suggestions() {
        return suggestions;
    }

    /** Up to {@code limit} users whose ids match {@code q}; safe on any thread. */
    public List<UserRow> suggest(String q, int limit) {
        LoadedData d = state.data();
        if (d == null || q == null) {
            return List.of();
        }
        List<UserRow> out = new ArrayList<>();
        // a sample's held listeners rank first (they have plays), so filtering keeps the best matches
        for (int u : d.userSearch().search(q, limit)) {
            if (!held(u)) {
                continue;
            }
            out.add(new UserRow(u, d.dataset().users().id(u), d.dataset().matrix().userCount(u), Double.NaN));
        }
        return out;
    }

    /**
     * Opens the user with this id, or the only one whose id contains it; otherwise opens nothing and
     * {@link #problemProperty()} says "No listener …", with the closest ids once they are found.
     */
    public boolean openById(String id) {
        LoadedData d = state.data();
        if (d == null || id == null || id.isBlank()) {
            return false;
        }
        String want = id.trim();
        int u = d.dataset().users().indexOf(want);
        if (u >= 0 && !held(u)) {
            problem.set(notHeld(want));
            return false;
        }
        if (u < 0) {
            List<UserRow> s = suggest(want, 2);
            if (s.size() != 1) {
                showClosest(d, want);
                return false;
            }
            u = s.get(0).index();
        }
        open(u);
        return true;
    }

    /**
     * Says "No listener …" at once, and adds the closest ids when they are found: the ids a few edits
     * away, then those containing it ({@code NameSearch.closest}, as the command line's), of the
     * listeners the screen can open. Off the UI thread: it compares the id with every id.
     */
    private void showClosest(LoadedData d, String id) {
        String none = "No listener \"" + id + "\".";
        problem.set(none);
        java.util.function.IntPredicate openable = state.dataIsSample() ? state.model().trained()::holdsHistory : k -> true;
        executor.submit("Finding the closest ids", ctx -> d.userSearch().closest(id, 5, openable), near -> {
            // unless another id was tried meanwhile
            if (none.equals(problem.get()) && !near.isEmpty()) {
                problem.set(none + " Closest: " + String.join(", ", near.stream().map(d.dataset().users()::id).toList()) + ".");
            }
        }, e -> errors.show("Could not look for the closest ids", e));
    }

    /** Why listener {@code id} cannot be opened: the model holds no history for them, and what to do. */
    private String notHeld(String id) {
        var h = state.model().trained().histories();
        return String.format(java.util.Locale.ROOT, "The model holds no listening history for \"%s\": it holds the "
                + "histories of %,d sampled listeners of %,d. Open one of them, or describe this listener's taste in "
                + "the Taste builder.", id, h.heldCount(), h.numUsers());
    }

    /** Opens a user picked at random (of the held listeners, when the model holds a sample). */
    public void openRandom() {
        LoadedData d = state.data();
        if (d != null && state.dataIsSample()) {
            int[] held = state.model().trained().histories().heldUsers();
            if (held.length > 0) {
                open(held[random.nextInt(held.length)]);
            }
        } else if (d != null && d.users() > 0) {
            open(random.nextInt(d.users()));
        }
    }

    public void open(int user) {
        LoadedData d = state.data();
        if (d == null) {
            return;
        }
        InteractionMatrix m = d.dataset().matrix();
        current.set(new UserRow(user, d.dataset().users().id(user), m.userCount(user), Double.NaN));
        // the id box shows whom it shows: no typed prefix is left behind by Random user or a link
        query.set(current.get().id());
        problem.set("");
        ModelState model = state.model();
        hint.set(model == null ? "Train a model (Train screen) to see recommendations." : "");
        explanation.clear();
        explanationTitle.set("");
        if (!held(user)) {
            // no plays to show, leave out or explain: say so rather than show an empty listener
            problem.set(notHeld(current.get().id()));
            history.clear();
            recommendations.clear();
            similarUsers.clear();
            return;
        }
        java.util.function.IntPredicate sameKind = state.dataIsSample() ? model.trained()::holdsHistory : null;
        int[] played = state.played(user);
        ArtistFilter filter = recommendationFilter.get();
        executor.submit("Loading user", ctx -> {
            List<PlayRow> hist = new ArrayList<>();
            for (int p = m.userPtr()[user]; p < m.userPtr()[user + 1]; p++) {
                int i = m.userItems()[p];
                hist.add(new PlayRow(i, d.dataset().artistName(i), m.userValues()[p]));
            }
            hist.sort(Comparator.comparingDouble(PlayRow::value).reversed());
            List<PlayRow> recs = new ArrayList<>();
            List<UserRow> sim = new ArrayList<>();
            if (model != null) {
                float[] x = model.trained().factors().userVector(user);
                var allowed = filter.allowed(Popularities.of(model.trained()));
                for (ScoredItem s : model.recommender().recommendFor(x, played, RECOMMENDATIONS, allowed)) {
                    recs.add(new PlayRow(s.index(), d.dataset().artistName(s.index()), s.score()));
                }
                // with a sample, similar listeners among the sample, whom the screen can open
                for (ScoredItem s : model.recommender().similarUsers(user, SIMILAR_USERS, sameKind)) {
                    sim.add(new UserRow(s.index(), d.dataset().users().id(s.index()), m.userCount(s.index()), s.score()));
                }
            }
            return new Loaded(hist, recs, sim);
        }, r -> {
            if (current.get() != null && current.get().index() == user) {
                history.setAll(r.history);
                recommendations.setAll(r.recs);
                similarUsers.setAll(r.similar);
            }
        }, e -> errors.show("Could not load the user", e));
    }

    private record Loaded(List<PlayRow> history, List<PlayRow> recs, List<UserRow> similar) {
    }

    private void explain(PlayRow rec) {
        UserRow user = current.get();
        ModelState model = state.model();
        LoadedData d = state.data();
        if (rec == null || user == null || model == null || d == null) {
            explanation.clear();
            explanationTitle.set("");
            return;
        }
        // every row of the data: a held-out play is a play
        float plays = d.dataset().matrix().get(user.index(), rec.artist());
        executor.submit("Explaining", ctx -> {
            Explanation e = model.recommender().explain(user.index(), rec.artist());
            List<ContributionRow> rows = new ArrayList<>();
            for (Explanation.Contribution c : e.contributions()) {
                if (rows.size() == CONTRIBUTIONS) {
                    break;
                }
                rows.add(new ContributionRow(c.item(), d.dataset().artistName(c.item()), c.plays(), c.contribution(), e.share(c)));
            }
            return rows;
        }, rows -> {
            if (rec.equals(selectedRecommendation.get())) {
                explanation.setAll(rows);
                explanationTitle.set(plays > 0
                        ? rec.name() + " was played " + formatPlays(plays)
                        + " times by this user, so it is never recommended to them. What they played that adds most to its score"
                        : "Why " + rec.name() + "? What they played that adds most");
            }
        }, e -> errors.show("Could not explain the recommendation", e));
    }

    /** A play count as a person reads it: 1,234 for whole counts, else four significant digits. */
    static String formatPlays(double plays) {
        return plays == Math.rint(plays) && Math.abs(plays) < 1e15 ? String.format("%,d", (long) plays)
                : String.format(java.util.Locale.ROOT, "%.4g", plays);
    }

    public ObjectProperty<UserRow> currentProperty() {
        return current;
    }

    public ObservableList<PlayRow> history() {
        return history;
    }

    public ObservableList<PlayRow> recommendations() {
        return recommendations;
    }

    public ObservableList<UserRow> similarUsers() {
        return similarUsers;
    }

    public ObjectProperty<PlayRow> selectedRecommendationProperty() {
        return selectedRecommendation;
    }

    public ObservableList<ContributionRow> explanation() {
        return explanation;
    }

    public StringProperty explanationTitleProperty() {
        return explanationTitle;
    }

    /** The text of the id box. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Why the last id typed opened nothing, with the closest ids; "" when it did. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Which listeners the model holds, when it holds a sample (a Spark-trained model opened alone); "" otherwise. */
    public StringProperty historiesProperty() {
        return histories;
    }

    public StringProperty hintProperty() {
        return hint;
    }

    public AppState state() {
        return state;
    }

    /** The comparison of the open listener with another. */
    public CompareViewModel compare() {
        return compare;
    }

    /** The held-out test of the open listener. */
    public HeldOutViewModel heldOut() {
        return heldOut;
    }
}
