package org.tastemap.core.eval;

import static org.tastemap.core.eval.BlockEvaluation.B;
import static org.tastemap.core.eval.BlockEvaluation.CHUNK;
import static org.tastemap.core.eval.BlockEvaluation.TILE;

import java.util.Arrays;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.BlockEvaluation.Order;
import org.tastemap.core.linalg.ScoreKernels;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TopN;

/**
 * One thread's arrays for {@link BlockEvaluation}, reused for every chunk of users; {@link #chunk}
 * evaluates one chunk in four named phases.
 */
final class BlockChunk {
    /** How a user of the chunk is evaluated. */
    enum Path {
        /** Scored in blocks of users over tiles of artists, with the bound. */
        BLOCK,
        /** No result: no held-out artist, or fewer than two candidates; the user's numbers are NaN. */
        NO_RESULT,
        /** A NaN or infinite held-out score: left to {@link RankingMetrics#evaluateUser}. */
        SCALAR
    }

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
    final Path[] path = new Path[CHUNK];
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

    BlockChunk(ScoreKernels kernels, FactorModel m, int k, Order order) {
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

    /** Fills {@code out[6q .. 6q+6)} for users {@code users[q0..q1)}, as {@link BlockEvaluation#evaluate} does. */
    void chunk(BlockScorer scorer, float[] packed, InteractionMatrix train, InteractionMatrix test, int[] users,
               int q0, int q1, double[] out, EvaluationDetail detail) {
        final int n = q1 - q0;
        scoreHeldOut(train, test, users, q0, n);
        placeTrainingArtists(train, users, q0, n);
        scoreTiles(packed, users, q0, n);
        store(scorer, train, test, users, q0, n, out, detail);
    }

    /**
     * Phase 1: each user's held-out scores (bit-identical to the block scores), sorted, and the
     * thresholds t and nextUp(t) whose "below" counts the tiles accumulate; each user's path.
     */
    private void scoreHeldOut(InteractionMatrix train, InteractionMatrix test, int[] users, int q0, int n) {
        final int items = m.numItems();
        final int f = m.factors();
        final float[] x = m.userFactors();
        final float[] y = m.itemFactors();
        final int[] tp = train.userPtr();
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
        int off = 0;
        for (int c = 0; c < n; c++) {
            int u = users[q0 + c];
            heldOff[c] = off;
            int nt = sp[u + 1] - sp[u];
            int candidates = items - (tp[u + 1] - tp[u]);
            top[c].clear();
            path[c] = nt == 0 || candidates < 2 ? Path.NO_RESULT : Path.BLOCK;
            for (int q = 0; q < nt; q++) {
                float s = ScoreKernels.score(x, u * f, y, sc[sp[u] + q] * f, f);
                held[off + q] = s;
                sorted[off + q] = s;
                if (!Float.isFinite(s) && path[c] == Path.BLOCK) {
                    path[c] = Path.SCALAR;
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
    }

    /**
     * Phase 2: each user's training artists at their scoring positions, sorted, for marking them NaN
     * tile by tile; and the order in which the users are expected to finish.
     */
    private void placeTrainingArtists(InteractionMatrix train, int[] users, int q0, int n) {
        final int[] tp = train.userPtr();
        final int[] tc = train.userItems();
        int trainTotal = 0;
        for (int c = 0; c < n; c++) {
            int u = users[q0 + c];
            trainTotal += tp[u + 1] - tp[u];
        }
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
            finished[c] = path[c] != Path.BLOCK;
            userNorm[c] = order.userNorm[u];
            // expected finish: when the tile bound |x| |y| falls below the lowest held-out score, so the
            // users with the largest lowest-score / |x| finish first; users off the block path go last
            double ratio = path[c] != Path.BLOCK || !(userNorm[c] > 0) ? Double.NEGATIVE_INFINITY : sorted[heldOff[c]] / userNorm[c];
            finishRatio[c] = Double.isNaN(ratio) ? Double.NEGATIVE_INFINITY : ratio;
        }
        trainOff[n] = to;
        BlockEvaluation.largestFirst(finishRatio, sequence, n);
    }

    /** Phase 3: the scores tile by tile, for the users the bound has not finished, in blocks of {@code B}. */
    private void scoreTiles(float[] packed, int[] users, int q0, int n) {
        final int items = m.numItems();
        final int f = m.factors();
        final float[] x = m.userFactors();
        final int panels = kernels.panels(items);
        final int tilePanels = stride / w;
        for (int p0 = 0, tileIndex = 0; p0 < panels; p0 += tilePanels, tileIndex++) {
            final int p1 = Math.min(panels, p0 + tilePanels);
            final int j0 = p0 * w;
            final int len = Math.min(items, p1 * w) - j0;
            final double tileNorm = order.tileNorm[tileIndex];
            final int nLive = liveUsers(n, j0, items, tileNorm);
            for (int b0 = 0; b0 < nLive; b0 += B) {
                final int nb = Math.min(B, nLive - b0);
                for (int b = 0; b < B; b++) {
                    xo[b] = users[q0 + live[b0 + Math.min(b, nb - 1)]] * f;
                }
                kernels.scoreBlock(x, f, xo, packed, p0, p1, tile, stride);
                for (int b = 0; b < nb; b++) {
                    useScores(live[b0 + b], b * stride, j0, len, tileNorm);
                }
            }
        }
    }

    /**
     * The users still needing scores in the tile from {@code j0}, in the expected order of finishing,
     * into {@code live[0..result)}: a user the bound finishes here leaves the blocks instead of taking a lane.
     */
    private int liveUsers(int n, int j0, int items, double tileNorm) {
        int count = 0;
        for (int q = 0; q < n; q++) {
            final int c = sequence[q];
            if (finished[c]) {
                if (path[c] == Path.BLOCK) {
                    BlockEvaluation.SKIPPED_TILES.increment();
                }
                continue;
            }
            final float bound = BlockEvaluation.bound(userNorm[c], tileNorm, order.factors);
            final int h = heldOff[c];
            final int nt = heldOff[c + 1] - h;
            // no held-out score within [-bound, bound], and none of the rest can reach the top K
            if (RankingMetrics.lowerBound(sorted, h, h + nt, -bound) == RankingMetrics.upperBound(sorted, h, h + nt, bound)
                    && bound < top[c].threshold()) {
                finish(c, j0, items, bound);
                BlockEvaluation.SKIPPED_TILES.increment();
            } else {
                live[count++] = c;
            }
        }
        return count;
    }

    /** User c's row of the score tile at {@code row}: drop the training artists, offer to the top K, count below the thresholds. */
    private void useScores(int c, int row, int j0, int len, double tileNorm) {
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
        final float bound = BlockEvaluation.bound(userNorm[c], tileNorm, order.factors);
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

    /** Phase 4: each user's six numbers into {@code out}, by the path it took. */
    private void store(BlockScorer scorer, InteractionMatrix train, InteractionMatrix test, int[] users, int q0, int n, double[] out,
                       EvaluationDetail detail) {
        for (int c = 0; c < n; c++) {
            int u = users[q0 + c];
            int o = 6 * (q0 + c);
            switch (path[c]) {
                case NO_RESULT -> out[o] = Double.NaN;
                case SCALAR -> {
                    if (fullScores == null) {
                        fullScores = new float[m.numItems()];
                    }
                    double[] r = RankingMetrics.evaluateUser(scorer, train, test, u, k, fullScores, top[c], detail, q0 + c);
                    RankingMetrics.store(r, out, o);
                }
                case BLOCK -> finish(train, test, u, c, out, o, detail, q0 + c);
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
    private void finish(InteractionMatrix train, InteractionMatrix test, int u, int c, double[] out, int o,
                        EvaluationDetail detail, int slot) {
        final int[] sp = test.userPtr();
        final int[] sc = test.userItems();
        final float[] sv = test.userValues();
        final int from = sp[u];
        final int nt = sp[u + 1] - from;
        final int candidates = m.numItems() - train.userCount(u);
        final int h = heldOff[c];
        int nr = top[c].drainBestFirst(ranked);
        if (detail != null) {
            detail.recordTop(slot, ranked, nr);
        }
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
            if (detail != null) {
                detail.recordRank(from + q, (long) above + 1);
            }
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
