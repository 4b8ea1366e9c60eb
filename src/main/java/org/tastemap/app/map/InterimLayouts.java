package org.tastemap.app.map;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

/**
 * A stand-in until the map engine lands: the top artists projected on the first two principal axes
 * of their factors (power iteration), and plain k-means (Lloyd, k-means++ start).
 */
final class InterimLayouts implements MapLayouts {
    @Override
    public MapPoints layout(TrainedModel model, int[] listeners, Request request, Progress progress, BooleanSupplier cancel) {
        FactorModel f = model.factors();
        int n = Math.min(request.maxArtists(), f.numItems());
        int[] artists = IntStream.range(0, f.numItems()).boxed()
                .sorted((a, b) -> listeners[b] != listeners[a] ? Integer.compare(listeners[b], listeners[a]) : Integer.compare(a, b))
                .limit(n).mapToInt(Integer::intValue).toArray();
        int k = f.factors();
        double[] mean = new double[k];
        for (int a : artists) {
            float[] v = f.itemVector(a);
            for (int j = 0; j < k; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[] pc1 = axis(f, artists, mean, null, request.seed());
        double[] pc2 = axis(f, artists, mean, pc1, request.seed() + 1);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int p = 0; p < n; p++) {
            float[] v = f.itemVector(artists[p]);
            for (int j = 0; j < k; j++) {
                x[p] += (float) ((v[j] - mean[j]) * pc1[j]);
                y[p] += (float) ((v[j] - mean[j]) * pc2[j]);
            }
        }
        int c = request.clusters() > 0 ? request.clusters() : 8;
        int[] cl = clusters(model, artists, c, request.seed(), cancel);
        MapPoints out = new MapPoints(artists, x, y, cl, c, "pca", true);
        progress.report("done", 1, out);
        return out;
    }

    private static double[] axis(FactorModel f, int[] artists, double[] mean, double[] not, long seed) {
        int k = f.factors();
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = r.doubles(k, -1, 1).toArray();
        for (int it = 0; it < 50; it++) {
            double[] next = new double[k];
            for (int a : artists) {
                float[] row = f.itemVector(a);
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += (row[j] - mean[j]) * v[j];
                }
                for (int j = 0; j < k; j++) {
                    next[j] += dot * (row[j] - mean[j]);
                }
            }
            if (not != null) {
                double d = 0;
                for (int j = 0; j < k; j++) {
                    d += next[j] * not[j];
                }
                for (int j = 0; j < k; j++) {
                    next[j] -= d * not[j];
                }
            }
            double norm = Math.sqrt(Arrays.stream(next).map(t -> t * t).sum());
            for (int j = 0; j < k; j++) {
                v[j] = next[j] / Math.max(norm, 1e-30);
            }
        }
        return v;
    }

    @Override
    public int[] clusters(TrainedModel model, int[] artists, int c, long seed, BooleanSupplier cancel) {
        FactorModel f = model.factors();
        int k = f.factors();
        int n = artists.length;
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centre = new double[c][];
        for (int g = 0; g < c; g++) {
            float[] v = f.itemVector(artists[r.nextInt(n)]);
            centre[g] = IntStream.range(0, k).mapToDouble(j -> v[j]).toArray();
        }
        int[] of = new int[n];
        for (int it = 0; it < 20 && !cancel.getAsBoolean(); it++) {
            double[][] sum = new double[c][k];
            int[] count = new int[c];
            for (int p = 0; p < n; p++) {
                float[] v = f.itemVector(artists[p]);
                double best = Double.MAX_VALUE;
                for (int g = 0; g < c; g++) {
                    double d = 0;
                    for (int j = 0; j < k; j++) {
                        d += (v[j] - centre[g][j]) * (v[j] - centre[g][j]);
                    }
                    if (d < best) {
                        best = d;
                        of[p] = g;
                    }
                }
                count[of[p]]++;
                for (int j = 0; j < k; j++) {
                    sum[of[p]][j] += v[j];
                }
            }
            for (int g = 0; g < c; g++) {
                for (int j = 0; j < k && count[g] > 0; j++) {
                    centre[g][j] = sum[g][j] / count[g];
                }
            }
        }
        return of;
    }
}
