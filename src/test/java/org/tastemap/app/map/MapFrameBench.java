package org.tastemap.app.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tastemap.app.Theme;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.SyntheticLastFm;

/**
 * Frame times of the Map screen with {@code -Dbench.points} (default 20,000) points in a real window:
 * every frame zooms around a moving cursor and pans, as a wheel and a drag would, for
 * {@code -Dbench.frames} frames (default 600); prints the pulse-to-pulse intervals (median, 95th
 * percentile, worst) and the canvas's own drawing time per frame. The points are 16 Gaussian clumps
 * (a t-SNE map's look) over generated data with that many artists. Run on a display (Xvfb works):
 * {@code java -cp ... org.tastemap.app.map.MapFrameBench$Main}.
 */
public final class MapFrameBench extends Application {
    /** Starts the bench from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            launch(MapFrameBench.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        int n = Integer.getInteger("bench.points", 20_000);
        int frames = Integer.getInteger("bench.frames", 600);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("map-bench", ".tsv");
        SyntheticLastFm.create(Math.max(2000, n / 4), n, 7).write(file);
        LoadedData d = LoadedData.prepare(Importer.importFile(file, ImportOptions.lastFm()).dataset(), file.toString());
        java.nio.file.Files.delete(file);
        AppState state = new AppState();
        state.setData(d);
        int items = d.artists();
        FactorModel f = new FactorModel(2, d.users(), items, new float[d.users() * 2], new float[items * 2], AlsParams.defaults(), 1);
        MapLayouts clumps = new MapLayouts() {
            @Override
            public MapPoints layout(TrainedModel model, int[] listeners, Request r, Progress p, BooleanSupplier cancel) {
                SplittableRandom rnd = new SplittableRandom(1);
                int m = Math.min(n, items);
                int[] artists = new int[m];
                float[] x = new float[m];
                float[] y = new float[m];
                int[] c = new int[m];
                for (int q = 0; q < m; q++) {
                    artists[q] = q;
                    c[q] = q % 16;
                    x[q] = (float) (Math.cos(c[q] * 0.39) * (20 + c[q] * 3) + rnd.nextGaussian() * 4);
                    y[q] = (float) (Math.sin(c[q] * 0.39) * (20 + c[q] * 3) + rnd.nextGaussian() * 4);
                }
                return new MapPoints(artists, x, y, c, 16, "bench", true);
            }

            @Override
            public int[] clusters(TrainedModel model, int[] artists, int k, long seed, BooleanSupplier cancel) {
                return new int[artists.length];
            }
        };
        MapViewModel vm = new MapViewModel(state, new FxBackgroundExecutor(), (t, m, w) -> System.err.println(t + ": " + m), clumps);
        MapView view = new MapView(vm, new MapView.Sources(() -> { }, () -> { }), new FxBackgroundExecutor(), (t, m, w) -> { });
        Scene scene = new Scene(view, 1400, 900);
        Theme.apply(scene.getStylesheets());
        stage.setScene(scene);
        stage.show();
        state.setModel(ModelState.of(new TrainedModel(d.dataset(), f), Double.NaN, null, false, "bench"));
        vm.visibleProperty().set(true);
        MapCanvas canvas = view.canvas();
        long[] at = new long[frames + 1];
        int[] frame = {-60};   // 60 frames of warm-up
        long[] draw0 = new long[2];
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (vm.pointsProperty().get() == null) {
                    return;
                }
                int i = frame[0]++;
                if (i == 0) {
                    draw0[0] = canvas.drawNanos();
                    draw0[1] = canvas.frames();
                }
                if (i >= 0) {
                    at[i] = now;
                }
                // a cursor circling the map, zooming in for 60 frames and out for 60, and panning a little
                double t = i * 0.05;
                double cx = canvas.getWidth() * (0.5 + 0.3 * Math.cos(t));
                double cy = canvas.getHeight() * (0.5 + 0.3 * Math.sin(t));
                MapCamera cam = canvas.camera().copy();
                cam.zoomAt(cx, cy, Math.floorMod(i, 120) < 60 ? 1.03 : 1 / 1.03, canvas.getWidth(), canvas.getHeight());
                cam.pan(Math.cos(t) * 2, Math.sin(t) * 2);
                canvas.setCamera(cam);
                if (i == frames) {
                    stop();
                    report(at, frames, canvas.drawNanos() - draw0[0], canvas.frames() - draw0[1], vm.pointsProperty().get().size());
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void report(long[] at, int frames, long drawNanos, long draws, int points) {
        double[] gap = new double[frames];
        for (int i = 0; i < frames; i++) {
            gap[i] = (at[i + 1] - at[i]) / 1e6;
        }
        Arrays.sort(gap);
        double total = (at[frames] - at[0]) / 1e9;
        System.out.printf(Locale.ROOT, "map-bench %,d points, %d frames in %.2f s: %.1f fps; frame interval median %.1f ms, "
                        + "p95 %.1f ms, worst %.1f ms; canvas drawing %.2f ms per frame (%d draws); pipeline %s%n",
                points, frames, total, frames / total, gap[frames / 2], gap[(int) (frames * 0.95)], gap[frames - 1],
                drawNanos / 1e6 / Math.max(1, draws), draws, com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
    }
}
