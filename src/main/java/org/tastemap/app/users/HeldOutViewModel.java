package org.tastemap.app.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.core.eval.EvaluationDetail;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.app.task.BackgroundExecutor;

/**
 * One listener's held-out test, as the Train screen's evaluation sees it: the artists the split
 * held out of their history, the rank each reached among the artists they did not play in
 * training, and whether it came back in the top 10.
 */
public final class HeldOutViewModel {
    /** A held-out artist: its plays and rank (1 = top), or a top-10 entry (rank its place, plays NaN). */
    public record Row(int artist, String name, double plays, int rank, boolean hit) {
    }

    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    private final ObservableList<Row> heldOut = FXCollections.observableArrayList();
    private final ObservableList<Row> top = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private int request;

    public HeldOutViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
    }

    public void show(int user) {
        LoadedData d = state.data();
        ModelState m = state.model();
        heldOut.clear();
        top.clear();
        if (d == null || m == null) {
            summary.set("Train or open a model to see the held-out test.");
            return;
        }
        int id = ++request;
        var split = d.split();
        executor.submit("Held-out test of a listener", ctx -> RankingMetrics.listener(Scorer.of(m.trained().factors()), split.train(),
                split.test(), user, Holdout.K), r -> {
                    if (id == request) {
                        fill(d, m, user, r);
                    }
                }, e -> errors.show("Could not rank the held-out artists", e));
    }

    private void fill(LoadedData d, ModelState m, int user, EvaluationDetail r) {
        int k = r.k();
        List<Row> held = new ArrayList<>();
        int hits = 0;
        for (EvaluationDetail.HeldOut h : r.heldOut(0)) {
            held.add(new Row(h.artist(), d.dataset().artistName(h.artist()), h.plays(), h.rank(), h.inTop(k)));
            hits += h.inTop(k) ? 1 : 0;
        }
        held.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        heldOut.setAll(held);
        List<Row> list = new ArrayList<>();
        int[] t = r.top(0);
        for (int q = 0; q < t.length; q++) {
            int i = t[q];
            boolean hit = held.stream().anyMatch(h -> h.artist() == i);
            list.add(new Row(i, d.dataset().artistName(i), Double.NaN, q + 1, hit));
        }
        top.setAll(list);
        String id = d.dataset().users().id(user);
        if (held.isEmpty()) {
            summary.set(id + " has no held-out artists: listeners with fewer than " + Holdout.MIN_ARTISTS
                    + " artists keep them all for training.");
            return;
        }
        summary.set(String.format(Locale.ROOT, "%s: %d of %d held-out artists came back in the top %d.%s", id, hits, held.size(), k,
                m.heldOut() ? "" : " This model was trained on these plays too, so the ranks read better than a held-out model's."));
    }

    public ObservableList<Row> heldOut() {
        return heldOut;
    }

    public ObservableList<Row> top() {
        return top;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
