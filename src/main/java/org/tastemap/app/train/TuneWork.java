package org.tastemap.app.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.Work;
import org.tastemap.app.task.WorkContext;
import org.tastemap.core.als.IterationReport;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneListener;
import org.tastemap.core.tune.TuneOptions;
import org.tastemap.core.tune.TuneResult;
import org.tastemap.core.tune.Tuner;

/**
 * A tune in the background: the tuner's events (on this worker thread) become snapshots of the
 * heatmap handed to the UI thread in batches, and the final model is made ready for the screens here,
 * off the UI thread.
 *
 * <p>Batching: each event replaces the latest snapshot; a hand-over to the UI thread is queued only
 * when none is pending, so however fast candidates finish the UI thread applies one snapshot per
 * turn of its event loop, never a backlog.
 */
final class TuneWork implements Work<TuneWork.Outcome> {
    /** What the tune gave, and its final model ready for the screens (null when there is none). */
    record Outcome(TuneResult result, ModelState model) {
    }

    private final LoadedData data;
    private final InteractionMatrix matrix;
    private final boolean held;
    private final TuneOptions options;
    private final AtomicBoolean cancel;
    private final BiConsumer<TuneMap, Integer> onUpdate;
    private final AtomicReference<TuneMap> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile int finalIteration = -1;

    /**
     * @param cancel   set to stop the tune; unlike cancelling the job, the tune then still returns its result
     * @param onUpdate on the UI thread: the latest snapshot and the final training's iterations done (-1 before it)
     */
    TuneWork(LoadedData data, InteractionMatrix matrix, boolean held, TuneOptions options, AtomicBoolean cancel,
             BiConsumer<TuneMap, Integer> onUpdate) {
        this.data = data;
        this.matrix = matrix;
        this.held = held;
        this.options = options;
        this.cancel = cancel;
        this.onUpdate = onUpdate;
        latest.set(TuneMap.empty(options.space(), options.metric(), options.budgetSeconds()));
    }

    @Override
    public Outcome run(WorkContext ctx) {
        TuneListener listener = new TuneListener() {
            @Override
            public void baseline(Metrics m) {
                update(ctx, latest.get().withBaseline(m));
            }

            @Override
            public void started(Candidate c) {
                update(ctx, latest.get().withRunning(c));
                ctx.progress(-1, String.format(Locale.ROOT, "Candidate %d: %s", c.index() + 1, TuneMap.settings(c.params())));
            }

            @Override
            public void finished(CandidateResult r) {
                update(ctx, latest.get().withFinished(r));
            }

            @Override
            public void finalTrainingStarted(CandidateResult chosen, int iterations) {
                finalIteration = 0;
                update(ctx, latest.get());
                ctx.progress(-1, "Final model: " + TuneMap.settings(chosen.candidate().params()));
            }

            @Override
            public void finalIteration(IterationReport report) {
                finalIteration = report.iteration();
                update(ctx, latest.get());
            }
        };
        TuneResult t = Tuner.tune(matrix, options, listener, () -> cancel.get() || ctx.cancelled());
        ModelState model = null;
        if (t.hasFinalModel() && t.status() != TuneResult.Status.CANCELLED) {
            var factors = t.finalTraining().model();
            Map<String, String> meta = new LinkedHashMap<>(RunModel.trainedOn(held, matrix));
            meta.putAll(metadata(t, options));
            TrainedModel trained = new TrainedModel(data.dataset(), factors, meta);
            // the screen's protocol: MAP@10 on the held-out listeners when the tune saw only the training rows
            Metrics heldOut = held ? LoadedData.PROTOCOL.evaluate(Scorer.of(factors), data.split(), LoadedData.EVAL_USERS,
                    options.base().effectiveThreads()) : null;
            model = ModelState.of(trained, Double.NaN, heldOut, held, "tuned");
        }
        return new Outcome(t, model);
    }

    private void update(WorkContext ctx, TuneMap snapshot) {
        latest.set(snapshot);
        if (pending.compareAndSet(false, true)) {
            ctx.publish(() -> {
                pending.set(false);
                onUpdate.accept(latest.get(), finalIteration);
            });
        }
    }

    /** What the model records about the tune its settings came from (the keys {@code tune} writes). */
    static Map<String, String> metadata(TuneResult t, TuneOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ModelMetadata.TUNE_METRIC, o.metric().label());
        m.put(ModelMetadata.TUNE_VALUE, String.format(Locale.ROOT, "%.4f", t.chosen().value()));
        m.put(ModelMetadata.TUNE_BUDGET, o.budgetSeconds() > 0 ? TuneMap.plain(o.budgetSeconds()) : "none");
        m.put(ModelMetadata.TUNE_CANDIDATES, Integer.toString(t.candidates().size()));
        m.put(ModelMetadata.TUNE_CHOSEN, String.format(Locale.ROOT, "%s k=%d alpha=%s lambda=%s",
                t.chosen().candidate().params().confidence().name().toLowerCase(Locale.ROOT), t.chosen().candidate().params().factors(),
                TuneMap.plain(t.chosen().candidate().params().alpha()), TuneMap.plain(t.chosen().candidate().params().lambda())));
        return m;
    }
}
