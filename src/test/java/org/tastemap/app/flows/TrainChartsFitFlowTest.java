package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.shell.SampleData;

/**
 * The Train screen's two charts after a held-out run, at the smallest window (1024 x 640, with the
 * "What to try" strip and the bundled sample's notice still shown, as on a first launch) and at 1280 x 800 (Monocle's whole screen):
 * each chart's title, x- and y-axis titles, tick labels and the quality chart's legend are drawn and
 * lie wholly inside what the window shows (the Training tab clips what overflows it), and so does the
 * beyond-accuracy line under them.
 */
@ExtendWith(ApplicationExtension.class)
class TrainChartsFitFlowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AppHarness.startSmall(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void bothChartsKeepTheirAxisTitlesAndLegendAt1024x640(FxRobot robot) throws Exception {
        assertEquals(List.of(), problemsAt(robot, 1024, 640));
    }

    @Test
    void bothChartsKeepTheirAxisTitlesAndLegendAt1280x800(FxRobot robot) throws Exception {
        assertEquals(List.of(), problemsAt(robot, 1280, 800));
    }

    private List<String> problemsAt(FxRobot robot, int w, int h) throws Exception {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        AppHarness.loadWithModel(window);
        robot.interact(() -> {
            window.show(MainWindow.Screen.TRAIN);
            window.train().heldOutProperty().set(true);
            window.train().iterationsProperty().set(4);
            window.train().train();
        });
        AppHarness.waitUntil(() -> !window.train().runningProperty().get() && window.train().history().size() == 2
                && window.train().beyondAccuracy().textProperty().get().contains("novelty"));
        // a first launch shows the bundled sample's two-line notice at the bottom as well as the strip at the top;
        // a run clears the notice, so it is put back here as the first launch has it
        robot.interact(() -> window.main().noticeProperty().set(SampleData.DESCRIPTION));
        robot.interact(() -> stage.getScene().getRoot().layout());
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (String id : List.of("#loss-chart", "#quality-chart")) {
                LineChart<?, ?> c = robot.lookup(id).query();
                for (Axis<?> axis : List.of(c.getXAxis(), c.getYAxis())) {
                    String which = id + (axis == c.getXAxis() ? " x" : " y") + " axis";
                    Node title = axis.lookup(".axis-label");
                    shownInFull(which + " title \"" + axis.getLabel() + "\"", title, problems);
                    // every tick has its number; a NumberAxis may put its upper bound as a second tick on the last
                    // one (0.6 and 0.6000000001): then one label of the two is enough
                    List<String> hidden = axis.getTickMarks().stream().filter(t -> !t.isTextVisible())
                            .filter(t -> axis.getTickMarks().stream().noneMatch(o -> o != t && o.isTextVisible()
                                    && Math.abs(o.getPosition() - t.getPosition()) < 1))
                            .map(t -> t.getValue() + " at " + t.getPosition()).toList();
                    if (axis.getTickMarks().isEmpty() || !hidden.isEmpty()) {
                        problems.add(which + ": tick labels " + hidden + " of " + axis.getTickMarks().size() + " hidden");
                    }
                    shownInFull(which + " with its tick labels", axis, problems);
                }
                shownInFull(id + " title", c.lookup(".chart-title"), problems);
            }
            Node legend = robot.lookup("#quality-legend").tryQuery().orElse(null);
            shownInFull("the quality chart's legend", legend, problems);
            if (legend instanceof Parent p) {
                for (Node item : p.getChildrenUnmodifiable()) {
                    shownInFull("legend item " + (item instanceof Label l ? l.getText() : item), item, problems);
                }
            }
            shownInFull("the notice", robot.lookup("#status-notice").query(), problems);
            shownInFull("the model's facts in the status bar", robot.lookup("#status-model").query(), problems);
            Label beyond = robot.lookup("#beyond-accuracy").query();
            shownInFull("the beyond-accuracy line", beyond, problems);
            if (beyond.getHeight() + 0.5 < beyond.prefHeight(beyond.getWidth())) {
                problems.add("the beyond-accuracy line is cut: " + beyond.getHeight() + " < " + beyond.prefHeight(beyond.getWidth()));
            }
        });
        return problems;
    }

    /** Adds a problem unless {@code n} is visible and its bounds lie inside the window and inside every clip above it. */
    static void shownInFull(String what, Node n, List<String> problems) {
        if (n == null || n.getScene() == null) {
            problems.add(what + ": missing");
            return;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                problems.add(what + ": hidden");
                return;
            }
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        Bounds shown = new BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                shown = intersect(shown, p.localToScene(p.getClip().getBoundsInParent()));
            }
        }
        if (b.getWidth() <= 0 || b.getHeight() <= 0 || b.getMinX() < shown.getMinX() - 0.5 || b.getMinY() < shown.getMinY() - 0.5
                || b.getMaxX() > shown.getMaxX() + 0.5 || b.getMaxY() > shown.getMaxY() + 0.5) {
            problems.add(what + ": " + describe(b) + " not inside the shown area " + describe(shown));
        }
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static String describe(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f..%.0f x %.0f..%.0f]", b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY());
    }
}
