package org.tastemap.app;

import java.time.Instant;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.tastemap.app.session.AppState;

/**
 * With {@code -Dtastemap.startupLog=true}, prints to standard error when the main window is first
 * shown, when the first data set is open and when the first model is ready: milliseconds since this
 * JVM started and, when the {@link org.tastemap.Launcher} re-executed Java, since the launching JVM
 * started, the CPU time this JVM has used on all its threads (which, unlike the wall-clock times, hardly
 * depends on what else the machine runs), plus the wall-clock time so a script can measure from its own
 * start ({@code scripts/measure-startup.sh}).
 */
final class StartupLog {
    static final String PROPERTY = "tastemap.startupLog";

    private StartupLog() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void watch(Stage stage, AppState state) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                print("window-shown");
            }
        });
        once(state.dataProperty(), "data-loaded");
        once(state.modelProperty(), "model-ready");
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
