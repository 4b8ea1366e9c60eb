package org.tastemap.core.als;

import static org.tastemap.core.als.VectorLanes.F;
import static org.tastemap.core.als.VectorLanes.L;
import static org.tastemap.core.als.VectorLanes.SWAP1;
import static org.tastemap.core.als.VectorLanes.SWAP2;
import static org.tastemap.core.als.VectorLanes.SWAP4;
import static org.tastemap.core.als.VectorLanes.SWAP8;

import jdk.incubator.vector.FloatVector;

/**
 * The two passes over a row's non-zeros that make up nearly all of a CG row solve, for k = 2, 4 or
 * 8 vectors of {@code L} lanes (k = 32, 64, 128 at 512 bits; 16, 32, 64 at 256), with the row's
 * vectors held in locals so that C2 keeps them in registers: {@code r = b - A x} and {@code A p}
 * (with {@code b} too, in the first step, when the row objective is asked for). The methods for 2,
 * 4 and 8 vectors are the same code unrolled, written out by tools/generate-vector-kernels.py;
 * change the script, not the copies. The {@code ...Rest8} methods are the 8-vector ones without the
 * YtY part, for rows that run CG in lockstep and get their YtY products from one shared pass.
 *
 * <p>What makes them fast (docs/vector-kernels.md, facts 1-3): each factor row y_i is loaded once per pass and used
 * for both the dot product and the update; YtY p is a sum of broadcast FMAs over YtY's rows; the lane
 * sum is a pairwise butterfly written inline in the loop, and it leaves the sum in every lane, ready
 * to multiply. Vectors never cross a method boundary (inputs and outputs are arrays), and each method
 * holds one hot loop: a kernel that C2 fails to compile whole, or inlines only in part, would box
 * vectors on the heap in the loop and run tens of times slower, and one big method holding the whole
 * solve did exactly that on JDK 17 (C1 ran out of virtual registers on it and C2 never took it over).
 */
final class VectorCgRegisterKernels {
    private VectorCgRegisterKernels() {
    }

    /** {@code r = b - A x} with the kernel for k = vectors * L; false when there is none. */
    static boolean residual(HalfStep s, int row, float[] r, int vectors) {
        switch (vectors) {
            case 8 -> residual8(s, row, r);
            case 4 -> residual4(s, row, r);
            case 2 -> residual2(s, row, r);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code Ap} with the kernel for k = vectors * L; false when there is none. */
    static boolean product(HalfStep s, int row, float[] p, float[] ap, int vectors) {
        switch (vectors) {
            case 8 -> product8(s, row, p, ap);
            case 4 -> product4(s, row, p, ap);
            case 2 -> product2(s, row, p, ap);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code Ap} and {@code b} with the kernel for k = vectors * L; false when there is none. */
    static boolean productAndRhs(HalfStep s, int row, float[] p, float[] ap, float[] b, int vectors) {
        switch (vectors) {
            case 8 -> productAndRhs8(s, row, p, ap, b);
            case 4 -> productAndRhs4(s, row, p, ap, b);
            case 2 -> productAndRhs2(s, row, p, ap, b);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code r = b - A x} for k = 2 vectors: x from the row of the target table, r into {@code r[0..k)}. */
    static void residual2(HalfStep s, int row, float[] r) {
        final int k = 2 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] x = s.target();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        final FloatVector x0 = FloatVector.fromArray(F, x, xo);
        final FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        // -YtY x as broadcast FMAs over the rows of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector xg = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(xg, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(xg, r1);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            d0 = d0.add(d1);
            // the pairwise lane sum, inline: every lane ends up holding y_i . x
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            final float c1 = cm1[q];
            // c_ui - (c_ui - 1)(y_i . x), in every lane
            final FloatVector coef = d0.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
        }
        r0.intoArray(r, 0);
        r1.intoArray(r, L);
    }

    /** {@code Ap} for k = 2 vectors: p from {@code p[0..k)}, Ap into {@code ap[0..k)}. */
    static void product2(HalfStep s, int row, float[] p, float[] ap) {
        final int k = 2 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            d0 = d0.add(d1);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final FloatVector coef = d0.mul(cm1[q]);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
    }

    /** {@link #product2}, and also {@code b = sum_i c_ui y_i} into {@code b[0..k)} (for the row objective). */
    static void productAndRhs2(HalfStep s, int row, float[] p, float[] ap, float[] b) {
        final int k = 2 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            d0 = d0.add(d1);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final float c1 = cm1[q];
            final FloatVector coef = d0.mul(c1);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            final FloatVector c = FloatVector.broadcast(F, 1f + c1);
            b0 = y0.fma(c, b0);
            b1 = y1.fma(c, b1);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        b0.intoArray(b, 0);
        b1.intoArray(b, L);
    }

    /** {@code r = b - A x} for k = 4 vectors: x from the row of the target table, r into {@code r[0..k)}. */
    static void residual4(HalfStep s, int row, float[] r) {
        final int k = 4 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] x = s.target();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        final FloatVector x0 = FloatVector.fromArray(F, x, xo);
        final FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        final FloatVector x2 = FloatVector.fromArray(F, x, xo + 2 * L);
        final FloatVector x3 = FloatVector.fromArray(F, x, xo + 3 * L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        FloatVector r2 = x2.mul(-reg);
        FloatVector r3 = x3.mul(-reg);
        // -YtY x as broadcast FMAs over the rows of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector xg = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(xg, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(xg, r1);
            r2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(xg, r2);
            r3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(xg, r3);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            FloatVector d2 = y2.mul(x2);
            FloatVector d3 = y3.mul(x3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . x
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            final float c1 = cm1[q];
            // c_ui - (c_ui - 1)(y_i . x), in every lane
            final FloatVector coef = d0.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
            r2 = y2.fma(coef, r2);
            r3 = y3.fma(coef, r3);
        }
        r0.intoArray(r, 0);
        r1.intoArray(r, L);
        r2.intoArray(r, 2 * L);
        r3.intoArray(r, 3 * L);
    }

    /** {@code Ap} for k = 4 vectors: p from {@code p[0..k)}, Ap into {@code ap[0..k)}. */
    static void product4(HalfStep s, int row, float[] p, float[] ap) {
        final int k = 4 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        FloatVector a2 = p2.mul(reg);
        FloatVector a3 = p3.mul(reg);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
            a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(pg, a2);
            a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(pg, a3);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final FloatVector coef = d0.mul(cm1[q]);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
    }

    /** {@link #product4}, and also {@code b = sum_i c_ui y_i} into {@code b[0..k)} (for the row objective). */
    static void productAndRhs4(HalfStep s, int row, float[] p, float[] ap, float[] b) {
        final int k = 4 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        FloatVector a2 = p2.mul(reg);
        FloatVector a3 = p3.mul(reg);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        FloatVector b2 = FloatVector.zero(F);
        FloatVector b3 = FloatVector.zero(F);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
            a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(pg, a2);
            a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(pg, a3);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final float c1 = cm1[q];
            final FloatVector coef = d0.mul(c1);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
            final FloatVector c = FloatVector.broadcast(F, 1f + c1);
            b0 = y0.fma(c, b0);
            b1 = y1.fma(c, b1);
            b2 = y2.fma(c, b2);
            b3 = y3.fma(c, b3);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
        b0.intoArray(b, 0);
        b1.intoArray(b, L);
        b2.intoArray(b, 2 * L);
        b3.intoArray(b, 3 * L);
    }

    /** {@code r = b - A x} for k = 8 vectors: x from the row of the target table, r into {@code r[0..k)}. */
    static void residual8(HalfStep s, int row, float[] r) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] x = s.target();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        final FloatVector x0 = FloatVector.fromArray(F, x, xo);
        final FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        final FloatVector x2 = FloatVector.fromArray(F, x, xo + 2 * L);
        final FloatVector x3 = FloatVector.fromArray(F, x, xo + 3 * L);
        final FloatVector x4 = FloatVector.fromArray(F, x, xo + 4 * L);
        final FloatVector x5 = FloatVector.fromArray(F, x, xo + 5 * L);
        final FloatVector x6 = FloatVector.fromArray(F, x, xo + 6 * L);
        final FloatVector x7 = FloatVector.fromArray(F, x, xo + 7 * L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        FloatVector r2 = x2.mul(-reg);
        FloatVector r3 = x3.mul(-reg);
        FloatVector r4 = x4.mul(-reg);
        FloatVector r5 = x5.mul(-reg);
        FloatVector r6 = x6.mul(-reg);
        FloatVector r7 = x7.mul(-reg);
        // -YtY x as broadcast FMAs over the rows of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector xg = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(xg, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(xg, r1);
            r2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(xg, r2);
            r3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(xg, r3);
            r4 = FloatVector.fromArray(F, gram, go + 4 * L).fma(xg, r4);
            r5 = FloatVector.fromArray(F, gram, go + 5 * L).fma(xg, r5);
            r6 = FloatVector.fromArray(F, gram, go + 6 * L).fma(xg, r6);
            r7 = FloatVector.fromArray(F, gram, go + 7 * L).fma(xg, r7);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            FloatVector d2 = y2.mul(x2);
            FloatVector d3 = y3.mul(x3);
            d0 = y4.fma(x4, d0);
            d1 = y5.fma(x5, d1);
            d2 = y6.fma(x6, d2);
            d3 = y7.fma(x7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . x
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            final float c1 = cm1[q];
            // c_ui - (c_ui - 1)(y_i . x), in every lane
            final FloatVector coef = d0.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
            r2 = y2.fma(coef, r2);
            r3 = y3.fma(coef, r3);
            r4 = y4.fma(coef, r4);
            r5 = y5.fma(coef, r5);
            r6 = y6.fma(coef, r6);
            r7 = y7.fma(coef, r7);
        }
        r0.intoArray(r, 0);
        r1.intoArray(r, L);
        r2.intoArray(r, 2 * L);
        r3.intoArray(r, 3 * L);
        r4.intoArray(r, 4 * L);
        r5.intoArray(r, 5 * L);
        r6.intoArray(r, 6 * L);
        r7.intoArray(r, 7 * L);
    }

    /** {@code Ap} for k = 8 vectors: p from {@code p[0..k)}, Ap into {@code ap[0..k)}. */
    static void product8(HalfStep s, int row, float[] p, float[] ap) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        final FloatVector p4 = FloatVector.fromArray(F, p, 4 * L);
        final FloatVector p5 = FloatVector.fromArray(F, p, 5 * L);
        final FloatVector p6 = FloatVector.fromArray(F, p, 6 * L);
        final FloatVector p7 = FloatVector.fromArray(F, p, 7 * L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        FloatVector a2 = p2.mul(reg);
        FloatVector a3 = p3.mul(reg);
        FloatVector a4 = p4.mul(reg);
        FloatVector a5 = p5.mul(reg);
        FloatVector a6 = p6.mul(reg);
        FloatVector a7 = p7.mul(reg);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
            a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(pg, a2);
            a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(pg, a3);
            a4 = FloatVector.fromArray(F, gram, go + 4 * L).fma(pg, a4);
            a5 = FloatVector.fromArray(F, gram, go + 5 * L).fma(pg, a5);
            a6 = FloatVector.fromArray(F, gram, go + 6 * L).fma(pg, a6);
            a7 = FloatVector.fromArray(F, gram, go + 7 * L).fma(pg, a7);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = y4.fma(p4, d0);
            d1 = y5.fma(p5, d1);
            d2 = y6.fma(p6, d2);
            d3 = y7.fma(p7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final FloatVector coef = d0.mul(cm1[q]);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
            a4 = y4.fma(coef, a4);
            a5 = y5.fma(coef, a5);
            a6 = y6.fma(coef, a6);
            a7 = y7.fma(coef, a7);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
        a4.intoArray(ap, 4 * L);
        a5.intoArray(ap, 5 * L);
        a6.intoArray(ap, 6 * L);
        a7.intoArray(ap, 7 * L);
    }

    /** {@link #product8}, and also {@code b = sum_i c_ui y_i} into {@code b[0..k)} (for the row objective). */
    static void productAndRhs8(HalfStep s, int row, float[] p, float[] ap, float[] b) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        final FloatVector p4 = FloatVector.fromArray(F, p, 4 * L);
        final FloatVector p5 = FloatVector.fromArray(F, p, 5 * L);
        final FloatVector p6 = FloatVector.fromArray(F, p, 6 * L);
        final FloatVector p7 = FloatVector.fromArray(F, p, 7 * L);
        FloatVector a0 = p0.mul(reg);
        FloatVector a1 = p1.mul(reg);
        FloatVector a2 = p2.mul(reg);
        FloatVector a3 = p3.mul(reg);
        FloatVector a4 = p4.mul(reg);
        FloatVector a5 = p5.mul(reg);
        FloatVector a6 = p6.mul(reg);
        FloatVector a7 = p7.mul(reg);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        FloatVector b2 = FloatVector.zero(F);
        FloatVector b3 = FloatVector.zero(F);
        FloatVector b4 = FloatVector.zero(F);
        FloatVector b5 = FloatVector.zero(F);
        FloatVector b6 = FloatVector.zero(F);
        FloatVector b7 = FloatVector.zero(F);
        // YtY p as broadcast FMAs over the rows of the symmetric YtY
        for (int g = 0, go = 0; g < k; g++, go += k) {
            final FloatVector pg = FloatVector.broadcast(F, p[g]);
            a0 = FloatVector.fromArray(F, gram, go).fma(pg, a0);
            a1 = FloatVector.fromArray(F, gram, go + L).fma(pg, a1);
            a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(pg, a2);
            a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(pg, a3);
            a4 = FloatVector.fromArray(F, gram, go + 4 * L).fma(pg, a4);
            a5 = FloatVector.fromArray(F, gram, go + 5 * L).fma(pg, a5);
            a6 = FloatVector.fromArray(F, gram, go + 6 * L).fma(pg, a6);
            a7 = FloatVector.fromArray(F, gram, go + 7 * L).fma(pg, a7);
        }
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = y4.fma(p4, d0);
            d1 = y5.fma(p5, d1);
            d2 = y6.fma(p6, d2);
            d3 = y7.fma(p7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final float c1 = cm1[q];
            final FloatVector coef = d0.mul(c1);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
            a4 = y4.fma(coef, a4);
            a5 = y5.fma(coef, a5);
            a6 = y6.fma(coef, a6);
            a7 = y7.fma(coef, a7);
            final FloatVector c = FloatVector.broadcast(F, 1f + c1);
            b0 = y0.fma(c, b0);
            b1 = y1.fma(c, b1);
            b2 = y2.fma(c, b2);
            b3 = y3.fma(c, b3);
            b4 = y4.fma(c, b4);
            b5 = y5.fma(c, b5);
            b6 = y6.fma(c, b6);
            b7 = y7.fma(c, b7);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
        a4.intoArray(ap, 4 * L);
        a5.intoArray(ap, 5 * L);
        a6.intoArray(ap, 6 * L);
        a7.intoArray(ap, 7 * L);
        b0.intoArray(b, 0);
        b1.intoArray(b, L);
        b2.intoArray(b, 2 * L);
        b3.intoArray(b, 3 * L);
        b4.intoArray(b, 4 * L);
        b5.intoArray(b, 5 * L);
        b6.intoArray(b, 6 * L);
        b7.intoArray(b, 7 * L);
    }

    /**
     * {@link #residual8} without its YtY part: on entry {@code r} holds {@code -(YtY + lambda I) x},
     * computed for several rows in one pass over YtY (bitwise what {@link #residual8} starts from).
     */
    static void residualRest8(HalfStep s, int row, float[] r) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] x = s.target();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        final FloatVector x0 = FloatVector.fromArray(F, x, xo);
        final FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        final FloatVector x2 = FloatVector.fromArray(F, x, xo + 2 * L);
        final FloatVector x3 = FloatVector.fromArray(F, x, xo + 3 * L);
        final FloatVector x4 = FloatVector.fromArray(F, x, xo + 4 * L);
        final FloatVector x5 = FloatVector.fromArray(F, x, xo + 5 * L);
        final FloatVector x6 = FloatVector.fromArray(F, x, xo + 6 * L);
        final FloatVector x7 = FloatVector.fromArray(F, x, xo + 7 * L);
        FloatVector r0 = FloatVector.fromArray(F, r, 0);
        FloatVector r1 = FloatVector.fromArray(F, r, L);
        FloatVector r2 = FloatVector.fromArray(F, r, 2 * L);
        FloatVector r3 = FloatVector.fromArray(F, r, 3 * L);
        FloatVector r4 = FloatVector.fromArray(F, r, 4 * L);
        FloatVector r5 = FloatVector.fromArray(F, r, 5 * L);
        FloatVector r6 = FloatVector.fromArray(F, r, 6 * L);
        FloatVector r7 = FloatVector.fromArray(F, r, 7 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            FloatVector d2 = y2.mul(x2);
            FloatVector d3 = y3.mul(x3);
            d0 = y4.fma(x4, d0);
            d1 = y5.fma(x5, d1);
            d2 = y6.fma(x6, d2);
            d3 = y7.fma(x7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . x
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            final float c1 = cm1[q];
            // c_ui - (c_ui - 1)(y_i . x), in every lane
            final FloatVector coef = d0.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
            r2 = y2.fma(coef, r2);
            r3 = y3.fma(coef, r3);
            r4 = y4.fma(coef, r4);
            r5 = y5.fma(coef, r5);
            r6 = y6.fma(coef, r6);
            r7 = y7.fma(coef, r7);
        }
        r0.intoArray(r, 0);
        r1.intoArray(r, L);
        r2.intoArray(r, 2 * L);
        r3.intoArray(r, 3 * L);
        r4.intoArray(r, 4 * L);
        r5.intoArray(r, 5 * L);
        r6.intoArray(r, 6 * L);
        r7.intoArray(r, 7 * L);
    }

    /**
     * {@link #product8} without its YtY part: on entry {@code ap} holds {@code (YtY + lambda I) p},
     * computed for several rows in one pass over YtY (bitwise what {@link #product8} starts from).
     */
    static void productRest8(HalfStep s, int row, float[] p, float[] ap) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        final FloatVector p4 = FloatVector.fromArray(F, p, 4 * L);
        final FloatVector p5 = FloatVector.fromArray(F, p, 5 * L);
        final FloatVector p6 = FloatVector.fromArray(F, p, 6 * L);
        final FloatVector p7 = FloatVector.fromArray(F, p, 7 * L);
        FloatVector a0 = FloatVector.fromArray(F, ap, 0);
        FloatVector a1 = FloatVector.fromArray(F, ap, L);
        FloatVector a2 = FloatVector.fromArray(F, ap, 2 * L);
        FloatVector a3 = FloatVector.fromArray(F, ap, 3 * L);
        FloatVector a4 = FloatVector.fromArray(F, ap, 4 * L);
        FloatVector a5 = FloatVector.fromArray(F, ap, 5 * L);
        FloatVector a6 = FloatVector.fromArray(F, ap, 6 * L);
        FloatVector a7 = FloatVector.fromArray(F, ap, 7 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = y4.fma(p4, d0);
            d1 = y5.fma(p5, d1);
            d2 = y6.fma(p6, d2);
            d3 = y7.fma(p7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final FloatVector coef = d0.mul(cm1[q]);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
            a4 = y4.fma(coef, a4);
            a5 = y5.fma(coef, a5);
            a6 = y6.fma(coef, a6);
            a7 = y7.fma(coef, a7);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
        a4.intoArray(ap, 4 * L);
        a5.intoArray(ap, 5 * L);
        a6.intoArray(ap, 6 * L);
        a7.intoArray(ap, 7 * L);
    }

    /**
     * {@link #productAndRhs8} without its YtY part: on entry {@code ap} holds {@code (YtY + lambda I) p},
     * computed for several rows in one pass over YtY (bitwise what {@link #productAndRhs8} starts from).
     */
    static void productAndRhsRest8(HalfStep s, int row, float[] p, float[] ap, float[] b) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final int yb = s.fixedOrigin();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        final FloatVector p0 = FloatVector.fromArray(F, p, 0);
        final FloatVector p1 = FloatVector.fromArray(F, p, L);
        final FloatVector p2 = FloatVector.fromArray(F, p, 2 * L);
        final FloatVector p3 = FloatVector.fromArray(F, p, 3 * L);
        final FloatVector p4 = FloatVector.fromArray(F, p, 4 * L);
        final FloatVector p5 = FloatVector.fromArray(F, p, 5 * L);
        final FloatVector p6 = FloatVector.fromArray(F, p, 6 * L);
        final FloatVector p7 = FloatVector.fromArray(F, p, 7 * L);
        FloatVector a0 = FloatVector.fromArray(F, ap, 0);
        FloatVector a1 = FloatVector.fromArray(F, ap, L);
        FloatVector a2 = FloatVector.fromArray(F, ap, 2 * L);
        FloatVector a3 = FloatVector.fromArray(F, ap, 3 * L);
        FloatVector a4 = FloatVector.fromArray(F, ap, 4 * L);
        FloatVector a5 = FloatVector.fromArray(F, ap, 5 * L);
        FloatVector a6 = FloatVector.fromArray(F, ap, 6 * L);
        FloatVector a7 = FloatVector.fromArray(F, ap, 7 * L);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        FloatVector b2 = FloatVector.zero(F);
        FloatVector b3 = FloatVector.zero(F);
        FloatVector b4 = FloatVector.zero(F);
        FloatVector b5 = FloatVector.zero(F);
        FloatVector b6 = FloatVector.zero(F);
        FloatVector b7 = FloatVector.zero(F);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            final FloatVector y0 = FloatVector.fromArray(F, y, yo);
            final FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            final FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            final FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            final FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            final FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            final FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            final FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
            FloatVector d0 = y0.mul(p0);
            FloatVector d1 = y1.mul(p1);
            FloatVector d2 = y2.mul(p2);
            FloatVector d3 = y3.mul(p3);
            d0 = y4.fma(p4, d0);
            d1 = y5.fma(p5, d1);
            d2 = y6.fma(p6, d2);
            d3 = y7.fma(p7, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            // the pairwise lane sum, inline: every lane ends up holding y_i . p
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            // (c_ui - 1)(y_i . p), in every lane
            final float c1 = cm1[q];
            final FloatVector coef = d0.mul(c1);
            a0 = y0.fma(coef, a0);
            a1 = y1.fma(coef, a1);
            a2 = y2.fma(coef, a2);
            a3 = y3.fma(coef, a3);
            a4 = y4.fma(coef, a4);
            a5 = y5.fma(coef, a5);
            a6 = y6.fma(coef, a6);
            a7 = y7.fma(coef, a7);
            final FloatVector c = FloatVector.broadcast(F, 1f + c1);
            b0 = y0.fma(c, b0);
            b1 = y1.fma(c, b1);
            b2 = y2.fma(c, b2);
            b3 = y3.fma(c, b3);
            b4 = y4.fma(c, b4);
            b5 = y5.fma(c, b5);
            b6 = y6.fma(c, b6);
            b7 = y7.fma(c, b7);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, L);
        a2.intoArray(ap, 2 * L);
        a3.intoArray(ap, 3 * L);
        a4.intoArray(ap, 4 * L);
        a5.intoArray(ap, 5 * L);
        a6.intoArray(ap, 6 * L);
        a7.intoArray(ap, 7 * L);
        b0.intoArray(b, 0);
        b1.intoArray(b, L);
        b2.intoArray(b, 2 * L);
        b3.intoArray(b, 3 * L);
        b4.intoArray(b, 4 * L);
        b5.intoArray(b, 5 * L);
        b6.intoArray(b, 6 * L);
        b7.intoArray(b, 7 * L);
    }
}
