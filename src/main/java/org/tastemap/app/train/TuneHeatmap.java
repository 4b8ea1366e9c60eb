package org.tastemap.app.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.tastemap.app.Theme;
import org.tastemap.core.tune.CandidateResult;

/**
 * The tune's heatmap: validation MAP@10 (the tune's metric) over alpha (rows, ascending upwards) x
 * lambda (columns, ascending to the right). The grid values are a decade or so apart, so equal cells
 * make both axes logarithmic; their labels are the plain values. A colour scale spans the lowest to
 * the highest value of the slice shown, with a legend; each cell prints its value, the running cell
 * is outlined with a dashed line, the best cell carries a star. A tooltip per cell lists every
 * metric, the iterations and the seconds; a click hands the cell's result to {@link #setOnPick}.
 * Drawing a few dozen rectangles is all the UI thread does.
 */
public final class TuneHeatmap extends Region {
    /** Viridis at five stops (matplotlib's, perceptually even and readable for colour-blind users). */
    private static final Color[] SCALE = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
        Color.web("#5ec962"), Color.web("#fde725")};
    private static final double LEFT = 64;
    private static final double BOTTOM = 20;
    private static final double TOP = 6;
    private static final double RIGHT = 78;

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private final ObjectProperty<TuneMap> map = new SimpleObjectProperty<>(this, "map");
    private final ObjectProperty<TuneMap.Slice> slice = new SimpleObjectProperty<>(this, "slice", new TuneMap.Slice(0, 0));
    private Consumer<CandidateResult> onPick = r -> { };
    private CandidateResult starred;

    public TuneHeatmap() {
        getStyleClass().add("tune-heatmap");
        setId("tune-heatmap");
        getChildren().add(canvas);
        setMinSize(300, 90);
        setPrefSize(600, 200);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        map.addListener((o, a, b) -> draw());
        slice.addListener((o, a, b) -> draw());
        Theme.darkProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseMoved(e -> {
            CandidateResult r = resultAt(e.getX(), e.getY());
            if (r == null) {
                Tooltip.uninstall(canvas, tooltip);
            } else {
                tooltip.setText(map.get().describe(r) + "\nClick to train a model with these settings.");
                Tooltip.install(canvas, tooltip);
            }
        });
        canvas.setOnMouseClicked(e -> {
            CandidateResult r = resultAt(e.getX(), e.getY());
            if (r != null && r.candidate().params() != null) {
                onPick.accept(r);
            }
        });
    }

    public ObjectProperty<TuneMap> mapProperty() {
        return map;
    }

    /** Which confidence kind and factor count the map shows. */
    public ObjectProperty<TuneMap.Slice> sliceProperty() {
        return slice;
    }

    public void setOnPick(Consumer<CandidateResult> action) {
        onPick = action;
    }

    /** The cell drawn with the star in the last drawing (the best of the map shown), or null. */
    public CandidateResult starred() {
        return starred;
    }

    /** The tooltip, for tests: its text is that of the cell under the mouse. */
    public Tooltip tooltip() {
        return tooltip;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** The centre of a cell in this node's coordinates (for tests and keyboard-free checks). */
    public javafx.geometry.Point2D cellCentre(int alphaCell, int lambdaCell) {
        TuneMap m = map.get();
        double cw = cellWidth(m);
        double ch = cellHeight(m);
        int rows = m.space().alphas().size();
        return new javafx.geometry.Point2D(LEFT + (lambdaCell + 0.5) * cw, TOP + (rows - 1 - alphaCell + 0.5) * ch);
    }

    /** The finished grid candidate under a point, or null. */
    CandidateResult resultAt(double x, double y) {
        TuneMap m = map.get();
        if (m == null) {
            return null;
        }
        int li = (int) Math.floor((x - LEFT) / cellWidth(m));
        int row = (int) Math.floor((y - TOP) / cellHeight(m));
        int rows = m.space().alphas().size();
        if (x < LEFT || y < TOP || li >= m.space().lambdas().size() || row >= rows) {
            return null;
        }
        return m.cell(slice.get(), rows - 1 - row, li);
    }

    private double cellWidth(TuneMap m) {
        return Math.max(1, (canvas.getWidth() - LEFT - RIGHT) / m.space().lambdas().size());
    }

    private double cellHeight(TuneMap m) {
        return Math.max(1, (canvas.getHeight() - TOP - BOTTOM) / m.space().alphas().size());
    }

    /** The colour of a value within [lo, hi] on the scale. */
    static Color colour(double v, double lo, double hi) {
        // position t in [0, 1], then linear interpolation between the two nearest of the five stops
        double t = hi > lo ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 1;
        double x = t * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) Math.floor(x));
        return SCALE[i].interpolate(SCALE[i + 1], x - i);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        TuneMap m = map.get();
        if (m == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            starred = null;
            return;
        }
        boolean dark = Theme.darkProperty().get();
        Color text = dark ? Color.web("#e6e6e6") : Color.web("#222222");
        Color muted = dark ? Color.web("#9aa0a6") : Color.web("#5f6368");
        Color empty = dark ? Color.web("#2b2f33") : Color.web("#eef0f2");
        TuneMap.Slice s = slice.get();
        List<Double> alphas = m.space().alphas();
        List<Double> lambdas = m.space().lambdas();
        List<CandidateResult> scored = m.scoredCells(s);
        double lo = scored.stream().mapToDouble(CandidateResult::value).min().orElse(0);
        double hi = scored.stream().mapToDouble(CandidateResult::value).max().orElse(1);
        // the best cell of this map (the tune's best may be off the grid, or on another slice's map)
        CandidateResult best = scored.stream().reduce((a, b) -> b.value() > a.value() ? b : a).orElse(null);
        starred = best;
        double cw = cellWidth(m);
        double ch = cellHeight(m);
        Font small = Font.font(11);
        Font bold = Font.font(null, FontWeight.BOLD, 11);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int ai = 0; ai < alphas.size(); ai++) {
            for (int li = 0; li < lambdas.size(); li++) {
                double x = LEFT + li * cw;
                double y = TOP + (alphas.size() - 1 - ai) * ch;
                CandidateResult r = m.cell(s, ai, li);
                Color fill = r != null && r.scored() ? colour(r.value(), lo, hi) : empty;
                g.setFill(fill);
                g.fillRect(x + 1, y + 1, cw - 2, ch - 2);
                boolean isBest = r != null && best != null && best.candidate().index() == r.candidate().index();
                if (r != null && cw >= 36) {
                    g.setFont(isBest ? bold : small);
                    // dark text on the light end of the scale, light text on the dark end
                    g.setFill(fill.getBrightness() > 0.6 && r.scored() ? Color.BLACK : r.scored() ? Color.WHITE : muted);
                    g.fillText(r.scored() ? String.format(Locale.ROOT, "%.3f", r.value()) : "—", x + cw / 2, y + ch / 2);
                }
                if (isBest) {
                    g.setStroke(dark ? Color.WHITE : Color.BLACK);
                    g.setLineWidth(2.5);
                    g.setLineDashes();
                    g.strokeRect(x + 2, y + 2, cw - 4, ch - 4);
                    g.setFont(bold);
                    g.setFill(fill.getBrightness() > 0.6 ? Color.BLACK : Color.WHITE);
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.fillText("★", x + cw - 5, y + 10);
                    g.setTextAlign(TextAlignment.CENTER);
                }
                if (m.runningIn(s, ai, li)) {
                    g.setStroke(Color.web("#ff8c00"));
                    g.setLineWidth(2.5);
                    g.setLineDashes(5, 3);
                    g.strokeRect(x + 2, y + 2, cw - 4, ch - 4);
                    g.setLineDashes();
                    g.setFont(small);
                    g.setFill(muted);
                    g.fillText("running…", x + cw / 2, y + ch / 2);
                }
            }
        }
        axes(g, m, text, muted, cw, ch);
        legend(g, m, scored.isEmpty() ? Double.NaN : lo, hi, text, muted);
    }

    private void axes(GraphicsContext g, TuneMap m, Color text, Color muted, double cw, double ch) {
        List<Double> alphas = m.space().alphas();
        List<Double> lambdas = m.space().lambdas();
        g.setFont(Font.font(11));
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int li = 0; li < lambdas.size(); li++) {
            g.fillText(TuneMap.plain(lambdas.get(li)), LEFT + (li + 0.5) * cw, canvas.getHeight() - BOTTOM + 4);
        }
        // the axis names sit in the corner beside the values, so that the cells keep the height
        g.setFill(muted);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("λ (log) →", LEFT - 6, canvas.getHeight() - BOTTOM + 4);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(text);
        for (int ai = 0; ai < alphas.size(); ai++) {
            g.fillText(TuneMap.plain(alphas.get(ai)), LEFT - 6, TOP + (alphas.size() - 1 - ai + 0.5) * ch);
        }
        // the alpha axis title, turned to read upwards
        g.save();
        g.translate(12, TOP + alphas.size() * ch / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(muted);
        g.fillText("α (log) →", 0, 0);
        g.restore();
    }

    private void legend(GraphicsContext g, TuneMap m, double lo, double hi, Color text, Color muted) {
        double x = canvas.getWidth() - RIGHT + 14;
        double top = TOP + 16;
        double bottom = canvas.getHeight() - BOTTOM;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setFill(text);
        g.fillText(m.metric() == org.tastemap.core.tune.TuneMetric.MAP ? "MAP@10" : m.metric().label(), x - 8, TOP);
        Stop[] stops = new Stop[SCALE.length];
        for (int i = 0; i < SCALE.length; i++) {
            // the highest value at the top
            stops[i] = new Stop(1 - i / (double) (SCALE.length - 1), SCALE[i]);
        }
        g.setFill(new LinearGradient(0, top, 0, bottom, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(x, top, 12, bottom - top);
        g.setFont(Font.font(11));
        g.setFill(text);
        g.setTextBaseline(VPos.CENTER);
        if (Double.isNaN(lo)) {
            g.setFill(muted);
            g.fillText("—", x + 16, (top + bottom) / 2);
            return;
        }
        g.fillText(String.format(Locale.ROOT, "%.3f", hi), x + 16, top + 5);
        g.fillText(String.format(Locale.ROOT, "%.3f", (lo + hi) / 2), x + 16, (top + bottom) / 2);
        g.fillText(String.format(Locale.ROOT, "%.3f", lo), x + 16, bottom - 5);
    }
}
