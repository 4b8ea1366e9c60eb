package org.tastemap.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The score kernels (vector when present, else scalar) against the one-score FMA chain and plain loops. */
class ScoreKernelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 33, 64})
    void blockScoresAreTheFmaChainBitForBit(int k) {
        SplittableRandom rnd = new SplittableRandom(k);
        int users = 11;
        int items = 101;
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        for (int q = 0; q < x.length; q++) {
            x[q] = (float) rnd.nextGaussian();
        }
        for (int q = 0; q < y.length; q++) {
            y[q] = (float) rnd.nextGaussian();
        }
        for (ScoreKernels kernels : new ScoreKernels[] {ScoreKernels.fastest(), ScoreKernels.scalar()}) {
            float[] packed = kernels.pack(y, items, k);
            int w = kernels.panelWidth();
            int panels = kernels.panels(items);
            int stride = panels * w + 3;
            float[] tile = new float[ScoreKernels.USERS * stride];
            int[] xo = {3 * k, 0, 10 * k, 5 * k, 5 * k, 7 * k, 1 * k, 2 * k};
            // panels from 1 on: the tile's column 0 is artist w
            kernels.scoreBlock(x, k, xo, packed, 1, panels, tile, stride);
            for (int b = 0; b < ScoreKernels.USERS; b++) {
                for (int j = w; j < items; j++) {
                    float want = ScoreKernels.score(x, xo[b], y, j * k, k);
                    assertEquals(want, tile[b * stride + j - w], 0f, kernels + " user " + b + " artist " + j);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 33, 70, 300})
    void countsMatchPlainLoopsWhenMostValuesAreBelowEveryThreshold(int n) {
        // as for a useful model: most candidates below the lowest held-out score, a few at or above it (in
        // some vectors only), NaN for training artists, ties with thresholds; thresholds unsorted, repeated, NaN
        SplittableRandom rnd = new SplittableRandom(31 + n);
        float[] a = new float[n + 7];
        for (int i = 0; i < a.length; i++) {
            int r = rnd.nextInt(40);
            a[i] = r == 0 ? Float.NaN : r == 1 ? rnd.nextInt(6) : -50 - rnd.nextInt(50);
        }
        float[] thr = {3, 1, Float.NaN, 1, 2, 5, 0, 4.5f, -60};
        float[][] sets = {thr, {3, 1, 1, 2}, {-60, 0, 1, 1, Math.nextUp(1f), 2, 3, 4.5f, 5}, {2}, {-1000, 1000}};
        for (float[] t : sets) {   // unsorted, with NaN; and ascending (the evaluation's thresholds), ties included
            for (ScoreKernels kernels : new ScoreKernels[] {ScoreKernels.fastest(), ScoreKernels.scalar()}) {
                long[] counts = new long[t.length + 2];
                kernels.countBelow(a.clone(), 3, 3 + n, t, 0, counts, 2, t.length);
                long[] want = new long[t.length + 2];
                for (int q = 0; q < t.length; q++) {
                    for (int i = 3; i < 3 + n; i++) {
                        want[q + 2] += a[i] < t[q] ? 1 : 0;
                    }
                }
                assertArrayEquals(want, counts, kernels + " n=" + n + " thresholds " + java.util.Arrays.toString(t));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 70})
    void countsAndSearchesMatchPlainLoops(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] a = new float[n + 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(7) == 0 ? Float.NaN : rnd.nextInt(9) - 4;
        }
        // in fours as the vector kernel takes them: mixed, one NaN, wholly above every value, and a rest of one
        float[] thr = {-10, -2, 0, 0.5f, 1, 4, 9, Float.NaN, 5, 6, 8, 7, 2};
        for (ScoreKernels kernels : new ScoreKernels[] {ScoreKernels.fastest(), ScoreKernels.scalar()}) {
            long[] counts = new long[thr.length + 1];
            counts[1] = 100;
            kernels.countBelow(a.clone(), 2, 2 + n, thr, 0, counts, 1, thr.length);   // it may overwrite its input
            long[] want = new long[thr.length + 1];
            want[1] = 100;
            for (int q = 0; q < thr.length; q++) {
                for (int i = 2; i < 2 + n; i++) {
                    want[q + 1] += a[i] < thr[q] ? 1 : 0;
                }
            }
            assertArrayEquals(want, counts, kernels.toString());
            for (float t : thr) {
                int first = 2 + n;
                for (int i = 2; i < 2 + n; i++) {
                    if (a[i] >= t) {
                        first = i;
                        break;
                    }
                }
                assertEquals(first, kernels.firstAtLeast(a, 2, 2 + n, t), kernels + " threshold " + t);
            }
        }
    }
}
