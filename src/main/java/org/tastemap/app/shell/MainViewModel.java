package org.tastemap.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.ImportListener;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.Imported;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelOrigin;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.core.linalg.VectorSupport;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * The main window's logic: opening data and models, saving, exporting, remembering the session, and
 * the status bar's texts. Every file operation runs in the background and can be cancelled; a
 * failure or a cancel leaves the open data and model as they were.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    private final AppState state;
    private final BackgroundExecutor executor;
    private final DataFiles files;
    private final AppPrefs prefs;
    private final ErrorReporter errors;
    private final TrainViewModel train;
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringBinding dataStatus;
    private final StringBinding modelStatus;
    private final StringBinding modelDetails;
    private final SessionKeeper session;

    public MainViewModel(AppState state, BackgroundExecutor executor, DataFiles files, AppPrefs prefs,
                         ErrorReporter errors, TrainViewModel train) {
        this.state = state;
        this.executor = executor;
        this.files = files;
        this.prefs = prefs;
        this.errors = errors;
        this.train = train;
        dataStatus = Bindings.createStringBinding(() -> {
            LoadedData d = state.data();
            if (d != null && state.dataIsSample()) {
                // a Spark-trained model opened without its data: the full data's sizes, and how many histories it holds
                TrainedModel t = state.model().trained();
                return String.format(Locale.ROOT, "%s · %,d users (%,d histories) · %,d artists · %,d rows",
                        Path.of(d.source()).getFileName(), d.users(), t.histories().heldCount(), d.artists(), t.totalRows());
            }
            return d == null ? "No data open" : String.format(Locale.ROOT, "%s · %,d users · %,d artists · %,d rows",
                    Path.of(d.source()).getFileName(), d.users(), d.artists(), d.rows());
        }, state.dataProperty(), state.modelProperty());
        modelStatus = Bindings.createStringBinding(() -> {
            ModelState m = state.model();
            if (m == null) {
                return "No model";
            }
            String loss = org.tastemap.app.Format.loss(m.loss());
            // a model trained on every row has seen the held-out plays: its MAP@10 on them is optimistic
            String map = m.metrics() == null ? "—" : String.format(Locale.ROOT, "%.4f", m.metrics().mapAtK())
                    + (m.heldOut() ? "" : " (not held out)");
            String differ = train.settingsDifferBinding().get() ? " · Train settings differ" : "";
            String origin = ModelOrigin.bySpark(m.trained()) ? ModelOrigin.trainer(m.trained()) + " model" : "Model";
            if (state.dataIsSample()) {
                // no data to measure it on: where it came from and what it holds instead of loss and MAP@10
                return String.format(Locale.ROOT, "%s k=%d · %d iterations · %,d sampled histories%s", origin, m.factors(),
                        m.iterations(), m.trained().histories().heldCount(), differ);
            }
            return String.format(Locale.ROOT, "%s k=%d · %d iterations · loss %s · MAP@10 %s%s", origin, m.factors(), m.iterations(),
                    loss, map, differ);
        }, state.modelProperty(), state.dataProperty(), train.settingsDifferBinding());
        modelDetails = Bindings.createStringBinding(() -> state.model() == null ? "No model"
                : ModelOrigin.details(state.model().trained()), state.modelProperty());
        session = new SessionKeeper(state, executor, files, prefs, errors, train, notice::set);
        updateMemory();
        // a notice is about the model it came with (the bundled sample model, a save): a new model makes it stale
        state.modelProperty().addListener((o, before, now) -> {
            if (before != null && now != null && before.trained() != now.trained()) {
                notice.set("");
            }
        });
    }

    /**
     * First launch opens the sample data with its small pre-trained model (or, when that file is
     * missing, the sample data and trains a quick model); later launches reopen the last session
     * as it was (its model, run history and settings), else the last model (with its data) or the
     * last dataset.
     */
    public void startup() {
        if (!session.restore(this::startupWithoutSession)) {
            startupWithoutSession();
        }
    }

    private void startupWithoutSession() {
        Path model = existing(prefs.get("lastModel", ""));
        Path data = existing(prefs.get("lastDataset", ""));
        if (model != null) {
            openModel(model, prefs.get("lastModelSource", model.toString()));
        } else if (data != null) {
            openDataFile(data);
        } else if (SampleData.findModel().isPresent() && SampleData.find().isPresent()) {
            openModel(SampleData.findModel().get(), SampleData.find().get().toString(),
                    SampleData.DESCRIPTION + " Its model is bundled; move a slider on Train to retrain it live.");
        } else {
            SampleData.find().ifPresentOrElse(this::openDataFile, () -> notice.set(
                    "No data open yet. Import a listening file with File > Import… (the sample file "
                            + SampleData.RELATIVE + " was not found)."));
        }
    }

    private static Path existing(String p) {
        if (p == null || p.isBlank()) {
            return null;
        }
        Path path = Path.of(p);
        return Files.isRegularFile(path) ? path : null;
    }

    /**
     * Opens a file the way it was last imported (Recent, the last session): with the mapping and
     * filters chosen in the wizard; a file never imported before (the sample data) with the detected settings.
     */
    public void openDataFile(Path file) {
        ImportSettings remembered = prefs.importSettings(file.toString()).orElse(null);
        executor.submit("Importing " + file.getFileName(), ctx -> {
            ImportSettings s = remembered != null ? remembered : ImportSettings.from(files.detect(file));
            ImportListener l = (read, total, rows) -> ctx.progress(total > 0 ? read / (double) total : -1,
                    String.format(Locale.ROOT, "%.1f of %.1f MB · %,d rows", read / 1e6, total / 1e6, rows));
            Imported imported = files.importFile(file, s, l, ctx::cancelled);
            ctx.progress(-1, "Preparing the held-out split and searches…");
            return new Opened(LoadedData.prepare(imported.dataset(), file.toString()), s);
        }, o -> useData(o.data(), o.settings(), true), e -> failed("Could not open " + file.getFileName(), e));
    }

    private record Opened(LoadedData data, ImportSettings settings) {
    }

    /** Uses a dataset the import wizard produced, and remembers the settings it was imported with. */
    public void useImported(Path file, ImportSettings settings, Imported imported) {
        executor.submit("Preparing " + file.getFileName(), ctx -> LoadedData.prepare(imported.dataset(), file.toString()),
                d -> useData(d, settings, true), e -> failed("Could not prepare the data", e));
    }

    private void useData(LoadedData d, ImportSettings settings, boolean trainQuick) {
        state.setData(d);
        session.dataOpened(settings);
        notice.set("");
        prefs.put("lastDataset", d.source());
        prefs.put("lastModel", "");
        prefs.addRecent(d.source(), settings);
        if (trainQuick) {
            train.trainQuick();
        }
        // the first model uses the defaults; the settings that fit this data are a click away
        train.tune().offer();
    }

    public void openModel(Path file, String source) {
        openModel(file, source, "");
    }

    private void openModel(Path file, String source, String noticeAfter) {
        executor.submit("Opening model " + file.getFileName(), ctx -> {
            TrainedModel m = files.loadModel(file);
            ctx.progress(-1, "Preparing the held-out split and searches…");
            return new Object[] {m, LoadedData.prepare(m.dataset(), source)};
        }, r -> {
            TrainedModel m = (TrainedModel) r[0];
            LoadedData d = (LoadedData) r[1];
            state.setData(d);
            state.setModel(ModelState.of(m, Double.NaN, null, false, file.toString()));
            session.dataOpened(prefs.importSettings(source).orElse(null));
            notice.set(noticeAfter);
            prefs.put("lastModel", file.toString());
            prefs.put("lastModelSource", source);
        }, e -> failed("Could not open the model", e));
    }

    public void saveModel(Path file) {
        saveModel(file, () -> { });
    }

    /** Saves the model to {@code file}, then runs {@code after} (not when saving fails). */
    public void saveModel(Path file, Runnable after) {
        ModelState m = state.model();
        if (m == null) {
            errors.show("Nothing to save", "There is no model yet.", "Train one on the Train screen first.");
            return;
        }
        executor.submit("Saving model", ctx -> {
            files.saveModel(file, fullData(m));
            return file;
        }, f -> {
            prefs.put("lastModel", f.toString());
            prefs.put("lastModelSource", state.data().source());
            notice.set("Saved the model to " + f + ".");
            session.modelSaved(f);
            after.run();
        }, e -> failed("Could not save the model", e));
    }

    /** The model with the full dataset (a held-out model was trained on the split's training part). */
    private TrainedModel fullData(ModelState m) {
        return state.modelWithData();
    }

    public void exportFactors(Path dir) {
        ModelState m = state.model();
        if (m == null) {
            errors.show("Nothing to export", "There is no model yet.", "Train one on the Train screen first.");
            return;
        }
        executor.submit("Exporting factors", ctx -> files.exportFactors(fullData(m), dir, ctx::cancelled),
                written -> notice.set("Wrote " + written.size() + " files to " + dir + "."),
                e -> failed("Could not export the factors", e));
    }

    /** Writes the top 10 recommendations of every user as CSV. */
    public void exportRecommendations(Path file) {
        ModelState m = state.model();
        if (m == null) {
            errors.show("Nothing to export", "There is no model yet.", "Train one on the Train screen first.");
            return;
        }
        executor.submit("Exporting recommendations", ctx -> {
            // a Spark-trained model opened alone: only the sampled listeners have plays to leave out
            int[] who = state.dataIsSample() ? m.trained().histories().heldUsers() : null;
            int n = who == null ? state.data().users() : who.length;
            Map<Integer, List<ScoredItem>> out = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                int u = who == null ? j : who[j];
                if (ctx.cancelled()) {
                    throw new CancellationException();
                }
                if ((j & 255) == 0) {
                    ctx.progress(j / (double) n, String.format(Locale.ROOT, "%,d of %,d users", j, n));
                }
                out.put(u, m.recommender().recommendFor(m.trained().factors().userVector(u), state.played(u), 10, null));
            }
            files.writeRecommendations(file, fullData(m), out);
            return file;
        }, f -> notice.set("Wrote recommendations to " + f + "."), e -> failed("Could not export recommendations", e));
    }

    private void failed(String title, Throwable e) {
        if (BackgroundExecutor.isCancellation(e)) {
            notice.set(title.replace("Could not", "Cancelled:") + " The open data and model are unchanged.");
            return;
        }
        LOG.log(Level.WARNING, title, e);
        errors.show(title, e);
    }

    /** Which ALS kernels run, for the status bar: "vector kernels" (the Vector API) or "scalar kernels". */
    public String kernels() {
        return VectorSupport.available() ? "vector kernels" : "scalar kernels";
    }

    /** The kernel path in a sentence, for its tooltip and the About box. */
    public static String kernelsDetail() {
        return "ALS kernels: " + VectorSupport.describe() + (VectorSupport.available()
                ? " (jdk.incubator.vector)" : "") + ".";
    }

    /** Refreshes the memory text (called every second or two by the view). */
    public void updateMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memory.set(String.format(Locale.ROOT, "Memory %,d of %,d MB", used >> 20, rt.maxMemory() >> 20));
    }

    public List<String> recent() {
        return prefs.recent();
    }

    /** How a recent file will be opened, for its menu item; empty when it will be detected again. */
    public String recentDescription(String path) {
        return prefs.importSettings(path).map(ImportSettings::describe).orElse("");
    }

    public StringBinding dataStatusBinding() {
        return dataStatus;
    }

    public StringBinding modelStatusBinding() {
        return modelStatus;
    }

    /** Where the model came from, its parameters and provenance, one fact a line (tooltip, About). */
    public StringBinding modelDetailsBinding() {
        return modelDetails;
    }

    public StringProperty memoryProperty() {
        return memory;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public AppState state() {
        return state;
    }

    /** The session kept across launches, and the question before an unsaved model is lost. */
    public SessionKeeper session() {
        return session;
    }

    public AppPrefs prefs() {
        return prefs;
    }

    public DataFiles files() {
        return files;
    }

    public BackgroundExecutor executor() {
        return executor;
    }
}
