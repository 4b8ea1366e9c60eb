package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.app.users.PlayRow;
import org.tastemap.app.users.UsersViewModel;

/** A model saved with File > Save model and reopened in a later session recommends exactly the same. */
class SavedModelTest {
    private static final int[] USERS = {0, 1, 7, 42, 99, 150, 233, Fixtures.USERS - 1};

    @TempDir
    Path dir;

    private record Session(AppState state, MainViewModel main, UsersViewModel users, Fixtures.Errors errors) {
    }

    private static Session session(AppState state, AppPrefs prefs) {
        SameThreadExecutor ex = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, ex, new Debouncer.Manual(), errors);
        train.factorsProperty().set(16);
        train.iterationsProperty().set(6);
        return new Session(state, new MainViewModel(state, ex, new IoDataFiles(), prefs, errors, train),
                new UsersViewModel(state, ex, errors), errors);
    }

    /** The top 10 of the Users screen's recommendations for each user. */
    private static List<List<PlayRow>> top10(UsersViewModel users) {
        List<List<PlayRow>> out = new ArrayList<>();
        for (int u : USERS) {
            users.open(u);
            out.add(List.copyOf(users.recommendations().subList(0, 10)));
        }
        return out;
    }

    @Test
    void aReopenedModelRecommendsTheSameArtistsWithTheSameScores() throws Exception {
        AppPrefs prefs = AppPrefs.inMemory();
        AppState trainedState = Fixtures.stateWithData();
        Session before = session(trainedState, prefs);
        TrainViewModel train = new TrainViewModel(trainedState, new SameThreadExecutor(), new Debouncer.Manual(), before.errors());
        train.factorsProperty().set(16);
        train.iterationsProperty().set(6);
        train.train();
        assertNotNull(trainedState.model());
        List<List<PlayRow>> expected = top10(before.users());

        Path file = dir.resolve("model.tastemap");
        before.main().saveModel(file);
        assertTrue(Files.size(file) > 0, before.errors().shown.toString());
        assertEquals(file.toString(), prefs.get("lastModel", ""));

        // a later launch: nothing in memory but the preferences; startup reopens the saved model
        Session after = session(new AppState(), prefs);
        after.main().startup();
        assertNotNull(after.state().model(), after.errors().shown.toString());
        assertEquals(16, after.state().model().factors());
        assertEquals(6, after.state().model().iterations());
        List<List<PlayRow>> actual = top10(after.users());

        for (int q = 0; q < USERS.length; q++) {
            for (int r = 0; r < 10; r++) {
                PlayRow e = expected.get(q).get(r);
                PlayRow a = actual.get(q).get(r);
                String where = "user " + USERS[q] + ", rank " + (r + 1);
                assertEquals(e.artist(), a.artist(), where);
                assertEquals(e.name(), a.name(), where);
                // exactly: the factors are stored as the same float bits, and scoring is deterministic
                assertEquals(Double.doubleToLongBits(e.value()), Double.doubleToLongBits(a.value()), where);
            }
        }
        assertTrue(before.errors().shown.isEmpty() && after.errors().shown.isEmpty());
    }

    @Test
    void aFirstLaunchOpensTheSampleWithItsBundledModel() {
        // no preferences yet (a first launch, run from the project folder): the sample data and the small model
        // made from it (sample-data/README.md) open together, without training, so the window is usable at once
        AppPrefs prefs = AppPrefs.inMemory();
        Session first = session(new AppState(), prefs);
        first.main().startup();
        assertTrue(first.errors().shown.isEmpty(), first.errors().shown.toString());
        assertNotNull(first.state().data());
        assertNotNull(first.state().model());
        assertEquals(3000, first.state().data().users());
        assertEquals(32, first.state().model().factors());
        assertEquals(10, first.state().model().iterations());
        assertEquals(Path.of(SampleData.RELATIVE).toAbsolutePath().toString(), first.state().data().source());
        assertTrue(first.main().noticeProperty().get().contains("sample"), first.main().noticeProperty().get());
        // and the next launch reopens it from the preferences
        assertEquals(Path.of(SampleData.MODEL).toAbsolutePath().toString(), prefs.get("lastModel", ""));
    }
}
