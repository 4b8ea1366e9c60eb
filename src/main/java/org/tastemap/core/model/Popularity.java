package org.tastemap.core.model;

import java.util.Arrays;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;

/**
 * How many listeners each artist has, and what follows from it: the popularity rank, the
 * popularity percentile and the popularity share. This class is the one place where an artist's
 * listeners are counted for filters and beyond-accuracy metrics; a model whose rows are a sample
 * of the full data is expected to bring its stored full-data counts through {@link #of(TrainedModel)}.
 *
 * <ul>
 *   <li>rank: 0 for the artist with the most listeners; ties go to the lower artist index;</li>
 *   <li>percentile = 100 * (artists with strictly fewer listeners) / artists, so the least played
 *       artists sit at 0 and the most played one near 100;</li>
 *   <li>share = listeners / users, the chance that a listener picked at random played the artist.</li>
 * </ul>
 */
public final class Popularity {
    private final int[] listeners;
    private final int users;
    private final int[] byRank;
    private final int[] rank;
    private final int[] sortedCounts;

    private Popularity(int[] listeners, int users) {
        this.listeners = listeners;
        this.users = users;
        int n = listeners.length;
        // sort (-listeners, index) packed in a long: most listeners first, ties by the lower index
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - listeners[i]) << 32) | i;
        }
        Arrays.sort(keys);
        this.byRank = new int[n];
        this.rank = new int[n];
        for (int r = 0; r < n; r++) {
            int i = (int) keys[r];
            byRank[r] = i;
            rank[i] = r;
        }
        this.sortedCounts = listeners.clone();
        Arrays.sort(sortedCounts);
    }

    /**
     * The listener counts of a model's artists: {@link TrainedModel#artistListeners}, which for a
     * model holding a sample of histories are the full data's stored counts, over all its listeners.
     */
    public static Popularity of(TrainedModel model) {
        return new Popularity(model.artistListenerCounts(), model.dataset().users().size());
    }

    /** The listener counts of a dataset's artists: the users who played each one. */
    public static Popularity of(Dataset dataset) {
        return of(dataset.matrix());
    }

    /** The listener counts of a matrix's columns. */
    public static Popularity of(InteractionMatrix m) {
        int[] counts = new int[m.numItems()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = m.itemCount(i);
        }
        return new Popularity(counts, m.numUsers());
    }

    /** Counts given as they are (for stored counts), over {@code users} listeners. */
    public static Popularity ofCounts(int[] listeners, int users) {
        for (int c : listeners) {
            if (c < 0) {
                throw new IllegalArgumentException("a listener count is negative: " + c);
            }
        }
        return new Popularity(listeners.clone(), users);
    }

    public int artists() {
        return listeners.length;
    }

    public int users() {
        return users;
    }

    public int listeners(int artist) {
        return listeners[artist];
    }

    /** 0 for the most listened artist. */
    public int rank(int artist) {
        return rank[artist];
    }

    /** The artist at popularity rank r. */
    public int atRank(int r) {
        return byRank[r];
    }

    /** 100 * (artists with strictly fewer listeners) / artists. */
    public double percentile(int artist) {
        int fewer = lowerBound(sortedCounts, listeners[artist]);
        return 100.0 * fewer / listeners.length;
    }

    /** listeners / users; an artist without listeners counts as one, so that -log2(share) stays finite. */
    public double share(int artist) {
        return (double) Math.max(1, listeners[artist]) / Math.max(1, users);
    }

    private static int lowerBound(int[] a, int v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
