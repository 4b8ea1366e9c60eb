package org.tastemap.app.train;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tastemap.app.input.IntInput;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelOrigin;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.Job;
import org.tastemap.app.task.Work;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.SolverKind;

/**
 * The Train screen: parameters, training runs with live points, automatic warm-started retraining
 * when alpha or lambda settles, and the run history.
 */
public final class TrainViewModel {
    /** A warm retrain stops once the loss changes by less than this fraction in an iteration ({@link TrainingWork#converged}). */
    public static final double CONVERGENCE = TrainingWork.CONVERGENCE;
    private static final Logger LOG = Logger.getLogger(TrainViewModel.class.getName());

    private final AppState state;
    private final BackgroundExecutor executor;
    private final Debouncer debouncer;
    private final ErrorReporter errors;

    private final TrainSettings settings = new TrainSettings(this);

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final IntegerProperty firstIteration = new SimpleIntegerProperty(this, "firstIteration", 1);
    private final IntegerProperty lastIteration = new SimpleIntegerProperty(this, "lastIteration", 10);
    private final ObservableList<IterationPoint> points = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final BooleanBinding canTrain;
    private final BooleanBinding settingsDiffer;
    private final ModelMeasure measure;
    private final BeyondAccuracyModel beyondAccuracy;
    private final TuneViewModel tune;

    private Job job = Job.DONE;
    private int runId;

    public TrainViewModel(AppState state, BackgroundExecutor executor, Debouncer debouncer, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.debouncer = debouncer;
        this.errors = errors;
        BooleanBinding inputsValid = settings.inputsValid;
        tune = new TuneViewModel(this, state, executor, running);
        // a Spark model opened without its data has only a sample of histories to train on; a tune trains too
        canTrain = Bindings.createBooleanBinding(() -> state.data() != null && !state.dataIsSample() && !running.get()
                        && inputsValid.get() && !tune.runningProperty().get(), state.dataProperty(), state.modelProperty(), running,
                inputsValid, tune.runningProperty());
        settingsDiffer = Bindings.createBooleanBinding(() -> state.model() != null
                        && !SameSettings.of(params(), state.model().trained().factors().params()),
                state.modelProperty(), settings.factors, settings.alpha, settings.lambda, settings.confidence, settings.solver);
        measure = new ModelMeasure(state, executor, this);
        beyondAccuracy = new BeyondAccuracyModel(state, executor);
        settings.alpha.addListener((o, a, b) -> parameterMoved());
        settings.lambda.addListener((o, a, b) -> parameterMoved());
        state.dataProperty().addListener((o, a, b) -> {
            stop();
            points.clear();
            // runs on other data are not comparable with the next ones
            history.clear();
            settings.adoptDefaultLambda(b);
        });
        settings.adoptDefaultLambda(state.data());
    }

    /** The parameters as the controls show them. */
    public AlsParams params() {
        return settings.params();
    }

    /** How many workers training may use, asked between chunks of rows (the app's InputWatch). */
    public void setWorkerLimit(java.util.function.IntUnaryOperator limit) {
        settings.workerLimit = limit;
    }

    /** Trains a new model from a random start with the parameters shown. */
    public void train() {
        if (!settings.inputsValid.get()) {
            message.set(settings.inputProblems());
            return;
        }
        start(false, settings.iterations.get());
    }

    /**
     * "Use" in the run history: sets the controls to the run's parameters; with retraining on, the
     * model is retrained (warm) to them at once, else the screen marks that the settings differ.
     */
    public void use(RunRecord run) {
        if (run.isTune()) {
            tune.show(run);
        }
        restore(run.params());
        if (settingsDiffer.get() && settings.autoRetrain.get() && state.data() != null && settings.inputsValid.get()) {
            start(true, settings.iterations.get());
        } else {
            message.set(settingsDiffer.get() ? "These settings differ from the model's: press Train to train a model with them."
                    : "The model already has these settings.");
        }
    }

    /** Sets the controls back to the current model's settings (the settings-differ marker's link). */
    public void matchModel() {
        if (state.model() != null) {
            restoreSettings(state.model().trained().factors().params());
            message.set("The controls show the model's settings again.");
        }
    }

    /** Trains the quick first model: k = 32, 10 iterations. */
    public void trainQuick() {
        restore(defaultsForData().withFactors(32).withIterations(10));
        train();
    }

    /** {@link AlsParams#defaults()} with the default lambda of the loaded data, when known. */
    AlsParams defaultsForData() {
        AlsParams p = AlsParams.defaults();
        LoadedData d = state.data();
        return d == null || Double.isNaN(d.defaultLambda()) ? p : p.withLambda(d.defaultLambda());
    }

    /** Stops the running training; the previous model stays. */
    public void stop() {
        job.cancel();
    }

    private void parameterMoved() {
        if (!settings.restoring() && settings.autoRetrain.get() && state.model() != null && state.data() != null) {
            debouncer.trigger(() -> {
                if (settings.inputsValid.get()) {
                    start(true, settings.iterations.get());
                }
            });
        }
    }

    private void start(boolean warm, int its) {
        LoadedData data = state.data();
        if (data == null) {
            message.set("Open a dataset first (File > Import…).");
            return;
        }
        if (state.dataIsSample()) {
            message.set(ModelOrigin.needsData(state.model().trained(), "be retrained or evaluated on held-out plays"));
            return;
        }
        AlsParams p = params().withIterations(its);
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            message.set(String.join(" ", problems));
            return;
        }
        if (tune.runningProperty().get()) {
            message.set("A tune is running: the model changes when it ends (or cancel it).");
            return;
        }
        job.cancel();
        boolean held = settings.heldOut.get();
        InteractionMatrix matrix = held ? data.split().train() : data.dataset().matrix();
        ModelState current = state.model();
        FactorModel from = warm && current != null && current.heldOut() == held ? current.trained().factors() : null;
        boolean isWarm = from != null && from.factors() == p.factors();
        int run = ++runId;
        measure.cancel();
        points.clear();
        // the planned run on the chart's x axis; a warm start continues the model's iteration count
        int done = isWarm ? from.iterations() : 0;
        firstIteration.set(done + 1);
        lastIteration.set(done + p.iterations());
        running.set(true);
        progress.set(0);
        progressText.set("Starting…");
        message.set(isWarm ? "Retraining from the current model (warm start)…" : "Training…");
        long t0 = System.nanoTime();
        TrainingWork work = new TrainingWork(matrix, p, isWarm ? from : null, held ? data.split() : null,
                LoadedData.EVAL_USERS, point -> {
                    if (run == runId) {
                        points.add(point);
                        progress.set(points.size() / (double) p.iterations());
                        progressText.set(String.format(Locale.ROOT, "Iteration %d of %d · %.2f s/iteration",
                                points.size(), p.iterations(), point.elapsed() / points.size()));
                    }
                }, isWarm ? CONVERGENCE : 0).limitWorkers(() -> settings.workerLimit.applyAsInt(p.effectiveThreads()));
        // the model the screens get (its Recommender packs every artist's factors) is built here, off the UI thread
        Work<Trained> trainAndPrepare = ctx -> {
            TrainingWork.Outcome o = work.run(ctx);
            return new Trained(o, RunModel.prepare(o, data, matrix, held));
        };
        job = executor.submit(isWarm ? "Retraining" : "Training", trainAndPrepare,
                result -> finished(run, data, matrix, held, isWarm, p, result, (System.nanoTime() - t0) / 1e9),
                error -> failed(run, p, isWarm, error, (System.nanoTime() - t0) / 1e9));
    }

    /** A finished run and, when it produced a model, that model ready for the screens. */
    private record Trained(TrainingWork.Outcome outcome, ModelState model) {
    }

    private void finished(int run, LoadedData data, InteractionMatrix matrix, boolean held, boolean warm, AlsParams p,
                          Trained ready, double seconds) {
        if (run != runId) {
            return;
        }
        running.set(false);
        TrainingWork.Outcome outcome = ready.outcome();
        TrainingResult result = outcome.result();
        int done = result.history().size();
        boolean converged = outcome.convergedAt() > 0;
        if (result.status() != TrainingResult.Status.COMPLETED && !converged) {
            message.set(result.message() + " The previous model is kept.");
            progressText.set("");
            history.add(0, RunRecord.of(history.size() + 1, p, warm, done, result, seconds,
                    result.status() == TrainingResult.Status.CANCELLED ? RunRecord.Ending.CANCELLED : RunRecord.Ending.FAILED));
            return;
        }
        if (state.data() != data) {
            return;
        }
        state.setModel(ready.model());
        history.add(0, RunRecord.of(history.size() + 1, p, warm, done, result, seconds,
                converged ? RunRecord.Ending.CONVERGED : RunRecord.Ending.REACHED));
        progress.set(1);
        message.set(converged
                ? String.format(Locale.ROOT, "Converged at iteration %d of %d (loss changed by less than %.1f%%) in %.1f s.",
                        done, p.iterations(), CONVERGENCE * 100, seconds)
                : String.format(Locale.ROOT, "Trained %d iterations in %.1f s.", done, seconds));
        LOG.info(() -> String.format(Locale.ROOT, "trained k=%d, %d iterations in %.2f s; %s", p.factors(), done, seconds,
                outcome.timings()));
    }

    private void failed(int run, AlsParams p, boolean warm, Throwable error, double seconds) {
        if (run != runId) {
            return;
        }
        running.set(false);
        progressText.set("");
        history.add(0, RunRecord.of(history.size() + 1, p, warm, points.size(), null, seconds,
                BackgroundExecutor.isCancellation(error) ? RunRecord.Ending.CANCELLED : RunRecord.Ending.FAILED));
        if (BackgroundExecutor.isCancellation(error)) {
            message.set("Training stopped; the previous model is kept.");
        } else {
            LOG.log(java.util.logging.Level.WARNING, "training failed", error);
            message.set("Training failed; the previous model is kept.");
            errors.show("Training failed", error);
        }
    }

    /** Sets the controls to a run's parameters without retraining. */
    public void restore(AlsParams p) {
        settings.restore(p);
    }

    /** Sets the controls to a model's settings (not the Iterations box) without retraining. */
    public void restoreSettings(AlsParams p) {
        settings.restoreSettings(p);
    }

    public IntegerProperty factorsProperty() {
        return settings.factors;
    }

    public IntegerProperty iterationsProperty() {
        return settings.iterations;
    }

    public DoubleProperty alphaProperty() {
        return settings.alpha;
    }

    public DoubleProperty lambdaProperty() {
        return settings.lambda;
    }

    public ObjectProperty<ConfidenceKind> confidenceProperty() {
        return settings.confidence;
    }

    public ObjectProperty<SolverKind> solverProperty() {
        return settings.solver;
    }

    public BooleanProperty heldOutProperty() {
        return settings.heldOut;
    }

    public BooleanProperty autoRetrainProperty() {
        return settings.autoRetrain;
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

    /** The first iteration of the current or last run, as the charts' x axis counts it. */
    public IntegerProperty firstIterationProperty() {
        return firstIteration;
    }

    /** The last planned iteration of the current or last run. */
    public IntegerProperty lastIterationProperty() {
        return lastIteration;
    }

    public ObservableList<IterationPoint> points() {
        return points;
    }

    public ObservableList<RunRecord> history() {
        return history;
    }

    public BooleanBinding canTrainBinding() {
        return canTrain;
    }

    /** The Factors field as typed. */
    public IntInput factorsInput() {
        return settings.factorsInput;
    }

    /** The Iterations field as typed. */
    public IntInput iterationsInput() {
        return settings.iterationsInput;
    }

    /** The controls' settings are not the current model's (after "Use" without retraining, or a change). */
    public BooleanBinding settingsDifferBinding() {
        return settingsDiffer;
    }

    /** The most-popular baseline's MAP@10 and precision@10 on the held-out split, or NaN. */
    public double baselineMap() {
        return state.data() == null ? Double.NaN : state.data().baseline().mapAtK();
    }

    public double baselinePrecision() {
        return state.data() == null ? Double.NaN : state.data().baseline().precisionAtK();
    }

    /** Coverage, popularity percentile and novelty of the current model's top-10 lists. */
    public BeyondAccuracyModel beyondAccuracy() {
        return beyondAccuracy;
    }

    public AppState state() {
        return state;
    }

    /** The Tune panel's view model. */
    public TuneViewModel tune() {
        return tune;
    }
}
