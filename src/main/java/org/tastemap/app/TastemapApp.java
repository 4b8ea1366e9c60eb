package org.tastemap.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tastemap.app.session.AppLog;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.session.UncaughtErrors;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.shell.UiWarmup;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.app.task.FxDebouncer;
import org.tastemap.app.task.FxStallWatch;
import org.tastemap.app.task.InputWatch;
import org.tastemap.app.task.StallRecorder;

/** The desktop app. Started by {@link org.tastemap.Launcher} when it gets no arguments. */
public final class TastemapApp extends Application {
    /** Window icon sizes, rendered from assets/icon/tastemap.svg; the window manager picks the best fit. */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};
    /** Whether a model is training now, for the stall watch's thread. */
    private static final AtomicBoolean TRAINING = new AtomicBoolean();

    @Override
    public void start(Stage stage) {
        AppLog.install();
        MainWindow window = new MainWindow(stage, new FxBackgroundExecutor(), new FxDebouncer(Duration.millis(600)),
                new IoDataFiles(), AppPrefs.system());
        // anything nothing else caught, on the FX thread or elsewhere: logged, shown as a sentence, app keeps running
        new UncaughtErrors(window.errors(), Platform::runLater, System::nanoTime).install();
        for (int size : ICON_SIZES) {
            var png = TastemapApp.class.getResource("icons/tastemap-" + size + ".png");
            if (png != null) {
                stage.getIcons().add(new Image(png.toExternalForm()));
            }
        }
        if (StartupLog.enabled()) {
            StartupLog.watch(stage, window.main().state());
        }
        stage.show();
        // the promise is 100 ms; the summary splits the checks made while a model trains from the others
        StallRecorder stalls = FxStallWatch.startIfRequested(100, TRAINING::get);
        window.train().runningProperty().addListener((o, was, now) -> TRAINING.set(now));
        UiBench.startIfRequested(stage, window, stalls);
        // -Dtastemap.yieldToInput=true: while a person types or clicks, training works with one thread fewer
        InputWatch input = InputWatch.install(stage.getScene(), stage.focusedProperty());
        window.train().setWorkerLimit(input::workers);
        window.main().startup();
        // first-use layout and styling while idle, not on the first keystroke during training
        UiWarmup warmup = new UiWarmup(stage.getScene().getStylesheets(), Platform::runLater,
                List.of(window.artistsView()::warmUp, window.usersView()::warmUp));
        if (StartupLog.enabled()) {
            // scripts/update-classlist.sh waits for it: the class-data archive then holds the warm-up's classes too
            StartupLog.whenTrue(warmup.doneProperty(), "warm-up-done");
        }
        warmup.startWhenIdle(window.state(), Duration.seconds(3));
    }

    public static void main(String[] args) {
        launch(args);
    }
}
