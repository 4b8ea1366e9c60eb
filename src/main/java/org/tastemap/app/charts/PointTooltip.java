package org.tastemap.app.charts;

import java.util.function.BiFunction;
import javafx.geometry.Point2D;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * One tooltip for all the points of a line chart drawn without a node per point: as the pointer
 * moves over the chart it shows the values of the point drawn nearest to it (within
 * {@link #REACH} pixels), and hides when no point is that near.
 *
 * <p>A line chart's symbols are a node each, with their own CSS: the long tail's ~200 points kept
 * the UI thread busy for over 100 ms when a file opened (docs/performance.md, "Second pass"). The
 * line alone is one path, and a point is found from where its axes draw it.
 */
public final class PointTooltip<X, Y> {
    /** How near to a point, in pixels, the pointer shows its values. */
    static final double REACH = 10;

    private final LineChart<X, Y> chart;
    private final BiFunction<XYChart.Series<X, Y>, XYChart.Data<X, Y>, String> text;
    private Tooltip tooltip;
    private XYChart.Data<X, Y> shown;

    private PointTooltip(LineChart<X, Y> chart, BiFunction<XYChart.Series<X, Y>, XYChart.Data<X, Y>, String> text) {
        this.chart = chart;
        this.text = text;
    }

    /**
     * Draws {@code chart} as lines without a node per point, and shows the values ({@code text})
     * of the point nearest to the pointer in one tooltip, made when the pointer first comes.
     */
    public static <X, Y> PointTooltip<X, Y> install(LineChart<X, Y> chart,
                                                   BiFunction<XYChart.Series<X, Y>, XYChart.Data<X, Y>, String> text) {
        chart.setCreateSymbols(false);
        PointTooltip<X, Y> p = new PointTooltip<>(chart, text);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> p.pointerAt(e.getSceneX(), e.getSceneY(), e.getScreenX(), e.getScreenY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> p.hide());
        chart.getProperties().put(PointTooltip.class, p);
        return p;
    }

    /** The tooltip {@link #install} gave {@code chart}, or null. */
    public static PointTooltip<?, ?> of(XYChart<?, ?> chart) {
        return (PointTooltip<?, ?>) chart.getProperties().get(PointTooltip.class);
    }

    /** The shared tooltip, null until the pointer first comes near a point. */
    public Tooltip tooltip() {
        return tooltip;
    }

    /** The point whose values show now, or null. */
    public XYChart.Data<X, Y> shown() {
        return shown;
    }

    /** Where {@code chart} draws the point {@code d}, in the scene: its axes' display positions. */
    public static <X, Y> Point2D inScene(XYChart<X, Y> chart, XYChart.Data<X, Y> d) {
        Axis<X> x = chart.getXAxis();
        Axis<Y> y = chart.getYAxis();
        return new Point2D(x.localToScene(x.getDisplayPosition(d.getXValue()), 0).getX(),
                y.localToScene(0, y.getDisplayPosition(d.getYValue())).getY());
    }

    /** The point of a visible series drawn nearest to ({@code sceneX}, {@code sceneY}) within {@link #REACH}, or null. */
    XYChart.Data<X, Y> nearest(double sceneX, double sceneY) {
        XYChart.Data<X, Y> best = null;
        double bestD2 = REACH * REACH;
        for (XYChart.Series<X, Y> s : chart.getData()) {
            if (s.getNode() != null && !s.getNode().isVisible()) {
                continue;
            }
            for (XYChart.Data<X, Y> d : s.getData()) {
                Point2D p = inScene(chart, d);
                // squared distance on screen: dx² + dy²
                double dx = p.getX() - sceneX;
                double dy = p.getY() - sceneY;
                double d2 = dx * dx + dy * dy;
                if (d2 <= bestD2) {
                    bestD2 = d2;
                    best = d;
                }
            }
        }
        return best;
    }

    private XYChart.Series<X, Y> seriesOf(XYChart.Data<X, Y> d) {
        for (XYChart.Series<X, Y> s : chart.getData()) {
            if (s.getData().contains(d)) {
                return s;
            }
        }
        return null;
    }

    private void pointerAt(double sceneX, double sceneY, double screenX, double screenY) {
        XYChart.Data<X, Y> d = nearest(sceneX, sceneY);
        if (d == null) {
            hide();
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.ZERO);
            tooltip.getStyleClass().add("chart-tooltip");
        }
        if (d != shown || !tooltip.isShowing()) {
            shown = d;
            tooltip.setText(text.apply(seriesOf(d), d));
            // beside the pointer, not under it: the popup would take the moves that follow
            if (tooltip.isShowing()) {
                tooltip.setAnchorX(screenX + 12);
                tooltip.setAnchorY(screenY + 16);
            } else {
                tooltip.show(chart, screenX + 12, screenY + 16);
            }
        }
    }

    private void hide() {
        shown = null;
        if (tooltip != null && tooltip.isShowing()) {
            tooltip.hide();
        }
    }
}
