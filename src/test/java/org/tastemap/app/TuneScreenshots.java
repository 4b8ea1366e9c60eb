package org.tastemap.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.app.task.FxDebouncer;

/**
 * Not a test: takes the README's screenshots of the Train screen with a finished tune, in a real
 * window. Opens the bundled sample (as File > Open does), starts a tune from the "Tune for this data"
 * strip's action, then shoots the screen at 1024 x 640 and 1400 x 900, light and dark, with the
 * tooltip of the best cell showing, through ImageMagick's {@code import -window root}. With
 * {@code -Dtastemap.stallReport=FILE} the FX thread's stall watch runs too, and its report splits the
 * waits made while the tune ran ("training") from the others.
 *
 * <pre>
 * Xvfb :95 -screen 0 1400x900x24 &amp;
 * DISPLAY=:95 java -cp target/classes:target/test-classes:$(cat cp.txt) org.tastemap.app.TuneScreenshots OUT_DIR [FILE [BUDGET]]
 * </pre>
 */
public final class TuneScreenshots {
    private static Path out;
    private static Path input = Path.of("sample-data/lastfm-sample.tsv.gz");
    private static int budget = 60;

    private TuneScreenshots() {
    }

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : ".");
        if (args.length > 1) {
            input = Path.of(args[1]);
        }
        if (args.length > 2) {
            budget = Integer.parseInt(args[2]);
        }
        // launched from a class that is not the Application, so that JavaFX on the class path starts
        Application.launch(Shots.class, args);
    }

    /** The window. */
    public static final class Shots extends Application {
        @Override
        public void start(Stage stage) {
            TuneScreenshots.start(stage);
        }
    }

    private static void start(Stage stage) {
        AppPrefs prefs = AppPrefs.inMemory();
        prefs.put("window.x", "0");
        prefs.put("window.y", "0");
        prefs.put("window.w", "1400");
        prefs.put("window.h", "900");
        prefs.put("sessionDir", out.resolve("session").toString());
        MainWindow w = new MainWindow(stage, new FxBackgroundExecutor(), new FxDebouncer(Duration.millis(600)), new IoDataFiles(), prefs);
        stage.show();
        java.util.concurrent.atomic.AtomicBoolean tuning = new java.util.concurrent.atomic.AtomicBoolean();
        w.train().tune().runningProperty().addListener((o, a, b) -> tuning.set(b));
        org.tastemap.app.task.FxStallWatch.startIfRequested(100, tuning::get);
        Thread t = new Thread(() -> run(stage, w), "screenshots");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Stage stage, MainWindow w) {
        try {
            fx(() -> w.main().openDataFile(input));
            waitFor(() -> w.state().model() != null && !w.train().runningProperty().get() && w.train().tune().offeredProperty().get());
            shoot(stage, w, 1400, 900, false, "offer");
            long t0 = System.nanoTime();
            fx(() -> {
                w.show(MainWindow.Screen.TRAIN);
                w.trainView().showTune();
                w.train().tune().budgetProperty().set(budget);
                w.train().tune().start();
            });
            // live: the running cell outlined while the grid fills
            waitFor(() -> w.train().tune().mapProperty().get() != null && w.train().tune().mapProperty().get().results().size() >= 10);
            shoot(stage, w, 1400, 900, false, "running");
            waitFor(() -> !w.train().tune().runningProperty().get());
            System.out.printf("tune on the sample in the app: %.1f s; %s; %s%n", (System.nanoTime() - t0) / 1e9,
                    call(() -> w.train().tune().progressTextProperty().get()), call(() -> w.train().tune().messageProperty().get()));
            for (boolean dark : new boolean[] {false, true}) {
                for (int[] size : new int[][] {{1024, 640}, {1400, 900}}) {
                    shoot(stage, w, size[0], size[1], dark, null);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static void shoot(Stage stage, MainWindow w, int width, int height, boolean dark, String name) throws Exception {
        fx(() -> {
            Theme.darkProperty().set(dark);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Thread.sleep(1500);
        if (name == null) {
            // hover the best cell so its tooltip shows
            fx(() -> {
                var map = w.train().tune().mapProperty().get();
                var best = map.best();
                var heat = w.trainView().tuneHeatmap();
                var p = heat.localToScreen(heat.cellCentre(Math.max(0, best.candidate().alphaCell()), Math.max(0, best.candidate().lambdaCell())));
                new javafx.scene.robot.Robot().mouseMove(p.getX(), p.getY());
            });
            Thread.sleep(1500);
        }
        String file = out.resolve("train-" + (name == null ? "tune" : name) + "-" + width + "x" + height + (dark ? "-dark" : "-light") + ".png").toString();
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0", file).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("wrote " + file + (Files.exists(Path.of(file)) ? "" : " (missing)"));
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        f.get(30, TimeUnit.SECONDS);
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
