package org.tastemap.app.train;

import java.util.logging.Logger;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelOrigin;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Job;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.ModelMetadata;

/**
 * Measures a model that arrives without numbers (opened from a file, the bundled sample model, a
 * reopened session): its loss on the rows it was trained on and its MAP@10 and precision@10 on the
 * held-out split, in the background, so the Train screen and the status bar are filled at once.
 * A model opened from a file also sets the Train controls to its settings.
 */
final class ModelMeasure {
    private static final Logger LOG = Logger.getLogger(ModelMeasure.class.getName());
    private final AppState state;
    private final BackgroundExecutor executor;
    private final TrainViewModel vm;
    private Job job = Job.DONE;

    ModelMeasure(AppState state, BackgroundExecutor executor, TrainViewModel vm) {
        this.state = state;
        this.executor = executor;
        this.vm = vm;
        state.modelProperty().addListener((o, before, now) -> {
            if (now != null && Double.isNaN(now.loss()) && !"trained".equals(now.source())
                    && (before == null || before.trained() != now.trained())) {
                vm.restoreSettings(now.trained().factors().params());
                measure(now);
            }
        });
    }

    void cancel() {
        job.cancel();
    }

    private void measure(ModelState m) {
        LoadedData data = state.data();
        if (data == null) {
            return;
        }
        job.cancel();
        if (state.dataIsSample()) {
            // its loss and held-out metrics need the full data: a sample of histories would give wrong numbers
            vm.messageProperty().set(ModelOrigin.needsData(m.trained(), "be retrained or evaluated on held-out plays"));
            return;
        }
        FactorModel f = m.trained().factors();
        // a model whose factors learned from the split's training part (it says so in its metadata) is
        // measured on that part, and its held-out metrics are honest
        boolean held = m.heldOut() || trainedOnSplit(m);
        var matrix = held ? data.split().train() : m.trained().dataset().matrix();
        int threads = TrainSettings.trainingThreads(Runtime.getRuntime().availableProcessors());
        job = executor.submit("Measuring the model", ctx -> {
            ctx.progress(-1, "Computing the model's loss and held-out metrics…");
            double loss;
            try (AlsEngine engine = new AlsEngine(matrix, f.params().withThreads(threads))) {
                // the full loss of the model on the rows it was trained on, as training reports it
                loss = engine.loss(f.userFactors(), f.itemFactors(), ctx::cancelled);
            }
            Metrics metrics = RankingMetrics.evaluate(Scorer.of(f), data.split().train(), data.split().test(), 10,
                    LoadedData.EVAL_USERS, LoadedData.EVAL_SEED, threads);
            return new Object[] {loss, metrics};
        }, r -> {
            if (state.model() != m || state.data() != data) {
                return;
            }
            double loss = (Double) r[0];
            Metrics metrics = (Metrics) r[1];
            state.setModel(new ModelState(m.trained(), m.recommender(), loss, metrics, held, m.source()));
            show(new IterationPoint(f.iterations(), loss, metrics.mapAtK(), metrics.precisionAtK(), 0, 0));
            vm.messageProperty().set(held ? "Measured the model on the held-out split."
                    : "Measured the opened model. It was trained on every play, held-out ones included, so its MAP@10 "
                    + "reads higher than a held-out run's; train with held-out evaluation for an honest number.");
        }, e -> {
            if (!BackgroundExecutor.isCancellation(e)) {
                LOG.log(java.util.logging.Level.WARNING, "measuring the model failed", e);
            }
        });
    }

    /** The model's metadata says it was trained on the app's split (the same held-out share and seed). */
    static boolean trainedOnSplit(ModelState m) {
        var meta = m.trained().metadata();
        return "split".equals(meta.get(ModelMetadata.TRAINED_ON))
                && Long.toString(LoadedData.SPLIT_SEED).equals(meta.get(ModelMetadata.HOLDOUT_SEED))
                && Double.toString(LoadedData.HOLDOUT).equals(meta.get(ModelMetadata.HOLDOUT));
    }

    /** Shows one measured point of a model that came without a training history. */
    private void show(IterationPoint p) {
        // a run in progress, or a reopened session's chart, says more than one point
        if (vm.runningProperty().get() || !vm.points().isEmpty()) {
            return;
        }
        // one iteration either side, so the lone point stands in the middle of the chart
        vm.firstIterationProperty().set(Math.max(1, p.iteration() - 1));
        vm.lastIterationProperty().set(p.iteration() + 1);
        vm.points().setAll(p);
    }
}
