package org.tastemap.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.task.StallRecorder;
import org.tastemap.app.train.IterationPoint;

/**
 * The measurement behind "the UI thread while training" ({@code scripts/measure-ui-stalls.sh}), off
 * unless {@code -Dtastemap.uiBench=FILE}: the app opens FILE as a person's File > Open would (which
 * trains the quick model, k = 32), then trains k = 64 for {@code tastemap.uiBench.iterations}
 * (default 10). Meanwhile it shows the Artists screen and types artist names into its search box at
 * {@code tastemap.uiBench.keysPerSecond} (default 8) through the platform robot, so the keys come
 * back through the window system like a person's. It keeps typing {@code tastemap.uiBench.idleSeconds}
 * (default 10) after training ends, prints the training time per iteration, and exits; the stall
 * watch ({@code -Dtastemap.stallReport}) writes its summary on the way out.
 */
final class UiBench {
    private static final String[] WORDS = {"radiohead", "the beatles", "bjork", "massive attack", "coldplay", "portishead"};

    private UiBench() {
    }

    static void startIfRequested(Stage stage, MainWindow window, StallRecorder stalls) {
        String file = System.getProperty("tastemap.uiBench", "");
        if (file.isBlank()) {
            return;
        }
        String source = Path.of(file).toString();
        AtomicBoolean typing = new AtomicBoolean();
        long[] t0 = new long[1];
        window.state().dataProperty().addListener((o, was, now) -> {
            if (now != null && source.equals(now.source()) && !typing.get()) {
                System.err.printf(Locale.ROOT, "tastemap-uibench data open: %,d users, %,d artists, at %.1f s of uptime%n", now.users(),
                        now.artists(), java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                if (stalls != null) {
                    // start-up (first layouts, JIT) is not what this measures
                    stalls.reset();
                }
                window.show(MainWindow.Screen.ARTISTS);
                var search = stage.getScene().lookup("#artist-search");
                if (search != null) {
                    search.requestFocus();
                }
                typing.set(true);
            }
        });
        // the robot and the typist are made now, before the data opens: the bench's own first-use code
        // (making the robot, linking the typist's lambdas) is not the app's, and stalled the FX thread
        // for 117 ms right after the watch was reset (session 8)
        startTyping(typing);
        AtomicInteger runs = new AtomicInteger();
        window.train().runningProperty().addListener((o, was, now) -> {
            if (!typing.get()) {
                return;
            }
            if (now) {
                t0[0] = System.nanoTime();
                System.err.println("tastemap-uibench training started: k=" + window.train().params().factors()
                        + ", window focused: " + stage.isFocused());
                return;
            }
            double s = (System.nanoTime() - t0[0]) / 1e9;
            var points = window.train().points();
            StringBuilder per = new StringBuilder();
            for (IterationPoint p : points) {
                per.append(String.format(Locale.ROOT, " %.2f", p.seconds()));
            }
            System.err.printf(Locale.ROOT, "tastemap-uibench trained k=%d, %d iterations in %.1f s (%.2f s/iteration, threads %d, priority %d); training seconds of each:%s%n",
                    window.train().params().factors(), points.size(), s, s / Math.max(1, points.size()),
                    window.train().params().effectiveThreads(), org.tastemap.app.task.FxBackgroundExecutor.workerPriority(), per);
            if (runs.incrementAndGet() == 1) {
                // after the quick model the app trains on open, a full-size one as a person would start it
                window.train().factorsProperty().set(64);
                window.train().iterationsProperty().set(Integer.getInteger("tastemap.uiBench.iterations", 10));
                Platform.runLater(window.train()::train);
                return;
            }
            long idle = Long.getLong("tastemap.uiBench.idleSeconds", 10);
            Thread exit = new Thread(() -> {
                sleep(idle * 1000);
                System.err.println("tastemap-uibench search box: " + window.artists().queryProperty().get());
                System.exit(0);
            }, "tastemap-uibench-exit");
            exit.setDaemon(true);
            exit.start();
        });
        Platform.runLater(() -> window.main().openDataFile(Path.of(file)));
    }

    private static void startTyping(AtomicBoolean typing) {
        long gapMillis = Math.round(1000.0 / Double.parseDouble(System.getProperty("tastemap.uiBench.keysPerSecond", "8")));
        Robot robot = new Robot();
        Thread t = new Thread(() -> {
            while (!typing.get()) {
                sleep(20);
            }
            int word = 0;
            while (typing.get()) {
                String w = WORDS[word++ % WORDS.length];
                // type the word, then erase it, one key per gap
                for (int i = 0; i < 2 * w.length(); i++) {
                    char c = i < w.length() ? w.charAt(i) : 0;
                    Platform.runLater(() -> robot.keyType(c == 0 ? KeyCode.BACK_SPACE
                            : c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)))));
                    sleep(gapMillis);
                }
            }
        }, "tastemap-uibench-typist");
        t.setDaemon(true);
        t.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
