package org.tastemap.core.data;

import java.util.Arrays;

/**
 * A numbering of users and artists that keeps the rows one ALS half-step reads together close
 * together in memory. The importer numbers every dataset this way unless it is asked to keep the
 * file's order ({@code ImportOptions.withFileOrder()}). Only the numbering changes: the ids, names and plays are
 * the same. Training starts from random factors drawn by index, so a model trained in one numbering
 * differs from one trained in another as models from two seeds do.
 *
 * <p>Why: a half-step solves each row against the factor rows of its non-zeros. At Last.fm 360K
 * size the user table is 92 MB at 64 factors, far larger than the 32 MB L3 of our machines, and in
 * file order the listeners of one artist are spread over all of it, so nearly every read in the
 * artist half-step goes to main memory. Listening data falls into communities (genres, languages,
 * scenes); numbering each community's users and artists together lets a run of artists reuse the
 * same few megabytes of user rows. On a generated full-size file it took about a third off an
 * iteration at 64 factors (the timings: docs/performance.md, "numbering by listening community").
 *
 * <p>How, in O(nnz) per pass, deterministic and independent of threads:
 * <ol>
 *   <li>Artists are ranked by listeners, most first (ties by index); users by the number of artists
 *       they played, most first (ties by index).</li>
 *   <li>Each user starts labelled with their most-played artist (ties: the more popular artist).</li>
 *   <li>Label propagation: each artist takes the label most common among its listeners, then each
 *       user the label most common among their artists, {@value #ROUNDS} times, and the artists once
 *       more (ties: the label that is the more popular artist). A label is an "anchor" artist, and
 *       the rows sharing one form a community.</li>
 *   <li>Communities are numbered by their anchor's popularity; within one, users by activity and
 *       artists by popularity. Rows with no non-zeros, which have no label, come last.</li>
 * </ol>
 */
public final class LocalityOrder {
    /** Rounds of user-then-artist relabelling after the first artist labels. */
    static final int ROUNDS = 2;

    private LocalityOrder() {
    }

    /**
     * The new numbering: new user r is old user {@code users[r]}, new artist j is old artist
     * {@code artists[j]} (the arguments of {@link InteractionMatrix#permuted}).
     */
    public record Orders(int[] users, int[] artists) {
    }

    /** The numbering of {@code m} described in the class comment. */
    public static Orders of(InteractionMatrix m) {
        final int numUsers = m.numUsers();
        final int numItems = m.numItems();
        final int[] byPopularity = byDecreasingCount(numItems, m.itemPtr());
        final int[] byActivity = byDecreasingCount(numUsers, m.userPtr());
        final int[] artistRank = new int[numItems];
        for (int r = 0; r < numItems; r++) {
            artistRank[byPopularity[r]] = r;
        }
        final int[] userRank = new int[numUsers];
        for (int r = 0; r < numUsers; r++) {
            userRank[byActivity[r]] = r;
        }

        // seed: each user's most-played artist
        int[] userLabel = new int[numUsers];
        final int[] ptr = m.userPtr();
        final int[] items = m.userItems();
        final float[] values = m.userValues();
        for (int u = 0; u < numUsers; u++) {
            int best = -1;
            float most = 0;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int i = items[p];
                if (best < 0 || values[p] > most || (values[p] == most && artistRank[i] < artistRank[best])) {
                    best = i;
                    most = values[p];
                }
            }
            userLabel[u] = best;
        }
        final int[] counts = new int[numItems];
        int[] artistLabel = mostCommon(numItems, m.itemPtr(), m.itemUsers(), userLabel, artistRank, counts);
        for (int round = 0; round < ROUNDS; round++) {
            userLabel = mostCommon(numUsers, ptr, items, artistLabel, artistRank, counts);
            artistLabel = mostCommon(numItems, m.itemPtr(), m.itemUsers(), userLabel, artistRank, counts);
        }
        return new Orders(byCommunity(userLabel, userRank, byActivity, artistRank),
                byCommunity(artistLabel, artistRank, byPopularity, artistRank));
    }

    /** Row indexes sorted by decreasing {@code ptr[r + 1] - ptr[r]}, ties by index. */
    private static int[] byDecreasingCount(int rows, int[] ptr) {
        long[] keys = new long[rows];
        for (int r = 0; r < rows; r++) {
            keys[r] = ((long) (Integer.MAX_VALUE - (ptr[r + 1] - ptr[r])) << 32) | r;
        }
        Arrays.sort(keys);
        int[] out = new int[rows];
        for (int k = 0; k < rows; k++) {
            out[k] = (int) keys[k];
        }
        return out;
    }

    /**
     * For each row, the label most common among {@code label[cols[q]]} over its non-zeros (labels
     * below 0 do not count; ties go to the label with the lower {@code artistRank}); -1 when none.
     * {@code counts} is all zeros on entry and on return.
     */
    private static int[] mostCommon(int rows, int[] ptr, int[] cols, int[] label, int[] artistRank, int[] counts) {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = -1;
            int bestCount = 0;
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {
                int l = label[cols[q]];
                if (l < 0) {
                    continue;
                }
                int c = ++counts[l];
                if (c > bestCount || (c == bestCount && artistRank[l] < artistRank[best])) {
                    best = l;
                    bestCount = c;
                }
            }
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {
                int l = label[cols[q]];
                if (l >= 0) {
                    counts[l] = 0;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /**
     * Rows sorted by their community (the anchor's popularity rank; unlabelled rows last), then by
     * {@code rank}; {@code byRank[rank[r]] == r}.
     */
    private static int[] byCommunity(int[] label, int[] rank, int[] byRank, int[] artistRank) {
        int rows = label.length;
        long[] keys = new long[rows];
        for (int r = 0; r < rows; r++) {
            long community = label[r] < 0 ? Integer.MAX_VALUE : artistRank[label[r]];
            keys[r] = (community << 32) | rank[r];
        }
        Arrays.sort(keys);
        int[] out = new int[rows];
        for (int k = 0; k < rows; k++) {
            out[k] = byRank[(int) keys[k]];
        }
        return out;
    }
}
