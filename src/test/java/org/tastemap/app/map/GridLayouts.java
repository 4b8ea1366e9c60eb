package org.tastemap.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tastemap.core.model.TrainedModel;

/**
 * A fixed layout for tests: artist a (a < side * side) sits at (a % side, a / side), so the test
 * knows every coordinate; cluster = column * k / side (vertical bands). It counts its calls and
 * reports one half-way snapshot before the finished layout, as a refining engine would.
 */
final class GridLayouts implements MapLayouts {
    final int side;
    final List<Request> layouts = new ArrayList<>();
    final List<Integer> clusterings = new ArrayList<>();

    GridLayouts(int side) {
        this.side = side;
    }

    @Override
    public MapPoints layout(TrainedModel model, int[] listeners, Request request, Progress progress, BooleanSupplier cancel) {
        layouts.add(request);
        int k = request.clusters() > 0 ? request.clusters() : 2;
        MapPoints half = points(k, 0.5f, false);
        progress.report("refining", 0.5, half);
        MapPoints done = points(k, 1f, true);
        progress.report("done", 1, done);
        return done;
    }

    MapPoints points(int k, float scale, boolean finished) {
        int n = side * side;
        int[] artists = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int[] cluster = new int[n];
        for (int a = 0; a < n; a++) {
            artists[a] = a;
            x[a] = (a % side) * scale;
            y[a] = (a / side) * scale;
            cluster[a] = (a % side) * k / side;
        }
        return new MapPoints(artists, x, y, cluster, k, "grid", finished);
    }

    @Override
    public int[] clusters(TrainedModel model, int[] artists, int k, long seed, BooleanSupplier cancel) {
        clusterings.add(k);
        int[] c = new int[artists.length];
        for (int p = 0; p < c.length; p++) {
            c[p] = (artists[p] % side) * k / side;
        }
        return c;
    }
}
