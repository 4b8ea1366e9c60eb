package org.tastemap.app.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.tastemap.app.Theme;

/**
 * Draws the map on a canvas: points grouped by colour (one fill change per group, not per point),
 * points off screen skipped; then the selection, the search matches with their names, the listener
 * overlay, the hovered point and the selection shape being dragged.
 */
final class MapPainter {
    private static final Color LIGHT_BG = Color.web("#fbfcfd");
    private static final Color DARK_BG = Color.web("#151a1f");
    private static final Color MATCH = Color.web("#ff2e88");
    private static final Color PLAYED = Color.web("#ffffff");
    private static final Color RECOMMENDED = Color.web("#ff9f1c");
    private final MapViewModel vm;
    private Grouping ordered;
    /** Points sorted by group: group g is order[start[g] .. start[g + 1]). */
    private int[] order = new int[0];
    private int[] start = new int[1];
    private double fitScale = 1;

    MapPainter(MapViewModel vm) {
        this.vm = vm;
    }

    void setFitScale(double s) {
        fitScale = s;
    }

    double fitScale() {
        return fitScale;
    }

    void paint(GraphicsContext g, MapCamera cam, double w, double h, int hovered, double[][] path, MapCanvas.Tool tool) {
        boolean dark = Theme.darkProperty().get();
        Color ink = dark ? Color.web("#e4e8ec") : Color.web("#1d2733");
        g.setFill(dark ? DARK_BG : LIGHT_BG);
        g.fillRect(0, 0, w, h);
        MapPoints p = vm.pointsProperty().get();
        Grouping grouping = vm.grouping();
        if (p == null || grouping == null) {
            return;
        }
        sortByGroup(grouping);
        float[] xs = p.x();
        float[] ys = p.y();
        // points grow as one zooms in: radius 2 px at the whole-map view, +1 px per doubling, at most 6
        double r = Math.max(1.6, Math.min(6, 2 + Math.log(cam.scale() / fitScale) / Math.log(2)));
        double cx = cam.centerX();
        double cy = cam.centerY();
        double s = cam.scale();
        double hw = w / 2;
        double hh = h / 2;
        g.setGlobalAlpha(p.finished() ? 0.85 : 0.7);
        for (int grp = 0; grp < grouping.names().length; grp++) {
            if (start[grp] == start[grp + 1] || !vm.shown(order[start[grp]])) {
                continue;
            }
            g.setFill(grouping.colours()[grp]);
            for (int q = start[grp]; q < start[grp + 1]; q++) {
                int i = order[q];
                double sx = (xs[i] - cx) * s + hw;
                double sy = hh - (ys[i] - cy) * s;
                if (sx < -r || sy < -r || sx > w + r || sy > h + r) {
                    continue;
                }
                g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            }
        }
        g.setGlobalAlpha(1);
        // the selection: a ring around each selected point
        boolean[] selected = vm.selection().points();
        g.setStroke(ink);
        g.setLineWidth(1.2);
        for (int i = 0; i < selected.length; i++) {
            if (selected[i] && vm.shown(i)) {
                g.strokeOval(cam.toScreenX(xs[i], w) - r - 2, cam.toScreenY(ys[i], h) - r - 2, 2 * r + 4, 2 * r + 4);
            }
        }
        overlay(g, cam, w, h, p, r, ink);
        matches(g, cam, w, h, p, r, dark);
        if (hovered >= 0 && hovered < p.size()) {
            g.setStroke(ink);
            g.setLineWidth(2);
            double hr = r + 4;
            g.strokeOval(cam.toScreenX(xs[hovered], w) - hr, cam.toScreenY(ys[hovered], h) - hr, 2 * hr, 2 * hr);
        }
        if (path != null) {
            g.setStroke(ink);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.setFill(ink.deriveColor(0, 1, 1, 0.08));
            if (tool == MapCanvas.Tool.RECTANGLE) {
                int last = path[0].length - 1;
                double x0 = Math.min(path[0][0], path[0][last]);
                double y0 = Math.min(path[1][0], path[1][last]);
                double rw = Math.abs(path[0][last] - path[0][0]);
                double rh = Math.abs(path[1][last] - path[1][0]);
                g.fillRect(x0, y0, rw, rh);
                g.strokeRect(x0, y0, rw, rh);
            } else {
                g.fillPolygon(path[0], path[1], path[0].length);
                g.strokePolygon(path[0], path[1], path[0].length);
            }
            g.setLineDashes();
        }
    }

    private void overlay(GraphicsContext g, MapCamera cam, double w, double h, MapPoints p, double r, Color ink) {
        MapOverlay.Shown o = vm.overlay().shownProperty().get();
        if (o == null) {
            return;
        }
        g.setLineWidth(1.5);
        for (int a : o.played()) {
            int i = vm.pointOf(a);
            if (i >= 0) {
                double sx = cam.toScreenX(p.x()[i], w);
                double sy = cam.toScreenY(p.y()[i], h);
                g.setFill(PLAYED);
                g.fillOval(sx - r - 1.5, sy - r - 1.5, 2 * r + 3, 2 * r + 3);
                g.setStroke(ink);
                g.strokeOval(sx - r - 1.5, sy - r - 1.5, 2 * r + 3, 2 * r + 3);
            }
        }
        for (int a : o.recommended()) {
            int i = vm.pointOf(a);
            if (i >= 0) {
                // a diamond: recommended, not played
                double sx = cam.toScreenX(p.x()[i], w);
                double sy = cam.toScreenY(p.y()[i], h);
                double d = r + 4;
                double[] px = {sx, sx + d, sx, sx - d};
                double[] py = {sy - d, sy, sy + d, sy};
                g.setFill(RECOMMENDED);
                g.fillPolygon(px, py, 4);
                g.setStroke(ink);
                g.strokePolygon(px, py, 4);
            }
        }
    }

    private void matches(GraphicsContext g, MapCamera cam, double w, double h, MapPoints p, double r, boolean dark) {
        int[] m = vm.search().matchesProperty().get();
        if (m.length == 0) {
            return;
        }
        g.setStroke(MATCH);
        g.setLineWidth(2.5);
        Font font = Font.font(null, FontWeight.BOLD, 12);
        g.setFont(font);
        // at most 12 names, best matches first, and none written over another (a broad search matches hundreds)
        LabelPlacer labels = new LabelPlacer(12);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(font);
        for (int k = 0; k < m.length; k++) {
            int i = m[k];
            if (i >= p.size()) {
                continue;
            }
            double sx = cam.toScreenX(p.x()[i], w);
            double sy = cam.toScreenY(p.y()[i], h);
            g.strokeOval(sx - r - 5, sy - r - 5, 2 * r + 10, 2 * r + 10);
        }
        // the names go over every ring, so no later ring covers a name's first letters
        for (int k = 0; k < m.length && !labels.full(); k++) {
            int i = m[k];
            if (i >= p.size()) {
                continue;
            }
            double sx = cam.toScreenX(p.x()[i], w);
            double sy = cam.toScreenY(p.y()[i], h);
            if (sx < 0 || sx > w || sy < 0 || sy > h) {
                continue;
            }
            String name = vm.artistName(p.artists()[i]);
            measure.setText(name);
            if (labels.place(sx + r + 8, sy - 10, measure.getLayoutBounds().getWidth(), 16)) {
                // names of the best matches beside them, on a halo so they read over the points
                g.setLineWidth(3);
                g.setStroke(dark ? DARK_BG : LIGHT_BG);
                g.strokeText(name, sx + r + 8, sy + 4);
                g.setFill(dark ? Color.web("#ff7ab8") : Color.web("#b0125b"));
                g.fillText(name, sx + r + 8, sy + 4);
            }
        }
    }

    private void sortByGroup(Grouping grouping) {
        if (grouping == ordered) {
            return;
        }
        ordered = grouping;
        int groups = grouping.names().length;
        start = new int[groups + 1];
        for (int gr : grouping.group()) {
            start[gr + 1]++;
        }
        for (int k = 0; k < groups; k++) {
            start[k + 1] += start[k];
        }
        order = new int[grouping.group().length];
        int[] fill = start.clone();
        for (int i = 0; i < order.length; i++) {
            order[fill[grouping.group()[i]]++] = i;
        }
    }
}
