package org.tastemap.core.map;

import org.tastemap.core.linalg.ScoreKernels;
import org.tastemap.core.model.TopN;

/**
 * Exact nearest neighbours by brute force: by cosine over unit factor rows (the engine's score
 * kernels, which give the same bits in their vector and scalar forms), and by distance in the plane.
 * Ties go to the lower index. Row p's neighbours are {@code idx[p kk .. p kk + kk)}, nearest first,
 * never p itself.
 */
final class Knn {
    private Knn() {
    }

    /** Neighbour lists; {@code score} is the cosine (by factors) or minus the squared distance (in the plane). */
    record Lists(int n, int kk, int[] idx, float[] score) {
    }

    /** The kk rows of highest cosine to each of n unit rows of dimension d. */
    static Lists cosine(float[] unit, int n, int d, int kk, Workers w) {
        int take = Math.min(kk, n - 1);
        ScoreKernels kern = ScoreKernels.fastest();
        float[] packed = kern.pack(unit, n, d);
        int panels = kern.panels(n);
        int stride = panels * kern.panelWidth();
        int[] idx = new int[n * take];
        float[] score = new float[n * take];
        int block = ScoreKernels.USERS;
        w.forRange(n, 8 * block, (from, to) -> {
            float[] tile = new float[block * stride];
            int[] xo = new int[block];
            TopN top = new TopN(take);
            int[] order = new int[take];
            for (int q0 = from; q0 < to; q0 += block) {
                for (int b = 0; b < block; b++) {
                    xo[b] = Math.min(q0 + b, to - 1) * d;
                }
                kern.scoreBlock(unit, d, xo, packed, 0, panels, tile, stride);
                for (int b = 0; b < block && q0 + b < to; b++) {
                    int p = q0 + b;
                    top.clear();
                    for (int j = 0; j < n; j++) {
                        float s = tile[b * stride + j];
                        if (j != p && s >= top.threshold()) {
                            top.offer(j, s);
                        }
                    }
                    int got = top.drainBestFirst(order);
                    for (int r = 0; r < take && r < got; r++) {
                        idx[p * take + r] = order[r];
                        score[p * take + r] = tile[b * stride + order[r]];
                    }
                }
            }
        });
        return new Lists(n, take, idx, score);
    }

    /** The kk points nearest to each point of the plane. */
    static Lists plane(float[] x, float[] y, int kk, Workers w) {
        int n = x.length;
        int take = Math.min(kk, n - 1);
        int[] idx = new int[n * Math.max(take, 0)];
        float[] score = new float[idx.length];
        w.forRange(n, 64, (from, to) -> {
            TopN top = new TopN(take);
            int[] order = new int[take];
            for (int p = from; p < to; p++) {
                top.clear();
                float px = x[p];
                float py = y[p];
                for (int j = 0; j < n; j++) {
                    if (j == p) {
                        continue;
                    }
                    float dx = px - x[j];
                    float dy = py - y[j];
                    // -(dx^2 + dy^2): the nearest scores highest
                    float s = -(dx * dx + dy * dy);
                    if (s >= top.threshold()) {
                        top.offer(j, s);
                    }
                }
                top.drainBestFirst(order);
                for (int r = 0; r < take; r++) {
                    idx[p * take + r] = order[r];
                    float dx = px - x[order[r]];
                    float dy = py - y[order[r]];
                    score[p * take + r] = -(dx * dx + dy * dy);
                }
            }
        });
        return new Lists(n, take, idx, score);
    }
}
