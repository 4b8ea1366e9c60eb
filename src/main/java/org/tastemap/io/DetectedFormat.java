package org.tastemap.io;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FormatDetector} found at the start of a file, for the import wizard to show and adjust.
 *
 * @param format           {@link ImportFormat#LASTFM} or {@link ImportFormat#DELIMITED}
 * @param delimiter        tab, comma, semicolon or pipe
 * @param hasHeader        whether the first row looks like column names
 * @param gzip             whether the file is gzip-compressed
 * @param headerNames      one name per column: the header's, or "column 1", "column 2", ... without one
 * @param previewRows      up to 100 data rows (the header left out), as read with the delimiter
 * @param suggestedMapping a guess at which column is which, from header names or else from content
 */
public record DetectedFormat(ImportFormat format, char delimiter, boolean hasHeader, boolean gzip,
                             List<String> headerNames, List<List<String>> previewRows, ColumnMapping suggestedMapping) {
    public DetectedFormat {
        Objects.requireNonNull(format, "format");
        headerNames = List.copyOf(headerNames);
        previewRows = previewRows.stream().map(List::copyOf).toList();
        Objects.requireNonNull(suggestedMapping, "suggestedMapping");
    }

    /** How the file was read, in words: the layout and which column is which. */
    public String reason() {
        if (format == ImportFormat.LASTFM) {
            return "Last.fm 360K layout (tab-separated, no header): column 1 user, column 2 MBID, column 3 artist, column 4 plays";
        }
        return DelimitedReader.describe(delimiter) + "-separated, " + (hasHeader ? "with" : "without") + " a header: "
                + suggestedMapping.describe();
    }

    /** Import options that read the file as detected, without filters. */
    public ImportOptions toOptions() {
        return format == ImportFormat.LASTFM ? ImportOptions.lastFm()
                : ImportOptions.delimited(suggestedMapping, delimiter, hasHeader);
    }
}
