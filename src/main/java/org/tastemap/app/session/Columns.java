package org.tastemap.app.session;

/**
 * Which 0-based columns of a delimited file hold the user, the artist key, the artist's display
 * name and the play count ({@link #NONE} for name or plays when the file has none).
 */
public record Columns(int user, int artist, int name, int plays) {
    public static final int NONE = -1;

    /** The Last.fm 360K layout: user sha1, artist mbid, artist name, plays; artists keyed by name. */
    public static Columns lastFm() {
        return new Columns(0, 2, 2, 3);
    }

    public int maxColumn() {
        return Math.max(Math.max(user, artist), Math.max(name, plays));
    }
}
