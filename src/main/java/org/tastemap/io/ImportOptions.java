package org.tastemap.io;

import java.util.Objects;

/**
 * How to read a file and what to keep of it. Every instance is valid: the constructor rejects bad
 * settings with a message meant for the user. Start from {@link #lastFm()}, {@link #auto()} or
 * {@link #delimited(ColumnMapping, char, boolean)} and adjust with the {@code with...} methods.
 *
 * @param format                the file format; {@link ImportFormat#AUTO} detects it with {@link FormatDetector}
 * @param mapping               the columns of a delimited file; required for {@link ImportFormat#DELIMITED}; for
 *                              AUTO, null means "use the detected suggestion"; ignored for LASTFM
 * @param delimiter             the field separator of a delimited file (ignored for LASTFM and AUTO)
 * @param hasHeader             whether the first line of a delimited file is a header (ignored for LASTFM and AUTO)
 * @param minPlays              rows with fewer plays are skipped as {@link SkipReason#BELOW_MIN_PLAYS} (0 = keep all);
 *                              applied to each row as read, before duplicate rows are added up
 * @param minArtistsPerUser     users with fewer distinct artists are dropped after reading (1 = keep all)
 * @param minListenersPerArtist artists with fewer distinct listeners are dropped after reading (1 = keep all).
 *                              The two are iterated: dropping artists can leave a user below its minimum and
 *                              the other way round, so both are applied again until nothing changes; every
 *                              remaining user and artist then meets both.
 * @param maxBadShare           the import fails when more than this share of rows is malformed (0..1)
 * @param badShareCheckRows     the share is first checked after this many rows, then again at the end
 * @param fileOrder             number users and artists densely in order of first appearance in the file;
 *                              false (the default) numbers them in {@link org.tastemap.core.data.LocalityOrder},
 *                              which trains faster on large data. Only the numbering differs: the same ids,
 *                              names and plays either way.
 * @param encoding              how names and ids are decoded ({@link TextEncoding#AUTO}: UTF-8 unless the
 *                              names say otherwise; the report says which was used and why)
 * @param values                what the number column means: plays, weights or presence ({@link ValueKind})
 */
public record ImportOptions(ImportFormat format, ColumnMapping mapping, char delimiter, boolean hasHeader,
                            double minPlays, int minArtistsPerUser, int minListenersPerArtist,
                            double maxBadShare, int badShareCheckRows, boolean fileOrder,
                            TextEncoding encoding, ValueKind values) {
    public static final double DEFAULT_MAX_BAD_SHARE = 0.5;
    public static final int DEFAULT_BAD_SHARE_CHECK_ROWS = 1000;

    public ImportOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(values, "values");
        if (format == ImportFormat.DELIMITED) {
            if (mapping == null) {
                throw new IllegalArgumentException("a delimited import needs a column mapping (which columns hold user, artist and plays)");
            }
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || Character.isLetterOrDigit(delimiter)) {
                throw new IllegalArgumentException("'" + printable(delimiter) + "' cannot separate fields: use tab, comma, semicolon or pipe");
            }
        }
        if (!(minPlays >= 0) || Double.isInfinite(minPlays)) {
            throw new IllegalArgumentException("the minimum plays per row must be a number of 0 or more (was " + minPlays + ")");
        }
        if (minArtistsPerUser < 1) {
            throw new IllegalArgumentException("the minimum artists per user must be 1 or more (was " + minArtistsPerUser + ")");
        }
        if (minListenersPerArtist < 1) {
            throw new IllegalArgumentException("the minimum listeners per artist must be 1 or more (was " + minListenersPerArtist + ")");
        }
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new IllegalArgumentException("the largest share of bad rows must be between 0 and 1 (was " + maxBadShare + ")");
        }
        if (badShareCheckRows < 1) {
            throw new IllegalArgumentException("the bad-row check needs at least 1 row (was " + badShareCheckRows + ")");
        }
    }

    /** The options without an encoding or value choice: both {@code AUTO}. */
    public ImportOptions(ImportFormat format, ColumnMapping mapping, char delimiter, boolean hasHeader,
                         double minPlays, int minArtistsPerUser, int minListenersPerArtist,
                         double maxBadShare, int badShareCheckRows, boolean fileOrder) {
        this(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser, minListenersPerArtist,
                maxBadShare, badShareCheckRows, fileOrder, TextEncoding.AUTO, ValueKind.AUTO);
    }

    /** The Last.fm 360K file, no filters. */
    public static ImportOptions lastFm() {
        return new ImportOptions(ImportFormat.LASTFM, null, '\t', false, 0, 1, 1,
                DEFAULT_MAX_BAD_SHARE, DEFAULT_BAD_SHARE_CHECK_ROWS, false);
    }

    /** Format, delimiter, header and mapping detected from the file, no filters. */
    public static ImportOptions auto() {
        return new ImportOptions(ImportFormat.AUTO, null, ',', false, 0, 1, 1,
                DEFAULT_MAX_BAD_SHARE, DEFAULT_BAD_SHARE_CHECK_ROWS, false);
    }

    /** A delimited file read through {@code mapping}, no filters. */
    public static ImportOptions delimited(ColumnMapping mapping, char delimiter, boolean hasHeader) {
        return new ImportOptions(ImportFormat.DELIMITED, mapping, delimiter, hasHeader, 0, 1, 1,
                DEFAULT_MAX_BAD_SHARE, DEFAULT_BAD_SHARE_CHECK_ROWS, false);
    }

    /** The same options with these filters. */
    public ImportOptions withFilters(double minPlays, int minArtistsPerUser, int minListenersPerArtist) {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, fileOrder, encoding, values);
    }

    /** The same options with another largest share of bad rows and the row count after which it is first checked. */
    public ImportOptions withBadRowLimit(double maxBadShare, int badShareCheckRows) {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, fileOrder, encoding, values);
    }

    /** The same options with another mapping (for AUTO: instead of the detected suggestion). */
    public ImportOptions withMapping(ColumnMapping mapping) {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, fileOrder, encoding, values);
    }

    /** The same options, numbering users and artists in order of first appearance (see {@code fileOrder}). */
    public ImportOptions withFileOrder() {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, true, encoding, values);
    }

    /** The same options decoding names with {@code encoding}. */
    public ImportOptions withEncoding(TextEncoding encoding) {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, fileOrder, encoding, values);
    }

    /** The same options reading the number column as {@code values}. */
    public ImportOptions withValues(ValueKind values) {
        return new ImportOptions(format, mapping, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, maxBadShare, badShareCheckRows, fileOrder, encoding, values);
    }

    /** Whether the user and artist filters can drop anything. */
    boolean filtersUsersOrArtists() {
        return minArtistsPerUser > 1 || minListenersPerArtist > 1;
    }

    static String printable(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case '\r' -> "carriage return";
            case '\n' -> "line feed";
            default -> String.valueOf(c);
        };
    }
}
