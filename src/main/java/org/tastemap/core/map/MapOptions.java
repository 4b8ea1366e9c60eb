package org.tastemap.core.map;

import java.util.Objects;

/**
 * What {@link MapBuilder} lays out and how.
 *
 * @param maxArtists the N artists with the most listeners are mapped; 0 maps every artist with a listener
 * @param method     the layout method
 * @param seed       seeds k-means and the sample that chooses k; the layout itself is deterministic
 *                   from the PCA start
 * @param clusters   k for k-means; 0 chooses k by measurement ({@link KMeans#chooseK})
 * @param threads    worker threads; 0 uses every core. The result does not depend on it.
 */
public record MapOptions(int maxArtists, MapMethod method, long seed, int clusters, int threads) {
    /** The default number of artists mapped. */
    public static final int DEFAULT_ARTISTS = 20_000;
    /** The largest k accepted for k-means. */
    public static final int MAX_CLUSTERS = 200;

    public MapOptions {
        Objects.requireNonNull(method, "method");
        if (maxArtists < 0) {
            throw new IllegalArgumentException("the number of artists to map must be 0 (all) or more, not " + maxArtists);
        }
        if (clusters < 0 || clusters > MAX_CLUSTERS) {
            throw new IllegalArgumentException("clusters must be 0 (chosen by measurement) to " + MAX_CLUSTERS + ", not " + clusters);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (every core) or more, not " + threads);
        }
    }

    /** 20,000 artists, AUTO, seed 42, k chosen by measurement, every core. */
    public static MapOptions defaults() {
        return new MapOptions(DEFAULT_ARTISTS, MapMethod.AUTO, 42, 0, 0);
    }

    public MapOptions withMaxArtists(int v) {
        return new MapOptions(v, method, seed, clusters, threads);
    }

    public MapOptions withMethod(MapMethod v) {
        return new MapOptions(maxArtists, v, seed, clusters, threads);
    }

    public MapOptions withSeed(long v) {
        return new MapOptions(maxArtists, method, v, clusters, threads);
    }

    public MapOptions withClusters(int v) {
        return new MapOptions(maxArtists, method, seed, v, threads);
    }

    public MapOptions withThreads(int v) {
        return new MapOptions(maxArtists, method, seed, clusters, v);
    }

    /** The threads to use: {@link #threads}, or every core when 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
