package org.tastemap.app.session;

import java.util.List;

/**
 * What format detection found in the first lines of a file.
 *
 * @param format      a name for a person ("Last.fm 360K TSV", "Delimited text")
 * @param lastFm      true for the Last.fm layout
 * @param delimiter   the field separator
 * @param hasHeader   whether the first line names the columns
 * @param gzip        whether the file is gzip-compressed
 * @param headerNames the column names (generated "Column 1".. when there is no header)
 * @param rows        up to 100 data rows, split into fields
 * @param suggested   the suggested column mapping
 */
public record FilePreview(String format, boolean lastFm, char delimiter, boolean hasHeader, boolean gzip,
                          List<String> headerNames, List<List<String>> rows, Columns suggested) {

    public int columnCount() {
        return headerNames.size();
    }

    /** The delimiter as a person reads it. */
    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "Tab";
            case ',' -> "Comma";
            case ';' -> "Semicolon";
            case '|' -> "Pipe";
            default -> "'" + delimiter + "'";
        };
    }
}
