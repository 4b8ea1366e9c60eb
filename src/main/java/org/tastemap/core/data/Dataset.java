package org.tastemap.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An imported dataset: the interaction matrix with the id indexes of its rows (users) and
 * columns (artists).
 *
 * <p>Artists are keyed by {@code artists}: for the Last.fm 360K file the key is the artist name;
 * for a delimited file it is the mapped artist column. {@code artistNames[i]} is the display name
 * (the key itself when the source has no separate name column), and {@code artistMbids[i]} is the
 * MusicBrainz id, or the empty string when the source has none.
 */
public record Dataset(InteractionMatrix matrix, IdIndex users, IdIndex artists, String[] artistNames, String[] artistMbids) {
    public Dataset {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(artists, "artists");
        Objects.requireNonNull(artistNames, "artistNames");
        Objects.requireNonNull(artistMbids, "artistMbids");
        if (users.size() != matrix.numUsers() || artists.size() != matrix.numItems()
                || artistMbids.length != artists.size() || artistNames.length != artists.size()) {
            throw new IllegalArgumentException("index sizes " + users.size() + "/" + artists.size()
                    + " do not match matrix " + matrix.numUsers() + " x " + matrix.numItems());
        }
    }

    /** A dataset whose artists are named by their keys and have no MusicBrainz ids. */
    public static Dataset of(InteractionMatrix matrix, IdIndex users, IdIndex artists) {
        String[] mbids = new String[artists.size()];
        Arrays.fill(mbids, "");
        return new Dataset(matrix, users, artists, artists.toArray(), mbids);
    }

    /** The display name of artist i. */
    public String artistName(int i) {
        return artistNames[i];
    }

    /**
     * The same dataset renumbered: new user r is old user {@code userOrder[r]} and new artist j is
     * old artist {@code artistOrder[j]}, with their ids, names and plays.
     */
    public Dataset permuted(int[] userOrder, int[] artistOrder) {
        InteractionMatrix m = matrix.permuted(userOrder, artistOrder);
        String[] names = new String[artistOrder.length];
        String[] mbids = new String[artistOrder.length];
        for (int j = 0; j < artistOrder.length; j++) {
            names[j] = artistNames[artistOrder[j]];
            mbids[j] = artistMbids[artistOrder[j]];
        }
        return new Dataset(m, users.subset(userOrder), artists.subset(artistOrder), names, mbids);
    }

    /** This dataset in {@link LocalityOrder}, the numbering that trains fastest. */
    public Dataset inLocalityOrder() {
        LocalityOrder.Orders o = LocalityOrder.of(matrix);
        return permuted(o.users(), o.artists());
    }

    /** Same dataset with another matrix of the same shape (for example the training part of a split). */
    public Dataset withMatrix(InteractionMatrix other) {
        if (other.numUsers() != matrix.numUsers() || other.numItems() != matrix.numItems()) {
            throw new IllegalArgumentException("matrix shape differs");
        }
        return new Dataset(other, users, artists, artistNames, artistMbids);
    }
}
