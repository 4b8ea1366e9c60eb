package org.tastemap.app.train;

import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Job;
import org.tastemap.core.eval.BeyondAccuracy;
import org.tastemap.core.eval.EvaluationDetail;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.model.Popularity;

/**
 * The beyond-accuracy measures of the current model's top-10 lists beside the most-popular
 * baseline's ({@link BeyondAccuracy}), on the Train screen's held-out protocol: measured in the
 * background whenever the model changes and no run is going on.
 */
public final class BeyondAccuracyModel {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final AppState state;
    private final BackgroundExecutor executor;
    private Job job = Job.DONE;
    /** The baseline's measures depend only on the data: kept for the data they were measured on. */
    private volatile Object[] baseline = {null, null};

    public BeyondAccuracyModel(AppState state, BackgroundExecutor executor) {
        this.state = state;
        this.executor = executor;
        state.modelProperty().addListener((o, a, b) -> {
            if (b == null || a == null || a.trained() != b.trained()) {
                measure(b);
            }
        });
        measure(state.model());
    }

    private void measure(ModelState m) {
        job.cancel();
        LoadedData d = state.data();
        if (m == null || d == null) {
            text.set("");
            return;
        }
        text.set("Measuring the top-10 lists…");
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        job = executor.submit("Measuring coverage and novelty", ctx -> {
            Popularity pop = Popularity.of(m.trained());
            EvaluationDetail model = new EvaluationDetail();
            LoadedData.PROTOCOL.evaluate(Scorer.of(m.trained().factors()), d.split(), LoadedData.EVAL_USERS, threads, model);
            Object[] known = baseline;
            BeyondAccuracy popular;
            if (known[0] == d && known[1] != null) {
                popular = (BeyondAccuracy) known[1];
            } else {
                EvaluationDetail base = new EvaluationDetail();
                LoadedData.PROTOCOL.evaluate(Scorer.popularity(d.split().train()), d.split(), LoadedData.EVAL_USERS, threads, base);
                popular = BeyondAccuracy.of(base, pop);
                baseline = new Object[] {d, popular};
            }
            return new BeyondAccuracy[] {BeyondAccuracy.of(model, pop), popular};
        }, r -> {
            if (state.model() == m) {
                text.set(describe(r[0], r[1]));
            }
        }, e -> text.set(""));
    }

    /** "Top-10 lists: coverage 12.3% (popular 4.2%) · popularity percentile 91.2 (99.1) · novelty 3.41 bits (1.02)". */
    static String describe(BeyondAccuracy m, BeyondAccuracy p) {
        return String.format(Locale.ROOT, "Top-10 lists of %,d held-out listeners, model (most popular): coverage %.1f%% (%.1f%%)"
                + " · popularity percentile %.1f (%.1f) · novelty %.2f bits (%.2f)", m.lists(), 100 * m.coverage(), 100 * p.coverage(),
                m.popularityPercentile(), p.popularityPercentile(), m.novelty(), p.novelty());
    }

    public StringProperty textProperty() {
        return text;
    }
}
