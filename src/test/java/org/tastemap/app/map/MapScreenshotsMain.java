package org.tastemap.app.map;

/** Starts {@link MapScreenshots} from the class path (JavaFX refuses an Application subclass as the main class there). */
public final class MapScreenshotsMain {
    private MapScreenshotsMain() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(MapScreenshots.class, args);
    }
}
