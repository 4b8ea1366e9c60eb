package org.tastemap.io;

/**
 * Something an import did to rows it kept, or to the listeners and artists it left out, counted in the
 * report (rows it skipped are {@link SkipReason}s).
 */
public enum ImportNote {
    /** Rows whose user or artist is not valid UTF-8 in a file read as UTF-8. */
    INVALID_UTF8("rows hold bytes that are not valid UTF-8"),
    /** Distinct byte strings that decoded to the same text and were merged into one user or artist. */
    NAMES_MERGED("distinct byte strings decoded to the same name and were merged"),
    /** Rows whose value is not a whole number. */
    NON_INTEGER_VALUE("values are not whole numbers (kept unrounded)"),
    /** Bytes after the end of the gzip data, which are not read. */
    GZIP_TRAILING_DATA("bytes after the end of the gzip data were not read"),
    /** Artists whose MBID column held more than one MBID, counted once per artist; the first was kept. */
    MBID_CONFLICT("artists had more than one MBID (the first was kept)"),
    /** Listeners all of whose rows were skipped: they are not in the data (examples: their ids). */
    LISTENERS_ALL_SKIPPED("listeners had every row skipped and are left out"),
    /** Artists all of whose rows were skipped: they are not in the data (examples: their names). */
    ARTISTS_ALL_SKIPPED("artists had every row skipped and are left out");

    private final String description;

    ImportNote(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
