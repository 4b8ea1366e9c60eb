package org.tastemap.app.map;

import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.tastemap.app.Theme;

/**
 * The map itself: every point drawn on one {@link Canvas} (a Node per point would not stay smooth at
 * 20,000), wheel zoom around the cursor, drag to pan, a hover card, click to open, and rectangle or
 * lasso selection. Hit-testing looks in the {@link SpatialGrid} around the cursor. Redraws are
 * coalesced: any number of changes within one frame draw once, on the next pulse.
 */
public final class MapCanvas extends Region {
    public enum Tool { PAN, RECTANGLE, LASSO }

    /** Pixels the mouse may move between press and release and still count as a click. */
    static final double CLICK_SLOP = 4;
    /** How near (pixels) the mouse must be to a point to hover it. */
    static final double HOVER_RADIUS = 8;
    private final MapViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final MapPainter painter;
    private MapCamera camera = new MapCamera();
    private Tool tool = Tool.PAN;
    private boolean dirty = true;
    private boolean userMoved;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private double[] pathX = new double[64];
    private double[] pathY = new double[64];
    private int pathLength;
    private int hovered = -1;
    private Flight flight;
    private long frames;
    private long drawNanos;

    private record Flight(MapCamera from, MapCamera to, long start, long nanos) {
    }

    public MapCanvas(MapViewModel vm) {
        this.vm = vm;
        this.painter = new MapPainter(vm);
        getStyleClass().add("map-canvas");
        setId("map-canvas");
        hover.getStyleClass().add("map-hover");
        hover.setId("map-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);
        setMinSize(200, 160);
        vm.changesProperty().addListener((o, a, b) -> dirty = true);
        vm.pointsProperty().addListener((o, a, b) -> {
            if (b != null && (!userMoved || a == null || a.size() != b.size())) {
                fit();
            }
            hovered = -1;
            hover.setVisible(false);
        });
        vm.search().flightsProperty().addListener((o, a, b) -> flyToMatches());
        Theme.darkProperty().addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        setOnScroll(this::scrolled);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        setOnMouseExited(e -> hoverAt(-1e9, -1e9));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (flight != null) {
                    double t = Math.min(1, (now - flight.start()) / (double) flight.nanos());
                    camera = MapCamera.between(flight.from(), flight.to(), t);
                    dirty = true;
                    if (t >= 1) {
                        flight = null;
                    }
                }
                if (dirty) {
                    dirty = false;
                    draw();
                }
            }
        }.start();
    }

    private void resized() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (!userMoved) {
            fit();
        }
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
        hover.autosize();
    }

    /** Shows the whole map. */
    public void fit() {
        MapPoints p = vm.pointsProperty().get();
        if (p == null || p.size() == 0 || getWidth() <= 0) {
            return;
        }
        float[] x = p.x();
        float[] y = p.y();
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < p.size(); q++) {
            x0 = Math.min(x0, x[q]);
            x1 = Math.max(x1, x[q]);
            y0 = Math.min(y0, y[q]);
            y1 = Math.max(y1, y[q]);
        }
        camera = MapCamera.fitting(x0, y0, x1, y1, getWidth(), getHeight(), 24);
        painter.setFitScale(camera.scale());
        userMoved = false;
        flight = null;
        dirty = true;
    }

    private void flyToMatches() {
        MapPoints p = vm.pointsProperty().get();
        int[] m = vm.search().matchesProperty().get();
        if (p == null || m.length == 0 || getWidth() <= 0) {
            return;
        }
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int q : m) {
            x0 = Math.min(x0, p.x()[q]);
            x1 = Math.max(x1, p.x()[q]);
            y0 = Math.min(y0, p.y()[q]);
            y1 = Math.max(y1, p.y()[q]);
        }
        MapCamera to = MapCamera.fitting(x0, y0, x1, y1, getWidth(), getHeight(), 80);
        // one match (or a tight group): close enough to see its neighbours, not a single point filling the screen
        double most = painter.fitScale() * 8;
        to.set(to.centerX(), to.centerY(), Math.min(to.scale(), most));
        flight = new Flight(camera.copy(), to, System.nanoTime(), 600_000_000L);
        userMoved = true;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        // zoom by 2^(delta / 100): one wheel notch (40 px on most systems) is about x1.3, touchpads are gradual
        camera.zoomAt(e.getX(), e.getY(), Math.pow(2, e.getDeltaY() / 100.0), getWidth(), getHeight());
        userMoved = true;
        flight = null;
        dirty = true;
        e.consume();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
        pathLength = 0;
        addPathPoint(e.getX(), e.getY());
        requestFocus();
    }

    private void dragged(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        dragging |= Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP;
        Tool t = e.isShiftDown() && tool == Tool.PAN ? Tool.RECTANGLE : tool;
        if (t == Tool.PAN) {
            camera.pan(e.getX() - lastX, e.getY() - lastY);
            userMoved = true;
            flight = null;
        } else {
            addPathPoint(e.getX(), e.getY());
        }
        lastX = e.getX();
        lastY = e.getY();
        hover.setVisible(false);
        dirty = true;
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Tool t = e.isShiftDown() && tool == Tool.PAN ? Tool.RECTANGLE : tool;
        if (!dragging) {
            int p = pick(e.getX(), e.getY());
            if (p >= 0) {
                vm.open(p);
            }
        } else if (t != Tool.PAN) {
            vm.selection().select(selectionShape(t, e.getX(), e.getY()));
        }
        pathLength = 0;
        dragging = false;
        dirty = true;
    }

    /** The dragged shape in layout units: the rectangle from press to release, or the lasso's path. */
    private Lasso selectionShape(Tool t, double x, double y) {
        double w = getWidth();
        double h = getHeight();
        if (t == Tool.RECTANGLE) {
            return Lasso.rectangle(camera.toWorldX(pressX, w), camera.toWorldY(pressY, h), camera.toWorldX(x, w), camera.toWorldY(y, h));
        }
        double[] xs = new double[pathLength];
        double[] ys = new double[pathLength];
        for (int i = 0; i < pathLength; i++) {
            xs[i] = camera.toWorldX(pathX[i], w);
            ys[i] = camera.toWorldY(pathY[i], h);
        }
        return new Lasso(xs, ys);
    }

    private void addPathPoint(double x, double y) {
        if (pathLength == pathX.length) {
            pathX = Arrays.copyOf(pathX, pathLength * 2);
            pathY = Arrays.copyOf(pathY, pathLength * 2);
        }
        pathX[pathLength] = x;
        pathY[pathLength++] = y;
    }

    /** The shown point under screen point (x, y), or -1. */
    public int pick(double x, double y) {
        return vm.pointAt(camera.toWorldX(x, getWidth()), camera.toWorldY(y, getHeight()), HOVER_RADIUS / camera.scale());
    }

    private void hoverAt(double x, double y) {
        int p = pick(x, y);
        if (p != hovered) {
            hovered = p;
            dirty = true;
        }
        if (p < 0) {
            hover.setVisible(false);
            return;
        }
        hover.setText(vm.describe(p));
        hover.autosize();
        // beside the cursor, flipped to stay inside the map
        double hx = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
        double hy = y + 14 + hover.getHeight() > getHeight() ? y - 14 - hover.getHeight() : y + 14;
        hover.relocate(Math.max(0, hx), Math.max(0, hy));
        hover.setVisible(true);
    }

    private void draw() {
        long t0 = System.nanoTime();
        double[][] path = pathLength > 1 && dragging ? new double[][] {Arrays.copyOf(pathX, pathLength), Arrays.copyOf(pathY, pathLength)} : null;
        Tool t = tool;
        painter.paint(canvas.getGraphicsContext2D(), camera, getWidth(), getHeight(), hovered, path,
                t == Tool.RECTANGLE || t == Tool.PAN && path != null ? Tool.RECTANGLE : t);
        drawNanos += System.nanoTime() - t0;
        frames++;
    }

    /** Where layout point p is on the canvas now (for tests and the hover card). */
    public Point2D screenOf(int p) {
        MapPoints m = vm.pointsProperty().get();
        return new Point2D(camera.toScreenX(m.x()[p], getWidth()), camera.toScreenY(m.y()[p], getHeight()));
    }

    public MapCamera camera() {
        return camera;
    }

    public void setCamera(MapCamera c) {
        camera = c.copy();
        userMoved = true;
        dirty = true;
    }

    public void setTool(Tool t) {
        tool = t;
        setCursor(t == Tool.PAN ? javafx.scene.Cursor.OPEN_HAND : javafx.scene.Cursor.CROSSHAIR);
    }

    public Tool tool() {
        return tool;
    }

    /** Frames drawn and the time spent drawing them (for the frame-time bench). */
    public long frames() {
        return frames;
    }

    public long drawNanos() {
        return drawNanos;
    }

    public Canvas canvas() {
        return canvas;
    }
}
