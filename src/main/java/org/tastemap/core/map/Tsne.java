package org.tastemap.core.map;

import java.util.Arrays;

/**
 * Barnes-Hut t-SNE (van der Maaten and Hinton 2008; van der Maaten 2014) on cosine neighbourhoods,
 * written here: no maintained t-SNE library with a licence compatible with Apache-2.0 was found
 * (Smile's is GPL). Input affinities come from each artist's 3 x perplexity nearest neighbours by
 * cosine; the repulsion is approximated with a quadtree (theta 0.5). Started from the PCA map
 * scaled to a standard deviation of 1e-4 (Kobak and Berens 2019), with early exaggeration 12 for
 * the first 250 iterations and learning rate max(200, n / 12) (Belkina et al. 2019). Every point's
 * gradient depends only on the previous positions, so the result does not depend on the threads;
 * exp and log are StrictMath, so it does not depend on the JVM either.
 */
final class Tsne {
    static final double PERPLEXITY = 30;
    static final int EXAGGERATION_ITERATIONS = 250;
    static final int ITERATIONS = 750;
    static final double EXAGGERATION = 12;
    static final double THETA = 0.5;
    private static final int GRAIN = 512;

    private Tsne() {
    }

    /** The symmetric input affinities p_ij, summing to 1, as sparse rows: row i is {@code [ptr[i], ptr[i+1])}. */
    record Affinities(int n, int[] ptr, int[] col, double[] val) {
    }

    /** Called after each iteration with the current positions (not to be kept: they change). */
    @FunctionalInterface
    interface Hook {
        void after(int iteration, int iterations, double[] y);
    }

    /** The neighbours t-SNE needs for the perplexity: 3 x perplexity, at most n - 1. */
    static int neighbours(int n) {
        return (int) Math.min(n - 1, Math.round(3 * PERPLEXITY));
    }

    /**
     * p_ij = (p_j|i + p_i|j) / 2n, with p_j|i = exp(-beta_i d_ij^2) / sum_k exp(-beta_i d_ik^2) over
     * i's neighbours, d^2 = 2 - 2 cos, and beta_i found by bisection so that the entropy of p_.|i is
     * ln(perplexity) (perplexity min(30, neighbours / 3)).
     */
    static Affinities affinities(Knn.Lists nn, Workers w) {
        int n = nn.n();
        int kk = nn.kk();
        double[] cond = new double[n * kk];
        double perp = Math.min(PERPLEXITY, Math.max(1, kk / 3.0));
        double target = StrictMath.log(perp);
        w.forRange(n, GRAIN, (from, to) -> {
            double[] d2 = new double[kk];
            double[] p = new double[kk];
            for (int i = from; i < to; i++) {
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < kk; j++) {
                    d2[j] = Math.max(0, 2 - 2 * (double) nn.score()[i * kk + j]);
                    min = Math.min(min, d2[j]);
                }
                double beta = 1;
                double lo = 0;
                double hi = Double.POSITIVE_INFINITY;
                for (int step = 0; step < 200; step++) {
                    // H = ln(sum) + beta * sum_j (d_j^2 - min) p_j / sum, p_j = exp(-beta (d_j^2 - min))
                    double sum = 0;
                    double dot = 0;
                    for (int j = 0; j < kk; j++) {
                        p[j] = StrictMath.exp(-beta * (d2[j] - min));
                        sum += p[j];
                        dot += (d2[j] - min) * p[j];
                    }
                    double h = StrictMath.log(sum) + beta * dot / sum;
                    if (Math.abs(h - target) < 1e-5) {
                        break;
                    }
                    if (h > target) {
                        lo = beta;
                        beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
                    } else {
                        hi = beta;
                        beta = (beta + lo) / 2;
                    }
                }
                double sum = 0;
                for (int j = 0; j < kk; j++) {
                    p[j] = StrictMath.exp(-beta * (d2[j] - min));
                    sum += p[j];
                }
                for (int j = 0; j < kk; j++) {
                    cond[i * kk + j] = p[j] / sum;
                }
            }
        });
        return symmetrise(nn, cond);
    }

    private static Affinities symmetrise(Knn.Lists nn, double[] cond) {
        int n = nn.n();
        int kk = nn.kk();
        int[] cnt = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < kk; j++) {
                cnt[i]++;
                cnt[nn.idx()[i * kk + j]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + cnt[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        long[] entry = new long[start[n]];
        double[] value = new double[start[n]];
        double scale = 1.0 / (2.0 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < kk; j++) {
                int t = nn.idx()[i * kk + j];
                double v = cond[i * kk + j] * scale;
                entry[fill[i]] = t;
                value[fill[i]++] = v;
                entry[fill[t]] = i;
                value[fill[t]++] = v;
            }
        }
        // per row: sort by column, add up the two halves of each pair
        int[] ptr = new int[n + 1];
        int[] col = new int[start[n]];
        double[] val = new double[start[n]];
        int out = 0;
        long[] keyed = new long[0];
        for (int i = 0; i < n; i++) {
            int len = start[i + 1] - start[i];
            if (keyed.length < len) {
                keyed = new long[len];
            }
            for (int e = 0; e < len; e++) {
                keyed[e] = (entry[start[i] + e] << 32) | e;
            }
            Arrays.sort(keyed, 0, len);
            ptr[i] = out;
            for (int e = 0; e < len; e++) {
                int c = (int) (keyed[e] >>> 32);
                double v = value[start[i] + (int) keyed[e]];
                if (out > ptr[i] && col[out - 1] == c) {
                    val[out - 1] += v;
                } else {
                    col[out] = c;
                    val[out++] = v;
                }
            }
        }
        ptr[n] = out;
        return new Affinities(n, ptr, Arrays.copyOf(col, out), Arrays.copyOf(val, out));
    }

    /**
     * Runs the optimisation from {@code y} (x of point i at 2i, y at 2i + 1, already scaled), in place.
     * The gradient (van der Maaten 2014, eq. 5):
     * {@code dC/dy_i = 4 (exaggeration sum_j p_ij q_ij Z (y_i - y_j) - sum_j q_ij^2 Z^2 (y_i - y_j) / Z)},
     * with {@code q_ij Z = 1 / (1 + |y_i - y_j|^2)} and {@code Z = sum_{k != l} 1 / (1 + |y_k - y_l|^2)}.
     */
    static void optimise(Affinities p, double[] y, Workers w, Hook hook) {
        int n = p.n();
        double eta = Math.max(200, n / EXAGGERATION);
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] attract = new double[2 * n];
        double[] repel = new double[2 * n];
        double[] zPart = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        QuadTree tree = new QuadTree();
        int[] order = new int[n];
        long[] keys = new long[n];
        for (int it = 0; it < ITERATIONS; it++) {
            boolean early = it < EXAGGERATION_ITERATIONS;
            double exaggeration = early ? EXAGGERATION : 1;
            double momentum = early ? 0.5 : 0.8;
            for (int i = 0; i < n; i++) {
                xs[i] = y[2 * i];
                ys[i] = y[2 * i + 1];
            }
            tree.build(xs, ys, n);
            if (it % 10 == 0) {
                spatialOrder(xs, ys, n, keys, order);
            }
            w.forRange(n, GRAIN, (from, to) -> {
                int[] stack = tree.newStack();
                double[] f = new double[2];
                for (int r = from; r < to; r++) {
                    int i = order[r];
                    // attraction: sum_j p_ij (1 + d_ij^2)^-1 (y_i - y_j)
                    double ax = 0;
                    double ay = 0;
                    for (int e = p.ptr()[i]; e < p.ptr()[i + 1]; e++) {
                        int j = p.col()[e];
                        double dx = xs[i] - xs[j];
                        double dy = ys[i] - ys[j];
                        double q = 1 / (1 + dx * dx + dy * dy);
                        ax += p.val()[e] * q * dx;
                        ay += p.val()[e] * q * dy;
                    }
                    attract[2 * i] = ax;
                    attract[2 * i + 1] = ay;
                    f[0] = 0;
                    f[1] = 0;
                    zPart[i] = tree.repulsion(xs[i], ys[i], THETA, f, stack);
                    repel[2 * i] = f[0];
                    repel[2 * i + 1] = f[1];
                }
            });
            double z = 0;
            for (int i = 0; i < n; i++) {
                z += zPart[i];
            }
            double invZ = z > 0 ? 1 / z : 0;
            for (int c = 0; c < 2 * n; c++) {
                double grad = 4 * (exaggeration * attract[c] - repel[c] * invZ);
                // gains: +0.2 when the gradient turns against the last step, x0.8 otherwise (at least 0.01)
                gains[c] = Math.signum(grad) != Math.signum(update[c]) ? gains[c] + 0.2 : Math.max(0.01, gains[c] * 0.8);
                update[c] = momentum * update[c] - eta * gains[c] * grad;
                y[c] += update[c];
            }
            centre(y, n);
            hook.after(it + 1, ITERATIONS, y);
        }
    }

    /**
     * The points along a Z-order (Morton) curve over their bounding box, so that consecutive points
     * walk the same parts of the quadtree (a speed-up only: each point's gradient does not depend on
     * the order).
     */
    static void spatialOrder(double[] xs, double[] ys, int n, long[] keys, int[] order) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double sx = maxX > minX ? 65535 / (maxX - minX) : 0;
        double sy = maxY > minY ? 65535 / (maxY - minY) : 0;
        for (int i = 0; i < n; i++) {
            long qx = (long) ((xs[i] - minX) * sx);
            long qy = (long) ((ys[i] - minY) * sy);
            keys[i] = (interleave(qx) | interleave(qy) << 1) << 31 | i;
        }
        Arrays.sort(keys, 0, n);
        for (int r = 0; r < n; r++) {
            order[r] = (int) (keys[r] & 0x7FFFFFFFL);
        }
    }

    /** The 16 low bits of v spread to the even bits of 32. */
    private static long interleave(long v) {
        v &= 0xFFFF;
        v = (v | v << 8) & 0x00FF00FFL;
        v = (v | v << 4) & 0x0F0F0F0FL;
        v = (v | v << 2) & 0x33333333L;
        v = (v | v << 1) & 0x55555555L;
        return v;
    }

    private static void centre(double[] y, int n) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += y[2 * i];
            sy += y[2 * i + 1];
        }
        sx /= n;
        sy /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= sx;
            y[2 * i + 1] -= sy;
        }
    }
}
