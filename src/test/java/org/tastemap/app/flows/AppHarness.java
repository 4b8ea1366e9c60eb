package org.tastemap.app.flows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.testfx.util.WaitForAsyncUtils;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.app.task.FxDebouncer;

/** Builds the real main window (background pool, real debounce, real io) over a small generated file. */
final class AppHarness {
    private static Path file;

    private AppHarness() {
    }

    static MainWindow start(Stage stage) {
        return start(stage, testPrefs());
    }

    /** In-memory preferences for a test window; the session folder is a fresh temporary folder, never the user's. */
    static AppPrefs testPrefs() {
        AppPrefs prefs = AppPrefs.inMemory();
        try {
            // a folder of its own, so that what lives beside the session (the map cache's "maps") stays in it
            Path root = Files.createTempDirectory("tastemap-session-test");
            root.toFile().deleteOnExit();
            prefs.put("sessionDir", root.resolve("session").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return prefs;
    }

    static MainWindow start(Stage stage, AppPrefs prefs) {
        // Monocle's headless screen is 1280 x 800: the window must fit inside it
        return open(stage, prefs, 1200, 760, true);
    }

    /** The window at the smallest supported size, 1024 x 640, with the first launch's "What to try" card shown. */
    static MainWindow startSmall(Stage stage) {
        return open(stage, testPrefs(), 1024, 640, false);
    }

    private static MainWindow open(Stage stage, AppPrefs prefs, int width, int height, boolean whatToTryDismissed) {
        prefs.put("window.w", Integer.toString(width));
        prefs.put("window.h", Integer.toString(height));
        prefs.put("window.x", "0");
        prefs.put("window.y", "0");
        prefs.put("whatToTryDismissed", Boolean.toString(whatToTryDismissed));
        MainWindow w = new MainWindow(stage, new FxBackgroundExecutor(), new FxDebouncer(Duration.millis(600)),
                new IoDataFiles(), prefs);
        stage.show();
        return w;
    }

    /** A Last.fm file of a few hundred users, written once per JVM. */
    static synchronized Path sampleFile() throws IOException {
        if (file == null) {
            Path dir = Files.createTempDirectory("tastemap-ui-test");
            file = Fixtures.lastFmFile(dir.resolve("listening.tsv.gz"), Fixtures.USERS, Fixtures.ARTISTS, 5L);
            dir.toFile().deleteOnExit();
        }
        return file;
    }

    /** Opens the sample file and waits for the data and the quick model. */
    static void loadWithModel(MainWindow w) throws Exception {
        Path f = sampleFile();
        Platform.runLater(() -> w.main().openDataFile(f));
        waitUntil(() -> w.state().model() != null && !w.train().runningProperty().get());
    }

    /** Polls {@code condition} on the FX thread until it holds (60 s at most). */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
