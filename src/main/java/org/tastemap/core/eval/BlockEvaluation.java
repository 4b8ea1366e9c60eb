package org.tastemap.core.eval;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.tastemap.core.als.ScoreKernels;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TopN;

/**
 * The fast path of {@link RankingMetrics} for a factor model: the same per-user numbers, with the
 * scores of blocks of users over tiles of artists computed like a matrix product (GEMM).
 *
 * <p>Work is split into chunks of {@link #CHUNK} users. A thread takes a chunk and walks the artists
 * tile by tile ({@link #TILE} artists, 256 KB of packed factors at k = 64, which stays in L2 while
 * every block of 8 users of the chunk is scored against it). Each block's score tile (8 x TILE
 * floats, 32 KB, in L1) is used at once:
 * <ul>
 *   <li>training artists are set to NaN, which counts nowhere;</li>
 *   <li>the top K: only scores at or above the TopN threshold reach {@link TopN#offer}, in artist order
 *       as in the scalar path;</li>
 *   <li>AUC and percentile rank need, for each held-out score t, the candidates below t and equal to t.
 *       The held-out scores are known before the pass (recomputed with the same FMA chain as the
 *       kernel, {@link ScoreKernels#score}, so they are bit-identical), and for floats
 *       {@code s <= t} is {@code s < nextUp(t)}: two vector counts of "below" per held-out artist,
 *       with no binary search and no branch per candidate.</li>
 * </ul>
 * Each user's numbers depend only on that user, so the results do not depend on the thread count.
 * Workspaces are made once per thread; the loop over users allocates nothing.
 */
final class BlockEvaluation {
    /** Users sharing one pass over the artist factors. */
    static final int CHUNK = 128;
    /** Artists per tile. */
    static final int TILE = 1024;
    private static final int B = ScoreKernels.USERS;

    private BlockEvaluation() {
    }

    /** Fills {@code out[6q .. 6q+6)} for every users[q] as {@link RankingMetrics#evaluateUser} does; NaN first when the user has no result. */
    static void evaluate(BlockScorer scorer, InteractionMatrix train, InteractionMatrix test, int[] users, int k,
                         int threads, double[] out) {
        FactorModel m = scorer.model();
        ScoreKernels kernels = ScoreKernels.fastest();
        float[] packed = kernels.pack(m.itemFactors(), m.numItems(), m.factors());
        int chunks = (users.length + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        RankingMetrics.runWorkers(threads, chunks, () -> {
            Workspace w = new Workspace(kernels, m, k);
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                w.chunk(scorer, packed, train, test, users, c * CHUNK, Math.min(users.length, (c + 1) * CHUNK), out);
            }
        });
    }

    /** One thread's arrays, reused for every chunk. */
    private static final class Workspace {
        final ScoreKernels kernels;
        final FactorModel m;
        final int k;
        final int w;
        final int stride;
        final float[] tile;
        final int[] xo = new int[B];
        final TopN[] top = new TopN[CHUNK];
        final int[] ranked;
        final int[] trainPos = new int[CHUNK];
        final int[] status = new int[CHUNK];       // 0 block path, 1 no result, 2 scalar path
        final int[] heldOff = new int[CHUNK + 1];  // offsets into held / sorted; thresholds and counts at 2x
        float[] held = new float[CHUNK * 16];
        float[] sorted = new float[CHUNK * 16];
        float[] thr = new float[CHUNK * 32];
        long[] counts = new long[CHUNK * 32];
        float[] fullScores;

        Workspace(ScoreKernels kernels, FactorModel m, int k) {
            this.kernels = kernels;
            this.m = m;
            this.k = k;
            this.w = kernels.panelWidth();
            this.stride = TILE / w * w;
            this.tile = new float[B * stride];
            for (int c = 0; c < CHUNK; c++) {
                top[c] = new TopN(k);
            }
            this.ranked = new int[k];
        }

        void chunk(BlockScorer scorer, float[] packed, InteractionMatrix train, InteractionMatrix test, int[] users,
                   int q0, int q1, double[] out) {
            final int n = q1 - q0;
            final int items = m.numItems();
            final int f = m.factors();
            final float[] x = m.userFactors();
            final float[] y = m.itemFactors();
            final int[] tp = train.userPtr();
            final int[] tc = train.userItems();
            final int[] sp = test.userPtr();
            final int[] sc = test.userItems();
            int total = 0;
            for (int c = 0; c < n; c++) {
                int u = users[q0 + c];
                total += sp[u + 1] - sp[u];
            }
            if (held.length < total) {
                held = new float[total];
                sorted = new float[total];
                thr = new float[2 * total];
                counts = new long[2 * total];
            }
            // held-out scores, bit-identical to the block scores; thresholds t and nextUp(t)
            int off = 0;
            for (int c = 0; c < n; c++) {
                int u = users[q0 + c];
                heldOff[c] = off;
                int nt = sp[u + 1] - sp[u];
                int candidates = items - (tp[u + 1] - tp[u]);
                top[c].clear();
                trainPos[c] = tp[u];
                status[c] = nt == 0 || candidates < 2 ? 1 : 0;
                for (int q = 0; q < nt; q++) {
                    float s = ScoreKernels.score(x, u * f, y, sc[sp[u] + q] * f, f);
                    held[off + q] = s;
                    sorted[off + q] = s;
                    if (!Float.isFinite(s) && status[c] == 0) {
                        status[c] = 2;   // NaN or infinite scores: leave the user to the scalar path
                    }
                }
                Arrays.sort(sorted, off, off + nt);
                for (int q = 0; q < nt; q++) {
                    thr[2 * (off + q)] = sorted[off + q];
                    thr[2 * (off + q) + 1] = Math.nextUp(sorted[off + q]);
                }
                Arrays.fill(counts, 2 * off, 2 * (off + nt), 0L);
                off += nt;
            }
            heldOff[n] = off;
            // scores tile by tile
            final int panels = kernels.panels(items);
            final int tilePanels = stride / w;
            for (int p0 = 0; p0 < panels; p0 += tilePanels) {
                final int p1 = Math.min(panels, p0 + tilePanels);
                final int j0 = p0 * w;
                final int len = Math.min(items, p1 * w) - j0;
                for (int b0 = 0; b0 < n; b0 += B) {
                    final int nb = Math.min(B, n - b0);
                    for (int b = 0; b < B; b++) {
                        xo[b] = users[q0 + b0 + Math.min(b, nb - 1)] * f;
                    }
                    kernels.scoreBlock(x, f, xo, packed, p0, p1, tile, stride);
                    for (int b = 0; b < nb; b++) {
                        final int c = b0 + b;
                        if (status[c] != 0) {
                            continue;
                        }
                        final int u = users[q0 + c];
                        final int row = b * stride;
                        final int end = row + len;
                        // training artists are not candidates
                        int pos = trainPos[c];
                        final int stop = tp[u + 1];
                        while (pos < stop && tc[pos] < j0 + len) {
                            tile[row + tc[pos] - j0] = Float.NaN;
                            pos++;
                        }
                        trainPos[c] = pos;
                        // top K: only scores at or above the threshold are offered
                        final TopN t = top[c];
                        int i = kernels.firstAtLeast(tile, row, end, t.threshold());
                        while (i < end) {
                            t.offer(j0 + i - row, tile[i]);
                            i = kernels.firstAtLeast(tile, i + 1, end, t.threshold());
                        }
                        final int h = heldOff[c];
                        kernels.countBelow(tile, row, end, thr, 2 * h, counts, 2 * h, 2 * (heldOff[c + 1] - h));
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                int u = users[q0 + c];
                int o = 6 * (q0 + c);
                if (status[c] == 1) {
                    out[o] = Double.NaN;
                } else if (status[c] == 2) {
                    if (fullScores == null) {
                        fullScores = new float[items];
                    }
                    double[] r = RankingMetrics.evaluateUser(scorer, train, test, u, k, fullScores, top[c]);
                    RankingMetrics.store(r, out, o);
                } else {
                    finish(train, test, u, c, out, o);
                }
            }
        }

        /** The per-user formulas of {@link RankingMetrics#evaluateUser}, from the counts. */
        private void finish(InteractionMatrix train, InteractionMatrix test, int u, int c, double[] out, int o) {
            final int[] sp = test.userPtr();
            final int[] sc = test.userItems();
            final float[] sv = test.userValues();
            final int from = sp[u];
            final int nt = sp[u + 1] - from;
            final int candidates = m.numItems() - train.userCount(u);
            final int h = heldOff[c];
            int nr = top[c].drainBestFirst(ranked);
            double hits = 0;
            double ap = 0;
            double dcg = 0;
            for (int r = 0; r < nr; r++) {
                if (Arrays.binarySearch(sc, from, from + nt, ranked[r]) >= 0) {
                    hits++;
                    ap += hits / (r + 1);
                    dcg += 1.0 / RankingMetrics.log2(r + 2);
                }
            }
            int ideal = Math.min(k, nt);
            double idcg = 0;
            for (int r = 0; r < ideal; r++) {
                idcg += 1.0 / RankingMetrics.log2(r + 2);
            }
            int negatives = candidates - nt;
            double aucSum = 0;
            double rankNum = 0;
            double playSum = 0;
            for (int q = 0; q < nt; q++) {
                float s = held[h + q];
                int pos = RankingMetrics.lowerBound(sorted, h, h + nt, s) - h;
                int testEqual = RankingMetrics.upperBound(sorted, h, h + nt, s) - h - pos;
                // candidates below s, and below nextUp(s) = at or below s
                long b = counts[2 * (h + pos)];
                long e = counts[2 * (h + pos) + 1] - b;
                if (negatives > 0) {
                    aucSum += ((b - pos) + 0.5 * (e - testEqual)) / negatives;
                }
                double above = candidates - b - e;
                double rank = (above + 0.5 * (e - 1)) / (candidates - 1);
                rankNum += sv[from + q] * rank;
                playSum += sv[from + q];
            }
            out[o] = hits / ideal;
            out[o + 1] = ap / ideal;
            out[o + 2] = idcg > 0 ? dcg / idcg : 0;
            out[o + 3] = negatives > 0 ? aucSum / nt : 0.5;
            out[o + 4] = rankNum;
            out[o + 5] = playSum;
        }
    }
}
