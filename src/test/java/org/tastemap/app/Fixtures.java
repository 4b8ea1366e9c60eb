package org.tastemap.app;

import java.util.ArrayList;
import java.util.List;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;

/** Shared small fixtures for the app's tests: a few hundred users so each test takes seconds. */
public final class Fixtures {
    public static final int USERS = 300;
    public static final int ARTISTS = 240;
    private static LoadedData cached;

    private Fixtures() {
    }

    /** The loaded synthetic data (built once per test JVM; immutable). */
    public static synchronized LoadedData data() {
        if (cached == null) {
            cached = LoadedData.prepare(SyntheticListening.dataset(USERS, ARTISTS, 11L), "synthetic.tsv");
        }
        return cached;
    }

    public static AppState stateWithData() {
        AppState s = new AppState();
        s.setData(data());
        return s;
    }

    /** An error reporter that records what it was asked to show. */
    public static final class Errors implements ErrorReporter {
        public final List<String> shown = new ArrayList<>();
        /** The "what to do" of each dialog, in order. */
        public final List<String> hints = new ArrayList<>();

        @Override
        public void show(String title, String message, String whatToDo) {
            shown.add(title + ": " + message);
            hints.add(whatToDo);
        }
    }
}
