package org.tastemap.io;

import java.util.Locale;

/**
 * The shape of the rows {@link SyntheticLastFm} writes: {@code medianArtists} is the median number of artists a listener
 * draws ({@code round(medianArtists e^(0.55 z))} for 96% of users); {@code medianPlays} the
 * median of {@code medianPlays e^(0.8 z_user + 1.1 z)} before the 1.5 of favoured genres;
 * {@code top} keeps only each user's {@code top} most-played artists (0 keeps all).
 */
public record SyntheticShape(int top, double medianArtists, double medianPlays) {
    /** The generator's own shape: every drawn artist kept, median 44 artists, plays median near 124. */
    public static final SyntheticShape DEFAULT = new SyntheticShape(0, 44, 90);
    /**
     * Like the real 360K file: listeners draw a median of 150 artists and keep their top 50;
     * plays median 35 before the cut, so the kept rows have a median of about 150.
     */
    public static final SyntheticShape LASTFM_360K = new SyntheticShape(50, 150, 35);
    /** Light listening: the default rows with plays of median 2 (kept median 2-3). */
    public static final SyntheticShape LIGHT = new SyntheticShape(0, 44, 2);

    public SyntheticShape {
        if (top < 0) {
            throw new IllegalArgumentException("top artists per user must be 0 (all) or more (got " + top + ")");
        }
        if (!(medianArtists >= 1 && medianArtists <= SyntheticLastFm.MAX_ARTISTS_PER_USER)) {
            throw new IllegalArgumentException("median artists per user must be between 1 and "
                    + SyntheticLastFm.MAX_ARTISTS_PER_USER + " (got " + medianArtists + ")");
        }
        if (!(medianPlays >= 0.5 && medianPlays <= 100_000)) {
            throw new IllegalArgumentException("median plays must be between 0.5 and 100,000 (got " + medianPlays + ")");
        }
    }

    /** A named shape: default, lastfm360k or light. */
    public static SyntheticShape named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "lastfm360k", "360k" -> LASTFM_360K;
            case "light" -> LIGHT;
            default -> throw new IllegalArgumentException("unknown shape '" + name + "': use default, lastfm360k or light");
        };
    }

    public SyntheticShape withTop(int v) {
        return new SyntheticShape(v, medianArtists, medianPlays);
    }

    public SyntheticShape withMedianArtists(double v) {
        return new SyntheticShape(top, v, medianPlays);
    }

    public SyntheticShape withMedianPlays(double v) {
        return new SyntheticShape(top, medianArtists, v);
    }
}
