package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.map.MapCanvas;
import org.tastemap.app.map.MapPoints;
import org.tastemap.app.shell.MainWindow;

/**
 * The Map screen's PNG… button, pressed as a user does (the file chooser answered by the test through
 * MapView's seam): the file is a PNG of the map's size, the map as drawn on screen, not a blank picture.
 */
@ExtendWith(ApplicationExtension.class)
class MapPngFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void thePngButtonSavesTheMapAsDrawn(FxRobot robot, @TempDir Path dir) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.MAP));
        AppHarness.waitUntil(() -> window.map().pointsProperty().get() != null && window.map().pointsProperty().get().finished()
                && !window.map().runningProperty().get());
        Path png = dir.resolve("my map.png");
        List<String> asked = new ArrayList<>();
        robot.interact(() -> window.mapView().setFileChooser((title, save, name) -> {
            asked.add(title + " · " + (save ? "save" : "open") + " · " + name);
            return png.toFile();
        }));
        robot.clickOn("#map-save-png");
        AppHarness.waitUntil(() -> String.valueOf(window.map().noticeProperty().get()).startsWith("Saved the map"));
        assertEquals(List.of("Save the map as PNG · save · map.png"), asked);

        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG that javax.imageio reads");
        MapCanvas c = window.mapView().canvas();
        int[] size = new int[2];
        WritableImage[] now = new WritableImage[1];
        MapPoints m = window.map().pointsProperty().get();
        Point2D[] at = new Point2D[m.size()];
        robot.interact(() -> {
            size[0] = (int) Math.ceil(c.canvas().getWidth());
            size[1] = (int) Math.ceil(c.canvas().getHeight());
            for (int p = 0; p < m.size(); p++) {
                at[p] = c.screenOf(p);
            }
            now[0] = c.canvas().snapshot(null, null);
        });
        assertEquals(size[0], img.getWidth(), "the map's width");
        assertEquals(size[1], img.getHeight(), "the map's height");
        assertTrue(size[0] > 300 && size[1] > 300, size[0] + " x " + size[1]);

        // the background: the colour most pixels have; every point that lies well inside shows another colour
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int inside = 0;
        for (Point2D p : at) {
            int x = (int) Math.round(p.getX());
            int y = (int) Math.round(p.getY());
            if (x > 2 && y > 2 && x < img.getWidth() - 2 && y < img.getHeight() - 2) {
                inside++;
                assertNotEquals(Integer.toHexString(background), Integer.toHexString(img.getRGB(x, y)),
                        "a point is drawn at (" + x + ", " + y + ")");
            }
        }
        assertTrue(inside > m.size() / 2, inside + " of " + m.size() + " points inside the picture");

        // the picture is the map as drawn: the same pixels as the canvas on screen
        int w = img.getWidth();
        int h = img.getHeight();
        int[] drawn = new int[w * h];
        now[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), drawn, 0, w);
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (drawn[y * w + x] != img.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        assertEquals(0, differ, "pixels that differ from the map on screen");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
        assertTrue(new File(png.toString()).length() > 1000, "a real picture, not an empty file");
    }
}
