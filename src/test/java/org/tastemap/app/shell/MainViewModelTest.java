package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.RecordingFiles;
import org.tastemap.app.data.DataViewModel;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.Activity;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.Job;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.task.Work;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.core.linalg.VectorSupport;

class MainViewModelTest {
    @TempDir
    Path dir;
    private AppState state;
    private Fixtures.Errors errors;
    private RecordingFiles files;
    private TrainViewModel train;
    private MainViewModel main;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        errors = new Fixtures.Errors();
        files = new RecordingFiles();
        SameThreadExecutor ex = new SameThreadExecutor();
        train = new TrainViewModel(state, ex, new Debouncer.Manual(), errors);
        train.factorsProperty().set(8);
        train.iterationsProperty().set(3);
        train.train();
        main = new MainViewModel(state, ex, files, AppPrefs.inMemory(), errors, train);
    }

    @Test
    void runningOutOfMemoryWhileImportingKeepsTheOpenDataAndModelAndSaysWhatToDo() throws Exception {
        LoadedData data = state.data();
        ModelState model = state.model();
        assertNotNull(model);
        files.failImportWith = new OutOfMemoryError("Java heap space");
        main.openDataFile(Fixtures.lastFmFile(dir.resolve("big.tsv"), 50, 40, 1L));
        assertSame(data, state.data(), "the previous data is kept");
        assertSame(model, state.model(), "the previous model is kept");
        assertEquals(1, errors.shown.size());
        assertTrue(errors.shown.get(0).contains("ran out of memory"), errors.shown.get(0));
        String hint = errors.hints.get(0);
        assertTrue(hint.contains("smaller dataset") && hint.contains("more memory") && hint.contains("-Xmx"), hint);
        assertTrue(hint.contains("kept"), hint);
    }

    /** An executor whose every job fails with {@code error}, as FxBackgroundExecutor reports an Error thrown by the work. */
    private static BackgroundExecutor failingWith(Throwable error) {
        ObservableList<Activity> none = FXCollections.observableArrayList();
        return new BackgroundExecutor() {
            @Override
            public <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                onFailure.accept(error);
                return Job.DONE;
            }

            @Override
            public ObservableList<Activity> activities() {
                return none;
            }
        };
    }

    @Test
    void runningOutOfMemoryWhileTrainingKeepsThePreviousModel() {
        ModelState model = state.model();
        TrainViewModel failing = new TrainViewModel(state, failingWith(new OutOfMemoryError("Java heap space")),
                new Debouncer.Manual(), errors);
        failing.factorsProperty().set(512);
        failing.train();
        assertSame(model, state.model());
        assertFalse(failing.runningProperty().get());
        assertTrue(failing.messageProperty().get().contains("previous model is kept"));
        assertEquals(org.tastemap.app.train.RunRecord.Ending.FAILED, failing.history().get(0).ending(),
                "the run history says the run failed");
        assertTrue(errors.hints.get(0).contains("smaller dataset"), errors.hints.get(0));
    }

    @Test
    void runningOutOfMemoryInTheStatisticsIsShownWithTheSameAdvice() {
        new DataViewModel(state, failingWith(new OutOfMemoryError()), errors);
        state.setData(Fixtures.data());
        state.setData(null);
        state.setData(Fixtures.data());
        assertFalse(errors.hints.isEmpty());
        assertTrue(errors.hints.get(0).contains("smaller dataset"), errors.hints.get(0));
    }

    @Test
    void theStatusBarAndAboutSayWhichKernelsRun() {
        // the tests run with --add-modules jdk.incubator.vector (see the pom)
        assertTrue(VectorSupport.available());
        assertEquals("vector kernels", main.kernels());
        assertTrue(MainViewModel.kernelsDetail().contains(VectorSupport.describe()), MainViewModel.kernelsDetail());
        assertTrue(AboutDialog.runtime().contains(VectorSupport.describe()), AboutDialog.runtime());
    }
}
