package org.tastemap.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.SyntheticLastFm;

/**
 * Shared small fixtures for the app's tests: a few hundred users so each test takes seconds. The data
 * is the product's own Last.fm generator ({@link SyntheticLastFm}), imported as a user would.
 */
public final class Fixtures {
    public static final int USERS = 300;
    public static final int ARTISTS = 240;
    private static LoadedData cached;

    private Fixtures() {
    }

    /** The loaded synthetic data (built once per test JVM; immutable). */
    public static synchronized LoadedData data() {
        if (cached == null) {
            try {
                Path dir = Files.createTempDirectory("tastemap-fixtures");
                Path file = lastFmFile(dir.resolve("synthetic.tsv"), USERS, ARTISTS, 11L);
                cached = LoadedData.prepare(Importer.importFile(file, ImportOptions.lastFm()).dataset(), "synthetic.tsv");
                Files.delete(file);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }

    /** Writes generated listening data as a Last.fm 360K file (gzip when the name ends with .gz) and returns it. */
    public static Path lastFmFile(Path file, int users, int artists, long seed) throws IOException {
        SyntheticLastFm.create(users, artists, seed).write(file);
        return file;
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
