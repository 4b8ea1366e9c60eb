package org.tastemap.app.map;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.KMeans;
import org.tastemap.core.map.MapBuilder;
import org.tastemap.core.map.MapMethod;
import org.tastemap.core.map.MapOptions;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.MapCache;

/**
 * The map engine ({@link MapBuilder}: PCA at once, then Barnes-Hut t-SNE; k-means with k chosen by
 * silhouette) with its on-disk cache ({@link MapCache}), so that a model's map reopens instantly in a
 * later session too. A damaged or foreign cache file is logged and the map laid out again.
 */
final class EngineLayouts implements MapLayouts {
    private static final Logger LOG = Logger.getLogger(EngineLayouts.class.getName());
    private final MapCache cache;

    EngineLayouts(MapCache cache) {
        this.cache = cache;
    }

    static MapOptions options(Request r) {
        return MapOptions.defaults().withMaxArtists(r.maxArtists()).withSeed(r.seed()).withClusters(r.clusters())
                .withMethod(MapMethod.AUTO);
    }

    @Override
    public MapPoints layout(TrainedModel model, int[] listeners, Request request, Progress progress, BooleanSupplier cancel) {
        ArtistMap m = MapBuilder.build(model.factors(), listeners, options(request),
                (phase, fraction, snapshot) -> progress.report(phase, fraction, snapshot == null ? null : points(snapshot)), cancel);
        return points(m);
    }

    static MapPoints points(ArtistMap m) {
        return new MapPoints(m.artists(), m.x(), m.y(), m.cluster(), m.clusterCount(), m.method().key(), m.finished());
    }

    @Override
    public int[] clusters(TrainedModel model, int[] artists, int k, long seed, BooleanSupplier cancel) {
        FactorModel f = model.factors();
        int d = f.factors();
        float[] unit = new float[artists.length * d];
        // the rows the map clusters: y_i / |y_i| (cosine geometry, as MapBuilder does)
        for (int p = 0; p < artists.length; p++) {
            float[] y = f.itemVector(artists[p]);
            double ss = 0;
            for (float v : y) {
                ss += (double) v * v;
            }
            double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
            for (int j = 0; j < d; j++) {
                unit[p * d + j] = (float) (y[j] * inv);
            }
        }
        return KMeans.cluster(unit, artists.length, d, Math.min(k, artists.length), seed, KMeans.RESTARTS,
                Runtime.getRuntime().availableProcessors(), cancel).labels();
    }

    @Override
    public MapPoints saved(TrainedModel model, Request request) {
        try {
            return cache.load(MapCache.modelKey(model.factors()), options(request), model.factors().numItems())
                    .map(EngineLayouts::points).orElse(null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "map cache not used; laying out again", e);
            return null;
        }
    }

    @Override
    public void save(TrainedModel model, Request request, MapPoints p) {
        if (!p.finished()) {
            return;
        }
        try {
            ArtistMap m = new ArtistMap(p.artists(), p.x(), p.y(), p.cluster(), p.clusterCount(), MapMethod.valueOf(p.method().toUpperCase(java.util.Locale.ROOT)), true);
            cache.save(MapCache.modelKey(model.factors()), options(request), m);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "could not keep the map in the cache", e);
        }
    }
}
