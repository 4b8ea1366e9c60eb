package org.tastemap.io;

/** The kind of file an import reads. */
public enum ImportFormat {
    /**
     * The Last.fm 360K listening file exactly as published ({@code usersha1-artmbid-artname-plays.tsv}):
     * four tab-separated columns user sha1, artist MusicBrainz id (may be empty), artist name and plays,
     * no header, no quoting. Read by a fast byte-level parser.
     */
    LASTFM,
    /** Any delimited text file read through a {@link ColumnMapping}. */
    DELIMITED,
    /** Let {@link FormatDetector} decide from the first 64 KB of the file. */
    AUTO
}
