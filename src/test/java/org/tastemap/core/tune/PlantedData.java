package org.tastemap.core.tune;

import java.util.SplittableRandom;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Listening data from a planted low-rank taste model: each listener and artist has a random taste
 * vector of {@code rank} dimensions; a listener plays {@code perUser} distinct artists drawn with
 * probability proportional to exp(3 x.y) times a popularity weight, each with a play count of
 * {@code playScale} times a geometric number. The confidence mass per row grows with
 * {@code playScale} and with the listeners per artist, so the best (unscaled) lambda grows with both:
 * that is the lambda the tests plant by choosing the size.
 */
final class PlantedData {
    private PlantedData() {
    }

    static InteractionMatrix generate(int users, int items, int rank, int perUser, double playScale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = vectors(users, rank, rnd);
        double[][] y = vectors(items, rank, rnd);
        double[] pop = new double[items];
        for (int i = 0; i < items; i++) {
            // Zipf-like popularity, 1 / (rank + 5)
            pop[i] = 1.0 / (i + 5);
        }
        int n = users * perUser;
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        int q = 0;
        double[] w = new double[items];
        for (int u = 0; u < users; u++) {
            double total = 0;
            for (int i = 0; i < items; i++) {
                double s = 0;
                for (int f = 0; f < rank; f++) {
                    s += x[u][f] * y[i][f];
                }
                w[i] = Math.exp(3 * s) * pop[i];
                total += w[i];
            }
            boolean[] taken = new boolean[items];
            for (int a = 0; a < perUser; a++) {
                // draw without replacement: roulette over the weights not yet taken
                double r = rnd.nextDouble() * total;
                int pick = 0;
                for (int i = 0; i < items; i++) {
                    if (taken[i]) {
                        continue;
                    }
                    pick = i;
                    r -= w[i];
                    if (r <= 0) {
                        break;
                    }
                }
                taken[pick] = true;
                total -= w[pick];
                us[q] = u;
                is[q] = pick;
                // geometric plays with mean about 3, scaled
                vs[q++] = (float) (playScale * (1 + Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(0.66))));
            }
        }
        return InteractionMatrix.fromTriplets(users, items, us, is, vs, q);
    }

    private static double[][] vectors(int rows, int rank, SplittableRandom rnd) {
        double[][] v = new double[rows][rank];
        for (double[] row : v) {
            for (int f = 0; f < rank; f++) {
                row[f] = rnd.nextGaussian() / Math.sqrt(rank) * 1.5;
            }
        }
        return v;
    }
}
