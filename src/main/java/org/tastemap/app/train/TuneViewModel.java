package org.tastemap.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.input.IntInput;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Job;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneOptions;
import org.tastemap.core.tune.TuneResult;
import org.tastemap.core.tune.TuneSpace;

/**
 * The Tune panel of the Train screen: what to search (budget, confidence kinds, factor counts), a
 * tune in the background whose candidates fill the heatmap as they finish, the tuned model becoming
 * the current one (as {@code train --auto} does), adopting a cell's settings, and the tune's entry
 * in the run history.
 */
public final class TuneViewModel {
    /** The factor counts offered. */
    public static final List<Integer> FACTOR_CHOICES = List.of(16, 32, 64, 128);
    /** The confidence kinds offered, in the tuner's order. */
    public static final List<ConfidenceKind> CONFIDENCE_CHOICES = List.of(ConfidenceKind.LOG, ConfidenceKind.BM25, ConfidenceKind.LINEAR);

    private final TrainViewModel train;
    private final AppState state;
    private final BackgroundExecutor executor;

    private final IntegerProperty budget = new SimpleIntegerProperty(this, "budget", 60);
    private final IntInput budgetInput = new IntInput("Budget (seconds)", 5, 36_000, budget);
    private final List<BooleanProperty> confidences = new ArrayList<>();
    private final List<BooleanProperty> factors = new ArrayList<>();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<TuneMap> map = new SimpleObjectProperty<>(this, "map");
    private final BooleanProperty offered = new SimpleBooleanProperty(this, "offered");
    private final BooleanBinding canStart;

    private Job job = Job.DONE;
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    private int tuneId;
    private int planned;
    private long startedNanos;
    private boolean finalPhase;

    TuneViewModel(TrainViewModel train, AppState state, BackgroundExecutor executor, javafx.beans.value.ObservableBooleanValue training) {
        this.train = train;
        this.state = state;
        this.executor = executor;
        for (ConfidenceKind k : CONFIDENCE_CHOICES) {
            confidences.add(new SimpleBooleanProperty(this, "confidence" + k, k == ConfidenceKind.LOG));
        }
        for (int k : FACTOR_CHOICES) {
            factors.add(new SimpleBooleanProperty(this, "factors" + k, k == AlsParams.defaults().factors()));
        }
        List<javafx.beans.Observable> deps = new ArrayList<>(List.of(state.dataProperty(), state.modelProperty(), running, training,
                budgetInput.validBinding()));
        deps.addAll(confidences);
        deps.addAll(factors);
        // a Spark model's sample of histories is no data to tune on
        canStart = Bindings.createBooleanBinding(() -> state.data() != null && !state.dataIsSample() && !running.get() && !training.get()
                && budgetInput.validBinding().get() && !chosenKinds().isEmpty() && !chosenFactors().isEmpty(),
                deps.toArray(javafx.beans.Observable[]::new));
        state.dataProperty().addListener((o, a, b) -> {
            // a tune of other data is not comparable: stop it and clear its map
            cancel();
            job.cancel();
            tuneId++;
            running.set(false);
            map.set(null);
            progress.set(0);
            progressText.set("");
            message.set("");
            offered.set(false);
        });
    }

    /** The confidence kinds ticked, in {@link #CONFIDENCE_CHOICES} order. */
    List<ConfidenceKind> chosenKinds() {
        List<ConfidenceKind> out = new ArrayList<>();
        for (int i = 0; i < CONFIDENCE_CHOICES.size(); i++) {
            if (confidences.get(i).get()) {
                out.add(CONFIDENCE_CHOICES.get(i));
            }
        }
        return out;
    }

    /** The factor counts ticked, ascending. */
    List<Integer> chosenFactors() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < FACTOR_CHOICES.size(); i++) {
            if (factors.get(i).get()) {
                out.add(FACTOR_CHOICES.get(i));
            }
        }
        return out;
    }

    /**
     * The tune's options: the data's defaults (the candidate the improvement is measured against, and
     * the final model's iterations) with the screen's threads, the default space over the kinds and
     * factor counts ticked, and the budget.
     */
    TuneOptions options() {
        AlsParams base = train.defaultsForData().withThreads(train.params().threads());
        TuneSpace space = TuneSpace.defaults(base.factors()).withConfidences(chosenKinds()).withFactors(chosenFactors());
        return TuneOptions.defaults(base).withSpace(space).withBudget(budget.get());
    }

    /** Starts a tune on the training rows (the split's training part while held-out evaluation is on). */
    public void start() {
        if (!canStart.get()) {
            message.set(state.data() == null ? "Open a dataset first (File > Import…)."
                    : !budgetInput.validBinding().get() ? budgetInput.errorBinding().get()
                    : chosenKinds().isEmpty() || chosenFactors().isEmpty() ? "Tick at least one confidence kind and one factor count."
                    : "Wait for the training to finish, or stop it.");
            return;
        }
        LoadedData data = state.data();
        boolean held = train.heldOutProperty().get();
        InteractionMatrix matrix = held ? data.split().train() : data.dataset().matrix();
        TuneOptions o = options();
        int id = ++tuneId;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        planned = TuneMap.planned(o.space(), o.refineSteps());
        startedNanos = System.nanoTime();
        finalPhase = false;
        offered.set(false);
        map.set(TuneMap.empty(o.space(), o.metric(), o.budgetSeconds()));
        running.set(true);
        progress.set(0);
        progressText.set("Starting…");
        message.set(String.format(Locale.ROOT, "Tuning on %s (%,d rows): %d candidates at most, %d s budget…",
                held ? "the training rows" : "all rows", matrix.nnz(), planned, budget.get()));
        TuneWork work = new TuneWork(data, matrix, held, o, cancel, (snapshot, finalIterations) -> {
            if (id == tuneId) {
                map.set(snapshot);
                finalPhase = finalIterations >= 0;
                tick();
            }
        });
        job = executor.submit("Tuning", work, r -> finished(id, data, o, r), e -> failed(id, e));
    }

    /** Stops the tune; the map keeps the candidates finished so far. */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Refreshes the progress: candidates done against those planned, and the time left of the budget. */
    public void tick() {
        TuneMap m = map.get();
        if (!running.get() || m == null) {
            return;
        }
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        int done = m.results().size();
        double b = m.budget();
        // the share done: candidates of those planned, or the budget's share of time when that is further
        progress.set(Math.min(1, Math.max(done / (double) planned, b > 0 ? elapsed / b : 0)));
        String left = b > 0 ? String.format(Locale.ROOT, " · %.0f s left of %.0f s", Math.max(0, b - elapsed), b)
                : String.format(Locale.ROOT, " · %.0f s", elapsed);
        progressText.set(finalPhase ? "Training the final model on all training rows" + left
                : String.format(Locale.ROOT, "%d of %d candidates%s", done, planned, left));
    }

    private void finished(int id, LoadedData data, TuneOptions o, TuneWork.Outcome out) {
        if (id != tuneId) {
            return;
        }
        running.set(false);
        TuneResult t = out.result();
        TuneMap last = map.get().withFinishedAll(t);
        map.set(last);
        progress.set(t.status() == TuneResult.Status.CANCELLED ? progress.get() : 1);
        progressText.set(String.format(Locale.ROOT, "%d candidates in %.1f s", t.candidates().size(), t.seconds()));
        CandidateResult chosen = t.chosen();
        if (chosen == null) {
            message.set("The tune ended before any candidate was scored; the model is unchanged.");
            return;
        }
        AlsParams settings = chosen.candidate().params().withIterations(o.base().iterations());
        String best = choice(o.metric(), chosen, t.defaults());
        if (!t.hasFinalModel() || out.model() == null || state.data() != data) {
            train.history().add(0, record(settings, Double.NaN, t, last, RunRecord.Ending.CANCELLED));
            message.set("Tune stopped after " + t.candidates().size() + " candidates; the map keeps them and the model is"
                    + " unchanged. Best so far " + best + ". Click a cell to train with its settings.");
            return;
        }
        state.setModel(out.model());
        train.restore(settings);
        double heldOutMap = out.model().metrics() == null ? Double.NaN : out.model().metrics().mapAtK();
        train.history().add(0, record(settings, heldOutMap, t, last, RunRecord.Ending.TUNED));
        message.set("Tuned" + (t.status() == TuneResult.Status.OUT_OF_TIME ? " until the budget ran out" : "") + ": " + best
                + ". The model now has these settings.");
    }

    private RunRecord record(AlsParams settings, double heldOutMap, TuneResult t, TuneMap last, RunRecord.Ending ending) {
        int its = t.finalTraining() == null ? 0 : t.finalTraining().history().size();
        return new RunRecord(train.history().size() + 1, settings, false, its, Double.NaN, heldOutMap, t.seconds(), ending, last);
    }

    private void failed(int id, Throwable e) {
        if (id != tuneId) {
            return;
        }
        running.set(false);
        TuneMap m = map.get();
        if (m != null) {
            map.set(m.withRunning(null));
        }
        if (BackgroundExecutor.isCancellation(e)) {
            message.set("Tune stopped; the map keeps the candidates finished so far, and the model is unchanged.");
        } else {
            message.set("The tune failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()) + " The model is unchanged.");
            java.util.logging.Logger.getLogger(TuneViewModel.class.getName()).log(java.util.logging.Level.WARNING, "tune failed", e);
        }
    }

    /**
     * Clicking a cell: the controls take its settings and the model is trained with them on the
     * training rows, from a random start, as the tune's final model would be.
     */
    public void adopt(CandidateResult r) {
        if (running.get()) {
            message.set("The tune is still running: cancel it, or wait, to train with a cell's settings.");
            return;
        }
        // the iterations of the tune's final model, so that the cell's model compares with the tuned one
        int its = train.defaultsForData().iterations();
        // the controls take the cell's settings, and a model is trained with them from a random start
        train.restore(r.candidate().params().withIterations(its).withThreads(train.params().threads()));
        train.train();
        message.set("Training with " + TuneMap.settings(r.candidate().params()) + (r.metrics() == null ? " (not scored)…"
                : String.format(Locale.ROOT, " (validation MAP@10 %.4f)…", r.metrics().mapAtK())));
    }

    /** "log · k 64 · α 3 · λ 0.1: validation map@10 0.1234 (+25% over the defaults)" */
    private static String choice(org.tastemap.core.tune.TuneMetric metric, CandidateResult chosen, CandidateResult defaults) {
        // the relative improvement chosen / defaults - 1, as TuneResult#improvementOverDefaults computes it
        double gain = defaults == null || !defaults.scored() || !(defaults.value() > 0) ? Double.NaN
                : chosen.value() / defaults.value() - 1;
        String g = defaults != null && chosen.candidate().index() == defaults.candidate().index() ? " (the defaults scored best)"
                : Double.isNaN(gain) ? "" : String.format(Locale.ROOT, " (%+.0f%% over the defaults)", 100 * gain);
        return String.format(Locale.ROOT, "%s: validation %s %.4f%s", TuneMap.settings(chosen.candidate().params()), metric.label(),
                chosen.value(), g);
    }

    /**
     * Shows a tune of the run history again: its map, as it was when the tune ended, and the budget,
     * kinds and factor counts it tried (the controls and the model follow through Use). A tune whose
     * map was not kept (a session of an older Tastemap, or a tune file that could not be read) shows
     * no map, and says so.
     */
    void show(RunRecord r) {
        show(r, "Tune (run " + r.number() + ")");
    }

    /** After a relaunch: the newest tune of the run history, as {@link #show(RunRecord)} does; no map when there is none. */
    public void showLatest() {
        RunRecord latest = train.history().stream().filter(RunRecord::isTune).findFirst().orElse(null);
        if (latest == null) {
            if (!running.get()) {
                map.set(null);
                progressText.set("");
                message.set("");
            }
            return;
        }
        show(latest, "The tune of the last session (run " + latest.number() + ")");
    }

    private void show(RunRecord r, String what) {
        if (running.get()) {
            message.set("A tune is running: its map stays until it ends (or is cancelled).");
            return;
        }
        TuneMap m = r.tune();
        map.set(m);
        progress.set(0);
        if (m == null) {
            progressText.set("");
            message.set(what + ": its map was not kept (the session was saved by an older Tastemap, or its tune file could not"
                    + " be read). Its settings are in the run history; Start tune makes a new map.");
            return;
        }
        takeControls(m);
        progressText.set(String.format(Locale.ROOT, "%d candidates in %.1f s", m.results().size(), r.seconds()));
        CandidateResult chosen = m.chosen() >= 0 ? m.results().stream().filter(c -> c.candidate().index() == m.chosen())
                .findFirst().orElse(m.best()) : m.best();
        CandidateResult defaults = m.results().stream()
                .filter(c -> c.candidate().phase() == org.tastemap.core.tune.Candidate.Phase.DEFAULTS).findFirst().orElse(null);
        String stopped = r.ending() == RunRecord.Ending.CANCELLED ? ", stopped" : "";
        message.set(chosen == null ? what + stopped + ": no candidate was scored."
                : what + stopped + ": best " + choice(m.metric(), chosen, defaults) + ". Click a cell to train with its settings.");
    }

    /** The budget, confidence kinds and factor counts of a shown tune, where the panel offers them. */
    private void takeControls(TuneMap m) {
        int b = (int) Math.round(m.budget());
        if (b >= 5 && b <= 36_000) {
            budget.set(b);
        }
        if (CONFIDENCE_CHOICES.containsAll(m.space().confidences()) && FACTOR_CHOICES.containsAll(m.space().factors())) {
            for (int i = 0; i < CONFIDENCE_CHOICES.size(); i++) {
                confidences.get(i).set(m.space().confidences().contains(CONFIDENCE_CHOICES.get(i)));
            }
            for (int i = 0; i < FACTOR_CHOICES.size(); i++) {
                factors.get(i).set(m.space().factors().contains(FACTOR_CHOICES.get(i)));
            }
        }
    }

    /** Asks, after an import, whether to tune the settings for the new data. */
    public void offer() {
        offered.set(true);
    }

    public BooleanProperty offeredProperty() {
        return offered;
    }

    public IntInput budgetInput() {
        return budgetInput;
    }

    public IntegerProperty budgetProperty() {
        return budget;
    }

    /** Whether each of {@link #CONFIDENCE_CHOICES} is tried. */
    public List<BooleanProperty> confidenceChoices() {
        return confidences;
    }

    /** Whether each of {@link #FACTOR_CHOICES} is tried. */
    public List<BooleanProperty> factorChoices() {
        return factors;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<TuneMap> mapProperty() {
        return map;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }
}
