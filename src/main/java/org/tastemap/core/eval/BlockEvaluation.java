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
 *
 * <p>Most of that work can be skipped with a bound. The artists are scored in order of decreasing
 * factor norm, so {@code |x_u| |y_first|} of a tile bounds every score in it and in every later tile
 * (Cauchy-Schwarz, with a margin for float rounding), from above and from below. Held-out thresholds
 * above a user's bound are above every candidate of the tile and those below minus the bound are
 * below every one, so only the thresholds in between are counted by compares; a user with no
 * held-out score left in between, and whose bound is below its current 10th score, is finished
 * (every remaining candidate falls on the same side of each threshold, and none can enter the top K) and
 * leaves the blocks of eight users that are scored together, so that its lane goes to a user who
 * still needs scores. The
 * skipped work changes no count: every result is the same integer as without the bound (and ties in
 * the top K go to the lower artist index in any order of offers). The bound needs finite scores, so
 * it is used only when the largest user norm times the largest artist norm is far inside the float
 * range.
 * Each user's numbers depend only on that user, so the results do not depend on the thread count.
 * Workspaces are made once per thread; the loop over users allocates nothing.
 */
final class BlockEvaluation {
    /** Users sharing one pass over the artist factors. */
    static final int CHUNK = 128;
    /** Artists per tile. */
    static final int TILE = 1024;
    private static final int B = ScoreKernels.USERS;
    /** A user's score rows of a tile that the bound made unnecessary, since the start (for tests and profiling). */
    static final java.util.concurrent.atomic.LongAdder SKIPPED_TILES = new java.util.concurrent.atomic.LongAdder();
    /** No score can leave the float range below this bound on |x| |y|. */
    private static final double SAFE_SCORE = 1e30;
    /** The bound's margin over |x| |y|: a float dot product of k terms errs by at most about k 2^-24 |x| |y|. */
    private static final double MARGIN = 1e-3;

    private BlockEvaluation() {
    }

    /** Fills {@code out[6q .. 6q+6)} for every users[q] as {@link RankingMetrics#evaluateUser} does; NaN first when the user has no result. */
    static void evaluate(BlockScorer scorer, InteractionMatrix train, InteractionMatrix test, int[] users, int k,
                         int threads, double[] out) {
        FactorModel m = scorer.model();
        ScoreKernels kernels = ScoreKernels.fastest();
        Order order = Order.of(m, kernels);
        int chunks = (users.length + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        RankingMetrics.runWorkers(threads, chunks, () -> {
            Workspace w = new Workspace(kernels, m, k, order);
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                w.chunk(scorer, order.packed, train, test, users, c * CHUNK, Math.min(users.length, (c + 1) * CHUNK), out);
            }
        });
    }

    /**
     * The artists in order of decreasing factor norm (ties by index), packed in that order, and each
     * tile's bound factor: {@code tileNorm[t]} is the largest norm in tile t and after it, with the
     * margin; all infinite when the bound cannot be used.
     */
    static final class Order {
        final int[] artist;      // artist at each scoring position
        final int[] position;    // scoring position of each artist
        final float[] packed;
        final double[] tileNorm;
        final double[] userNorm;  // |x_u| of every user, in double
        final int factors;

        private Order(int[] artist, int[] position, float[] packed, double[] tileNorm, double[] userNorm, int factors) {
            this.factors = factors;
            this.artist = artist;
            this.position = position;
            this.packed = packed;
            this.tileNorm = tileNorm;
            this.userNorm = userNorm;
        }

        static Order of(FactorModel m, ScoreKernels kernels) {
            final int items = m.numItems();
            final int f = m.factors();
            final float[] y = m.itemFactors();
            final double[] norm = norms(y, f, items);
            double maxItem = 0;
            for (double v : norm) {
                maxItem = Math.max(maxItem, v);
            }
            final double[] userNorm = norms(m.userFactors(), f, m.numUsers());
            double maxUser = 0;
            for (double v : userNorm) {
                maxUser = Math.max(maxUser, v);
            }
            final boolean bounded = maxItem * maxUser < SAFE_SCORE;   // also false for NaN or infinite factors
            final long[] keys = new long[items];
            for (int i = 0; i < items; i++) {
                // norms are non-negative, so their float bits sort as they do; largest first, then lower index
                long bits = Float.floatToIntBits((float) norm[i]);
                keys[i] = ((long) (Integer.MAX_VALUE - bits) << 32) | i;
            }
            if (bounded) {
                Arrays.sort(keys);
            }
            final int[] artist = new int[items];
            final int[] position = new int[items];
            for (int p = 0; p < items; p++) {
                int i = (int) keys[p];
                artist[p] = i;
                position[i] = p;
            }
            final int w = kernels.panelWidth();
            final int tileItems = TILE / w * w;
            final int tiles = (items + tileItems - 1) / tileItems;
            final double[] tileNorm = new double[tiles];
            for (int t = 0; t < tiles; t++) {
                tileNorm[t] = bounded ? norm[artist[t * tileItems]] * (1 + MARGIN) : Double.POSITIVE_INFINITY;
            }
            return new Order(artist, position, kernels.pack(y, artist, items, f), tileNorm, userNorm, f);
        }
    }

    /** The Euclidean norm of each row of a row-major table, in double; NaN or infinite for non-finite rows. */
    static double[] norms(float[] table, int k, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sq = 0;
            for (int f = 0, o = r * k; f < k; f++) {
                sq += (double) table[o + f] * table[o + f];
            }
            out[r] = Math.sqrt(sq);
        }
        return out;
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
        final Order order;
        final int[] sequence = new int[CHUNK];       // the chunk's users in the order they are scored
        final int[] live = new int[CHUNK];           // those still needing scores in the current tile
        final double[] finishRatio = new double[CHUNK];
        final double[] userNorm = new double[CHUNK];
        final boolean[] finished = new boolean[CHUNK];
        final int[] trainOff = new int[CHUNK + 1];  // each user's training artists' scoring positions, sorted
        int[] trainSorted = new int[CHUNK * 64];

        Workspace(ScoreKernels kernels, FactorModel m, int k, Order order) {
            this.kernels = kernels;
            this.order = order;
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
            int trainTotal = 0;
            for (int c = 0; c < n; c++) {
                int u = users[q0 + c];
                total += sp[u + 1] - sp[u];
                trainTotal += tp[u + 1] - tp[u];
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
            // training artists at their scoring positions, sorted, for marking them NaN tile by tile
            if (trainSorted.length < trainTotal) {
                trainSorted = new int[trainTotal];
            }
            int to = 0;
            for (int c = 0; c < n; c++) {
                int u = users[q0 + c];
                trainOff[c] = to;
                for (int q = tp[u]; q < tp[u + 1]; q++) {
                    trainSorted[to++] = order.position[tc[q]];
                }
                Arrays.sort(trainSorted, trainOff[c], to);
                trainPos[c] = trainOff[c];
                finished[c] = status[c] != 0;
                userNorm[c] = order.userNorm[u];
                // expected finish: when the tile bound |x| |y| falls below the lowest held-out score, so the
                // users with the largest lowest-score / |x| finish first; users off the block path go last
                double ratio = status[c] != 0 || !(userNorm[c] > 0) ? Double.NEGATIVE_INFINITY : sorted[heldOff[c]] / userNorm[c];
                finishRatio[c] = Double.isNaN(ratio) ? Double.NEGATIVE_INFINITY : ratio;
            }
            trainOff[n] = to;
            largestFirst(finishRatio, sequence, n);
            // scores tile by tile
            final int panels = kernels.panels(items);
            final int tilePanels = stride / w;
            for (int p0 = 0, tileIndex = 0; p0 < panels; p0 += tilePanels, tileIndex++) {
                final int p1 = Math.min(panels, p0 + tilePanels);
                final int j0 = p0 * w;
                final int len = Math.min(items, p1 * w) - j0;
                final double tileNorm = order.tileNorm[tileIndex];
                // the users still needing scores, in the expected order of finishing, blocked by eight: a
                // finished user leaves the blocks instead of taking a lane
                int m = 0;
                for (int q = 0; q < n; q++) {
                    final int c = sequence[q];
                    if (finished[c]) {
                        if (status[c] == 0) {
                            SKIPPED_TILES.increment();
                        }
                        continue;
                    }
                    final float bound = bound(userNorm[c], tileNorm, order.factors);
                    final int h = heldOff[c];
                    final int nt = heldOff[c + 1] - h;
                    // no held-out score within [-bound, bound], and none of the rest can reach the top K
                    if (RankingMetrics.lowerBound(sorted, h, h + nt, -bound) == RankingMetrics.upperBound(sorted, h, h + nt, bound)
                            && bound < top[c].threshold()) {
                        finish(c, j0, items, bound);
                        SKIPPED_TILES.increment();
                    } else {
                        live[m++] = c;
                    }
                }
                for (int b0 = 0; b0 < m; b0 += B) {
                    final int nb = Math.min(B, m - b0);
                    for (int b = 0; b < B; b++) {
                        xo[b] = users[q0 + live[b0 + Math.min(b, nb - 1)]] * f;
                    }
                    kernels.scoreBlock(x, f, xo, packed, p0, p1, tile, stride);
                    for (int b = 0; b < nb; b++) {
                        final int c = live[b0 + b];
                        final int row = b * stride;
                        final int end = row + len;
                        // training artists are not candidates
                        int pos = trainPos[c];
                        final int stop = trainOff[c + 1];
                        while (pos < stop && trainSorted[pos] < j0 + len) {
                            tile[row + trainSorted[pos] - j0] = Float.NaN;
                            pos++;
                        }
                        final int candidates = len - (pos - trainPos[c]);
                        trainPos[c] = pos;
                        final float bound = bound(userNorm[c], tileNorm, order.factors);
                        // top K: only scores at or above the threshold are offered (none when the bound is below it)
                        final TopN t = top[c];
                        if (bound >= t.threshold()) {
                            int i = kernels.firstAtLeast(tile, row, end, t.threshold());
                            while (i < end) {
                                t.offer(order.artist[j0 + i - row], tile[i]);
                                i = kernels.firstAtLeast(tile, i + 1, end, t.threshold());
                            }
                        }
                        // held-out thresholds above the bound: every candidate is below them; the rest by compares
                        final int h = heldOff[c];
                        final int nt = heldOff[c + 1] - h;
                        // and below -bound: no candidate is below them (nor at them)
                        final int lo = RankingMetrics.lowerBound(sorted, h, h + nt, -bound) - h;
                        final int hi = RankingMetrics.upperBound(sorted, h, h + nt, bound) - h;
                        if (hi > lo) {
                            kernels.countBelow(tile, row, end, thr, 2 * (h + lo), counts, 2 * (h + lo), 2 * (hi - lo));
                        }
                        for (int q = hi; q < nt; q++) {
                            counts[2 * (h + q)] += candidates;
                            counts[2 * (h + q) + 1] += candidates;
                        }
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

        /**
         * Ends user c's pass at scoring position {@code j0}: every candidate from there on scores at most
         * the bound in absolute value: below every held-out score above the bound, above every one below minus the bound, and below the 10th score so far.
         */
        private void finish(int c, int j0, int items, float bound) {
            final long rest = (items - j0) - (trainOff[c + 1] - trainPos[c]);
            final int h = heldOff[c];
            // the bound only falls from here on: held-out scores above it stay above every remaining
            // candidate, those below -bound stay below all of them (they count nothing)
            final int hi = RankingMetrics.upperBound(sorted, h, heldOff[c + 1], bound);
            for (int e = 2 * hi; e < 2 * heldOff[c + 1]; e++) {
                counts[e] += rest;
            }
            trainPos[c] = trainOff[c + 1];
            finished[c] = true;
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

    /**
     * An upper bound on the float scores of a user of norm {@code userNorm} over artists of norm at most
     * {@code tileNorm} ({@code tileNorm} carries the relative margin): each of the k float operations of a
     * score also errs by up to half the smallest subnormal, which matters only for tiny factors.
     */
    static float bound(double userNorm, double tileNorm, int k) {
        if (tileNorm == Double.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY;
        }
        return Math.nextUp((float) (userNorm * tileNorm + k * (double) Float.MIN_VALUE));
    }

    /** {@code sequence[0..n)} = 0..n-1 by descending {@code key}, ties by index (an insertion sort: n is at most a chunk). */
    private static void largestFirst(double[] key, int[] sequence, int n) {
        for (int c = 0; c < n; c++) {
            int j = c;
            while (j > 0 && key[sequence[j - 1]] < key[c]) {
                sequence[j] = sequence[j - 1];
                j--;
            }
            sequence[j] = c;
        }
    }
}
