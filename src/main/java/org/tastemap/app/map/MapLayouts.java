package org.tastemap.app.map;

import java.util.function.BooleanSupplier;
import org.tastemap.core.model.TrainedModel;

/**
 * Where the Map screen gets its layouts and clusters from (the engine, or a fixed layout in tests).
 * Both calls run on a background thread and stop soon after {@code cancel} turns true.
 */
public interface MapLayouts {
    /** What a layout is asked for: how many artists (most listened first), the seed, and k (0: chosen by measurement). */
    record Request(int maxArtists, long seed, int clusters) {
        public static final int DEFAULT_ARTISTS = 20_000;
        public static final long DEFAULT_SEED = 42L;

        public static Request defaults() {
            return new Request(DEFAULT_ARTISTS, DEFAULT_SEED, 0);
        }
    }

    /** Reports a phase, how far it is (0..1) and the layout so far (may be null); called on the worker thread. */
    @FunctionalInterface
    interface Progress {
        void report(String phase, double fraction, MapPoints snapshot);
    }

    /** The layouts the app uses: the map engine, its maps kept beside the session folder ({@code ~/.tastemap/maps}). */
    static MapLayouts standard(java.nio.file.Path sessionDir) {
        return new EngineLayouts(org.tastemap.io.MapCache.besideSession(sessionDir));
    }

    /** Lays out the model's artists; {@code listeners[i]} is artist i's listener count. */
    MapPoints layout(TrainedModel model, int[] listeners, Request request, Progress progress, BooleanSupplier cancel);

    /** k-means clusters (0..k-1) of the given artists' factors, deterministic for the seed. */
    int[] clusters(TrainedModel model, int[] artists, int k, long seed, BooleanSupplier cancel);

    /** A layout saved earlier for this model and request, or null (never blocks long). */
    default MapPoints saved(TrainedModel model, Request request) {
        return null;
    }

    /** Keeps a finished layout for the next time this model is opened; failures are not the user's problem. */
    default void save(TrainedModel model, Request request, MapPoints points) {
    }
}
