package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.charts.ChartTools;
import org.tastemap.app.shell.MainWindow;

/** The Data screen's charts: a click on a top artist opens it, tooltips, plain log-axis labels, Save as PNG. */
@ExtendWith(ApplicationExtension.class)
class ChartsFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void clickingATopArtistBarOpensThatArtist(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        AppHarness.waitUntil(() -> robot.lookup("#top-artists-chart .chart-bar").tryQuery().isPresent());
        // the bars are drawn from the bottom up: the last data item is the most listened artist
        XYChart.Series<Number, String> s = robot.lookup("#top-artists-chart").<javafx.scene.chart.BarChart<Number, String>>query().getData().get(0);
        XYChart.Data<Number, String> first = s.getData().get(s.getData().size() - 1);
        int artist = (Integer) first.getExtraValue();
        // by hand: the most listened artist of the data, counted here from its columns
        var m = window.state().data().dataset().matrix();
        int most = 0;
        for (int i = 1; i < m.numItems(); i++) {
            if (m.itemCount(i) > m.itemCount(most)) {
                most = i;
            }
        }
        assertEquals(m.itemCount(most), m.itemCount(artist), "the top bar is an artist with the most listeners");
        robot.clickOn(first.getNode());
        AppHarness.waitUntil(() -> window.artists().currentProperty().get() != null
                && window.artists().currentProperty().get().index() == artist);
        assertTrue(robot.lookup("#artist-search").tryQuery().map(Node::isVisible).orElse(false), "the Artists screen shows");
    }

    @Test
    void barsHaveTooltipsAndLogAxesReadAsPlainNumbers(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        AppHarness.waitUntil(() -> robot.lookup("#top-artists-chart .chart-bar").tryQuery().isPresent());
        XYChart.Series<Number, String> s = robot.lookup("#top-artists-chart").<javafx.scene.chart.BarChart<Number, String>>query().getData().get(0);
        XYChart.Data<Number, String> bar = s.getData().get(0);
        var tip = ChartTools.tooltipOf(bar);
        assertNotNull(tip, "a tooltip on the bar");
        int artist = (Integer) bar.getExtraValue();
        int listeners = window.state().data().dataset().matrix().itemCount(artist);
        assertEquals(String.format("%s: %,d listeners · click to open", window.state().data().dataset().artistName(artist), listeners),
                tip.getText());
        // hovering shows it
        robot.moveTo(bar.getNode());
        AppHarness.waitUntil(tip::isShowing);

        LineChart<Number, Number> tail = robot.lookup("#long-tail-chart").query();
        List<String> ranks = labels(tail.getXAxis());
        List<String> listenersTicks = labels(tail.getYAxis());
        // one tick per decade from 1: Fixtures' artists span more than two decades of rank
        assertEquals(List.of("1", "10", "100"), ranks.subList(0, 3), ranks.toString());
        assertEquals("1", listenersTicks.get(0), listenersTicks.toString());
        for (String t : ranks) {
            assertTrue(t.matches("1(0*|k|0k|00k|M)"), "a power of ten in plain digits: " + t);
        }
    }

    @Test
    void theLongTailHasNoNodePerPointAndHoveringAPointShowsItsValues(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        LineChart<Number, Number> tail = robot.lookup("#long-tail-chart").query();
        AppHarness.waitUntil(() -> !tail.getData().get(0).getData().isEmpty() && tail.getXAxis().getWidth() > 0);
        List<XYChart.Data<Number, Number>> points = tail.getData().get(0).getData();
        int[] nodes = new int[1];
        robot.interact(() -> nodes[0] = nodesUnder(tail.lookup(".plot-content")));
        // the line is one Path whatever the number of points; a symbol per point made hundreds of nodes
        assertTrue(points.size() > 50, "Fixtures' 240 artists give over 50 points: " + points.size());
        assertTrue(nodes[0] <= 4, nodes[0] + " nodes in the plot for " + points.size() + " points");

        // by hand: the listeners of the artist at a rank are the rank-th largest column count of the data
        var m = window.state().data().dataset().matrix();
        Integer[] counts = new Integer[m.numItems()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = m.itemCount(i);
        }
        java.util.Arrays.sort(counts, java.util.Collections.reverseOrder());
        for (int k : new int[] {0, 4}) {
            XYChart.Data<Number, Number> d = points.get(k);
            long rank = Math.round(Math.pow(10, d.getXValue().doubleValue()));
            String expected = String.format(java.util.Locale.ROOT, "rank %,d: %,d listeners", rank, counts[(int) rank - 1]);
            // where the chart draws the point: its axes' display positions, on the screen
            Point2D[] at = new Point2D[1];
            robot.interact(() -> at[0] = new Point2D(
                    tail.getXAxis().localToScreen(tail.getXAxis().getDisplayPosition(d.getXValue()), 0).getX(),
                    tail.getYAxis().localToScreen(0, tail.getYAxis().getDisplayPosition(d.getYValue())).getY()));
            robot.moveTo(at[0]);
            AppHarness.waitUntil(() -> expected.equals(shownTooltipText()));
        }
        // away from the line, no tooltip
        robot.moveTo(tail.getXAxis().localToScreen(tail.getXAxis().getWidth() - 2, -tail.getYAxis().getHeight() + 2));
        AppHarness.waitUntil(() -> shownTooltipText() == null);
    }

    /** The text of the tooltip on screen, or null when none shows. */
    private static String shownTooltipText() {
        String[] text = new String[1];
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                    if (w instanceof javafx.scene.control.Tooltip t && t.isShowing()) {
                        text[0] = t.getText();
                    }
                }
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return text[0];
    }

    private static int nodesUnder(Node n) {
        int count = 0;
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count += 1 + nodesUnder(c);
            }
        }
        return count;
    }

    private static List<String> labels(Axis<Number> axis) {
        // the labels the axis draws: its formatter applied to the ticks it placed
        NumberAxis a = (NumberAxis) axis;
        return a.getTickMarks().stream().map(t -> a.getTickLabelFormatter().toString(t.getValue())).toList();
    }

    @Test
    void aChartSavesAsAPngOfItsOwnSize(FxRobot robot, @TempDir Path dir) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        AppHarness.waitUntil(() -> robot.lookup("#top-artists-chart .chart-bar").tryQuery().isPresent());
        Node chart = robot.lookup("#top-artists-chart").query();
        robot.rightClickOn(chart);
        AppHarness.waitUntil(() -> ChartTools.menuOf(chart).isShowing());
        assertEquals("Save as PNG…", ChartTools.menuOf(chart).getItems().get(0).getText());
        robot.interact(() -> ChartTools.menuOf(chart).hide());
        Path png = dir.resolve("top.png");
        Files.writeString(png, "an older file");
        var done = new java.util.concurrent.CompletableFuture[1];
        robot.interact(() -> done[0] = ChartTools.savePng(chart, png));
        done[0].get(20, TimeUnit.SECONDS);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG replaced the older file");
        double[] size = new double[2];
        robot.interact(() -> {
            size[0] = chart.getLayoutBounds().getWidth();
            size[1] = chart.getLayoutBounds().getHeight();
        });
        assertEquals(Math.ceil(size[0]), img.getWidth(), 1.0);
        assertEquals(Math.ceil(size[1]), img.getHeight(), 1.0);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }
}
