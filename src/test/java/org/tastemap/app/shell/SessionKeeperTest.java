package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.RecordingFiles;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.session.SessionFile;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.IterationPoint;
import org.tastemap.app.train.RunRecord;
import org.tastemap.app.train.TrainViewModel;

class SessionKeeperTest {
    @TempDir
    Path dir;
    private AppPrefs prefs;
    private final List<String> asked = new ArrayList<>();

    /** One launch of the app's logic over the same preferences (and so the same session folder). */
    private record Launch(AppState state, TrainViewModel train, MainViewModel main, Debouncer.Manual debouncer) {
    }

    private Launch launch(AppState state) {
        SameThreadExecutor ex = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        Debouncer.Manual debouncer = new Debouncer.Manual();
        TrainViewModel train = new TrainViewModel(state, ex, debouncer, errors);
        return new Launch(state, train, new MainViewModel(state, ex, new RecordingFiles(), prefs, errors, train), debouncer);
    }

    private SessionKeeper.Question answering(SessionKeeper.Answer a) {
        return (title, text) -> {
            asked.add(title + " " + text);
            return a;
        };
    }

    @BeforeEach
    void setUp() {
        prefs = AppPrefs.inMemory();
        prefs.put("sessionDir", dir.resolve("session").toString());
    }

    /** Trains a held-out model, retrains it warm, and leaves the controls different from the model (Use without retraining). */
    private Launch workedOn() {
        Launch a = launch(Fixtures.stateWithData());
        a.train().factorsProperty().set(8);
        a.train().iterationsProperty().set(4);
        a.train().alphaProperty().set(3.0);
        a.train().train();
        a.train().alphaProperty().set(9.0);
        a.debouncer().fire();
        a.train().autoRetrainProperty().set(false);
        a.train().use(a.train().history().get(1));
        assertTrue(a.train().settingsDifferBinding().get());
        assertTrue(a.main().session().unsavedProperty().get());
        return a;
    }

    @Test
    void savingOnQuitReopensTheModelItsHistoryAndTheSettingsAsTheyWere() {
        Launch a = workedOn();
        boolean[] closed = {false};
        a.main().session().quit(answering(SessionKeeper.Answer.SAVE), () -> closed[0] = true);
        assertTrue(closed[0], "the window closes once the session is written");
        assertEquals(1, asked.size(), "an unsaved trained model is asked about");
        assertTrue(Files.isRegularFile(dir.resolve("session").resolve(SessionFile.MODEL)));
        assertFalse(a.main().session().unsavedProperty().get());

        Launch b = launch(new AppState());
        b.main().startup();
        ModelState before = a.state().model();
        ModelState after = b.state().model();
        assertNotNull(after, "the next launch reopens the model");
        assertArrayEquals(before.trained().factors().userFactors(), after.trained().factors().userFactors());
        assertArrayEquals(before.trained().factors().itemFactors(), after.trained().factors().itemFactors());
        assertEquals(before.iterations(), after.iterations());
        assertTrue(after.heldOut(), "a held-out model stays held out: its metrics stay honest");
        assertEquals(before.trained().dataset().matrix().nnz(), after.trained().dataset().matrix().nnz(),
                "it answers about every row, as before");
        assertEquals(before.trained().metadata(), after.trained().metadata(), "and says it learned from the split");
        assertEquals(a.state().data().source(), b.state().data().source());
        assertEquals(a.state().data().rows(), b.state().data().rows());
        // the numbers the status bar shows come back (measured again: the same model on the same split)
        assertEquals(before.metrics().mapAtK(), after.metrics().mapAtK(), 1e-12);
        assertEquals(before.loss(), after.loss(), Math.abs(before.loss()) * 1e-6);
        assertEquals(a.train().history().size(), b.train().history().size());
        for (int q = 0; q < a.train().history().size(); q++) {
            RunRecord x = a.train().history().get(q);
            RunRecord y = b.train().history().get(q);
            assertEquals(x.describe(), y.describe());
            assertEquals(List.of(x.number(), x.warm(), x.iterations(), x.loss(), x.map(), x.seconds(), x.ending()),
                    List.of(y.number(), y.warm(), y.iterations(), y.loss(), y.map(), y.seconds(), y.ending()));
        }
        assertEquals(List.copyOf(a.train().points()), List.copyOf(b.train().points()), "the chart is as it was");
        assertEquals(a.train().params().alpha(), b.train().params().alpha());
        assertEquals(a.train().params().factors(), b.train().params().factors());
        assertFalse(b.train().autoRetrainProperty().get());
        assertTrue(b.train().settingsDifferBinding().get(), "the settings still differ from the model, as they did");
        assertFalse(b.main().session().unsavedProperty().get(), "the reopened model is saved");
    }

    @Test
    void cancelKeepsTheAppOpenAndDiscardLeavesNoModelToReopen() throws Exception {
        Launch a = workedOn();
        boolean[] closed = {false};
        a.main().session().quit(answering(SessionKeeper.Answer.CANCEL), () -> closed[0] = true);
        assertFalse(closed[0]);
        assertFalse(Files.exists(dir.resolve("session").resolve(SessionFile.NAME)), "nothing written");
        a.main().session().quit(answering(SessionKeeper.Answer.DISCARD), () -> closed[0] = true);
        assertTrue(closed[0]);
        assertFalse(Files.exists(dir.resolve("session").resolve(SessionFile.MODEL)));
        SessionFile written = SessionFile.read(dir.resolve("session")).orElseThrow();
        assertEquals("", written.modelFile(), "a discarded model is not in the session");
        assertEquals(a.state().data().source(), written.dataSource(), "the dataset reference is");
        assertTrue(written.runs().isEmpty());
        Launch b = launch(new AppState());
        b.main().startup();
        // the next launch starts as without a session (the last dataset, or the sample): never the discarded model
        assertTrue(b.state().model() == null || b.state().model().factors() != 8, "the discarded model is gone");
    }

    @Test
    void importingOverAnUnsavedModelAsksAndSaveWritesItFirst() {
        Launch a = workedOn();
        Path file = dir.resolve("kept.tsm");
        boolean[] went = {false};
        a.main().session().beforeReplacing(answering(SessionKeeper.Answer.SAVE), () -> file, a.main(), () -> went[0] = true);
        assertTrue(went[0]);
        assertTrue(Files.isRegularFile(file));
        assertFalse(a.main().session().unsavedProperty().get());
        asked.clear();
        a.main().session().beforeReplacing(answering(SessionKeeper.Answer.CANCEL), () -> file, a.main(), () -> { });
        assertTrue(asked.isEmpty(), "a saved model is not asked about");
    }

    @Test
    void theSessionFileReadsBackWhatWasWritten() throws Exception {
        var params = org.tastemap.core.model.AlsParams.defaults().withFactors(12).withIterations(7).withAlpha(0.1 + 0.2).withLambda(1e-3);
        SessionFile s = new SessionFile("/data/x y.tsv", "a=b;c", "/m/model.tsm", true, params, false, true,
                List.of(new SessionFile.Run(2, params, true, 5, 1234.5678, Double.NaN, 0.25, "CONVERGED")),
                List.of(new double[] {5, 1.5, 0.3, 0.2, 0.1, 0.4}));
        s.write(dir);
        SessionFile r = SessionFile.read(dir).orElseThrow();
        assertEquals(List.of(s.dataSource(), s.importSettings(), s.modelFile(), s.modelHeldOut(), s.heldOutOn(), s.autoRetrain()),
                List.of(r.dataSource(), r.importSettings(), r.modelFile(), r.modelHeldOut(), r.heldOutOn(), r.autoRetrain()));
        assertEquals(0.1 + 0.2, r.controls().alpha(), "doubles read back exactly");
        assertEquals(s.runs(), r.runs());
        assertArrayEquals(s.points().get(0), r.points().get(0));
        assertTrue(SessionFile.read(dir.resolve("none")).isEmpty());
        String good = Files.readString(dir.resolve(SessionFile.NAME));
        Files.writeString(dir.resolve(SessionFile.NAME), good.replaceAll("(?m)^run\\.0=.*$", "run.0=x"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SessionFile.read(dir));
        assertTrue(e.getMessage().contains(SessionFile.NAME) && e.getMessage().contains("run.0"), e.getMessage());
    }
}
