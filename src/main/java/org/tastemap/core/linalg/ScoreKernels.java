package org.tastemap.core.linalg;

/**
 * Scores of many users over many artists, for held-out evaluation and the queries. The artist
 * factors are first packed into panels of {@link #panelWidth()} artists, artist-major within a
 * factor ({@code packed[(p k + f) W + lane] = y[(p W + lane) k + f]}, zero past the last artist), so
 * that a block of user scores over a panel is a run of broadcast FMAs with no horizontal sum.
 *
 * <p>Every score is the FMA chain {@code s = fma(x_f, y_f, s)} over f = 0, 1, ..., k-1 from s = 0,
 * in both implementations, so the vector and scalar kernels give bit-identical scores, and a single
 * score can be recomputed exactly with {@link #score(float[], int, float[], int, int)}.
 * A vector implementation exists when {@link VectorSupport#available()}.
 */
public interface ScoreKernels {
    /** Users scored together by {@link #scoreBlock}. */
    int USERS = 8;

    /** Artists per panel. */
    int panelWidth();

    /** Panels needed for {@code items} artists. */
    default int panels(int items) {
        return (items + panelWidth() - 1) / panelWidth();
    }

    /** Packs the row-major artist factors {@code y} (items x k) into panels. */
    default float[] pack(float[] y, int items, int k) {
        return pack(y, null, items, k);
    }

    /** Packs the artists {@code order[0..items)} (all in index order when null) into panels, in that order. */
    default float[] pack(float[] y, int[] order, int items, int k) {
        int w = panelWidth();
        float[] out = new float[panels(items) * w * k];
        for (int i = 0; i < items; i++) {
            int p = i / w;
            int lane = i - p * w;
            int base = p * k * w + lane;
            for (int f = 0, yo = (order == null ? i : order[i]) * k; f < k; f++) {
                out[base + f * w] = y[yo + f];
            }
        }
        return out;
    }

    /**
     * Scores of {@link #USERS} users, whose factors start at {@code xo[0..USERS)} in {@code x}, over
     * the panels {@code [p0, p1)}: {@code tile[u * stride + (j - p0 W)] = x_u . y_j}. Pass a user
     * twice to score fewer.
     */
    void scoreBlock(float[] x, int k, int[] xo, float[] packed, int p0, int p1, float[] tile, int stride);

    /**
     * Scores of one factor vector {@code q[qo..qo+k)} over the panels {@code [p0, p1)}:
     * {@code out[j - p0 W] = q . y_j}. For the queries.
     */
    void scoreOne(float[] q, int qo, int k, float[] packed, int p0, int p1, float[] out);

    /**
     * {@code counts[c + q] += |{a[i] < thr[t + q] : from <= i < to}|} for q < n; NaN counts nowhere.
     * May overwrite {@code a[from..to)} (the vector version moves the values it compares one by one to the front).
     */
    void countBelow(float[] a, int from, int to, float[] thr, int t, long[] counts, int c, int n);

    /** The first i in [from, to) with {@code a[i] >= t}, or {@code to}; NaN never qualifies. */
    int firstAtLeast(float[] a, int from, int to, float t);

    /** The FMA chain of one score, bit-identical to the block scores. */
    static float score(float[] x, int xo, float[] y, int yo, int k) {
        float s = 0f;
        for (int f = 0; f < k; f++) {
            s = Math.fma(x[xo + f], y[yo + f], s);
        }
        return s;
    }

    /** The vector kernels when the Vector API is present, else the scalar ones. */
    static ScoreKernels fastest() {
        return VectorSupport.available() ? VectorSupport.newVectorScoreKernels() : scalar();
    }

    /** The scalar kernels, whatever the JVM offers. */
    static ScoreKernels scalar() {
        return ScalarScoreKernels.INSTANCE;
    }
}
