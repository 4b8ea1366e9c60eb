package org.tastemap.core.linalg;

import static org.tastemap.core.linalg.VectorLanes.F;
import static org.tastemap.core.linalg.VectorLanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link ScoreKernels} with the Vector API. Loaded only when {@link VectorSupport#available()}.
 *
 * <p>A panel is two vectors of artists. The scores of 8 users over one panel are 16 accumulators
 * held in registers; each factor f loads the panel's two vectors of y once and adds
 * {@code x_uf * y_f} to every user's accumulators with a broadcast FMA, so no score needs a
 * horizontal sum (docs/vector-kernels.md, facts 1 and 2). The FMAs run in factor order from zero, the
 * same chain as {@link ScoreKernels#score}.
 */
final class VectorScoreKernels implements ScoreKernels {
    private static final int W = 2 * L;

    @Override
    public int panelWidth() {
        return W;
    }

    @Override
    public void scoreBlock(float[] x, int k, int[] xo, float[] packed, int p0, int p1, float[] tile, int stride) {
        for (int p = p0; p < p1; p++) {
            panel(x, k, xo[0], xo[1], xo[2], xo[3], xo[4], xo[5], xo[6], xo[7], packed, p * k * W, tile, (p - p0) * W, stride);
        }
    }

    /** One panel for 8 users; a method of its own so that C2 compiles it early and keeps the 16 accumulators in registers. */
    private static void panel(float[] x, int k, int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7, float[] packed, int base, float[] tile, int t, int stride) {
        FloatVector a00 = FloatVector.zero(F);
        FloatVector a01 = a00;
        FloatVector a10 = FloatVector.zero(F);
        FloatVector a11 = a10;
        FloatVector a20 = FloatVector.zero(F);
        FloatVector a21 = a20;
        FloatVector a30 = FloatVector.zero(F);
        FloatVector a31 = a30;
        FloatVector a40 = FloatVector.zero(F);
        FloatVector a41 = a40;
        FloatVector a50 = FloatVector.zero(F);
        FloatVector a51 = a50;
        FloatVector a60 = FloatVector.zero(F);
        FloatVector a61 = a60;
        FloatVector a70 = FloatVector.zero(F);
        FloatVector a71 = a70;
        for (int f = 0, yo = base; f < k; f++, yo += W) {
            final FloatVector y0 = FloatVector.fromArray(F, packed, yo);
            final FloatVector y1 = FloatVector.fromArray(F, packed, yo + L);
            FloatVector b;
            b = FloatVector.broadcast(F, x[x0 + f]);
            a00 = y0.fma(b, a00);
            a01 = y1.fma(b, a01);
            b = FloatVector.broadcast(F, x[x1 + f]);
            a10 = y0.fma(b, a10);
            a11 = y1.fma(b, a11);
            b = FloatVector.broadcast(F, x[x2 + f]);
            a20 = y0.fma(b, a20);
            a21 = y1.fma(b, a21);
            b = FloatVector.broadcast(F, x[x3 + f]);
            a30 = y0.fma(b, a30);
            a31 = y1.fma(b, a31);
            b = FloatVector.broadcast(F, x[x4 + f]);
            a40 = y0.fma(b, a40);
            a41 = y1.fma(b, a41);
            b = FloatVector.broadcast(F, x[x5 + f]);
            a50 = y0.fma(b, a50);
            a51 = y1.fma(b, a51);
            b = FloatVector.broadcast(F, x[x6 + f]);
            a60 = y0.fma(b, a60);
            a61 = y1.fma(b, a61);
            b = FloatVector.broadcast(F, x[x7 + f]);
            a70 = y0.fma(b, a70);
            a71 = y1.fma(b, a71);
        }
        a00.intoArray(tile, t + 0 * stride);
        a01.intoArray(tile, t + 0 * stride + L);
        a10.intoArray(tile, t + 1 * stride);
        a11.intoArray(tile, t + 1 * stride + L);
        a20.intoArray(tile, t + 2 * stride);
        a21.intoArray(tile, t + 2 * stride + L);
        a30.intoArray(tile, t + 3 * stride);
        a31.intoArray(tile, t + 3 * stride + L);
        a40.intoArray(tile, t + 4 * stride);
        a41.intoArray(tile, t + 4 * stride + L);
        a50.intoArray(tile, t + 5 * stride);
        a51.intoArray(tile, t + 5 * stride + L);
        a60.intoArray(tile, t + 6 * stride);
        a61.intoArray(tile, t + 6 * stride + L);
        a70.intoArray(tile, t + 7 * stride);
        a71.intoArray(tile, t + 7 * stride + L);
    }

    @Override
    public void scoreOne(float[] q, int qo, int k, float[] packed, int p0, int p1, float[] out) {
        int p = p0;
        // two panels at a time: four independent FMA chains
        for (; p + 2 <= p1; p += 2) {
            twoPanels(q, qo, k, packed, p * k * W, out, (p - p0) * W);
        }
        if (p < p1) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            for (int f = 0, yo = p * k * W; f < k; f++, yo += W) {
                final FloatVector b = FloatVector.broadcast(F, q[qo + f]);
                a0 = FloatVector.fromArray(F, packed, yo).fma(b, a0);
                a1 = FloatVector.fromArray(F, packed, yo + L).fma(b, a1);
            }
            a0.intoArray(out, (p - p0) * W);
            a1.intoArray(out, (p - p0) * W + L);
        }
    }

    private static void twoPanels(float[] q, int qo, int k, float[] packed, int base, float[] out, int o) {
        final int second = k * W;
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int f = 0, yo = base; f < k; f++, yo += W) {
            final FloatVector b = FloatVector.broadcast(F, q[qo + f]);
            a0 = FloatVector.fromArray(F, packed, yo).fma(b, a0);
            a1 = FloatVector.fromArray(F, packed, yo + L).fma(b, a1);
            a2 = FloatVector.fromArray(F, packed, yo + second).fma(b, a2);
            a3 = FloatVector.fromArray(F, packed, yo + second + L).fma(b, a3);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        a2.intoArray(out, o + W);
        a3.intoArray(out, o + W + L);
    }

    @Override
    public void countBelow(float[] a, int from, int to, float[] thr, int t, long[] counts, int c, int n) {
        if (n == 0) {
            return;
        }
        if (ascending(thr, t, n)) {
            countBelowAscending(a, from, to, thr, t, counts, c, n);
            return;
        }
        // Most candidates of a useful model score below every threshold. A vector with no value at or
        // above the lowest threshold adds its non-NaN values to all counts at once; only the other vectors
        // are compared with each threshold, after being moved to the front of a (which this may overwrite).
        float lowest = Float.POSITIVE_INFINITY;
        for (int q = 0; q < n; q++) {
            if (thr[t + q] < lowest) {
                lowest = thr[t + q];
            }
        }
        final FloatVector low = FloatVector.broadcast(F, lowest);
        final int bound = from + (to - from) / L * L;
        int write = from;
        long belowAll = 0;
        for (int i = from; i < bound; i += L) {
            final FloatVector v = FloatVector.fromArray(F, a, i);
            if (v.compare(VectorOperators.GE, low).anyTrue()) {
                if (write != i) {
                    v.intoArray(a, write);
                }
                write += L;
            } else {
                belowAll += v.compare(VectorOperators.LT, low).trueCount();
            }
        }
        for (int i = bound; i < to; i++) {
            a[write + i - bound] = a[i];
        }
        final int end = write + to - bound;
        int q = 0;
        for (; q + 4 <= n; q += 4) {
            countBelow4(a, from, end, thr[t + q], thr[t + q + 1], thr[t + q + 2], thr[t + q + 3], counts, c + q);
        }
        for (; q < n; q++) {
            final float v = thr[t + q];
            long below = 0;
            for (int i = from; i < end; i++) {
                below += a[i] < v ? 1 : 0;
            }
            counts[c + q] += below;
        }
        for (q = 0; q < n; q++) {
            if (lowest <= thr[t + q]) {     // not for a NaN threshold, which nothing is below
                counts[c + q] += belowAll;
            }
        }
    }

    /** True when {@code thr[t..t+n)} has no NaN and never decreases. */
    private static boolean ascending(float[] thr, int t, int n) {
        if (Float.isNaN(thr[t])) {
            return false;
        }
        for (int q = t + 1; q < t + n; q++) {
            if (!(thr[q] >= thr[q - 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #countBelow} for ascending thresholds (held-out scores in the evaluation): threshold by
     * threshold, each vector's values below it are counted, and a vector with no value at or above it
     * is dropped, since its values are below every later threshold too; the rest move to the front of
     * a. With a useful model few vectors reach the higher thresholds, so most thresholds see few vectors.
     */
    private static void countBelowAscending(float[] a, int from, int to, float[] thr, int t, long[] counts, int c, int n) {
        final int bound = from + (to - from) / L * L;
        // the last (to - bound) values, one by one, against every threshold
        for (int i = bound; i < to; i++) {
            final float v = a[i];
            for (int q = 0; q < n; q++) {
                counts[c + q] += v < thr[t + q] ? 1 : 0;
            }
        }
        int end = bound;
        long dropped = 0;   // non-NaN values of dropped vectors: below this and every later threshold
        int q = 0;
        // two thresholds per pass (the evaluation's come in pairs, t and nextUp(t)); a vector is dropped
        // when it has no value at or above the higher one
        for (; q + 2 <= n; q += 2) {
            final FloatVector u0 = FloatVector.broadcast(F, thr[t + q]);
            final FloatVector u1 = FloatVector.broadcast(F, thr[t + q + 1]);
            long below0 = dropped;
            long below1 = dropped;
            int write = from;
            for (int i = from; i < end; i += L) {
                final FloatVector v = FloatVector.fromArray(F, a, i);
                below0 += v.compare(VectorOperators.LT, u0).trueCount();
                final int under1 = v.compare(VectorOperators.LT, u1).trueCount();
                below1 += under1;
                if (v.compare(VectorOperators.GE, u1).anyTrue()) {
                    if (write != i) {
                        v.intoArray(a, write);
                    }
                    write += L;
                } else {
                    dropped += under1;
                }
            }
            counts[c + q] += below0;
            counts[c + q + 1] += below1;
            end = write;
        }
        if (q < n) {
            final FloatVector u = FloatVector.broadcast(F, thr[t + q]);
            long below = dropped;
            for (int i = from; i < end; i += L) {
                below += FloatVector.fromArray(F, a, i).compare(VectorOperators.LT, u).trueCount();
            }
            counts[c + q] += below;
        }
    }

    /**
     * Counts below four thresholds in one pass: per lane, {@code acc += (a < v) ? 1 : 0} as a compare and
     * a blend, with no mask-to-scalar moves; the lanes are summed once at the end (exact: a lane counts
     * at most (to - from) / L, far below 2^24).
     */
    private static void countBelow4(float[] a, int from, int to, float v0, float v1, float v2, float v3, long[] counts, int c) {
        final int bound = from + (to - from) / L * L;
        final FloatVector zero = FloatVector.zero(F);
        final FloatVector one = FloatVector.broadcast(F, 1f);
        final FloatVector t0 = FloatVector.broadcast(F, v0);
        final FloatVector t1 = FloatVector.broadcast(F, v1);
        final FloatVector t2 = FloatVector.broadcast(F, v2);
        final FloatVector t3 = FloatVector.broadcast(F, v3);
        FloatVector c0 = zero;
        FloatVector c1 = zero;
        FloatVector c2 = zero;
        FloatVector c3 = zero;
        int i = from;
        for (; i < bound; i += L) {
            final FloatVector s = FloatVector.fromArray(F, a, i);
            c0 = c0.add(zero.blend(one, s.compare(VectorOperators.LT, t0)));
            c1 = c1.add(zero.blend(one, s.compare(VectorOperators.LT, t1)));
            c2 = c2.add(zero.blend(one, s.compare(VectorOperators.LT, t2)));
            c3 = c3.add(zero.blend(one, s.compare(VectorOperators.LT, t3)));
        }
        long b0 = (long) laneSum(c0);
        long b1 = (long) laneSum(c1);
        long b2 = (long) laneSum(c2);
        long b3 = (long) laneSum(c3);
        for (; i < to; i++) {
            final float s = a[i];
            b0 += s < v0 ? 1 : 0;
            b1 += s < v1 ? 1 : 0;
            b2 += s < v2 ? 1 : 0;
            b3 += s < v3 ? 1 : 0;
        }
        counts[c] += b0;
        counts[c + 1] += b1;
        counts[c + 2] += b2;
        counts[c + 3] += b3;
    }

    /** The pairwise lane sum (docs/vector-kernels.md, fact 1), exact here: the lanes hold small integers. */
    private static float laneSum(FloatVector v) {
        if (L >= 16) { v = v.add(v.rearrange(VectorLanes.SWAP8)); }
        if (L >= 8) { v = v.add(v.rearrange(VectorLanes.SWAP4)); }
        if (L >= 4) { v = v.add(v.rearrange(VectorLanes.SWAP2)); }
        v = v.add(v.rearrange(VectorLanes.SWAP1));
        return v.lane(0);
    }

    @Override
    public int firstAtLeast(float[] a, int from, int to, float t) {
        final int bound = from + (to - from) / L * L;
        final FloatVector tv = FloatVector.broadcast(F, t);
        int i = from;
        for (; i < bound; i += L) {
            VectorMask<Float> m = FloatVector.fromArray(F, a, i).compare(VectorOperators.GE, tv);
            if (m.anyTrue()) {
                return i + m.firstTrue();
            }
        }
        for (; i < to; i++) {
            if (a[i] >= t) {
                return i;
            }
        }
        return to;
    }
}
