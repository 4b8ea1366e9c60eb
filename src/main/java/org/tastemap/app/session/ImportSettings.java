package org.tastemap.app.session;

/**
 * How to import a file: its layout and which rows, users and artists to keep.
 *
 * @param lastFm                read the Last.fm layout
 * @param columns               the column mapping (for Last.fm, {@link Columns#lastFm()})
 * @param delimiter             field separator
 * @param hasHeader             skip the first line
 * @param minPlays              rows with fewer plays are skipped
 * @param minArtistsPerUser     users with fewer artists are dropped
 * @param minListenersPerArtist artists with fewer listeners are dropped
 */
public record ImportSettings(boolean lastFm, Columns columns, char delimiter, boolean hasHeader, double minPlays,
                             int minArtistsPerUser, int minListenersPerArtist) {

    public static ImportSettings lastFmDefaults() {
        return new ImportSettings(true, Columns.lastFm(), '\t', false, 0, 1, 1);
    }

    public static ImportSettings from(FilePreview p) {
        return new ImportSettings(p.lastFm(), p.suggested(), p.delimiter(), p.hasHeader(), 0, 1, 1);
    }

    public ImportSettings withColumns(Columns c) {
        return new ImportSettings(lastFm, c, delimiter, hasHeader, minPlays, minArtistsPerUser, minListenersPerArtist);
    }

    public ImportSettings withFilters(double plays, int artistsPerUser, int listenersPerArtist) {
        return new ImportSettings(lastFm, columns, delimiter, hasHeader, plays, artistsPerUser, listenersPerArtist);
    }
}
