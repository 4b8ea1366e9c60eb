package org.tastemap.core.als;

import static org.tastemap.core.als.ConjugateGradientSolver.RESIDUAL_EPS;
import static org.tastemap.core.als.VectorLanes.F;
import static org.tastemap.core.als.VectorLanes.L;
import static org.tastemap.core.als.VectorLanes.SWAP1;
import static org.tastemap.core.als.VectorLanes.SWAP2;
import static org.tastemap.core.als.VectorLanes.SWAP4;
import static org.tastemap.core.als.VectorLanes.SWAP8;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The CG row solve of {@link ConjugateGradientSolver} for k = 2, 4 or 8 vectors of {@code L} lanes
 * (k = 16, 32, 64 at 256 bits), with the row's vectors held in locals so that C2 keeps them in
 * registers: x and r while r = b - A x is formed, then p and Ap during the steps (r waits in the
 * workspace). The three methods are the same code unrolled for 2, 4 and 8 vectors; keep them in step.
 *
 * <p>What makes them fast (PERFORMANCE-NOTES): each factor row y_i is loaded once per pass and used
 * for both the dot product and the update; YtY p is a sum of broadcast FMAs over YtY's rows; the lane
 * sum is a pairwise butterfly written inline in the loop (a helper returning a vector that C2 did not
 * inline would allocate per non-zero), and it leaves the sum in every lane, ready to multiply.
 */
final class VectorCgRegisterKernels {
    private VectorCgRegisterKernels() {
    }

    /** Solves the row with the kernel for k = vectors * L; false when there is none. */
    static boolean solve(HalfStep s, int row, float[] rb, float[] pb, int steps) {
        int k = s.k();
        if (k == 4 * L) {
            solve4(s, row, rb, pb, steps);
        } else if (k == 8 * L) {
            solve8(s, row, rb, pb, steps);
        } else if (k == 2 * L) {
            solve2(s, row, rb, pb, steps);
        } else {
            return false;
        }
        return true;
    }

    /** The row solve with k = 2 lanes-wide vectors, every vector of the row held in a local (a register). */
    /** The row solve with k = 2 lanes-wide vectors, every vector of the row held in a local (a register). */
    static void solve2(HalfStep s, int row, float[] rb, float[] pb, int steps) {
        final int k = 2 * L;
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int xo = row * k;
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];

        // r = b - A x = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        FloatVector x0 = FloatVector.fromArray(F, x, xo);
        FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        // YtY x as broadcast FMAs over the columns of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            FloatVector b = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(b, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(b, r1);
        }
        for (int q = from; q < to; q++) {
            final int yo = cols[q] * k;
            FloatVector y0 = FloatVector.fromArray(F, y, yo);
            FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            d0 = d0.add(d1);
            FloatVector d = d0;
            // the pairwise lane sum, written inline: every lane ends up holding y_i . x
            if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
            if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
            if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
            d = d.add(d.rearrange(SWAP1));
            final float c1 = cm1[q];
            // coef = c_ui - (c_ui - 1)(y_i . x), in every lane
            FloatVector coef = d.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
        }
        FloatVector rr0 = r0.mul(r0);
        FloatVector rr1 = r1.mul(r1);
        rr0 = rr0.add(rr1);
        FloatVector rr = rr0;
        if (L >= 16) { rr = rr.add(rr.rearrange(SWAP8)); }
        if (L >= 8) { rr = rr.add(rr.rearrange(SWAP4)); }
        if (L >= 4) { rr = rr.add(rr.rearrange(SWAP2)); }
        rr = rr.add(rr.rearrange(SWAP1));
        float rsOld = rr.lane(0);
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            Arrays.fill(x, xo, xo + k, Float.NaN);
            return;
        }
        // r waits in the workspace while p and Ap hold the registers
        r0.intoArray(rb, 0);
        r1.intoArray(rb, L);
        FloatVector p0 = r0;
        FloatVector p1 = r1;
        for (int it = 0; it < steps; it++) {
            if (rsOld < RESIDUAL_EPS) {
                return;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            p0.intoArray(pb, 0);
            p1.intoArray(pb, L);
            FloatVector a0 = p0.mul(reg);
            FloatVector a1 = p1.mul(reg);
            for (int g = 0, go = 0; g < k; g++, go += k) {
                FloatVector b = FloatVector.broadcast(F, pb[g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
            }
            for (int q = from; q < to; q++) {
                final int yo = cols[q] * k;
                FloatVector y0 = FloatVector.fromArray(F, y, yo);
                FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
                FloatVector d0 = y0.mul(p0);
                FloatVector d1 = y1.mul(p1);
                d0 = d0.add(d1);
                FloatVector d = d0;
                if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
                if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
                if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
                d = d.add(d.rearrange(SWAP1));
                // coef = (c_ui - 1)(y_i . p), in every lane
                FloatVector coef = d.mul(cm1[q]);
                a0 = y0.fma(coef, a0);
                a1 = y1.fma(coef, a1);
            }
            FloatVector pa0 = p0.mul(a0);
            FloatVector pa1 = p1.mul(a1);
            pa0 = pa0.add(pa1);
            FloatVector pa = pa0;
            if (L >= 16) { pa = pa.add(pa.rearrange(SWAP8)); }
            if (L >= 8) { pa = pa.add(pa.rearrange(SWAP4)); }
            if (L >= 4) { pa = pa.add(pa.rearrange(SWAP2)); }
            pa = pa.add(pa.rearrange(SWAP1));
            final float pAp = pa.lane(0);
            if (!(pAp > 0)) {
                return;
            }
            final float alpha = rsOld / pAp;
            // x += alpha p ;  r -= alpha Ap
            final FloatVector av = FloatVector.broadcast(F, alpha);
            final FloatVector nav = FloatVector.broadcast(F, -alpha);
            p0.fma(av, FloatVector.fromArray(F, x, xo)).intoArray(x, xo);
            p1.fma(av, FloatVector.fromArray(F, x, xo + L)).intoArray(x, xo + L);
            r0 = a0.fma(nav, FloatVector.fromArray(F, rb, 0));
            r1 = a1.fma(nav, FloatVector.fromArray(F, rb, L));
            r0.intoArray(rb, 0);
            r1.intoArray(rb, L);
            FloatVector rn0 = r0.mul(r0);
            FloatVector rn1 = r1.mul(r1);
            rn0 = rn0.add(rn1);
            FloatVector rn = rn0;
            if (L >= 16) { rn = rn.add(rn.rearrange(SWAP8)); }
            if (L >= 8) { rn = rn.add(rn.rearrange(SWAP4)); }
            if (L >= 4) { rn = rn.add(rn.rearrange(SWAP2)); }
            rn = rn.add(rn.rearrange(SWAP1));
            final float rsNew = rn.lane(0);
            final float beta = rsNew / rsOld;
            // p = r + beta p
            final FloatVector bv = FloatVector.broadcast(F, beta);
            p0 = p0.fma(bv, r0);
            p1 = p1.fma(bv, r1);
            rsOld = rsNew;
        }
    }

    /** The row solve with k = 4 lanes-wide vectors, every vector of the row held in a local (a register). */
    static void solve4(HalfStep s, int row, float[] rb, float[] pb, int steps) {
        final int k = 4 * L;
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int xo = row * k;
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];

        // r = b - A x = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        FloatVector x0 = FloatVector.fromArray(F, x, xo);
        FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        FloatVector x2 = FloatVector.fromArray(F, x, xo + 2 * L);
        FloatVector x3 = FloatVector.fromArray(F, x, xo + 3 * L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        FloatVector r2 = x2.mul(-reg);
        FloatVector r3 = x3.mul(-reg);
        // YtY x as broadcast FMAs over the columns of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            FloatVector b = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(b, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(b, r1);
            r2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, r2);
            r3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, r3);
        }
        for (int q = from; q < to; q++) {
            final int yo = cols[q] * k;
            FloatVector y0 = FloatVector.fromArray(F, y, yo);
            FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            FloatVector d0 = y0.mul(x0);
            FloatVector d1 = y1.mul(x1);
            FloatVector d2 = y2.mul(x2);
            FloatVector d3 = y3.mul(x3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            FloatVector d = d0;
            // the pairwise lane sum, written inline: every lane ends up holding y_i . x
            if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
            if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
            if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
            d = d.add(d.rearrange(SWAP1));
            final float c1 = cm1[q];
            // coef = c_ui - (c_ui - 1)(y_i . x), in every lane
            FloatVector coef = d.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
            r2 = y2.fma(coef, r2);
            r3 = y3.fma(coef, r3);
        }
        FloatVector rr0 = r0.mul(r0);
        FloatVector rr1 = r1.mul(r1);
        FloatVector rr2 = r2.mul(r2);
        FloatVector rr3 = r3.mul(r3);
        rr0 = rr0.add(rr1);
        rr2 = rr2.add(rr3);
        rr0 = rr0.add(rr2);
        FloatVector rr = rr0;
        if (L >= 16) { rr = rr.add(rr.rearrange(SWAP8)); }
        if (L >= 8) { rr = rr.add(rr.rearrange(SWAP4)); }
        if (L >= 4) { rr = rr.add(rr.rearrange(SWAP2)); }
        rr = rr.add(rr.rearrange(SWAP1));
        float rsOld = rr.lane(0);
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            Arrays.fill(x, xo, xo + k, Float.NaN);
            return;
        }
        // r waits in the workspace while p and Ap hold the registers
        r0.intoArray(rb, 0);
        r1.intoArray(rb, L);
        r2.intoArray(rb, 2 * L);
        r3.intoArray(rb, 3 * L);
        FloatVector p0 = r0;
        FloatVector p1 = r1;
        FloatVector p2 = r2;
        FloatVector p3 = r3;
        for (int it = 0; it < steps; it++) {
            if (rsOld < RESIDUAL_EPS) {
                return;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            p0.intoArray(pb, 0);
            p1.intoArray(pb, L);
            p2.intoArray(pb, 2 * L);
            p3.intoArray(pb, 3 * L);
            FloatVector a0 = p0.mul(reg);
            FloatVector a1 = p1.mul(reg);
            FloatVector a2 = p2.mul(reg);
            FloatVector a3 = p3.mul(reg);
            for (int g = 0, go = 0; g < k; g++, go += k) {
                FloatVector b = FloatVector.broadcast(F, pb[g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
                a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, a2);
                a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, a3);
            }
            for (int q = from; q < to; q++) {
                final int yo = cols[q] * k;
                FloatVector y0 = FloatVector.fromArray(F, y, yo);
                FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
                FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
                FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
                FloatVector d0 = y0.mul(p0);
                FloatVector d1 = y1.mul(p1);
                FloatVector d2 = y2.mul(p2);
                FloatVector d3 = y3.mul(p3);
                d0 = d0.add(d1);
                d2 = d2.add(d3);
                d0 = d0.add(d2);
                FloatVector d = d0;
                if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
                if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
                if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
                d = d.add(d.rearrange(SWAP1));
                // coef = (c_ui - 1)(y_i . p), in every lane
                FloatVector coef = d.mul(cm1[q]);
                a0 = y0.fma(coef, a0);
                a1 = y1.fma(coef, a1);
                a2 = y2.fma(coef, a2);
                a3 = y3.fma(coef, a3);
            }
            FloatVector pa0 = p0.mul(a0);
            FloatVector pa1 = p1.mul(a1);
            FloatVector pa2 = p2.mul(a2);
            FloatVector pa3 = p3.mul(a3);
            pa0 = pa0.add(pa1);
            pa2 = pa2.add(pa3);
            pa0 = pa0.add(pa2);
            FloatVector pa = pa0;
            if (L >= 16) { pa = pa.add(pa.rearrange(SWAP8)); }
            if (L >= 8) { pa = pa.add(pa.rearrange(SWAP4)); }
            if (L >= 4) { pa = pa.add(pa.rearrange(SWAP2)); }
            pa = pa.add(pa.rearrange(SWAP1));
            final float pAp = pa.lane(0);
            if (!(pAp > 0)) {
                return;
            }
            final float alpha = rsOld / pAp;
            // x += alpha p ;  r -= alpha Ap
            final FloatVector av = FloatVector.broadcast(F, alpha);
            final FloatVector nav = FloatVector.broadcast(F, -alpha);
            p0.fma(av, FloatVector.fromArray(F, x, xo)).intoArray(x, xo);
            p1.fma(av, FloatVector.fromArray(F, x, xo + L)).intoArray(x, xo + L);
            p2.fma(av, FloatVector.fromArray(F, x, xo + 2 * L)).intoArray(x, xo + 2 * L);
            p3.fma(av, FloatVector.fromArray(F, x, xo + 3 * L)).intoArray(x, xo + 3 * L);
            r0 = a0.fma(nav, FloatVector.fromArray(F, rb, 0));
            r1 = a1.fma(nav, FloatVector.fromArray(F, rb, L));
            r2 = a2.fma(nav, FloatVector.fromArray(F, rb, 2 * L));
            r3 = a3.fma(nav, FloatVector.fromArray(F, rb, 3 * L));
            r0.intoArray(rb, 0);
            r1.intoArray(rb, L);
            r2.intoArray(rb, 2 * L);
            r3.intoArray(rb, 3 * L);
            FloatVector rn0 = r0.mul(r0);
            FloatVector rn1 = r1.mul(r1);
            FloatVector rn2 = r2.mul(r2);
            FloatVector rn3 = r3.mul(r3);
            rn0 = rn0.add(rn1);
            rn2 = rn2.add(rn3);
            rn0 = rn0.add(rn2);
            FloatVector rn = rn0;
            if (L >= 16) { rn = rn.add(rn.rearrange(SWAP8)); }
            if (L >= 8) { rn = rn.add(rn.rearrange(SWAP4)); }
            if (L >= 4) { rn = rn.add(rn.rearrange(SWAP2)); }
            rn = rn.add(rn.rearrange(SWAP1));
            final float rsNew = rn.lane(0);
            final float beta = rsNew / rsOld;
            // p = r + beta p
            final FloatVector bv = FloatVector.broadcast(F, beta);
            p0 = p0.fma(bv, r0);
            p1 = p1.fma(bv, r1);
            p2 = p2.fma(bv, r2);
            p3 = p3.fma(bv, r3);
            rsOld = rsNew;
        }
    }

    /** The row solve with k = 8 lanes-wide vectors, every vector of the row held in a local (a register). */
    static void solve8(HalfStep s, int row, float[] rb, float[] pb, int steps) {
        final int k = 8 * L;
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int xo = row * k;
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];

        // r = b - A x = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        FloatVector x0 = FloatVector.fromArray(F, x, xo);
        FloatVector x1 = FloatVector.fromArray(F, x, xo + L);
        FloatVector x2 = FloatVector.fromArray(F, x, xo + 2 * L);
        FloatVector x3 = FloatVector.fromArray(F, x, xo + 3 * L);
        FloatVector x4 = FloatVector.fromArray(F, x, xo + 4 * L);
        FloatVector x5 = FloatVector.fromArray(F, x, xo + 5 * L);
        FloatVector x6 = FloatVector.fromArray(F, x, xo + 6 * L);
        FloatVector x7 = FloatVector.fromArray(F, x, xo + 7 * L);
        FloatVector r0 = x0.mul(-reg);
        FloatVector r1 = x1.mul(-reg);
        FloatVector r2 = x2.mul(-reg);
        FloatVector r3 = x3.mul(-reg);
        FloatVector r4 = x4.mul(-reg);
        FloatVector r5 = x5.mul(-reg);
        FloatVector r6 = x6.mul(-reg);
        FloatVector r7 = x7.mul(-reg);
        // YtY x as broadcast FMAs over the columns of the symmetric YtY: r -= sum_g x_g YtY[g, :]
        for (int g = 0, go = 0; g < k; g++, go += k) {
            FloatVector b = FloatVector.broadcast(F, -x[xo + g]);
            r0 = FloatVector.fromArray(F, gram, go).fma(b, r0);
            r1 = FloatVector.fromArray(F, gram, go + L).fma(b, r1);
            r2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, r2);
            r3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, r3);
            r4 = FloatVector.fromArray(F, gram, go + 4 * L).fma(b, r4);
            r5 = FloatVector.fromArray(F, gram, go + 5 * L).fma(b, r5);
            r6 = FloatVector.fromArray(F, gram, go + 6 * L).fma(b, r6);
            r7 = FloatVector.fromArray(F, gram, go + 7 * L).fma(b, r7);
        }
        for (int q = from; q < to; q++) {
            final int yo = cols[q] * k;
            FloatVector y0 = FloatVector.fromArray(F, y, yo);
            FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
            FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
            FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
            FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
            FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
            FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
            FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
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
            FloatVector d = d0;
            // the pairwise lane sum, written inline: every lane ends up holding y_i . x
            if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
            if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
            if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
            d = d.add(d.rearrange(SWAP1));
            final float c1 = cm1[q];
            // coef = c_ui - (c_ui - 1)(y_i . x), in every lane
            FloatVector coef = d.fma(-c1, 1f + c1);
            r0 = y0.fma(coef, r0);
            r1 = y1.fma(coef, r1);
            r2 = y2.fma(coef, r2);
            r3 = y3.fma(coef, r3);
            r4 = y4.fma(coef, r4);
            r5 = y5.fma(coef, r5);
            r6 = y6.fma(coef, r6);
            r7 = y7.fma(coef, r7);
        }
        FloatVector rr0 = r0.mul(r0);
        FloatVector rr1 = r1.mul(r1);
        FloatVector rr2 = r2.mul(r2);
        FloatVector rr3 = r3.mul(r3);
        rr0 = r4.fma(r4, rr0);
        rr1 = r5.fma(r5, rr1);
        rr2 = r6.fma(r6, rr2);
        rr3 = r7.fma(r7, rr3);
        rr0 = rr0.add(rr1);
        rr2 = rr2.add(rr3);
        rr0 = rr0.add(rr2);
        FloatVector rr = rr0;
        if (L >= 16) { rr = rr.add(rr.rearrange(SWAP8)); }
        if (L >= 8) { rr = rr.add(rr.rearrange(SWAP4)); }
        if (L >= 4) { rr = rr.add(rr.rearrange(SWAP2)); }
        rr = rr.add(rr.rearrange(SWAP1));
        float rsOld = rr.lane(0);
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            Arrays.fill(x, xo, xo + k, Float.NaN);
            return;
        }
        // r waits in the workspace while p and Ap hold the registers
        r0.intoArray(rb, 0);
        r1.intoArray(rb, L);
        r2.intoArray(rb, 2 * L);
        r3.intoArray(rb, 3 * L);
        r4.intoArray(rb, 4 * L);
        r5.intoArray(rb, 5 * L);
        r6.intoArray(rb, 6 * L);
        r7.intoArray(rb, 7 * L);
        FloatVector p0 = r0;
        FloatVector p1 = r1;
        FloatVector p2 = r2;
        FloatVector p3 = r3;
        FloatVector p4 = r4;
        FloatVector p5 = r5;
        FloatVector p6 = r6;
        FloatVector p7 = r7;
        for (int it = 0; it < steps; it++) {
            if (rsOld < RESIDUAL_EPS) {
                return;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            p0.intoArray(pb, 0);
            p1.intoArray(pb, L);
            p2.intoArray(pb, 2 * L);
            p3.intoArray(pb, 3 * L);
            p4.intoArray(pb, 4 * L);
            p5.intoArray(pb, 5 * L);
            p6.intoArray(pb, 6 * L);
            p7.intoArray(pb, 7 * L);
            FloatVector a0 = p0.mul(reg);
            FloatVector a1 = p1.mul(reg);
            FloatVector a2 = p2.mul(reg);
            FloatVector a3 = p3.mul(reg);
            FloatVector a4 = p4.mul(reg);
            FloatVector a5 = p5.mul(reg);
            FloatVector a6 = p6.mul(reg);
            FloatVector a7 = p7.mul(reg);
            for (int g = 0, go = 0; g < k; g++, go += k) {
                FloatVector b = FloatVector.broadcast(F, pb[g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
                a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, a2);
                a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, a3);
                a4 = FloatVector.fromArray(F, gram, go + 4 * L).fma(b, a4);
                a5 = FloatVector.fromArray(F, gram, go + 5 * L).fma(b, a5);
                a6 = FloatVector.fromArray(F, gram, go + 6 * L).fma(b, a6);
                a7 = FloatVector.fromArray(F, gram, go + 7 * L).fma(b, a7);
            }
            for (int q = from; q < to; q++) {
                final int yo = cols[q] * k;
                FloatVector y0 = FloatVector.fromArray(F, y, yo);
                FloatVector y1 = FloatVector.fromArray(F, y, yo + L);
                FloatVector y2 = FloatVector.fromArray(F, y, yo + 2 * L);
                FloatVector y3 = FloatVector.fromArray(F, y, yo + 3 * L);
                FloatVector y4 = FloatVector.fromArray(F, y, yo + 4 * L);
                FloatVector y5 = FloatVector.fromArray(F, y, yo + 5 * L);
                FloatVector y6 = FloatVector.fromArray(F, y, yo + 6 * L);
                FloatVector y7 = FloatVector.fromArray(F, y, yo + 7 * L);
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
                FloatVector d = d0;
                if (L >= 16) { d = d.add(d.rearrange(SWAP8)); }
                if (L >= 8) { d = d.add(d.rearrange(SWAP4)); }
                if (L >= 4) { d = d.add(d.rearrange(SWAP2)); }
                d = d.add(d.rearrange(SWAP1));
                // coef = (c_ui - 1)(y_i . p), in every lane
                FloatVector coef = d.mul(cm1[q]);
                a0 = y0.fma(coef, a0);
                a1 = y1.fma(coef, a1);
                a2 = y2.fma(coef, a2);
                a3 = y3.fma(coef, a3);
                a4 = y4.fma(coef, a4);
                a5 = y5.fma(coef, a5);
                a6 = y6.fma(coef, a6);
                a7 = y7.fma(coef, a7);
            }
            FloatVector pa0 = p0.mul(a0);
            FloatVector pa1 = p1.mul(a1);
            FloatVector pa2 = p2.mul(a2);
            FloatVector pa3 = p3.mul(a3);
            pa0 = p4.fma(a4, pa0);
            pa1 = p5.fma(a5, pa1);
            pa2 = p6.fma(a6, pa2);
            pa3 = p7.fma(a7, pa3);
            pa0 = pa0.add(pa1);
            pa2 = pa2.add(pa3);
            pa0 = pa0.add(pa2);
            FloatVector pa = pa0;
            if (L >= 16) { pa = pa.add(pa.rearrange(SWAP8)); }
            if (L >= 8) { pa = pa.add(pa.rearrange(SWAP4)); }
            if (L >= 4) { pa = pa.add(pa.rearrange(SWAP2)); }
            pa = pa.add(pa.rearrange(SWAP1));
            final float pAp = pa.lane(0);
            if (!(pAp > 0)) {
                return;
            }
            final float alpha = rsOld / pAp;
            // x += alpha p ;  r -= alpha Ap
            final FloatVector av = FloatVector.broadcast(F, alpha);
            final FloatVector nav = FloatVector.broadcast(F, -alpha);
            p0.fma(av, FloatVector.fromArray(F, x, xo)).intoArray(x, xo);
            p1.fma(av, FloatVector.fromArray(F, x, xo + L)).intoArray(x, xo + L);
            p2.fma(av, FloatVector.fromArray(F, x, xo + 2 * L)).intoArray(x, xo + 2 * L);
            p3.fma(av, FloatVector.fromArray(F, x, xo + 3 * L)).intoArray(x, xo + 3 * L);
            p4.fma(av, FloatVector.fromArray(F, x, xo + 4 * L)).intoArray(x, xo + 4 * L);
            p5.fma(av, FloatVector.fromArray(F, x, xo + 5 * L)).intoArray(x, xo + 5 * L);
            p6.fma(av, FloatVector.fromArray(F, x, xo + 6 * L)).intoArray(x, xo + 6 * L);
            p7.fma(av, FloatVector.fromArray(F, x, xo + 7 * L)).intoArray(x, xo + 7 * L);
            r0 = a0.fma(nav, FloatVector.fromArray(F, rb, 0));
            r1 = a1.fma(nav, FloatVector.fromArray(F, rb, L));
            r2 = a2.fma(nav, FloatVector.fromArray(F, rb, 2 * L));
            r3 = a3.fma(nav, FloatVector.fromArray(F, rb, 3 * L));
            r4 = a4.fma(nav, FloatVector.fromArray(F, rb, 4 * L));
            r5 = a5.fma(nav, FloatVector.fromArray(F, rb, 5 * L));
            r6 = a6.fma(nav, FloatVector.fromArray(F, rb, 6 * L));
            r7 = a7.fma(nav, FloatVector.fromArray(F, rb, 7 * L));
            r0.intoArray(rb, 0);
            r1.intoArray(rb, L);
            r2.intoArray(rb, 2 * L);
            r3.intoArray(rb, 3 * L);
            r4.intoArray(rb, 4 * L);
            r5.intoArray(rb, 5 * L);
            r6.intoArray(rb, 6 * L);
            r7.intoArray(rb, 7 * L);
            FloatVector rn0 = r0.mul(r0);
            FloatVector rn1 = r1.mul(r1);
            FloatVector rn2 = r2.mul(r2);
            FloatVector rn3 = r3.mul(r3);
            rn0 = r4.fma(r4, rn0);
            rn1 = r5.fma(r5, rn1);
            rn2 = r6.fma(r6, rn2);
            rn3 = r7.fma(r7, rn3);
            rn0 = rn0.add(rn1);
            rn2 = rn2.add(rn3);
            rn0 = rn0.add(rn2);
            FloatVector rn = rn0;
            if (L >= 16) { rn = rn.add(rn.rearrange(SWAP8)); }
            if (L >= 8) { rn = rn.add(rn.rearrange(SWAP4)); }
            if (L >= 4) { rn = rn.add(rn.rearrange(SWAP2)); }
            rn = rn.add(rn.rearrange(SWAP1));
            final float rsNew = rn.lane(0);
            final float beta = rsNew / rsOld;
            // p = r + beta p
            final FloatVector bv = FloatVector.broadcast(F, beta);
            p0 = p0.fma(bv, r0);
            p1 = p1.fma(bv, r1);
            p2 = p2.fma(bv, r2);
            p3 = p3.fma(bv, r3);
            p4 = p4.fma(bv, r4);
            p5 = p5.fma(bv, r5);
            p6 = p6.fma(bv, r6);
            p7 = p7.fma(bv, r7);
            rsOld = rsNew;
        }
    }
}
