package org.tastemap.core.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /**
     * Tiny cases against the exact optimum, found by trying every assignment of the points to k
     * labels with no empty cluster (k^n of them). Three well-separated groups of three points: the
     * optimal partition must come out. Random Gaussian points have many local optima, and k-means
     * (a heuristic) does not always find the global one: every result must be a local optimum (each
     * point nearest its own centroid, each centroid its cluster's mean) no better than the optimum,
     * and the restarts must reach the optimum in most cases (probed on 600 seeded cases: 25% with one
     * run, 65% with 4 restarts, 81% with 8).
     */
    @Test
    void matchesTheBruteForceOptimumOnTinyCases() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int d = 3;
        for (int trial = 0; trial < 10; trial++) {
            float[] rows = new float[9 * d];
            for (int g = 0; g < 3; g++) {
                double[] centre = {10 * rnd.nextGaussian(), 10 * rnd.nextGaussian(), 10 * rnd.nextGaussian()};
                for (int p = 3 * g; p < 3 * g + 3; p++) {
                    for (int f = 0; f < d; f++) {
                        rows[p * d + f] = (float) (centre[f] + 0.1 * rnd.nextGaussian());
                    }
                }
            }
            if (minGap(rows, 9, d) < 1) {
                continue;
            }
            Brute best = bruteForce(rows, 9, d, 3);
            KMeans.Clustering c = KMeans.cluster(rows, 9, d, 3, trial);
            assertEquals(canonical(best.labels), canonical(c.labels()), "separated trial " + trial);
            assertEquals(best.sse, c.inertia(), 1e-4 * best.sse);
        }
        int n = 8;
        int optimal = 0;
        int trials = 50;
        for (int trial = 0; trial < trials; trial++) {
            int k = 2 + trial % 2;
            float[] rows = new float[n * d];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) rnd.nextGaussian();
            }
            Brute best = bruteForce(rows, n, d, k);
            KMeans.Clustering c = KMeans.cluster(rows, n, d, k, trial);
            assertEquals(sse(rows, n, d, k, c.labels()), c.inertia(), 1e-4 * c.inertia(), "the inertia reported is the labels' own");
            assertTrue(c.inertia() >= best.sse * (1 - 1e-6), "nothing beats the exhaustive search");
            assertTrue(isLocalOptimum(rows, n, d, c), "trial " + trial + " is a fixed point of Lloyd's iteration");
            if (Math.abs(c.inertia() - best.sse) <= 1e-4 * best.sse) {
                assertEquals(canonical(best.labels), canonical(c.labels()), "trial " + trial + ": the optimal partition");
                optimal++;
            }
        }
        assertTrue(optimal >= 0.7 * trials, optimal + " of " + trials + " reached the optimum");
    }

    /** Every point's nearest centroid is its own, and every centroid is its cluster's mean. */
    private static boolean isLocalOptimum(float[] rows, int n, int d, KMeans.Clustering c) {
        double[] mean = new double[c.k() * d];
        int[] count = new int[c.k()];
        for (int p = 0; p < n; p++) {
            count[c.labels()[p]]++;
            for (int f = 0; f < d; f++) {
                mean[c.labels()[p] * d + f] += rows[p * d + f];
            }
            float own = KMeans.squared(rows, p * d, c.centroids(), c.labels()[p] * d, d);
            for (int o = 0; o < c.k(); o++) {
                if (KMeans.squared(rows, p * d, c.centroids(), o * d, d) < own - 1e-6) {
                    return false;
                }
            }
        }
        for (int o = 0; o < c.k() * d; o++) {
            if (Math.abs(mean[o] / count[o / d] - c.centroids()[o]) > 1e-5) {
                return false;
            }
        }
        return true;
    }

    /** The smallest distance between two points of different groups of three. */
    private static double minGap(float[] rows, int n, int d) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a / 3 != b / 3) {
                    min = Math.min(min, Math.sqrt(KMeans.squared(rows, a * d, rows, b * d, d)));
                }
            }
        }
        return min;
    }

    @Test
    void isDeterministicForASeedAndNumbersClustersBySize() {
        float[] rows = blobs(new int[] {30, 50, 20}, 8, 0.05, 3);
        KMeans.Clustering a = KMeans.cluster(rows, 100, 8, 3, 11);
        KMeans.Clustering b = KMeans.cluster(rows, 100, 8, 3, 11, KMeans.RESTARTS, 2, () -> false);
        assertArrayEquals(a.labels(), b.labels(), "same seed, one or two threads");
        assertArrayEquals(a.centroids(), b.centroids());
        // the blobs are rows 0-29, 30-79 and 80-99: the 50 become cluster 0, the 30 cluster 1, the 20 cluster 2
        for (int p = 0; p < 100; p++) {
            assertEquals(p < 30 ? 1 : p < 80 ? 0 : 2, a.labels()[p], "row " + p);
        }
    }

    /** Five tight, far-apart blobs on the unit sphere: the silhouette is highest at their number. */
    @Test
    void choosesTheNumberOfSeparatedBlobs() {
        float[] rows = blobs(new int[] {40, 60, 30, 50, 45}, 16, 0.05, 9);
        KMeans.Choice choice = KMeans.chooseK(rows, 225, 16, 1, 2, () -> false);
        assertEquals(5, choice.k(), "silhouettes by k: " + java.util.Arrays.toString(choice.silhouette()));
    }

    /** Unit rows in blobs of the given sizes around random unit centres, noise sd {@code noise} per dimension. */
    static float[] blobs(int[] sizes, int d, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        float[] rows = new float[n * d];
        int p = 0;
        for (int s : sizes) {
            double[] centre = new double[d];
            for (int f = 0; f < d; f++) {
                centre[f] = rnd.nextGaussian();
            }
            for (int i = 0; i < s; i++, p++) {
                double norm = 0;
                double[] v = new double[d];
                for (int f = 0; f < d; f++) {
                    v[f] = centre[f] / Math.sqrt(d) + noise * rnd.nextGaussian();
                    norm += v[f] * v[f];
                }
                for (int f = 0; f < d; f++) {
                    rows[p * d + f] = (float) (v[f] / Math.sqrt(norm));
                }
            }
        }
        return rows;
    }

    private record Brute(double sse, int[] labels) {
    }

    private static Brute bruteForce(float[] rows, int n, int d, int k) {
        int[] labels = new int[n];
        double best = Double.POSITIVE_INFINITY;
        int[] bestLabels = null;
        int total = (int) Math.pow(k, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int p = 0; p < n; p++) {
                labels[p] = c % k;
                c /= k;
            }
            double s = sse(rows, n, d, k, labels);
            if (s < best) {
                best = s;
                bestLabels = labels.clone();
            }
        }
        return new Brute(best, bestLabels);
    }

    /** Sum over points of the squared distance to their cluster's mean; infinite when a cluster is empty. */
    private static double sse(float[] rows, int n, int d, int k, int[] labels) {
        double[] mean = new double[k * d];
        int[] count = new int[k];
        for (int p = 0; p < n; p++) {
            count[labels[p]]++;
            for (int f = 0; f < d; f++) {
                mean[labels[p] * d + f] += rows[p * d + f];
            }
        }
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double s = 0;
        for (int p = 0; p < n; p++) {
            for (int f = 0; f < d; f++) {
                double t = rows[p * d + f] - mean[labels[p] * d + f] / count[labels[p]];
                s += t * t;
            }
        }
        return s;
    }

    /** Labels renamed in order of first appearance, so that equal partitions compare equal. */
    private static java.util.List<Integer> canonical(int[] labels) {
        java.util.Map<Integer, Integer> names = new java.util.HashMap<>();
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int l : labels) {
            out.add(names.computeIfAbsent(l, x -> names.size()));
        }
        return out;
    }
}
