package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

@ExtendWith(ApplicationExtension.class)
class TrainFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @Test
    void trainingFillsTheChartsAndTheHistory(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        robot.interact(() -> {
            window.train().factorsProperty().set(16);
            window.train().iterationsProperty().set(6);
        });
        robot.clickOn("#train-button");
        AppHarness.waitUntil(() -> !window.train().runningProperty().get() && window.train().history().size() == 2);
        // one loss point and one MAP@10 point per iteration
        assertEquals(12, window.trainView().chartPoints());
        assertEquals(16, window.state().model().factors());
        // the iteration axes show whole iterations only: 1, 2, ... 6, never 1.5
        for (javafx.scene.chart.NumberAxis x : window.trainView().iterationAxes()) {
            assertEquals(1.0, x.getLowerBound());
            assertEquals(6.0, x.getUpperBound());
            assertEquals(6, x.getTickMarks().size());
            assertEquals("", x.getTickLabelFormatter().toString(1.5), "a half iteration would have no label");
            for (var tick : x.getTickMarks()) {
                double v = tick.getValue().doubleValue();
                assertEquals(Math.rint(v), v, "tick at " + v);
                assertEquals(Long.toString((long) v), x.getTickLabelFormatter().toString(v));
            }
        }
    }

    @Test
    void movingTheAlphaSliderRetrainsFromTheCurrentModel(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        int before = window.state().model().iterations();
        Slider alpha = robot.lookup("#alpha").queryAs(Slider.class);
        robot.interact(() -> alpha.setValue(alpha.getValue() + 0.6));
        AppHarness.waitUntil(() -> window.train().history().size() == 2 && !window.train().runningProperty().get());
        assertTrue(window.train().history().get(0).warm(), "the retrain started from the current factors");
        assertTrue(window.state().model().iterations() > before, "iterations continue from the previous model");
        assertEquals(Math.pow(10, alpha.getValue()), window.state().model().trained().factors().params().alpha(), 0.01);
    }

    @Test
    void typingAWordIntoIterationsDisablesTrainAndSaysWhyNextToTheField(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        javafx.scene.control.Spinner<?> its = robot.lookup("#iterations").queryAs(javafx.scene.control.Spinner.class);
        robot.clickOn(its.getEditor());
        robot.interact(() -> its.getEditor().selectAll());
        robot.write("abc");
        // leaving the field commits the spinner's editor: that used to throw NumberFormatException
        robot.clickOn("#factors");
        javafx.scene.control.Button train = robot.lookup("#train-button").queryButton();
        javafx.scene.control.Label error = robot.lookup("#iterations-error").queryAs(javafx.scene.control.Label.class);
        assertTrue(train.isDisabled(), "Train waits until the field is fixed");
        assertTrue(error.isVisible() && error.getText().contains("\"abc\" is not a whole number"), error.getText());
        assertEquals(error.getText(), its.getEditor().getTooltip().getText(), "the reason is also the field's tooltip");
        assertEquals("abc", its.getEditor().getText(), "the text stays so the user sees what to fix");
        robot.clickOn(its.getEditor());
        robot.interact(() -> its.getEditor().selectAll());
        robot.write("3");
        assertTrue(!train.isDisabled() && !error.isVisible());
        assertEquals(3, window.train().iterationsProperty().get());
        assertTrue(window.state().model() != null);
    }
}
