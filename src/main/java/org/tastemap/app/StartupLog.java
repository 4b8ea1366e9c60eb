package org.tastemap.app;

import java.time.Instant;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.tastemap.app.session.AppState;

/**
 * With {@code -Dtastemap.startupLog=true} (or {@code -Dtastemap.exitWhenReady=true}), prints to standard error when the main window is first
 * shown, when the first data set is open and when the first model is ready: milliseconds since this
 * JVM started and, when the {@link org.tastemap.Launcher} re-executed Java, since the launching JVM
 * started, the CPU time this JVM has used on all its threads (which, unlike the wall-clock times, hardly
 * depends on what else the machine runs), plus the wall-clock time so a script can measure from its own
 * start ({@code scripts/measure-startup.sh}).
 *
 * <p>{@code -Dtastemap.exitWhenReady=true} is the packaged app's smoke test ({@code .ci/run}): the
 * real main window opens, loads its data and model as a person's launch would, and the process exits
 * with 0 once the window is shown and the model is ready; with 1 as soon as the app would show an
 * error dialog; with 3 when it is not ready within {@code tastemap.exitTimeout} seconds (default 180).
 */
public final class StartupLog {
    static final String PROPERTY = "tastemap.startupLog";
    static final String EXIT_PROPERTY = "tastemap.exitWhenReady";
    private static volatile boolean shown;
    private static volatile boolean modelReady;

    private StartupLog() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY) || exitWhenReady();
    }

    static boolean exitWhenReady() {
        return Boolean.getBoolean(EXIT_PROPERTY);
    }

    /** In the smoke test, an error the app would show in a dialog fails the run (exit code 1); otherwise nothing. */
    public static void errorShown(String title, String message) {
        if (exitWhenReady()) {
            System.err.println("tastemap-startup error: " + title + ": " + message);
            System.exit(1);
        }
    }

    static void watch(Stage stage, AppState state) {
        if (exitWhenReady()) {
            long timeout = Long.getLong("tastemap.exitTimeout", 180);
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeout * 1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("tastemap-startup timeout: not ready after " + timeout + " s (window shown: " + shown
                        + ", model ready: " + modelReady + ")");
                System.exit(3);
            }, "tastemap-smoke-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                print("window-shown");
                shown = true;
                exitIfReady(stage, state);
            }
        });
        once(state.dataProperty(), "data-loaded");
        once(state.modelProperty(), "model-ready");
        state.modelProperty().addListener((o, before, now) -> {
            if (now != null) {
                modelReady = true;
                exitIfReady(stage, state);
            }
        });
    }

    private static void exitIfReady(Stage stage, AppState state) {
        if (!exitWhenReady() || !shown || !modelReady) {
            return;
        }
        // one more pulse, so the screens have laid out the new model before the window closes
        javafx.application.Platform.runLater(() -> {
            var m = state.model();
            var d = state.data();
            System.err.printf(Locale.ROOT, "tastemap-startup ready: window %.0fx%.0f \"%s\", data %s (%,d users, %,d artists), model k=%d after %d iterations%n",
                    stage.getWidth(), stage.getHeight(), stage.getTitle(), d == null ? "-" : d.source(), d == null ? 0 : d.users(),
                    d == null ? 0 : d.artists(), m.factors(), m.iterations());
            System.exit(d != null && stage.isShowing() ? 0 : 1);
        });
    }

    /** Prints {@code event} the first time {@code value} becomes true. */
    static void whenTrue(ObservableValue<Boolean> value, String event) {
        if (Boolean.TRUE.equals(value.getValue())) {
            print(event);
            return;
        }
        value.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean before, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    value.removeListener(this);
                    print(event);
                }
            }
        });
    }

    private static <T> void once(ObservableValue<T> value, String event) {
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T before, T now) {
                if (now != null) {
                    value.removeListener(this);
                    print(event);
                }
            }
        });
    }

    private static void print(String event) {
        long now = System.currentTimeMillis();
        long jvm = now - start(ProcessHandle.current());
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        String line = String.format(Locale.ROOT, "tastemap-startup %s jvm=%d ms cpu=%d ms", event, jvm, cpu);
        if (Boolean.getBoolean("tastemap.relaunched")) {
            long launcher = ProcessHandle.current().parent().map(p -> now - start(p)).orElse(-1L);
            line += String.format(Locale.ROOT, " launcher=%d ms", launcher);
        }
        System.err.println(line + " epochMs=" + now);
    }

    private static long start(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    }
}
