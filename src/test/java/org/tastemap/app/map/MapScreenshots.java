package org.tastemap.app.map;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tastemap.app.Theme;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.task.FxBackgroundExecutor;
import org.tastemap.app.task.FxDebouncer;

/**
 * Opens the app on the bundled sample (run from the project folder) with the Map screen showing, for
 * real-window screenshots: {@code -Dmap.size=1024x640 -Dmap.dark=true -Dmap.search=the
 * -Dmap.listener=true}. Prints "map-ready" on standard output once the layout is finished.
 */
public final class MapScreenshots extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        AppPrefs prefs = AppPrefs.inMemory();
        String[] size = System.getProperty("map.size", "1400x900").split("x");
        prefs.put("window.w", size[0]);
        prefs.put("window.h", size[1]);
        prefs.put("window.x", "0");
        prefs.put("window.y", "0");
        prefs.put("whatToTryDismissed", "true");
        prefs.put("theme", Boolean.getBoolean("map.dark") ? "dark" : "light");
        prefs.put("sessionDir", java.nio.file.Files.createTempDirectory("map-shots").toString());
        MainWindow w = new MainWindow(stage, new FxBackgroundExecutor(), new FxDebouncer(Duration.millis(600)), new IoDataFiles(), prefs);
        Theme.darkProperty().set(Boolean.getBoolean("map.dark"));
        stage.show();
        Thread poll = new Thread(() -> {
            while (!done) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    MapPoints p = w.map().pointsProperty().get();
                    if (p != null && p.finished() && !w.map().runningProperty().get()) {
                        after(w);
                    }
                });
            }
        });
        poll.setDaemon(true);
        poll.start();
        w.state().modelProperty().addListener((o, a, m) -> {
            if (m != null) {
                w.show(MainWindow.Screen.MAP);
            }
        });
        w.main().startup();
    }

    private static volatile boolean done;

    private static void after(MainWindow w) {
        if (done) {
            return;
        }
        done = true;
        String q = System.getProperty("map.search", "");
        if (!q.isEmpty()) {
            w.map().search().queryProperty().set(q);
        }
        if (Boolean.getBoolean("map.listener")) {
            w.map().overlay().showListener(0);
        }
        if (!System.getProperty("map.colour", "").isEmpty()) {
            w.map().colourByProperty().set(MapViewModel.ColourBy.valueOf(System.getProperty("map.colour")));
        }
        new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("map-ready");
        }).start();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
