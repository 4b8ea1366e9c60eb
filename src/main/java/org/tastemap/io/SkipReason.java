package org.tastemap.io;

/** Why a row of an imported file was skipped. */
public enum SkipReason {
    /** The user, the artist or the play count is empty. */
    MISSING_FIELD("empty user, artist or play count"),
    /** The row has another number of columns than the file. */
    WRONG_COLUMN_COUNT("wrong number of columns"),
    /** The play count is not a decimal number. */
    NON_NUMERIC_COUNT("play count is not a number"),
    /** The play count is zero or negative. */
    NON_POSITIVE_COUNT("play count is zero or negative"),
    /** The user or artist holds a control character: a NUL byte, a terminal escape code, a bell... */
    CONTROL_CHARACTER("user or artist holds a control character (NUL byte, terminal escape code)"),
    /** The row is well formed but has fewer plays than {@link ImportOptions#minPlays()}; not a bad row. */
    BELOW_MIN_PLAYS("fewer plays than the minimum");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    /** A short lower-case phrase for messages, e.g. "wrong number of columns". */
    public String description() {
        return description;
    }

    /** Whether rows skipped for this reason count as malformed (the filter reason does not). */
    public boolean isBadRow() {
        return this != BELOW_MIN_PLAYS;
    }
}
