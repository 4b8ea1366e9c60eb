package org.tastemap.core.map;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * k-means (Lloyd's iterations from k-means++ seeds, Arthur and Vassilvitskii 2007) on rows of
 * floats; the map runs it on cosine-normalised artist factors, so squared distance is
 * {@code 2 - 2 cos}. Deterministic for a seed: the best of a few seeded restarts (lowest sum of
 * squared distances), clusters numbered by size, largest first.
 */
public final class KMeans {
    /** Restarts per clustering; the one with the lowest inertia is kept. */
    public static final int RESTARTS = 8;
    /** The largest k {@link #chooseK} tries. */
    public static final int MAX_CHOSEN_K = 30;
    /** The points {@link #chooseK} measures on. */
    public static final int CHOICE_SAMPLE = 1500;
    private static final int MAX_ITERATIONS = 100;
    private static final int GRAIN = 256;

    private KMeans() {
    }

    /**
     * A clustering: row p is in cluster {@code labels[p]}, whose centroid is
     * {@code centroids[c d .. c d + d)}; inertia is the sum over rows of the squared distance to their
     * centroid.
     */
    public record Clustering(int k, int[] labels, float[] centroids, double inertia) {
    }

    /**
     * How k was chosen: the mean silhouette (Rousseeuw 1987) of a k-means clustering of a seeded
     * sample, for each k tried ({@code silhouette[k]}, NaN where not tried); {@code k} has the highest.
     */
    public record Choice(int k, double[] silhouette, int sampleSize) {
    }

    /** k-means of {@code n} rows of dimension {@code d}, k clusters (at most n), {@link #RESTARTS} restarts. */
    public static Clustering cluster(float[] rows, int n, int d, int k, long seed) {
        try (Workers w = new Workers(1, () -> false)) {
            return cluster(rows, n, d, k, seed, RESTARTS, w);
        }
    }

    /** As {@link #cluster(float[], int, int, int, long)} with the given restarts, threads and cancel flag. */
    public static Clustering cluster(float[] rows, int n, int d, int k, long seed, int restarts, int threads,
                                     BooleanSupplier cancel) {
        try (Workers w = new Workers(threads, cancel)) {
            return cluster(rows, n, d, k, seed, restarts, w);
        }
    }

    /**
     * Chooses k in 2..min({@link #MAX_CHOSEN_K}, sample - 1): the k whose clustering of a seeded
     * sample of at most {@link #CHOICE_SAMPLE} rows has the highest mean silhouette (fewer clusters
     * on ties). Fewer than 3 rows: k = n.
     */
    public static Choice chooseK(float[] rows, int n, int d, long seed, int threads, BooleanSupplier cancel) {
        try (Workers w = new Workers(threads, cancel)) {
            return chooseK(rows, n, d, seed, w);
        }
    }

    static Choice chooseK(float[] rows, int n, int d, long seed, Workers w) {
        int m = Math.min(n, CHOICE_SAMPLE);
        double[] score = new double[MAX_CHOSEN_K + 1];
        Arrays.fill(score, Double.NaN);
        if (m < 3) {
            return new Choice(Math.max(n, 0), score, m);
        }
        int[] sample = sample(n, m, seed);
        float[] sub = new float[m * d];
        for (int s = 0; s < m; s++) {
            System.arraycopy(rows, sample[s] * d, sub, s * d, d);
        }
        // dist[a][b] = |r_a - r_b| over the sample, computed once for every k
        float[] dist = new float[m * m];
        w.forRange(m, 64, (from, to) -> {
            for (int a = from; a < to; a++) {
                for (int b = 0; b < m; b++) {
                    dist[a * m + b] = (float) Math.sqrt(squared(sub, a * d, sub, b * d, d));
                }
            }
        });
        int best = 2;
        for (int k = 2; k <= Math.min(MAX_CHOSEN_K, m - 1); k++) {
            Clustering c = cluster(sub, m, d, k, seed, 2, w);
            score[k] = silhouette(dist, m, c.labels(), k);
            if (score[k] > score[best]) {
                best = k;
            }
        }
        return new Choice(best, score, m);
    }

    /**
     * Mean silhouette: for each point, a = mean distance to the others of its cluster, b = the lowest
     * mean distance to another cluster, s = (b - a) / max(a, b); s = 0 for a point alone in its cluster.
     */
    static double silhouette(float[] dist, int m, int[] labels, int k) {
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        double total = 0;
        double[] sum = new double[k];
        for (int a = 0; a < m; a++) {
            Arrays.fill(sum, 0);
            for (int b = 0; b < m; b++) {
                sum[labels[b]] += dist[a * m + b];
            }
            int own = labels[a];
            if (size[own] < 2) {
                continue;
            }
            double in = sum[own] / (size[own] - 1);
            double out = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    out = Math.min(out, sum[c] / size[c]);
                }
            }
            double mx = Math.max(in, out);
            total += mx > 0 && out < Double.POSITIVE_INFINITY ? (out - in) / mx : 0;
        }
        return total / m;
    }

    /** m distinct rows of n drawn by seed (partial Fisher-Yates), in increasing order. */
    private static int[] sample(int n, int m, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, m);
        Arrays.sort(out);
        return out;
    }

    static Clustering cluster(float[] rows, int n, int d, int k, long seed, int restarts, Workers w) {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("k-means needs k >= 1 and rows, not k = " + k + " and " + n + " rows");
        }
        k = Math.min(k, n);
        SplittableRandom seeds = new SplittableRandom(seed);
        Clustering best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            Clustering c = lloyd(rows, n, d, k, seeds.split(), w);
            if (best == null || c.inertia() < best.inertia()) {
                best = c;
            }
        }
        return bySize(best, n, d);
    }

    private static Clustering lloyd(float[] rows, int n, int d, int k, SplittableRandom rnd, Workers w) {
        float[] cent = seedPlusPlus(rows, n, d, k, rnd);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        float[] best = new float[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // assignment: label_p = argmin_c |r_p - c_c|^2 (lowest c on ties)
            boolean[] changed = {false};
            w.forRange(n, GRAIN, (from, to) -> {
                boolean ch = false;
                for (int p = from; p < to; p++) {
                    int arg = 0;
                    float min = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float s = squared(rows, p * d, cent, c * d, d);
                        if (s < min) {
                            min = s;
                            arg = c;
                        }
                    }
                    best[p] = min;
                    if (labels[p] != arg) {
                        labels[p] = arg;
                        ch = true;
                    }
                }
                if (ch) {
                    synchronized (changed) {
                        changed[0] = true;
                    }
                }
            });
            if (!changed[0] && it > 0) {
                break;
            }
            // update: c_c = mean of its rows; an empty cluster takes the row farthest from its centroid
            double[] sum = new double[k * d];
            int[] count = new int[k];
            for (int p = 0; p < n; p++) {
                int c = labels[p];
                count[c]++;
                for (int f = 0; f < d; f++) {
                    sum[c * d + f] += rows[p * d + f];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    int far = 0;
                    for (int p = 1; p < n; p++) {
                        if (best[p] > best[far]) {
                            far = p;
                        }
                    }
                    best[far] = 0;
                    count[labels[far]]--;
                    for (int f = 0; f < d; f++) {
                        sum[labels[far] * d + f] -= rows[far * d + f];
                        sum[c * d + f] = rows[far * d + f];
                    }
                    labels[far] = c;
                    count[c] = 1;
                }
            }
            for (int c = 0; c < k; c++) {
                for (int f = 0; f < d; f++) {
                    cent[c * d + f] = count[c] > 0 ? (float) (sum[c * d + f] / count[c]) : cent[c * d + f];
                }
            }
        }
        double inertia = 0;
        for (int p = 0; p < n; p++) {
            inertia += squared(rows, p * d, cent, labels[p] * d, d);
        }
        return new Clustering(k, labels, cent, inertia);
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to D(p)^2. */
    private static float[] seedPlusPlus(float[] rows, int n, int d, int k, SplittableRandom rnd) {
        float[] cent = new float[k * d];
        double[] d2 = new double[n];
        int first = rnd.nextInt(n);
        System.arraycopy(rows, first * d, cent, 0, d);
        for (int p = 0; p < n; p++) {
            d2[p] = squared(rows, p * d, cent, 0, d);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : d2) {
                total += v;
            }
            int pick = 0;
            if (total > 0) {
                double target = rnd.nextDouble() * total;
                double acc = 0;
                pick = n - 1;
                for (int p = 0; p < n; p++) {
                    acc += d2[p];
                    if (acc > target && d2[p] > 0) {
                        pick = p;
                        break;
                    }
                }
            } else {
                pick = rnd.nextInt(n);
            }
            System.arraycopy(rows, pick * d, cent, c * d, d);
            for (int p = 0; p < n; p++) {
                d2[p] = Math.min(d2[p], squared(rows, p * d, cent, c * d, d));
            }
        }
        return cent;
    }

    /** Renumbers clusters by size, largest first (the lowest first row on ties). */
    private static Clustering bySize(Clustering c, int n, int d) {
        int k = c.k();
        int[] size = new int[k];
        int[] first = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int p = 0; p < n; p++) {
            int l = c.labels()[p];
            size[l]++;
            first[l] = Math.min(first[l], p);
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
        int[] newOf = new int[k];
        float[] cent = new float[k * d];
        for (int r = 0; r < k; r++) {
            newOf[order[r]] = r;
            System.arraycopy(c.centroids(), order[r] * d, cent, r * d, d);
        }
        int[] labels = new int[n];
        for (int p = 0; p < n; p++) {
            labels[p] = newOf[c.labels()[p]];
        }
        return new Clustering(k, labels, cent, c.inertia());
    }

    /** |a - b|^2 over d values. */
    static float squared(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int f = 0; f < d; f++) {
            float t = a[ao + f] - b[bo + f];
            s += t * t;
        }
        return s;
    }
}
