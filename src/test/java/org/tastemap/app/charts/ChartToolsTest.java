package org.tastemap.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Chart tooltips are made when the pointer first comes, not with each of a chart's points. */
@ExtendWith(ApplicationExtension.class)
class ChartToolsTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void aPointsTooltipIsMadeWhenThePointerFirstEntersIt(FxRobot robot) {
        robot.interact(ChartToolsTest::madeOnEntering);
    }

    private static void madeOnEntering() {
        LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        AtomicInteger texts = new AtomicInteger();
        ChartTools.tooltips(chart, (s, d) -> {
            texts.incrementAndGet();
            return "x=" + d.getXValue();
        });
        for (int x = 1; x <= 3; x++) {
            series.getData().add(new XYChart.Data<>(x, x * x));
        }
        XYChart.Data<Number, Number> second = series.getData().get(1);
        for (XYChart.Data<Number, Number> d : series.getData()) {
            assertNotNull(d.getNode(), "a line chart makes each point's node as the point is added");
            assertFalse(ChartTools.tooltipMade(d), "no tooltip before the pointer comes");
        }
        assertEquals(0, texts.get(), "nor its text");

        Event.fireEvent(second.getNode(), entered());
        assertTrue(ChartTools.tooltipMade(second));
        assertFalse(ChartTools.tooltipMade(series.getData().get(0)), "only the entered point's");
        assertEquals("x=2", ChartTools.tooltipOf(second).getText());
        Event.fireEvent(second.getNode(), entered());
        assertEquals(1, texts.get(), "made once: entering again, or asking for it, reuses it");

        // a point added later, and asked for before the pointer came (as a test does)
        series.getData().add(new XYChart.Data<>(4, 16));
        XYChart.Data<Number, Number> fourth = series.getData().get(3);
        assertFalse(ChartTools.tooltipMade(fourth));
        assertEquals("x=4", ChartTools.tooltipOf(fourth).getText());
        assertSame(ChartTools.tooltipOf(fourth), ChartTools.tooltipOf(fourth));
    }

    private static MouseEvent entered() {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null);
    }
}
