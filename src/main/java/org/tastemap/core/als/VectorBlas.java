package org.tastemap.core.als;

import static org.tastemap.core.linalg.VectorLanes.F;
import static org.tastemap.core.linalg.VectorLanes.L;
import static org.tastemap.core.linalg.VectorLanes.SWAP1;
import static org.tastemap.core.linalg.VectorLanes.SWAP2;
import static org.tastemap.core.linalg.VectorLanes.SWAP4;
import static org.tastemap.core.linalg.VectorLanes.SWAP8;

import jdk.incubator.vector.FloatVector;
import org.tastemap.core.linalg.VectorSupport;

/**
 * The O(k) vector operations of a CG step on arrays: dot, axpy and {@code p = r + beta p}, whole
 * vectors first and a scalar tail for the last {@code k mod L} entries. Loaded only when
 * {@link VectorSupport#available()}.
 */
final class VectorBlas {
    private VectorBlas() {
    }

    /** {@code a[ao..ao+k) . b[bo..bo+k)}, in four FMA chains. */
    static float dot(float[] a, int ao, float[] b, int bo, int k) {
        final int kv = F.loopBound(k);
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        int f = 0;
        for (; f + 4 * L <= kv; f += 4 * L) {
            a0 = FloatVector.fromArray(F, a, ao + f).fma(FloatVector.fromArray(F, b, bo + f), a0);
            a1 = FloatVector.fromArray(F, a, ao + f + L).fma(FloatVector.fromArray(F, b, bo + f + L), a1);
            a2 = FloatVector.fromArray(F, a, ao + f + 2 * L).fma(FloatVector.fromArray(F, b, bo + f + 2 * L), a2);
            a3 = FloatVector.fromArray(F, a, ao + f + 3 * L).fma(FloatVector.fromArray(F, b, bo + f + 3 * L), a3);
        }
        for (; f < kv; f += L) {
            a0 = FloatVector.fromArray(F, a, ao + f).fma(FloatVector.fromArray(F, b, bo + f), a0);
        }
        FloatVector acc = a0.add(a1).add(a2.add(a3));
        if (L >= 16) { acc = acc.add(acc.rearrange(SWAP8)); }
        if (L >= 8) { acc = acc.add(acc.rearrange(SWAP4)); }
        if (L >= 4) { acc = acc.add(acc.rearrange(SWAP2)); }
        acc = acc.add(acc.rearrange(SWAP1));
        float sum = acc.lane(0);
        for (; f < k; f++) {
            sum += a[ao + f] * b[bo + f];
        }
        return sum;
    }

    static float dot(float[] a, int ao, float[] b, int k) {
        return dot(a, ao, b, 0, k);
    }

    /** {@code acc[ao..ao+k) += a * v[vo..vo+k)}. */
    static void axpy(float a, float[] v, int vo, float[] acc, int ao, int k) {
        final int kv = F.loopBound(k);
        final FloatVector av = FloatVector.broadcast(F, a);
        int f = 0;
        for (; f < kv; f += L) {
            FloatVector.fromArray(F, v, vo + f).fma(av, FloatVector.fromArray(F, acc, ao + f)).intoArray(acc, ao + f);
        }
        for (; f < k; f++) {
            acc[ao + f] += a * v[vo + f];
        }
    }

    /** {@code p = r + beta p}. */
    static void xpby(float[] r, float beta, float[] p, int k) {
        final int kv = F.loopBound(k);
        final FloatVector bv = FloatVector.broadcast(F, beta);
        int f = 0;
        for (; f < kv; f += L) {
            FloatVector.fromArray(F, p, f).fma(bv, FloatVector.fromArray(F, r, f)).intoArray(p, f);
        }
        for (; f < k; f++) {
            p[f] = r[f] + beta * p[f];
        }
    }
}
