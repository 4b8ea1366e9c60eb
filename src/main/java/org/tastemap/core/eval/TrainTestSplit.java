package org.tastemap.core.eval;

import java.util.SplittableRandom;
import org.tastemap.core.data.InteractionMatrix;

/**
 * A seeded per-user holdout: of each user who played at least {@code minArtists} artists, a
 * {@code fraction} of their artists (rounded, at least one) goes to the test set; every other cell
 * stays in training. Both matrices keep the full shape, so indexes are shared.
 *
 * @param train the cells kept for training
 * @param test  the held-out cells
 */
public record TrainTestSplit(InteractionMatrix train, InteractionMatrix test) {

    /** The default split: 20% of the artists of each user who has at least 5. */
    public static TrainTestSplit split(InteractionMatrix all, long seed) {
        return split(all, 0.2, 5, seed);
    }

    public static TrainTestSplit split(InteractionMatrix all, double fraction, int minArtists, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("The holdout fraction must be between 0 and 1 (got " + fraction + ").");
        }
        int n = all.numUsers();
        int[] ptr = all.userPtr();
        int[] cols = all.userItems();
        float[] vals = all.userValues();
        int nnz = all.nnz();
        int[] trainPtr = new int[n + 1];
        int[] testPtr = new int[n + 1];
        int[] trainCols = new int[nnz];
        float[] trainVals = new float[nnz];
        int[] testCols = new int[nnz];
        float[] testVals = new float[nnz];
        boolean[] held = new boolean[0];
        int[] perm = new int[0];
        int tr = 0;
        int te = 0;
        SplittableRandom master = new SplittableRandom(seed);
        for (int u = 0; u < n; u++) {
            int len = ptr[u + 1] - ptr[u];
            // every user draws from its own stream, so a user's split does not depend on the others
            SplittableRandom rnd = master.split();
            int hold = heldCount(len, fraction, minArtists);
            if (held.length < len) {
                held = new boolean[len];
                perm = new int[len];
            }
            pickHeld(len, hold, rnd, perm, held);
            for (int a = 0; a < len; a++) {
                int p = ptr[u] + a;
                if (held[a]) {
                    testCols[te] = cols[p];
                    testVals[te++] = vals[p];
                } else {
                    trainCols[tr] = cols[p];
                    trainVals[tr++] = vals[p];
                }
            }
            trainPtr[u + 1] = tr;
            testPtr[u + 1] = te;
        }
        InteractionMatrix train = InteractionMatrix.fromCsr(n, all.numItems(), trainPtr,
                java.util.Arrays.copyOf(trainCols, tr), java.util.Arrays.copyOf(trainVals, tr));
        InteractionMatrix test = InteractionMatrix.fromCsr(n, all.numItems(), testPtr,
                java.util.Arrays.copyOf(testCols, te), java.util.Arrays.copyOf(testVals, te));
        return new TrainTestSplit(train, test);
    }

    /** How many of a listener's {@code len} artists are held out: {@code round(len * fraction)}, at least 1, when len >= minArtists; else 0. */
    public static int heldCount(int len, double fraction, int minArtists) {
        return len >= minArtists ? Math.max(1, (int) Math.round(len * fraction)) : 0;
    }

    /**
     * Marks which of a listener's {@code len} artists (positions in its row, in artist order) are held out:
     * {@code held[a]} for the first {@code hold} positions of a partial Fisher-Yates shuffle drawn from
     * {@code rnd}. {@code perm} and {@code held} are workspaces of at least {@code len}.
     */
    public static void pickHeld(int len, int hold, SplittableRandom rnd, int[] perm, boolean[] held) {
        java.util.Arrays.fill(held, 0, len, false);
        for (int a = 0; a < len; a++) {
            perm[a] = a;
        }
        // partial Fisher-Yates: the first `hold` positions of a random permutation
        for (int a = 0; a < hold; a++) {
            int b = a + rnd.nextInt(len - a);
            int t = perm[a];
            perm[a] = perm[b];
            perm[b] = t;
            held[perm[a]] = true;
        }
    }

    /**
     * The random stream of listener {@code u} in a split seeded by {@code seed}, without drawing the streams
     * of the listeners before it: the split loop takes listener u's stream as the (u+1)-th
     * {@code master.split()} of {@code new SplittableRandom(seed)}. Each {@code split()} advances the master's
     * state by two steps of its gamma (0x9e3779b97f4a7c15, the golden ratio constant, for a generator made
     * from a seed), so before listener u's split the master is {@code new SplittableRandom(seed + 2u gamma)}.
     * A distributed split (the Spark job) draws each listener's stream this way; {@code TrainTestSplitTest}
     * checks it against the sequential splits.
     */
    public static SplittableRandom userRandom(long seed, int u) {
        return new SplittableRandom(seed + 2L * u * GOLDEN_GAMMA).split();
    }

    /** SplittableRandom's gamma for a generator made from a seed. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
}
