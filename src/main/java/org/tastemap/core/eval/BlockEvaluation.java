package org.tastemap.core.eval;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.linalg.ScoreKernels;
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
    static final int B = ScoreKernels.USERS;
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
                         int threads, double[] out, EvaluationDetail detail) {
        FactorModel m = scorer.model();
        ScoreKernels kernels = ScoreKernels.fastest();
        Order order = Order.of(m, kernels);
        int chunks = (users.length + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        RankingMetrics.runWorkers(threads, chunks, () -> {
            BlockChunk w = new BlockChunk(kernels, m, k, order);
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                w.chunk(scorer, order.packed, train, test, users, c * CHUNK, Math.min(users.length, (c + 1) * CHUNK), out, detail);
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
    static void largestFirst(double[] key, int[] sequence, int n) {
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
