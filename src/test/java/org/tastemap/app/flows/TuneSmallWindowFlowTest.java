package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

/**
 * The Tune panel with a finished tune at the smallest window (1024 x 640, the What to try card shown):
 * its controls, the heatmap and the list of candidates off the grid lie inside the panel's tab,
 * nothing cut off under the run history, and the heatmap keeps at least its minimum height.
 */
@ExtendWith(ApplicationExtension.class)
class TuneSmallWindowFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.startSmall(stage);
    }

    @Test
    void aFinishedTuneFitsAt1024x640(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> {
            window.show(MainWindow.Screen.TRAIN);
            window.trainView().showTune();
            window.train().tune().factorChoices().forEach(b -> b.set(false));
            window.train().tune().factorChoices().get(0).set(true);
            window.train().tune().start();
        });
        AppHarness.waitUntil(() -> !window.train().tune().runningProperty().get());
        robot.interact(() -> window.trainView().getScene().getRoot().layout());
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Node views = robot.lookup("#train-views").query();
            Bounds area = views.localToScene(views.getLayoutBounds());
            for (String id : List.of("#tune-budget", "#tune-start", "#tune-cancel", "#tune-factors-128", "#tune-heatmap", "#tune-off-grid")) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (!n.isVisible() || b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                        || b.getMinY() < area.getMinY() - 0.5 || b.getMaxY() > area.getMaxY() + 0.5) {
                    problems.add(id + " " + b + " outside the panel " + area);
                }
            }
            // every link off the grid is inside the panel too: none drawn under the run history's title
            javafx.scene.layout.Pane offGrid = robot.lookup("#tune-off-grid").queryAs(javafx.scene.layout.Pane.class);
            for (Node link : offGrid.getChildren()) {
                Bounds b = link.localToScene(link.getLayoutBounds());
                if (b.getMaxY() > area.getMaxY() + 0.5 || b.getMaxY() > offGrid.localToScene(offGrid.getLayoutBounds()).getMaxY() + 0.5) {
                    problems.add("off the grid: " + link + " " + b + " below the panel " + area);
                }
            }
            Node heat = robot.lookup("#tune-heatmap").query();
            if (heat.getLayoutBounds().getHeight() < 90) {
                problems.add("heatmap only " + heat.getLayoutBounds().getHeight() + " px high");
            }
        });
        assertEquals(List.of(), problems);
    }
}
