package org.tastemap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses how a file is laid out from its first 64 KB (decompressed when gzip): the Last.fm 360K
 * format or a delimited file, its delimiter, whether it has a header, and which column is which.
 */
public final class FormatDetector {
    /** Data rows returned for preview. */
    public static final int PREVIEW_ROWS = 100;

    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};
    private static final int SAMPLE_ROWS = 1000;
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern MBID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> USER_NAMES = Set.of("user", "userid", "usersha1", "username", "userhash",
            "listener", "listenerid", "uid", "users");
    private static final Set<String> ARTIST_NAMES = Set.of("artist", "artistid", "artistmbid", "artmbid", "mbid",
            "artistkey", "item", "itemid", "artists", "band", "iid");
    private static final Set<String> NAME_NAMES = Set.of("name", "artistname", "artname", "itemname", "title",
            "bandname");
    private static final Set<String> COUNT_NAMES = Set.of("plays", "play", "playcount", "playcounts", "count",
            "counts", "weight", "listens", "listencount", "scrobbles", "value", "n", "times", "frequency", "freq");

    private FormatDetector() {
    }

    /**
     * Reads the first 64 KB of {@code file} and describes it.
     *
     * @throws ImportException when the file is missing, empty, binary, or has no consistent delimiter
     */
    public static DetectedFormat detect(Path file) throws IOException {
        byte[] sample;
        boolean gzip;
        String name;
        try (SourceFile src = SourceFile.open(file)) {
            name = src.name();
            gzip = src.isGzip();
            sample = src.sample();
        }
        if (sample.length == 0) {
            throw new ImportException(name, "the file is empty");
        }
        String problem = TextSniffer.problem(sample);
        if (problem != null) {
            throw new ImportException(name, problem);
        }
        String text = DelimitedText.sampleText(sample, sample.length == SourceFile.SAMPLE_BYTES);
        if (text.isBlank()) {
            throw new ImportException(name, "the file has only blank lines");
        }

        // the Last.fm file is tab-separated without quoting: artist names may hold quote characters
        List<List<String>> raw = DelimitedText.records(text, '\t', false, SAMPLE_ROWS);
        if (raw != null && looksLikeLastFm(raw)) {
            return new DetectedFormat(ImportFormat.LASTFM, '\t', false, gzip, numberedColumns(4),
                    raw.subList(0, Math.min(PREVIEW_ROWS, raw.size())), new ColumnMapping(0, 2, ColumnMapping.NONE, 3));
        }

        char best = 0;
        List<List<String>> bestRows = null;
        double bestShare = -1;
        for (char d : DELIMITERS) {
            for (boolean quoted : d == '\t' ? new boolean[] {true, false} : new boolean[] {true}) {
                List<List<String>> rows = DelimitedText.records(text, d, quoted, SAMPLE_ROWS);
                if (rows == null || rows.isEmpty()) {
                    continue;
                }
                int columns = DelimitedText.modalColumnCount(rows);
                double share = (double) DelimitedText.countWithColumns(rows, columns) / rows.size();
                if (columns >= 2 && share > bestShare) {
                    best = d;
                    bestRows = rows;
                    bestShare = share;
                }
            }
        }
        if (bestRows == null) {
            throw new ImportException(name, "no tab, comma, semicolon or pipe separates columns in the first lines:"
                    + " this needs at least a user and an artist column");
        }
        if (bestShare < 0.5) {
            throw new ImportException(name, "no consistent delimiter: split at any of tab, comma, semicolon or pipe,"
                    + " the rows have different numbers of columns (at best " + TextSniffer.percent(Math.round(bestShare * 1000), 1000)
                    + " agree, split at " + DelimitedReader.describe(best) + ")");
        }
        int columns = DelimitedText.modalColumnCount(bestRows);
        boolean header = looksLikeHeader(bestRows, columns);
        List<String> names;
        List<List<String>> data;
        if (header) {
            names = new ArrayList<>();
            List<String> first = bestRows.get(0);
            for (int c = 0; c < columns; c++) {
                String h = c < first.size() ? first.get(c).strip() : "";
                names.add(h.isEmpty() ? "column " + (c + 1) : h);
            }
            data = bestRows.subList(1, bestRows.size());
        } else {
            names = numberedColumns(columns);
            data = bestRows;
        }
        ColumnMapping mapping = suggestMapping(header ? names : null, data, columns);
        return new DetectedFormat(ImportFormat.DELIMITED, best, header, gzip, names,
                data.subList(0, Math.min(PREVIEW_ROWS, data.size())), mapping);
    }

    /**
     * Four columns with a numeric last column in nearly every row, and either a 40-hex-digit user
     * (the 360K file) or, by structure, a non-empty user, an MBID or nothing in column 2, and a
     * non-empty artist name in column 3 (exports with other user ids, often without MBIDs).
     */
    static boolean looksLikeLastFm(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        int sha1 = 0;
        int structure = 0;
        for (List<String> row : rows) {
            if (row.size() == 4 && PlayCounts.isNumber(row.get(3))) {
                if (SHA1.matcher(row.get(0)).matches()) {
                    sha1++;
                }
                String mbid = row.get(1).strip();
                if (!row.get(0).isBlank() && !row.get(2).isBlank() && (mbid.isEmpty() || MBID.matcher(mbid).matches())) {
                    structure++;
                }
            }
        }
        List<String> first = rows.get(0);
        boolean firstFits = first.size() == 4 && PlayCounts.isNumber(first.get(3));
        return firstFits && (sha1 >= 0.9 * rows.size() || structure >= 0.9 * rows.size());
    }

    /**
     * The first row is a header when one of its cells is a known column name, or when it is not a
     * number in a column whose other rows are nearly all numbers.
     */
    static boolean looksLikeHeader(List<List<String>> rows, int columns) {
        List<String> first = rows.get(0);
        for (String cell : first) {
            String k = normalize(cell);
            if (USER_NAMES.contains(k) || ARTIST_NAMES.contains(k) || NAME_NAMES.contains(k) || COUNT_NAMES.contains(k)) {
                return true;
            }
        }
        if (rows.size() < 2 || first.size() != columns) {
            return false;
        }
        for (int c = 0; c < columns; c++) {
            if (!first.get(c).isBlank() && !PlayCounts.isNumber(first.get(c))
                    && numericShare(rows.subList(1, rows.size()), c, columns) >= 0.9) {
                return true;
            }
        }
        return false;
    }

    /**
     * User, artist, name and count columns from header names when known, else from content: the count is
     * the last column of numbers (when there are three columns or more), the user and artist the first
     * other columns.
     */
    static ColumnMapping suggestMapping(List<String> header, List<List<String>> data, int columns) {
        int user = -1;
        int artist = -1;
        int name = -1;
        int count = -1;
        if (header != null) {
            for (int c = 0; c < header.size(); c++) {
                String k = normalize(header.get(c));
                if (user < 0 && USER_NAMES.contains(k)) {
                    user = c;
                } else if (artist < 0 && ARTIST_NAMES.contains(k)) {
                    artist = c;
                } else if (name < 0 && NAME_NAMES.contains(k)) {
                    name = c;
                } else if (count < 0 && COUNT_NAMES.contains(k)) {
                    count = c;
                }
            }
            if (artist < 0 && name >= 0) {
                artist = name;
                name = -1;
            }
        }
        if (count < 0 && columns >= 3) {
            for (int c = columns - 1; c >= 0; c--) {
                if (c != user && c != artist && c != name && !data.isEmpty() && numericShare(data, c, columns) >= 0.9) {
                    count = c;
                    break;
                }
            }
        }
        for (int c = 0; c < columns && (user < 0 || artist < 0); c++) {
            if (c == user || c == artist || c == name || c == count) {
                continue;
            }
            if (user < 0) {
                user = c;
            } else {
                artist = c;
            }
        }
        if (artist < 0) {
            // only two usable columns and one was taken as the count: give it back
            artist = count >= 0 ? count : (user == 0 ? 1 : 0);
            count = -1;
        }
        try {
            return new ColumnMapping(user, artist, name, count);
        } catch (IllegalArgumentException e) {
            return ColumnMapping.of(0, 1);
        }
    }

    private static double numericShare(List<List<String>> rows, int column, int columns) {
        int withColumns = 0;
        int numeric = 0;
        for (List<String> row : rows) {
            if (row.size() == columns) {
                withColumns++;
                if (PlayCounts.isNumber(row.get(column))) {
                    numeric++;
                }
            }
        }
        return withColumns == 0 ? 0 : (double) numeric / withColumns;
    }

    private static String normalize(String headerCell) {
        return headerCell.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static List<String> numberedColumns(int n) {
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            names.add("column " + c);
        }
        return names;
    }
}
