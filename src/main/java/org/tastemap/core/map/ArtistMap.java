package org.tastemap.core.map;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 2-D map of artists: point p is artist {@code artists[p]} (an item index of the model) at
 * ({@code x[p]}, {@code y[p]}) in cluster {@code cluster[p]} (0 to {@code clusterCount - 1}).
 * Points are in the order of the artists' listeners, most first. The arrays are handed over and not
 * copied; nobody writes them after construction.
 *
 * @param method   the method that made this layout ({@link MapMethod#PCA} for the first snapshot of a t-SNE run)
 * @param finished false for an intermediate layout (a live snapshot, or a cancelled run's last state)
 */
public record ArtistMap(int[] artists, float[] x, float[] y, int[] cluster, int clusterCount, MapMethod method,
                        boolean finished) {
    public ArtistMap {
        Objects.requireNonNull(method, "method");
        int n = artists.length;
        if (x.length != n || y.length != n || cluster.length != n) {
            throw new IllegalArgumentException("a map of " + n + " artists needs " + n + " x, y and clusters, not " + x.length
                    + ", " + y.length + ", " + cluster.length);
        }
        if (clusterCount < 0 || (n > 0 && clusterCount < 1)) {
            throw new IllegalArgumentException("a map of " + n + " artists cannot have " + clusterCount + " clusters");
        }
        for (int c : cluster) {
            if (c < 0 || c >= clusterCount) {
                throw new IllegalArgumentException("cluster " + c + " is outside 0.." + (clusterCount - 1));
            }
        }
    }

    /** The number of artists on the map. */
    public int size() {
        return artists.length;
    }

    /** The same layout marked finished or not. */
    public ArtistMap withFinished(boolean f) {
        return new ArtistMap(artists, x, y, cluster, clusterCount, method, f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtistMap m && clusterCount == m.clusterCount && method == m.method && finished == m.finished
                && Arrays.equals(artists, m.artists) && Arrays.equals(x, m.x) && Arrays.equals(y, m.y)
                && Arrays.equals(cluster, m.cluster);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(x) * 31 + Arrays.hashCode(y)) * 31 + Arrays.hashCode(artists);
    }

    @Override
    public String toString() {
        return "ArtistMap[" + size() + " artists, " + clusterCount + " clusters, " + method.key() + (finished ? "" : ", unfinished") + "]";
    }
}
