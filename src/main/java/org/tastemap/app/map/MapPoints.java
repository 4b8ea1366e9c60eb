package org.tastemap.app.map;

/**
 * A layout of artists as the Map screen draws it: point {@code p} is dataset artist {@code artists[p]}
 * at ({@code x[p]}, {@code y[p]}) in layout units, in k-means cluster {@code cluster[p]} (0 ..
 * {@code clusterCount - 1}). {@code finished} is false for a live snapshot of a layout still refining.
 */
public record MapPoints(int[] artists, float[] x, float[] y, int[] cluster, int clusterCount, String method,
                        boolean finished) {
    public MapPoints {
        if (x.length != artists.length || y.length != artists.length || cluster.length != artists.length) {
            throw new IllegalArgumentException("artists, x, y and cluster differ in length");
        }
    }

    public int size() {
        return artists.length;
    }

    /** The same points with other clusters (k-means run again with another k). */
    public MapPoints withClusters(int[] clusters, int count) {
        return new MapPoints(artists, x, y, clusters, count, method, finished);
    }
}
