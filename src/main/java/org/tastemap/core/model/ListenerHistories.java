package org.tastemap.core.model;

import java.util.Arrays;

/**
 * Which listeners' histories (their played artists and plays) a {@link TrainedModel} holds.
 *
 * <p>A model trained in-process holds every listener's history: {@link #complete}. A model trained
 * on a cluster (the Spark job) over data too large for a desktop holds the factors of every listener
 * and artist, but the histories of only a seeded sample of listeners: {@link #sample}. Such a model
 * also carries what the full data says about each artist that the sample cannot: how many listeners
 * played it ({@link #artistListeners}) and how many listener-artist cells the full data has
 * ({@link #totalRows}), so that popularity shown from the model is the full data's.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class ListenerHistories {
    private final int numUsers;
    /** Ascending held user indices; null for complete histories (every user). */
    private final int[] held;
    /** Per artist, listeners in the full data; null for complete histories. */
    private final int[] artistListeners;
    private final long totalRows;

    private ListenerHistories(int numUsers, int[] held, int[] artistListeners, long totalRows) {
        this.numUsers = numUsers;
        this.held = held;
        this.artistListeners = artistListeners;
        this.totalRows = totalRows;
    }

    /** Every one of {@code numUsers} listeners' histories is held (a model trained in-process). */
    public static ListenerHistories complete(int numUsers) {
        if (numUsers < 0) {
            throw new IllegalArgumentException("the number of listeners is " + numUsers + "; it cannot be negative");
        }
        return new ListenerHistories(numUsers, null, null, -1);
    }

    /**
     * The histories of a sample of listeners.
     *
     * @param numUsers        every listener of the full data (the model's user factors)
     * @param heldUsers       the user indices whose histories are held, strictly ascending, each in
     *                        {@code [0, numUsers)}
     * @param artistListeners per artist, the listeners who played it in the full data (all of them,
     *                        held or not), each in {@code [0, numUsers]}
     * @param totalRows       the listener-artist cells with plays in the full data; it equals the sum
     *                        of {@code artistListeners}, since every cell is one listener of one artist
     * @throws IllegalArgumentException when an argument breaks these rules (the message names which)
     */
    public static ListenerHistories sample(int numUsers, int[] heldUsers, int[] artistListeners, long totalRows) {
        if (numUsers < 0) {
            throw new IllegalArgumentException("the number of listeners is " + numUsers + "; it cannot be negative");
        }
        int[] held = heldUsers.clone();
        for (int j = 0; j < held.length; j++) {
            if (held[j] < 0 || held[j] >= numUsers) {
                throw new IllegalArgumentException("held listener " + j + " is user " + held[j] + ", outside 0.."
                        + (numUsers - 1));
            }
            if (j > 0 && held[j] <= held[j - 1]) {
                throw new IllegalArgumentException("held listener " + j + " is user " + held[j]
                        + ", not above the previous " + held[j - 1] + " (held users are strictly ascending)");
            }
        }
        int[] listeners = artistListeners.clone();
        long sum = 0;
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] < 0 || listeners[i] > numUsers) {
                throw new IllegalArgumentException("artist " + i + " has " + listeners[i] + " listeners; an artist has 0 to "
                        + numUsers + " (every listener of the full data)");
            }
            sum += listeners[i];
        }
        if (totalRows != sum) {
            throw new IllegalArgumentException("the full data is said to have " + totalRows
                    + " listener-artist rows, but the artists' listener counts add up to " + sum);
        }
        return new ListenerHistories(numUsers, held, listeners, totalRows);
    }

    /** True when every listener's history is held. */
    public boolean isComplete() {
        return held == null;
    }

    /** Whether user {@code user}'s history is held (false outside {@code [0, numUsers)}). */
    public boolean holds(int user) {
        if (user < 0 || user >= numUsers) {
            return false;
        }
        return held == null || Arrays.binarySearch(held, user) >= 0;
    }

    /** How many listeners' histories are held ({@link #numUsers} when complete). */
    public int heldCount() {
        return held == null ? numUsers : held.length;
    }

    /** Every listener of the data, held or not. */
    public int numUsers() {
        return numUsers;
    }

    /** The held user indices, ascending (every index when complete); a copy. */
    public int[] heldUsers() {
        if (held == null) {
            int[] all = new int[numUsers];
            Arrays.setAll(all, u -> u);
            return all;
        }
        return held.clone();
    }

    /** The number of artists a sample describes; -1 when complete (the matrix's own). */
    public int numArtists() {
        return artistListeners == null ? -1 : artistListeners.length;
    }

    /**
     * How many listeners of the full data played {@code item}. Only a sample knows this apart from
     * its matrix; for either kind use {@link TrainedModel#artistListeners}.
     *
     * @throws IllegalStateException when the histories are complete: the matrix's column counts
     *                               are the full data's then
     */
    public int artistListeners(int item) {
        if (artistListeners == null) {
            throw new IllegalStateException("complete histories keep no listener counts: count the matrix's"
                    + " column (TrainedModel.artistListeners)");
        }
        return artistListeners[item];
    }

    /** Every artist's full-data listener count, a copy; see {@link #artistListeners(int)}. */
    public int[] artistListenerCounts() {
        if (artistListeners == null) {
            throw new IllegalStateException("complete histories keep no listener counts: count the matrix's"
                    + " columns (TrainedModel.artistListeners)");
        }
        return artistListeners.clone();
    }

    /**
     * The listener-artist cells of the full data. Only a sample knows this apart from its matrix;
     * for either kind use {@link TrainedModel#totalRows}.
     *
     * @throws IllegalStateException when the histories are complete
     */
    public long totalRows() {
        if (artistListeners == null) {
            throw new IllegalStateException("complete histories keep no row count: it is the matrix's (TrainedModel.totalRows)");
        }
        return totalRows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListenerHistories h && h.numUsers == numUsers && h.totalRows == totalRows
                && Arrays.equals(h.held, held) && Arrays.equals(h.artistListeners, artistListeners);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Integer.hashCode(numUsers) + Arrays.hashCode(held)) + Arrays.hashCode(artistListeners);
    }

    @Override
    public String toString() {
        return isComplete() ? "all " + numUsers + " listeners' histories"
                : "histories of " + held.length + " sampled listeners of " + numUsers;
    }
}
