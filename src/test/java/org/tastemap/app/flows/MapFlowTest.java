package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.map.MapCanvas;
import org.tastemap.app.map.MapPoints;
import org.tastemap.app.map.MapSelection;
import org.tastemap.app.shell.MainWindow;

/** The Map screen with the real engine and a real window: hover, click-through, legend toggle, lasso. */
@ExtendWith(ApplicationExtension.class)
class MapFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private MapPoints openMap(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.MAP));
        AppHarness.waitUntil(() -> window.map().pointsProperty().get() != null && window.map().pointsProperty().get().finished()
                && !window.map().runningProperty().get());
        return window.map().pointsProperty().get();
    }

    private Point2D onScreen(int p) {
        MapCanvas c = window.mapView().canvas();
        Point2D local = c.screenOf(p);
        return c.localToScreen(local.getX(), local.getY());
    }

    /**
     * Zooms the map onto its most listened artist (point 0) until no other point is within 3 hover radii
     * (screen pixels) of it, so that the hover is unambiguous; returns that point.
     */
    private int isolatedPoint(MapPoints m) {
        MapCanvas c = window.mapView().canvas();
        double scale = c.camera().scale();
        for (int step = 0; step < 40; step++) {
            org.tastemap.app.map.MapCamera cam = new org.tastemap.app.map.MapCamera();
            cam.set(m.x()[0], m.y()[0], scale);
            c.setCamera(cam);
            double gap = Double.MAX_VALUE;
            for (int q = 1; q < m.size(); q++) {
                gap = Math.min(gap, Math.hypot(m.x()[q] - m.x()[0], m.y()[q] - m.y()[0]) * scale);
            }
            if (gap > 3 * 8) {
                return 0;
            }
            scale *= 2;
        }
        throw new AssertionError("point 0 shares its place with another point at every zoom");
    }

    @Test
    void hoverShowsTheArtistAndAClickOpensItOnTheArtistsScreen(FxRobot robot) throws Exception {
        MapPoints m = openMap(robot);
        int[] p = new int[1];
        robot.interact(() -> p[0] = isolatedPoint(m));
        int artist = m.artists()[p[0]];
        String name = window.state().data().dataset().artistName(artist);
        robot.moveTo(onScreen(p[0]));
        AppHarness.waitUntil(() -> robot.lookup("#map-hover").queryAs(Label.class).isVisible());
        String text = robot.lookup("#map-hover").queryAs(Label.class).getText();
        int listeners = window.state().data().dataset().matrix().itemCount(artist);
        assertTrue(text.startsWith(name + System.lineSeparator()) && text.contains(String.format(java.util.Locale.ROOT, "%,d listeners", listeners))
                && text.contains("cluster " + (m.cluster()[p[0]] + 1)), text);
        robot.clickOn(MouseButton.PRIMARY);
        AppHarness.waitUntil(() -> window.artists().currentProperty().get() != null
                && window.artists().currentProperty().get().index() == artist);
        assertEquals("tab-artists", robot.lookup(".main-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void aClusterSwitchedOffInTheLegendIsNotHovered(FxRobot robot) throws Exception {
        MapPoints m = openMap(robot);
        int[] p = new int[1];
        robot.interact(() -> p[0] = isolatedPoint(m));
        int group = window.map().grouping().group()[p[0]];
        robot.clickOn("#map-tab-legend");
        robot.interact(() -> robot.lookup("#map-legend").queryListView().scrollTo(group));
        robot.clickOn("#legend-" + group);
        AppHarness.waitUntil(() -> !window.map().legend().get(group).shownProperty().get());
        assertFalse(window.map().shown(p[0]));
        robot.moveTo(onScreen(p[0]));
        AppHarness.waitUntil(() -> true);
        Label hover = robot.lookup("#map-hover").queryAs(Label.class);
        String name = window.state().data().dataset().artistName(m.artists()[p[0]]);
        assertFalse(hover.isVisible() && hover.getText().startsWith(name + System.lineSeparator()), hover.getText());
    }

    @Test
    void aLassoDrawnWithTheMouseSelectsThePointsInsideIt(FxRobot robot) throws Exception {
        MapPoints m = openMap(robot);
        robot.clickOn("#map-lasso");
        MapCanvas c = window.mapView().canvas();
        // a triangle over the middle of the map, in canvas pixels
        double w = c.getWidth();
        double h = c.getHeight();
        double[][] tri = {{w * 0.2, h * 0.2}, {w * 0.85, h * 0.35}, {w * 0.35, h * 0.9}};
        robot.moveTo(c.localToScreen(tri[0][0], tri[0][1]));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(c.localToScreen(tri[1][0], tri[1][1]));
        robot.moveTo(c.localToScreen(tri[2][0], tri[2][1]));
        robot.moveTo(c.localToScreen(tri[0][0], tri[0][1]));
        robot.release(MouseButton.PRIMARY);
        AppHarness.waitUntil(() -> !window.map().selection().rows().isEmpty());
        Set<Integer> got = new TreeSet<>();
        for (MapSelection.Row r : window.map().selection().rows()) {
            got.add(r.artist());
        }
        // the expected set from each point's screen position and the triangle in screen pixels (not the
        // layout units the map selects in): points more than 2 px inside must be selected, more than 2 px outside not
        List<String> wrong = new ArrayList<>();
        int inside = 0;
        for (int p = 0; p < m.size(); p++) {
            Point2D s = c.screenOf(p);
            double d = signedDistance(tri, s.getX(), s.getY());
            boolean selected = got.contains(m.artists()[p]);
            if (d > 2) {
                inside++;
            }
            if (d > 2 && !selected || d < -2 && selected) {
                wrong.add(p + " at " + s + " (" + d + " px inside) " + (selected ? "selected" : "not selected"));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(inside > 5, inside + " points inside");
    }

    /** Distance of (x, y) to the triangle's nearest edge, positive inside. */
    private static double signedDistance(double[][] t, double x, double y) {
        double min = Double.MAX_VALUE;
        int sign = 0;
        for (int i = 0; i < 3; i++) {
            double[] a = t[i];
            double[] b = t[(i + 1) % 3];
            double ex = b[0] - a[0];
            double ey = b[1] - a[1];
            double cross = ex * (y - a[1]) - ey * (x - a[0]);
            sign += cross > 0 ? 1 : -1;
            double u = Math.max(0, Math.min(1, ((x - a[0]) * ex + (y - a[1]) * ey) / (ex * ex + ey * ey)));
            min = Math.min(min, Math.hypot(x - a[0] - u * ex, y - a[1] - u * ey));
        }
        return Math.abs(sign) == 3 ? min : -min;
    }
}
