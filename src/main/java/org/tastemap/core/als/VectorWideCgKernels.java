package org.tastemap.core.als;

import static org.tastemap.core.linalg.VectorLanes.F;
import static org.tastemap.core.linalg.VectorLanes.L;
import static org.tastemap.core.linalg.VectorLanes.SWAP1;
import static org.tastemap.core.linalg.VectorLanes.SWAP2;
import static org.tastemap.core.linalg.VectorLanes.SWAP4;
import static org.tastemap.core.linalg.VectorLanes.SWAP8;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import org.tastemap.core.linalg.VectorSupport;

/**
 * The CG passes over a row for any k that has no register kernel in {@link VectorCgRegisterKernels}
 * (k = 256 at 512 bits, 128 at 256 bits, k not a multiple of the lanes), and the products with YtY
 * that rows in lockstep share. Each pass works in two loops over the row's non-zeros: first every
 * dot product {@code y_i . v}, then {@code out += sum_i coef_i y_i} in slices of eight vectors held
 * in registers, so a row too wide for registers is not loaded and stored for every non-zero. Used by
 * {@link VectorConjugateGradientSolver}; loaded only when {@link VectorSupport#available()}.
 */
final class VectorWideCgKernels {
    private VectorWideCgKernels() {
    }

    /**
     * {@code r = b - A x} for any k without a register kernel: first every non-zero's coefficient
     * {@code c_ui - (c_ui - 1)(y_i . x)}, then {@code r += sum_i coef_i y_i} in slices of eight vectors
     * held in registers ({@link #accumulate}). Too wide a row for registers (k = 256 at 512 bits is 16
     * vectors for r alone) would otherwise load and store r for every non-zero.
     */
    static void residualAny(HalfStep s, int row, float[] r, CgWorkspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        symmetricProduct(s.gramF(), k, x, xo, (float) s.regularization(row), r, -1f);
        residualNonZeros(s, row, r, w);
    }

    /** {@code r += sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i}, the non-zeros' part of {@link #residualAny}. */
    static void residualNonZeros(HalfStep s, int row, float[] r, CgWorkspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int xo = s.targetOffset(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] coef = w.coef(to - from);
        dots(y, s.fixedOrigin(), cols, from, to, x, xo, k, coef);
        for (int q = from; q < to; q++) {
            final float c1 = cm1[q];
            coef[q - from] = (1f + c1) - c1 * coef[q - from];
        }
        accumulate(y, s.fixedOrigin(), cols, from, to, coef, r, k);
    }

    /** {@code Ap} for any k without a register kernel, in two passes as {@link #residualAny}, and {@code b = sum_i c_ui y_i} into {@code b} unless it is null. */
    static void productAny(HalfStep s, int row, float[] p, float[] ap, float[] b, CgWorkspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        symmetricProduct(s.gramF(), k, p, 0, (float) s.regularization(row), ap, 1f);
        productNonZeros(s, row, p, ap, b, w);
    }

    /** {@code Ap += sum_i (c_ui - 1)(y_i . p) y_i}, and b, the non-zeros' part of {@link #productAny}. */
    static void productNonZeros(HalfStep s, int row, float[] p, float[] ap, float[] b, CgWorkspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] coef = w.coef(to - from);
        dots(y, s.fixedOrigin(), cols, from, to, p, 0, k, coef);
        for (int q = from; q < to; q++) {
            coef[q - from] *= cm1[q];
        }
        accumulate(y, s.fixedOrigin(), cols, from, to, coef, ap, k);
        if (b != null) {
            Arrays.fill(b, 0, k, 0f);
            for (int q = from; q < to; q++) {
                coef[q - from] = 1f + cm1[q];
            }
            accumulate(y, s.fixedOrigin(), cols, from, to, coef, b, k);
        }
    }

    /** {@code out[q - from] = y_{cols[q]} . v[vo..vo+k)} for the row's non-zeros; v held in registers when k is 16 vectors. */
    private static void dots(float[] y, int yb, int[] cols, int from, int to, float[] v, int vo, int k, float[] out) {
        if (k == 16 * L) {
            dots16(y, yb, cols, from, to, v, vo, out);
        } else {
            for (int q = from; q < to; q++) {
                out[q - from] = VectorBlas.dot(y, yb + cols[q] * k, v, vo, k);
            }
        }
    }

    /** {@link #dots} for k = 16 vectors: the 16 vectors of v in registers, four FMA chains, the pairwise lane sum. */
    private static void dots16(float[] y, int yb, int[] cols, int from, int to, float[] v, int vo, float[] out) {
        final int k = 16 * L;
        final FloatVector v0 = FloatVector.fromArray(F, v, vo);
        final FloatVector v1 = FloatVector.fromArray(F, v, vo + L);
        final FloatVector v2 = FloatVector.fromArray(F, v, vo + 2 * L);
        final FloatVector v3 = FloatVector.fromArray(F, v, vo + 3 * L);
        final FloatVector v4 = FloatVector.fromArray(F, v, vo + 4 * L);
        final FloatVector v5 = FloatVector.fromArray(F, v, vo + 5 * L);
        final FloatVector v6 = FloatVector.fromArray(F, v, vo + 6 * L);
        final FloatVector v7 = FloatVector.fromArray(F, v, vo + 7 * L);
        final FloatVector v8 = FloatVector.fromArray(F, v, vo + 8 * L);
        final FloatVector v9 = FloatVector.fromArray(F, v, vo + 9 * L);
        final FloatVector v10 = FloatVector.fromArray(F, v, vo + 10 * L);
        final FloatVector v11 = FloatVector.fromArray(F, v, vo + 11 * L);
        final FloatVector v12 = FloatVector.fromArray(F, v, vo + 12 * L);
        final FloatVector v13 = FloatVector.fromArray(F, v, vo + 13 * L);
        final FloatVector v14 = FloatVector.fromArray(F, v, vo + 14 * L);
        final FloatVector v15 = FloatVector.fromArray(F, v, vo + 15 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            FloatVector d0 = FloatVector.fromArray(F, y, yo).mul(v0);
            FloatVector d1 = FloatVector.fromArray(F, y, yo + L).mul(v1);
            FloatVector d2 = FloatVector.fromArray(F, y, yo + 2 * L).mul(v2);
            FloatVector d3 = FloatVector.fromArray(F, y, yo + 3 * L).mul(v3);
            d0 = FloatVector.fromArray(F, y, yo + 4 * L).fma(v4, d0);
            d1 = FloatVector.fromArray(F, y, yo + 5 * L).fma(v5, d1);
            d2 = FloatVector.fromArray(F, y, yo + 6 * L).fma(v6, d2);
            d3 = FloatVector.fromArray(F, y, yo + 7 * L).fma(v7, d3);
            d0 = FloatVector.fromArray(F, y, yo + 8 * L).fma(v8, d0);
            d1 = FloatVector.fromArray(F, y, yo + 9 * L).fma(v9, d1);
            d2 = FloatVector.fromArray(F, y, yo + 10 * L).fma(v10, d2);
            d3 = FloatVector.fromArray(F, y, yo + 11 * L).fma(v11, d3);
            d0 = FloatVector.fromArray(F, y, yo + 12 * L).fma(v12, d0);
            d1 = FloatVector.fromArray(F, y, yo + 13 * L).fma(v13, d1);
            d2 = FloatVector.fromArray(F, y, yo + 14 * L).fma(v14, d2);
            d3 = FloatVector.fromArray(F, y, yo + 15 * L).fma(v15, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            out[q - from] = d0.lane(0);
        }
    }

    /** {@code out[0..k) += sum_q coef[q - from] y_{cols[q]}}: eight vectors of out at a time in registers, then the rest. */
    private static void accumulate(float[] y, int yb, int[] cols, int from, int to, float[] coef, float[] out, int k) {
        int f = 0;
        for (; f + 8 * L <= k; f += 8 * L) {
            accumulate8(y, yb, cols, from, to, coef, out, k, f);
        }
        if (f < k) {
            for (int q = from; q < to; q++) {
                final int yo = yb + cols[q] * k;
                final float c = coef[q - from];
                int g = f;
                for (; g + L <= k; g += L) {
                    FloatVector.fromArray(F, y, yo + g).fma(FloatVector.broadcast(F, c), FloatVector.fromArray(F, out, g)).intoArray(out, g);
                }
                for (; g < k; g++) {
                    out[g] += c * y[yo + g];
                }
            }
        }
    }

    /** {@code out[f..f+8L) += sum_q coef[q - from] y_{cols[q]}[f..f+8L)}, with that slice of out in eight registers. */
    private static void accumulate8(float[] y, int yb, int[] cols, int from, int to, float[] coef, float[] out, int k, int f) {
        FloatVector a0 = FloatVector.fromArray(F, out, f);
        FloatVector a1 = FloatVector.fromArray(F, out, f + L);
        FloatVector a2 = FloatVector.fromArray(F, out, f + 2 * L);
        FloatVector a3 = FloatVector.fromArray(F, out, f + 3 * L);
        FloatVector a4 = FloatVector.fromArray(F, out, f + 4 * L);
        FloatVector a5 = FloatVector.fromArray(F, out, f + 5 * L);
        FloatVector a6 = FloatVector.fromArray(F, out, f + 6 * L);
        FloatVector a7 = FloatVector.fromArray(F, out, f + 7 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k + f;
            final FloatVector c = FloatVector.broadcast(F, coef[q - from]);
            a0 = FloatVector.fromArray(F, y, yo).fma(c, a0);
            a1 = FloatVector.fromArray(F, y, yo + L).fma(c, a1);
            a2 = FloatVector.fromArray(F, y, yo + 2 * L).fma(c, a2);
            a3 = FloatVector.fromArray(F, y, yo + 3 * L).fma(c, a3);
            a4 = FloatVector.fromArray(F, y, yo + 4 * L).fma(c, a4);
            a5 = FloatVector.fromArray(F, y, yo + 5 * L).fma(c, a5);
            a6 = FloatVector.fromArray(F, y, yo + 6 * L).fma(c, a6);
            a7 = FloatVector.fromArray(F, y, yo + 7 * L).fma(c, a7);
        }
        a0.intoArray(out, f);
        a1.intoArray(out, f + L);
        a2.intoArray(out, f + 2 * L);
        a3.intoArray(out, f + 3 * L);
        a4.intoArray(out, f + 4 * L);
        a5.intoArray(out, f + 5 * L);
        a6.intoArray(out, f + 6 * L);
        a7.intoArray(out, f + 7 * L);
    }

    /**
     * {@link #symmetricProduct} for n vectors at once ({@code outs[j] = sign * (scales[j] vs[j][vo[j]..] + G vs[j][vo[j]..])}):
     * for four of them, each block of four vectors of G's rows is loaded once and used for all four, so
     * G streams from L2 once instead of four times. Each output is the same FMA chain as in
     * {@link #symmetricProduct}, bit for bit.
     */
    static void symmetricProducts(float[] gram, int k, float[][] vs, int[] vo, float[] scales, float[][] outs, float sign, int n) {
        if (n != 4) {
            for (int j = 0; j < n; j++) {
                symmetricProduct(gram, k, vs[j], vo[j], scales[j], outs[j], sign);
            }
            return;
        }
        final int kv = F.loopBound(k);
        final float[] v0 = vs[0];
        final float[] v1 = vs[1];
        final float[] v2 = vs[2];
        final float[] v3 = vs[3];
        final int o0 = vo[0];
        final int o1 = vo[1];
        final int o2 = vo[2];
        final int o3 = vo[3];
        int f = 0;
        for (; f + 4 * L <= kv; f += 4 * L) {
            FloatVector a00 = FloatVector.fromArray(F, v0, o0 + f).mul(sign * scales[0]);
            FloatVector a01 = FloatVector.fromArray(F, v0, o0 + f + L).mul(sign * scales[0]);
            FloatVector a02 = FloatVector.fromArray(F, v0, o0 + f + 2 * L).mul(sign * scales[0]);
            FloatVector a03 = FloatVector.fromArray(F, v0, o0 + f + 3 * L).mul(sign * scales[0]);
            FloatVector a10 = FloatVector.fromArray(F, v1, o1 + f).mul(sign * scales[1]);
            FloatVector a11 = FloatVector.fromArray(F, v1, o1 + f + L).mul(sign * scales[1]);
            FloatVector a12 = FloatVector.fromArray(F, v1, o1 + f + 2 * L).mul(sign * scales[1]);
            FloatVector a13 = FloatVector.fromArray(F, v1, o1 + f + 3 * L).mul(sign * scales[1]);
            FloatVector a20 = FloatVector.fromArray(F, v2, o2 + f).mul(sign * scales[2]);
            FloatVector a21 = FloatVector.fromArray(F, v2, o2 + f + L).mul(sign * scales[2]);
            FloatVector a22 = FloatVector.fromArray(F, v2, o2 + f + 2 * L).mul(sign * scales[2]);
            FloatVector a23 = FloatVector.fromArray(F, v2, o2 + f + 3 * L).mul(sign * scales[2]);
            FloatVector a30 = FloatVector.fromArray(F, v3, o3 + f).mul(sign * scales[3]);
            FloatVector a31 = FloatVector.fromArray(F, v3, o3 + f + L).mul(sign * scales[3]);
            FloatVector a32 = FloatVector.fromArray(F, v3, o3 + f + 2 * L).mul(sign * scales[3]);
            FloatVector a33 = FloatVector.fromArray(F, v3, o3 + f + 3 * L).mul(sign * scales[3]);
            for (int g = 0, go = f; g < k; g++, go += k) {
                final FloatVector g0 = FloatVector.fromArray(F, gram, go);
                final FloatVector g1 = FloatVector.fromArray(F, gram, go + L);
                final FloatVector g2 = FloatVector.fromArray(F, gram, go + 2 * L);
                final FloatVector g3 = FloatVector.fromArray(F, gram, go + 3 * L);
                final FloatVector b0 = FloatVector.broadcast(F, sign * v0[o0 + g]);
                a00 = g0.fma(b0, a00);
                a01 = g1.fma(b0, a01);
                a02 = g2.fma(b0, a02);
                a03 = g3.fma(b0, a03);
                final FloatVector b1 = FloatVector.broadcast(F, sign * v1[o1 + g]);
                a10 = g0.fma(b1, a10);
                a11 = g1.fma(b1, a11);
                a12 = g2.fma(b1, a12);
                a13 = g3.fma(b1, a13);
                final FloatVector b2 = FloatVector.broadcast(F, sign * v2[o2 + g]);
                a20 = g0.fma(b2, a20);
                a21 = g1.fma(b2, a21);
                a22 = g2.fma(b2, a22);
                a23 = g3.fma(b2, a23);
                final FloatVector b3 = FloatVector.broadcast(F, sign * v3[o3 + g]);
                a30 = g0.fma(b3, a30);
                a31 = g1.fma(b3, a31);
                a32 = g2.fma(b3, a32);
                a33 = g3.fma(b3, a33);
            }
            a00.intoArray(outs[0], f);
            a01.intoArray(outs[0], f + L);
            a02.intoArray(outs[0], f + 2 * L);
            a03.intoArray(outs[0], f + 3 * L);
            a10.intoArray(outs[1], f);
            a11.intoArray(outs[1], f + L);
            a12.intoArray(outs[1], f + 2 * L);
            a13.intoArray(outs[1], f + 3 * L);
            a20.intoArray(outs[2], f);
            a21.intoArray(outs[2], f + L);
            a22.intoArray(outs[2], f + 2 * L);
            a23.intoArray(outs[2], f + 3 * L);
            a30.intoArray(outs[3], f);
            a31.intoArray(outs[3], f + L);
            a32.intoArray(outs[3], f + 2 * L);
            a33.intoArray(outs[3], f + 3 * L);
        }
        if (f < k) {
            for (int j = 0; j < 4; j++) {
                symmetricProductFrom(gram, k, vs[j], vo[j], scales[j], outs[j], sign, f);
            }
        }
    }

    /**
     * {@code out = sign * (scale v + G v)} for the symmetric k x k matrix G, as broadcast FMAs over
     * G's rows: {@code G v = sum_g v_g G[g, :]}, four vectors of columns at a time so that four FMA
     * chains run side by side. The sign goes into the start and every broadcast, not onto the sum, so
     * that the result is bitwise what the register kernels compute (a final negation would turn an
     * exact +0 into -0 where they keep +0).
     */
    private static void symmetricProduct(float[] gram, int k, float[] v, int vo, float scale, float[] out, float sign) {
        symmetricProductFrom(gram, k, v, vo, scale, out, sign, 0);
    }

    /** {@link #symmetricProduct} for the output columns from {@code start} (a multiple of 4 L) on. */
    private static void symmetricProductFrom(float[] gram, int k, float[] v, int vo, float scale, float[] out, float sign, int start) {
        final int kv = F.loopBound(k);
        int f = start;
        for (; f + 4 * L <= kv; f += 4 * L) {
            FloatVector a0 = FloatVector.fromArray(F, v, vo + f).mul(sign * scale);
            FloatVector a1 = FloatVector.fromArray(F, v, vo + f + L).mul(sign * scale);
            FloatVector a2 = FloatVector.fromArray(F, v, vo + f + 2 * L).mul(sign * scale);
            FloatVector a3 = FloatVector.fromArray(F, v, vo + f + 3 * L).mul(sign * scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                final FloatVector b = FloatVector.broadcast(F, sign * v[vo + g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
                a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, a2);
                a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, a3);
            }
            a0.intoArray(out, f);
            a1.intoArray(out, f + L);
            a2.intoArray(out, f + 2 * L);
            a3.intoArray(out, f + 3 * L);
        }
        for (; f < kv; f += L) {
            FloatVector acc = FloatVector.fromArray(F, v, vo + f).mul(sign * scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc = FloatVector.fromArray(F, gram, go).fma(FloatVector.broadcast(F, sign * v[vo + g]), acc);
            }
            acc.intoArray(out, f);
        }
        for (; f < k; f++) {
            float acc = sign * scale * v[vo + f];
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc += gram[go] * (sign * v[vo + g]);
            }
            out[f] = acc;
        }
    }
}
