package org.tastemap.app.map;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import org.tastemap.core.model.TrainedModel;

/**
 * The last few finished layouts, by model (the same object, held weakly so a dropped model is freed)
 * and k, so that the Map screen reopens on a model at once.
 */
final class RecentMaps {
    static final int SIZE = 4;

    private record Entry(WeakReference<TrainedModel> model, int clusters, MapPoints points) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** The layout kept for this model and k (0: whichever k it was laid out with), or null. */
    MapPoints get(TrainedModel model, int clusters) {
        for (Entry e : entries) {
            if (e.model().get() == model && (clusters == 0 || e.clusters() == clusters)) {
                return e.points();
            }
        }
        return null;
    }

    void put(TrainedModel model, int clusters, MapPoints points) {
        entries.removeIf(e -> e.model().get() == null || e.model().get() == model && e.clusters() == clusters);
        entries.addFirst(new Entry(new WeakReference<>(model), clusters, points));
        while (entries.size() > SIZE) {
            entries.removeLast();
        }
    }
}
