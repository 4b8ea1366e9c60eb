package org.tastemap.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tastemap.app.session.AppLog;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.session.UncaughtErrors;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.app.task.FxDebouncer;

/** The desktop app. Started by {@link org.tastemap.Launcher} when it gets no arguments. */
public final class TastemapApp extends Application {
    @Override
    public void start(Stage stage) {
        AppLog.install();
        MainWindow window = new MainWindow(stage, new FxBackgroundExecutor(), new FxDebouncer(Duration.millis(600)),
                new IoDataFiles(), AppPrefs.system());
        // anything nothing else caught, on the FX thread or elsewhere: logged, shown as a sentence, app keeps running
        new UncaughtErrors(window.errors(), Platform::runLater, System::nanoTime).install();
        stage.show();
        org.tastemap.app.task.FxStallWatch.startIfRequested(200);
        window.main().startup();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
