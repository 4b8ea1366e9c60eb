package org.tastemap.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.session.SessionFile;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.train.IterationPoint;
import org.tastemap.app.train.RunRecord;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.app.train.TuneMap;
import org.tastemap.core.model.TrainedModel;

/**
 * Keeps work across launches: on quit the session (the model, the run history, the Train settings,
 * the dataset and how it was imported) is written to {@link AppPrefs#sessionDir()}, and the next
 * launch reopens it as it was. A model trained in this session and not saved yet is "unsaved":
 * quitting, importing other data or opening another model first asks Save / Discard / Cancel.
 */
public final class SessionKeeper {
    private static final Logger LOG = Logger.getLogger(SessionKeeper.class.getName());

    /** The answer to "Save the trained model?". */
    public enum Answer { SAVE, DISCARD, CANCEL }

    /** Asks the user a Save / Discard / Cancel question (a dialog in the app, a script in tests). */
    @FunctionalInterface
    public interface Question {
        Answer ask(String title, String text);
    }

    private final AppState state;
    private final BackgroundExecutor executor;
    private final DataFiles files;
    private final AppPrefs prefs;
    private final ErrorReporter errors;
    private final TrainViewModel train;
    private final Consumer<String> notice;
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    /** A file that holds the current model as it is, or "" when none does. */
    private String savedModelFile = "";
    private ImportSettings dataSettings;

    SessionKeeper(AppState state, BackgroundExecutor executor, DataFiles files, AppPrefs prefs, ErrorReporter errors,
                  TrainViewModel train, Consumer<String> notice) {
        this.state = state;
        this.executor = executor;
        this.files = files;
        this.prefs = prefs;
        this.errors = errors;
        this.train = train;
        this.notice = notice;
        state.modelProperty().addListener((o, before, now) -> {
            if (now == null) {
                unsaved.set(false);
                savedModelFile = "";
            } else if (before == null || before.trained() != now.trained()) {
                // trained or tuned in this session: no file holds it yet
                boolean trained = "trained".equals(now.source()) || "tuned".equals(now.source());
                unsaved.set(trained);
                // a model opened from a file is that file
                savedModelFile = trained ? "" : now.source();
            }
        });
    }

    /** A model trained in this session that no file holds yet. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    void dataOpened(ImportSettings settings) {
        dataSettings = settings;
    }

    void modelSaved(Path file) {
        unsaved.set(false);
        savedModelFile = file.toString();
    }

    /**
     * Quits: with an unsaved model asks first; Save writes it with the session, Discard writes the
     * session without it, Cancel keeps the app open. {@code close} runs once the session is written.
     */
    public void quit(Question question, Runnable close) {
        train.stop();
        if (unsaved.get() && state.model() != null) {
            Answer a = question.ask("Save the trained model?", describe(state.model())
                    + " is not saved. Save it with the session, so that the next launch reopens it? Discard loses it.");
            switch (a) {
                case CANCEL -> {
                }
                case DISCARD -> save(false, close, true);
                case SAVE -> save(true, close, false);
            }
        } else {
            save(true, close, true);
        }
    }

    /**
     * Before something replaces the model (importing data, opening a model): with an unsaved model
     * asks first; Save asks {@code saveAs} for a file and saves there, then goes on.
     */
    public void beforeReplacing(Question question, Supplier<Path> saveAs, MainViewModel main, Runnable then) {
        if (!unsaved.get() || state.model() == null) {
            then.run();
            return;
        }
        Answer a = question.ask("Save the trained model?", describe(state.model())
                + " is not saved, and what you open next replaces it. Save it to a file first?");
        if (a == Answer.DISCARD) {
            then.run();
        } else if (a == Answer.SAVE) {
            Path file = saveAs.get();
            if (file != null) {
                main.saveModel(file, then);
            }
        }
    }

    private static String describe(ModelState m) {
        return String.format(Locale.ROOT, "The model trained in this session (k=%d, %d iterations%s)", m.factors(), m.iterations(),
                m.metrics() == null ? "" : String.format(Locale.ROOT, ", MAP@10 %.4f", m.metrics().mapAtK()));
    }

    /**
     * Writes the session in the background, then runs {@code after}.
     *
     * @param keepModel       reference (and if unsaved, write) the model; else the session has data only
     * @param afterOnFailure  run {@code after} even when writing fails (Discard: quitting matters more)
     */
    void save(boolean keepModel, Runnable after, boolean afterOnFailure) {
        LoadedData d = state.data();
        ModelState m = state.model();
        if (d == null) {
            after.run();
            return;
        }
        Path dir = prefs.sessionDir();
        boolean withModel = keepModel && m != null;
        boolean writeModel = withModel && (unsaved.get() || savedModelFile.isEmpty() || !Files.isRegularFile(Path.of(savedModelFile)));
        String modelFile = !withModel ? "" : writeModel ? dir.resolve(SessionFile.MODEL).toString() : savedModelFile;
        SessionFile s = new SessionFile(d.source(), dataSettings == null ? "" : dataSettings.encode(), modelFile,
                withModel && m.heldOut(), train.params(), train.heldOutProperty().get(), train.autoRetrainProperty().get(),
                withModel ? train.history().stream().map(SessionKeeper::run).toList() : List.of(),
                withModel ? train.points().stream().map(SessionKeeper::point).toList() : List.of());
        // the model with every row and its metadata (a held-out model says it learned from the split)
        TrainedModel full = withModel ? state.modelWithData() : null;
        executor.submit("Saving the session", ctx -> {
            if (writeModel) {
                files.saveModel(Path.of(modelFile), full);
            }
            s.write(dir);
            return modelFile;
        }, f -> {
            if (writeModel) {
                modelSaved(Path.of(f));
            }
            after.run();
        }, e -> {
            LOG.log(Level.WARNING, "saving the session failed", e);
            if (afterOnFailure) {
                after.run();
            } else {
                errors.show("Could not save the session", e);
            }
        });
    }

    /**
     * Reopens the last session when it has a model file that still exists: in the background, as
     * the model opens today. False when there is nothing to reopen (the caller opens the last
     * dataset or the sample instead).
     */
    boolean restore(Runnable otherwise) {
        SessionFile s;
        try {
            s = SessionFile.read(prefs.sessionDir()).orElse(null);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the last session cannot be read; starting without it", e);
            return false;
        }
        if (s == null || s.modelFile().isBlank() || !Files.isRegularFile(Path.of(s.modelFile()))) {
            return false;
        }
        Path file = Path.of(s.modelFile());
        executor.submit("Reopening the last session", ctx -> {
            TrainedModel m = files.loadModel(file);
            ctx.progress(-1, "Preparing the held-out split and searches…");
            return new Reopened(m, LoadedData.prepare(m.dataset(), s.dataSource()));
        }, r -> reopened(s, file, r), e -> {
            LOG.log(Level.WARNING, "reopening the last session failed", e);
            otherwise.run();
        });
        return true;
    }

    private record Reopened(TrainedModel model, LoadedData data) {
    }

    private void reopened(SessionFile s, Path file, Reopened r) {
        LoadedData d = r.data();
        state.setData(d);
        // a held-out model learned from the split's training part, which the same seed gives again
        state.setModel(ModelState.of(r.model(), Double.NaN, null, s.modelHeldOut(), file.toString()));
        dataSettings = ImportSettings.decode(s.importSettings()).orElse(null);
        if (dataSettings != null) {
            prefs.addRecent(d.source(), dataSettings);
        }
        train.restore(s.controls());
        train.heldOutProperty().set(s.heldOutOn());
        train.autoRetrainProperty().set(s.autoRetrain());
        // the run history and the chart as they were (after setData, which clears them)
        train.history().setAll(s.runs().stream().map(SessionKeeper::run).toList());
        train.points().setAll(s.points().stream().map(SessionKeeper::point).toList());
        if (!s.points().isEmpty()) {
            train.firstIterationProperty().set((int) s.points().get(0)[0]);
            train.lastIterationProperty().set((int) s.points().get(s.points().size() - 1)[0]);
        }
        // the Tune panel shows the newest tune's map again (or says there is none)
        train.tune().showLatest();
        s.problems().forEach(p -> LOG.warning(p));
        notice.accept("Reopened the last session: the model, its run history and the Train settings."
                + (s.problems().isEmpty() ? "" : " " + String.join(" ", s.problems())));
    }

    static SessionFile.Run run(RunRecord r) {
        return new SessionFile.Run(r.number(), r.params(), r.warm(), r.iterations(), r.loss(), r.map(), r.seconds(), r.ending().name(),
                r.tune() == null ? null : r.tune().saved());
    }

    static RunRecord run(SessionFile.Run r) {
        return new RunRecord(r.number(), r.params(), r.warm(), r.iterations(), r.loss(), r.map(), r.seconds(),
                RunRecord.Ending.valueOf(r.ending()), r.tune() == null ? null : TuneMap.of(r.tune()));
    }

    static double[] point(IterationPoint p) {
        return new double[] {p.iteration(), p.loss(), p.map(), p.precision(), p.seconds(), p.elapsed()};
    }

    static IterationPoint point(double[] v) {
        return new IterationPoint((int) v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
