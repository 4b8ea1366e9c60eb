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
import org.tastemap.core.eval.Metrics;
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
            Metrics modelMetrics = LoadedData.PROTOCOL.evaluate(Scorer.of(m.trained().factors()), d.split(), LoadedData.EVAL_USERS,
                    threads, model);
            Object[] known = baseline;
            Measures popular;
            if (known[0] == d && known[1] != null) {
                popular = (Measures) known[1];
            } else {
                EvaluationDetail base = new EvaluationDetail();
                Metrics baseMetrics = LoadedData.PROTOCOL.evaluate(Scorer.popularity(d.split().train()), d.split(), LoadedData.EVAL_USERS,
                        threads, base);
                popular = new Measures(baseMetrics.mapAtK(), BeyondAccuracy.of(base, pop));
                baseline = new Object[] {d, popular};
            }
            return new Measures[] {new Measures(modelMetrics.mapAtK(), BeyondAccuracy.of(model, pop)), popular};
        }, r -> {
            // the same trained model may have been published again meanwhile (an opened model with its MAP@10)
            ModelState now = state.model();
            if (now != null && now.trained() == m.trained()) {
                text.set(describe(r[0], r[1]));
            }
        }, e -> text.set(""));
    }

    /** MAP@10 and the beyond-accuracy measures of one scorer's top-10 lists. */
    record Measures(double map, BeyondAccuracy beyond) {
    }

    /**
     * "Model (most popular): MAP@10 0.3386 (0.0712) · coverage 54.3% (1.5%) · popularity percentile 87.1 (99.5) ·
     * novelty 3.91 bits (2.31) · top 10 of 2,974 held-out listeners".
     */
    static String describe(Measures model, Measures popular) {
        BeyondAccuracy m = model.beyond();
        BeyondAccuracy p = popular.beyond();
        return String.format(Locale.ROOT, "Model (most popular): MAP@10 %.4f (%.4f) · coverage %.1f%% (%.1f%%) · popularity percentile"
                + " %.1f (%.1f) · novelty %.2f bits (%.2f) · top 10 of %,d held-out listeners", model.map(), popular.map(),
                100 * m.coverage(), 100 * p.coverage(), m.popularityPercentile(), p.popularityPercentile(), m.novelty(), p.novelty(),
                m.lists());
    }

    public StringProperty textProperty() {
        return text;
    }
}
