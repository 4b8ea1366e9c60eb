package org.tastemap.io;

import java.util.Locale;

/**
 * What the number column of a file means. Plays and weights are stored the same way (duplicate rows
 * added up, the confidence function applied in training); they differ in what the report says about
 * non-integer values. A presence flag ignores the number: every (user, artist) pair with a positive
 * value counts 1, however often it appears.
 */
public enum ValueKind {
    /** Plays when every value is a whole number, weights otherwise; the report says which. */
    AUTO("auto"),
    /** Play counts: non-integer values are kept unrounded and counted in the report. */
    PLAYS("plays"),
    /** Weights or scores (e.g. a rating or a float score): taken as they are. */
    WEIGHT("weight"),
    /** A presence flag: each pair with a positive value counts 1. */
    PRESENCE("presence");

    private final String cliName;

    ValueKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses "auto", "plays", "weight" or "presence", ignoring case. */
    public static ValueKind parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "auto" -> AUTO;
            case "plays", "play", "count", "counts" -> PLAYS;
            case "weight", "weights", "score" -> WEIGHT;
            case "presence", "flag", "binary" -> PRESENCE;
            default -> throw new IllegalArgumentException("the values must be auto, plays, weight or presence, not '" + s + "'");
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
