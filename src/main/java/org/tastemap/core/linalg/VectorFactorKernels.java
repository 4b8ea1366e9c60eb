package org.tastemap.core.linalg;

import static org.tastemap.core.linalg.VectorLanes.D;
import static org.tastemap.core.linalg.VectorLanes.DL;
import static org.tastemap.core.linalg.VectorLanes.F;
import static org.tastemap.core.linalg.VectorLanes.L;
import static org.tastemap.core.linalg.VectorLanes.SWAP1;
import static org.tastemap.core.linalg.VectorLanes.SWAP2;
import static org.tastemap.core.linalg.VectorLanes.SWAP4;
import static org.tastemap.core.linalg.VectorLanes.SWAP8;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * {@link FactorKernels} with the Vector API. Loaded only when {@link VectorSupport#available()}.
 *
 * <p>The Gram matrix is summed in double like the scalar one, in the same order per entry, and
 * {@code g + a * b} with a float product {@code a * b} (exact in double) rounds the same whether
 * fused or not: its upper triangle is bit-for-bit the scalar one. Rows are copied to double in
 * blocks, and a tile of 4 x 2 vectors of G stays in registers over a block.
 *
 * <p>The stored-cell terms take each dot product {@code x_u . y_i} in float lanes (FMA, then the
 * pairwise lane sum), then work in double. The float dot differs from the double one by a few
 * 1e-7 of {@code sum_f |x_uf y_if|}, far below what the loss is read for.
 */
final class VectorFactorKernels implements FactorKernels {
    /** Rows copied to double at a time: 64 rows of k = 64 fill 32 KB. */
    private static final int BLOCK = 64;

    @Override
    public void gramUpper(FactorTable table, int from, int to, double[] g) {
        final float[] factors = table.data();
        final int origin = table.origin();
        final int k = table.k();
        final double[] buf = new double[BLOCK * k];
        final int kv = D.loopBound(k);
        for (int r0 = from; r0 < to; r0 += BLOCK) {
            final int nb = Math.min(BLOCK, to - r0);
            for (int q = 0, n = nb * k, src = origin + r0 * k; q < n; q++) {
                buf[q] = factors[src + q];
            }
            int f0 = 0;
            for (; f0 + 4 <= k; f0 += 4) {
                // the columns from the vector holding the diagonal on: the upper triangle and a little below
                int h = f0 / DL * DL;
                for (; h + 2 * DL <= kv; h += 2 * DL) {
                    tile4x2(buf, nb, k, f0, h, g);
                }
                if (h < kv) {
                    tile4x1(buf, nb, k, f0, h, g);
                }
                for (int f = f0; f < f0 + 4; f++) {
                    scalarRow(buf, nb, k, f, Math.max(f, kv), g);
                }
            }
            for (; f0 < k; f0++) {
                scalarRow(buf, nb, k, f0, f0, g);
            }
        }
    }

    /** {@code G[f0..f0+4, h..h+2 DL) += sum over the block's rows}, the 8 vectors of G in registers. */
    private static void tile4x2(double[] buf, int nb, int k, int f0, int h, double[] g) {
        final int g0 = f0 * k + h;
        final int g1 = g0 + k;
        final int g2 = g1 + k;
        final int g3 = g2 + k;
        DoubleVector a00 = DoubleVector.fromArray(D, g, g0);
        DoubleVector a01 = DoubleVector.fromArray(D, g, g0 + DL);
        DoubleVector a10 = DoubleVector.fromArray(D, g, g1);
        DoubleVector a11 = DoubleVector.fromArray(D, g, g1 + DL);
        DoubleVector a20 = DoubleVector.fromArray(D, g, g2);
        DoubleVector a21 = DoubleVector.fromArray(D, g, g2 + DL);
        DoubleVector a30 = DoubleVector.fromArray(D, g, g3);
        DoubleVector a31 = DoubleVector.fromArray(D, g, g3 + DL);
        for (int r = 0, ro = 0; r < nb; r++, ro += k) {
            final DoubleVector y0 = DoubleVector.fromArray(D, buf, ro + h);
            final DoubleVector y1 = DoubleVector.fromArray(D, buf, ro + h + DL);
            DoubleVector b = DoubleVector.broadcast(D, buf[ro + f0]);
            a00 = y0.fma(b, a00);
            a01 = y1.fma(b, a01);
            b = DoubleVector.broadcast(D, buf[ro + f0 + 1]);
            a10 = y0.fma(b, a10);
            a11 = y1.fma(b, a11);
            b = DoubleVector.broadcast(D, buf[ro + f0 + 2]);
            a20 = y0.fma(b, a20);
            a21 = y1.fma(b, a21);
            b = DoubleVector.broadcast(D, buf[ro + f0 + 3]);
            a30 = y0.fma(b, a30);
            a31 = y1.fma(b, a31);
        }
        a00.intoArray(g, g0);
        a01.intoArray(g, g0 + DL);
        a10.intoArray(g, g1);
        a11.intoArray(g, g1 + DL);
        a20.intoArray(g, g2);
        a21.intoArray(g, g2 + DL);
        a30.intoArray(g, g3);
        a31.intoArray(g, g3 + DL);
    }

    /** {@code G[f0..f0+4, h..h+DL) += sum over the block's rows}. */
    private static void tile4x1(double[] buf, int nb, int k, int f0, int h, double[] g) {
        final int g0 = f0 * k + h;
        DoubleVector a0 = DoubleVector.fromArray(D, g, g0);
        DoubleVector a1 = DoubleVector.fromArray(D, g, g0 + k);
        DoubleVector a2 = DoubleVector.fromArray(D, g, g0 + 2 * k);
        DoubleVector a3 = DoubleVector.fromArray(D, g, g0 + 3 * k);
        for (int r = 0, ro = 0; r < nb; r++, ro += k) {
            final DoubleVector y0 = DoubleVector.fromArray(D, buf, ro + h);
            a0 = y0.fma(DoubleVector.broadcast(D, buf[ro + f0]), a0);
            a1 = y0.fma(DoubleVector.broadcast(D, buf[ro + f0 + 1]), a1);
            a2 = y0.fma(DoubleVector.broadcast(D, buf[ro + f0 + 2]), a2);
            a3 = y0.fma(DoubleVector.broadcast(D, buf[ro + f0 + 3]), a3);
        }
        a0.intoArray(g, g0);
        a1.intoArray(g, g0 + k);
        a2.intoArray(g, g0 + 2 * k);
        a3.intoArray(g, g0 + 3 * k);
    }

    /** {@code G[f, c..k) += sum over the block's rows}, in plain loops (the columns past the last whole vector). */
    private static void scalarRow(double[] buf, int nb, int k, int f, int c, double[] g) {
        for (int r = 0, ro = 0; r < nb; r++, ro += k) {
            final double v = buf[ro + f];
            for (int h = c, go = f * k + c; h < k; h++, go++) {
                g[go] += v * buf[ro + h];
            }
        }
    }

    @Override
    public double storedCells(FactorTable xt, FactorTable yt, int[] ptr, int[] cols, float[] cm1, int from, int to) {
        final float[] x = xt.data();
        final float[] y = yt.data();
        final int xOrigin = xt.origin();
        final int yOrigin = yt.origin();
        final int k = xt.k();
        final int vectors = k % L == 0 ? k / L : 0;
        double sum = 0;
        for (int u = from; u < to; u++) {
            sum += switch (vectors) {
                case 8 -> VectorCellKernels.userCells8(x, xOrigin + u * k, y, yOrigin, cols, cm1, ptr[u], ptr[u + 1]);
                case 4 -> VectorCellKernels.userCells4(x, xOrigin + u * k, y, yOrigin, cols, cm1, ptr[u], ptr[u + 1]);
                case 2 -> VectorCellKernels.userCells2(x, xOrigin + u * k, y, yOrigin, cols, cm1, ptr[u], ptr[u + 1]);
                default -> userCells(x, xOrigin + u * k, y, yOrigin, k, cols, cm1, ptr[u], ptr[u + 1]);
            };
        }
        return sum;
    }

    /**
     * One user's stored-cell terms. A method per user, not per range of users: it is called so often
     * that C2 compiles it within the first loss, while a long loop would run in the interpreter and C1
     * first, which box every vector on the heap.
     */
    private static double userCells(float[] x, int xo, float[] y, int yb, int k, int[] cols, float[] cm1, int from, int to) {
        final int kv = F.loopBound(k);
        double sum = 0;
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            FloatVector acc = FloatVector.zero(F);
            int f = 0;
            for (; f < kv; f += L) {
                acc = FloatVector.fromArray(F, y, yo + f).fma(FloatVector.fromArray(F, x, xo + f), acc);
            }
            if (L >= 16) { acc = acc.add(acc.rearrange(SWAP8)); }
            if (L >= 8) { acc = acc.add(acc.rearrange(SWAP4)); }
            if (L >= 4) { acc = acc.add(acc.rearrange(SWAP2)); }
            acc = acc.add(acc.rearrange(SWAP1));
            double s = acc.lane(0);
            for (; f < k; f++) {
                s += (double) x[xo + f] * y[yo + f];
            }
            final double c = 1.0 + cm1[q];
            // c_ui (1 - s)^2 replaces the (x_u . y_i)^2 that the YtY term counted with confidence 1
            sum += c * (1 - s) * (1 - s) - s * s;
        }
        return sum;
    }
}
