package org.tastemap.core.linalg;

/** {@link ScoreKernels} in plain loops: the reference for the vector ones and the path without the Vector API. */
final class ScalarScoreKernels implements ScoreKernels {
    static final ScalarScoreKernels INSTANCE = new ScalarScoreKernels();
    private static final int W = 16;

    private ScalarScoreKernels() {
    }

    @Override
    public int panelWidth() {
        return W;
    }

    @Override
    public void scoreBlock(float[] x, int k, int[] xo, float[] packed, int p0, int p1, float[] tile, int stride) {
        for (int u = 0; u < USERS; u++) {
            final int xu = xo[u];
            for (int p = p0; p < p1; p++) {
                final int base = p * k * W;
                final int t = u * stride + (p - p0) * W;
                for (int lane = 0; lane < W; lane++) {
                    float s = 0f;
                    for (int f = 0; f < k; f++) {
                        s = Math.fma(x[xu + f], packed[base + f * W + lane], s);
                    }
                    tile[t + lane] = s;
                }
            }
        }
    }

    @Override
    public void scoreOne(float[] q, int qo, int k, float[] packed, int p0, int p1, float[] out) {
        for (int p = p0; p < p1; p++) {
            final int base = p * k * W;
            final int t = (p - p0) * W;
            for (int lane = 0; lane < W; lane++) {
                float s = 0f;
                for (int f = 0; f < k; f++) {
                    s = Math.fma(q[qo + f], packed[base + f * W + lane], s);
                }
                out[t + lane] = s;
            }
        }
    }

    @Override
    public void countBelow(float[] a, int from, int to, float[] thr, int t, long[] counts, int c, int n) {
        for (int q = 0; q < n; q++) {
            final float v = thr[t + q];
            long below = 0;
            for (int i = from; i < to; i++) {
                below += a[i] < v ? 1 : 0;
            }
            counts[c + q] += below;
        }
    }

    @Override
    public int firstAtLeast(float[] a, int from, int to, float t) {
        for (int i = from; i < to; i++) {
            if (a[i] >= t) {
                return i;
            }
        }
        return to;
    }
}
