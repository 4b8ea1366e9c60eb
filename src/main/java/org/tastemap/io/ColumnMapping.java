package org.tastemap.io;

import java.util.List;
import java.util.Locale;

/**
 * Which columns of a delimited file hold what, as 0-based indexes.
 *
 * @param userColumn   the user id
 * @param artistColumn the artist key (artists are told apart by it)
 * @param nameColumn   the artist's display name, or {@link #NONE} to show the key
 * @param countColumn  the play count, or {@link #NONE} when every row counts one play
 * @param mbidColumn   the artist's MusicBrainz id, or {@link #NONE}; artists stay keyed by {@code artistColumn}
 *                     and keep the first non-empty MBID seen, as in the Last.fm layout
 */
public record ColumnMapping(int userColumn, int artistColumn, int nameColumn, int countColumn, int mbidColumn) {
    /** No such column. */
    public static final int NONE = -1;

    public ColumnMapping {
        if (userColumn < 0) {
            throw new IllegalArgumentException("the user column must be 0 or more (was " + userColumn + ")");
        }
        if (artistColumn < 0) {
            throw new IllegalArgumentException("the artist column must be 0 or more (was " + artistColumn + ")");
        }
        if (nameColumn < NONE) {
            throw new IllegalArgumentException("the artist name column must be -1 (none) or more (was " + nameColumn + ")");
        }
        if (countColumn < NONE) {
            throw new IllegalArgumentException("the count column must be -1 (none) or more (was " + countColumn + ")");
        }
        if (userColumn == artistColumn) {
            throw new IllegalArgumentException("the user and artist columns are both column " + (userColumn + 1));
        }
        if (countColumn != NONE && (countColumn == userColumn || countColumn == artistColumn || countColumn == nameColumn)) {
            throw new IllegalArgumentException("the count column " + (countColumn + 1) + " is also used for another field");
        }
        if (nameColumn != NONE && nameColumn == userColumn) {
            throw new IllegalArgumentException("the artist name column " + (nameColumn + 1) + " is also the user column");
        }
        if (mbidColumn < NONE) {
            throw new IllegalArgumentException("the MBID column must be -1 (none) or more (was " + mbidColumn + ")");
        }
        if (mbidColumn != NONE && (mbidColumn == userColumn || mbidColumn == countColumn)) {
            throw new IllegalArgumentException("the MBID column " + (mbidColumn + 1) + " is also the "
                    + (mbidColumn == userColumn ? "user" : "count") + " column");
        }
    }

    /** A mapping without an MBID column. */
    public ColumnMapping(int userColumn, int artistColumn, int nameColumn, int countColumn) {
        this(userColumn, artistColumn, nameColumn, countColumn, NONE);
    }

    /** The same mapping reading each artist's MBID from {@code mbidColumn} ({@link #NONE}: none). */
    public ColumnMapping withMbidColumn(int mbidColumn) {
        return new ColumnMapping(userColumn, artistColumn, nameColumn, countColumn, mbidColumn);
    }

    /** A mapping of user and artist columns only: no display names, every row counts one play. */
    public static ColumnMapping of(int userColumn, int artistColumn) {
        return new ColumnMapping(userColumn, artistColumn, NONE, NONE);
    }

    /**
     * A mapping chosen by header names, matched ignoring case and surrounding spaces.
     *
     * @param name  the artist name column, or null for none
     * @param count the count column, or null for none
     * @throws IllegalArgumentException when a named column is not in the header
     */
    public static ColumnMapping byHeader(List<String> header, String user, String artist, String name, String count) {
        return new ColumnMapping(find(header, user, "user"), find(header, artist, "artist"),
                name == null ? NONE : find(header, name, "artist name"),
                count == null ? NONE : find(header, count, "count"));
    }

    private static int find(List<String> header, String wanted, String role) {
        if (wanted == null) {
            throw new IllegalArgumentException("no " + role + " column named");
        }
        String key = wanted.strip().toLowerCase(Locale.ROOT);
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h != null && h.strip().toLowerCase(Locale.ROOT).equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column named '" + wanted + "' for the " + role + " in header " + header);
    }

    /** The largest column index this mapping reads. */
    public int maxColumn() {
        return Math.max(Math.max(Math.max(userColumn, artistColumn), Math.max(nameColumn, countColumn)), mbidColumn);
    }

    /** "column 1 user, column 3 artist, column 4 plays" (1-based, as a person counts). */
    public String describe() {
        StringBuilder sb = new StringBuilder("column ").append(userColumn + 1).append(" user, column ")
                .append(artistColumn + 1).append(" artist");
        if (nameColumn != NONE) {
            sb.append(", column ").append(nameColumn + 1).append(" artist name");
        }
        sb.append(countColumn == NONE ? ", no plays column (each row counts 1)" : ", column " + (countColumn + 1) + " plays");
        if (mbidColumn != NONE) {
            sb.append(", column ").append(mbidColumn + 1).append(" MBID");
        }
        return sb.toString();
    }
}
