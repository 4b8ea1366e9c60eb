package org.tastemap.io;

import java.util.Arrays;
import java.util.Locale;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Turns read rows into a {@link Dataset}: sums duplicate (user, artist) rows, leaves out users and
 * artists none of whose rows was kept (a reader may have numbered them before their rows were
 * skipped), applies the user and artist filters, and renumbers what is left densely (in first-seen order).
 */
final class DatasetAssembler {
    private DatasetAssembler() {
    }

    /**
     * The dataset and what building it did; {@code usersDropped} and {@code artistsDropped} count what
     * the filters dropped, {@code usersAllSkipped} and {@code artistsAllSkipped} those left out before
     * the filters because every row of theirs was skipped.
     */
    record Assembled(Dataset dataset, long duplicateRowsMerged, int usersDropped, int artistsDropped, int filterRounds,
                     int usersAllSkipped, int artistsAllSkipped) {
    }


    static Assembled assemble(String fileName, RawData raw, ValueKind values, int minArtistsPerUser,
                              int minListenersPerArtist, ProgressTicker ticker) throws ImportException {
        return assemble(fileName, raw, values, minArtistsPerUser, minListenersPerArtist, ticker, new RowNotes());
    }

    /** As above; notes the users and artists left out for having no kept row in {@code notes}, with examples. */
    static Assembled assemble(String fileName, RawData raw, ValueKind values, int minArtistsPerUser,
                              int minListenersPerArtist, ProgressTicker ticker, RowNotes notes) throws ImportException {
        Triplets t = raw.triplets();
        int rowsKept = t.size;
        // duplicates are summed here, in double: r_ui = sum of the plays of all rows of (u, i)
        InteractionMatrix all = PairSums.build(fileName, raw, values);
        t.release();
        long duplicates = rowsKept - (long) all.nnz();
        ticker.checkCancelled();

        // an id without a kept row (every row of its skipped after it was numbered) is not in the data
        boolean[] userAlive = new boolean[all.numUsers()];
        boolean[] artistAlive = new boolean[all.numItems()];
        int usersEmpty = 0;
        for (int u = 0; u < userAlive.length; u++) {
            userAlive[u] = all.userCount(u) > 0;
            if (!userAlive[u]) {
                usersEmpty++;
                notes.note(ImportNote.LISTENERS_ALL_SKIPPED, 1, 0, raw.userIds()[u]);
            }
        }
        int artistsEmpty = 0;
        for (int i = 0; i < artistAlive.length; i++) {
            artistAlive[i] = all.itemCount(i) > 0;
            if (!artistAlive[i]) {
                artistsEmpty++;
                notes.note(ImportNote.ARTISTS_ALL_SKIPPED, 1, 0, raw.artistNames()[i]);
            }
        }
        int rounds = 0;
        if (minArtistsPerUser > 1 || minListenersPerArtist > 1) {
            rounds = peel(all, userAlive, artistAlive, minArtistsPerUser, minListenersPerArtist, ticker);
        }
        int[] keepUsers = alive(userAlive);
        int[] keepArtists = alive(artistAlive);
        if (keepUsers.length == 0 || keepArtists.length == 0) {
            throw new ImportException(fileName, String.format(Locale.ROOT,
                    "no data is left after the filters (at least %d artists per user and %d listeners per artist): lower them",
                    minArtistsPerUser, minListenersPerArtist));
        }
        InteractionMatrix matrix = keepUsers.length == all.numUsers() && keepArtists.length == all.numItems()
                ? all : subset(all, keepUsers, keepArtists);
        ticker.checkCancelled();
        String[] userIds = pick(raw.userIds(), keepUsers);
        Dataset dataset = new Dataset(matrix, IdIndex.of(userIds), IdIndex.of(pick(raw.artistKeys(), keepArtists)),
                pick(raw.artistNames(), keepArtists), pick(raw.artistMbids(), keepArtists));
        return new Assembled(dataset, duplicates, all.numUsers() - usersEmpty - keepUsers.length,
                all.numItems() - artistsEmpty - keepArtists.length, rounds, usersEmpty, artistsEmpty);
    }

    /**
     * Drops users with fewer than {@code minArtists} live artists and artists with fewer than
     * {@code minListeners} live users, repeating until nothing changes (dropping an artist can push a
     * user below the minimum and back): what is left is the largest part of the matrix meeting both.
     *
     * @return the number of passes that dropped something
     */
    static int peel(InteractionMatrix m, boolean[] userAlive, boolean[] artistAlive, int minArtists, int minListeners,
                    ProgressTicker ticker) {
        int[] userDegree = new int[m.numUsers()];
        int[] artistDegree = new int[m.numItems()];
        for (int u = 0; u < userDegree.length; u++) {
            userDegree[u] = m.userCount(u);
        }
        for (int i = 0; i < artistDegree.length; i++) {
            artistDegree[i] = m.itemCount(i);
        }
        int[] userPtr = m.userPtr();
        int[] userItems = m.userItems();
        int[] itemPtr = m.itemPtr();
        int[] itemUsers = m.itemUsers();
        int rounds = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            ticker.checkCancelled();
            for (int u = 0; u < userDegree.length; u++) {
                if (userAlive[u] && userDegree[u] < minArtists) {
                    userAlive[u] = false;
                    changed = true;
                    for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                        if (artistAlive[userItems[p]]) {
                            artistDegree[userItems[p]]--;
                        }
                    }
                }
            }
            for (int i = 0; i < artistDegree.length; i++) {
                if (artistAlive[i] && artistDegree[i] < minListeners) {
                    artistAlive[i] = false;
                    changed = true;
                    for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
                        if (userAlive[itemUsers[p]]) {
                            userDegree[itemUsers[p]]--;
                        }
                    }
                }
            }
            if (changed) {
                rounds++;
            }
        }
        return rounds;
    }

    private static int[] alive(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] keep = new int[n];
        int w = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                keep[w++] = i;
            }
        }
        return keep;
    }

    /** The rows {@code keepUsers} and columns {@code keepArtists} of {@code m}, renumbered in that order. */
    static InteractionMatrix subset(InteractionMatrix m, int[] keepUsers, int[] keepArtists) {
        int[] newArtist = new int[m.numItems()];
        Arrays.fill(newArtist, -1);
        for (int k = 0; k < keepArtists.length; k++) {
            newArtist[keepArtists[k]] = k;
        }
        int[] userPtr = m.userPtr();
        int[] userItems = m.userItems();
        float[] userValues = m.userValues();
        int[] ptr = new int[keepUsers.length + 1];
        for (int k = 0; k < keepUsers.length; k++) {
            int u = keepUsers[k];
            int n = 0;
            for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                n += newArtist[userItems[p]] >= 0 ? 1 : 0;
            }
            ptr[k + 1] = ptr[k] + n;
        }
        int[] items = new int[ptr[keepUsers.length]];
        float[] values = new float[items.length];
        int w = 0;
        for (int u : keepUsers) {
            // keepArtists is increasing, so the renumbered row stays sorted
            for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                int a = newArtist[userItems[p]];
                if (a >= 0) {
                    items[w] = a;
                    values[w++] = userValues[p];
                }
            }
        }
        return InteractionMatrix.fromCsr(keepUsers.length, keepArtists.length, ptr, items, values);
    }

    private static String[] pick(String[] all, int[] keep) {
        if (keep.length == all.length) {
            return all;
        }
        String[] out = new String[keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[k] = all[keep[k]];
        }
        return out;
    }
}
