package org.tastemap.app.session;

/**
 * Which 0-based columns of a delimited file hold the user, the artist key, the artist's display
 * name, the play count and the artist's MusicBrainz id ({@link #NONE} for name, plays or MBID when the
 * file has none).
 */
public record Columns(int user, int artist, int name, int plays, int mbid) {
    public static final int NONE = -1;

    /** Columns without an MBID column. */
    public Columns(int user, int artist, int name, int plays) {
        this(user, artist, name, plays, NONE);
    }

    /** The Last.fm 360K layout: user sha1, artist mbid, artist name, plays; artists keyed by name. */
    public static Columns lastFm() {
        return new Columns(0, 2, 2, 3, 1);
    }

    /** The same columns with this MBID column ({@link #NONE}: none). */
    public Columns withMbid(int mbid) {
        return new Columns(user, artist, name, plays, mbid);
    }

    public int maxColumn() {
        return Math.max(Math.max(Math.max(user, artist), Math.max(name, plays)), mbid);
    }
}
