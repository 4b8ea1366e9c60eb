package org.tastemap.core.model;

import java.util.Locale;

/**
 * A stored cell whose confidence {@code c_ui} is not a finite float, found before training: the
 * solves would turn it into infinite or NaN factors. The cause is the input (a play count or a sum
 * of duplicate rows too large), or an alpha that scales a large count past the float range; the
 * message says which, and {@link #describe} names the listener and artist when the caller knows them.
 */
public final class NonFiniteConfidenceException extends IllegalArgumentException {
    private final int user;
    private final int item;
    private final double plays;
    private final double minusOne;
    private final transient AlsParams params;

    NonFiniteConfidenceException(int user, int item, double plays, double minusOne, AlsParams params) {
        super(text("user #" + user, "artist #" + item, plays, minusOne, params));
        this.user = user;
        this.item = item;
        this.plays = plays;
        this.minusOne = minusOne;
        this.params = params;
    }

    /** The matrix index of the listener. */
    public int user() {
        return user;
    }

    /** The matrix index of the artist. */
    public int item() {
        return item;
    }

    public double plays() {
        return plays;
    }

    /** The same sentence with the listener's and the artist's names. */
    public String describe(String listener, String artist) {
        return text("listener " + listener, "artist '" + artist + "'", plays, minusOne, params);
    }

    private static String text(String listener, String artist, double plays, double minusOne, AlsParams p) {
        String kind = p.confidence().name().toLowerCase(Locale.ROOT);
        if (!Double.isFinite(plays) || !Float.isFinite((float) plays)) {
            return String.format(Locale.ROOT, "The plays of %s for %s add up to %s, beyond the float range (about 3.4e38):"
                    + " check that listener's rows in the input (duplicate rows are summed); nothing was trained.", listener, artist, plays);
        }
        return String.format(Locale.ROOT, "The %s confidence of %s for %s is %s (%.4g plays, alpha %s), not a finite float:"
                + " check that row of the input, or use log confidence or a smaller alpha; nothing was trained.",
                kind, listener, artist, 1 + minusOne, plays, p.alpha());
    }
}
