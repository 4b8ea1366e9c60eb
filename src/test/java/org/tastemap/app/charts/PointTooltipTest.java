package org.tastemap.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A line chart drawn without a node per point, whose one tooltip shows the point nearest the pointer. */
@ExtendWith(ApplicationExtension.class)
class PointTooltipTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void thePlotsNodesDoNotGrowWithItsPoints(FxRobot robot) {
        int[] nodes = new int[2];
        robot.interact(() -> nodes[0] = plotNodes(chartWith(50)));
        robot.interact(() -> nodes[1] = plotNodes(chartWith(2000)));
        assertEquals(nodes[0], nodes[1], "50 points and 2000 points: the same nodes (the line)");
        assertTrue(nodes[0] <= 2, "one path for the series: " + nodes[0]);
    }

    @Test
    void movingOntoAPointShowsItsValuesAndAwayHidesThem(FxRobot robot) {
        robot.interact(() -> {
            LineChart<Number, Number> chart = chartWith(100);
            PointTooltip<?, ?> p = PointTooltip.of(chart);
            XYChart.Series<Number, Number> s = chart.getData().get(0);
            assertNull(p.tooltip(), "no tooltip before the pointer comes");
            for (int k : new int[] {0, 37, 99}) {
                XYChart.Data<Number, Number> d = s.getData().get(k);
                Point2D at = PointTooltip.inScene(chart, d);
                // a little off the point, as a hand is: still that point (its neighbours are ~5 px away)
                Event.fireEvent(chart, moved(at.getX() + 1, at.getY() - 1));
                assertSame(d, p.shown());
                // by hand: point k is (k, 2k)
                assertEquals("x=" + k + " y=" + 2 * k, p.tooltip().getText());
                assertTrue(p.tooltip().isShowing());
            }
            Tooltip one = p.tooltip();
            // the bottom right corner of the plot is far from the line y = 2x
            Point2D corner = chart.getXAxis().localToScene(chart.getXAxis().getWidth(), 0);
            Event.fireEvent(chart, moved(corner.getX() - 1, corner.getY() - 1));
            assertNull(p.shown());
            assertFalse(one.isShowing(), "hidden away from the points");
            Event.fireEvent(chart, moved(PointTooltip.inScene(chart, s.getData().get(3)).getX(),
                    PointTooltip.inScene(chart, s.getData().get(3)).getY()));
            assertSame(one, p.tooltip(), "one tooltip for every point");
            assertEquals("x=3 y=6", one.getText());
            one.hide();
        });
    }

    /** A 600 x 400 line chart of the points (k, 2k), k < n, on screen, with a point tooltip. */
    private LineChart<Number, Number> chartWith(int n) {
        LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (int k = 0; k < n; k++) {
            s.getData().add(new XYChart.Data<>(k, 2 * k));
        }
        chart.getData().add(s);
        PointTooltip.install(chart, (series, d) -> "x=" + d.getXValue() + " y=" + d.getYValue());
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
        chart.applyCss();
        chart.layout();
        return chart;
    }

    private static int plotNodes(LineChart<?, ?> chart) {
        return count(chart.lookup(".plot-content"));
    }

    private static int count(Node n) {
        int c = 0;
        if (n instanceof Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                c += 1 + count(k);
            }
        }
        return c;
    }

    private MouseEvent moved(double sceneX, double sceneY) {
        Point2D screen = new Point2D(stage.getX() + stage.getScene().getX() + sceneX, stage.getY() + stage.getScene().getY() + sceneY);
        return new MouseEvent(MouseEvent.MOUSE_MOVED, sceneX, sceneY, screen.getX(), screen.getY(), MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }
}
