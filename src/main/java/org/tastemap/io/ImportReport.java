package org.tastemap.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a file was read.
 *
 * @param fileName            the file name without folders
 * @param format              the format it was read as (never AUTO)
 * @param rowsRead            data rows read (not counting a header or blank lines)
 * @param rowsKept            rows that became interactions, before duplicates were merged and users or artists filtered
 * @param duplicateRowsMerged kept rows whose (user, artist) pair was seen before; their plays were added up
 * @param skipped             skipped rows by reason, with the first line numbers of each; reasons with none are absent
 * @param usersDropped        users removed by the minimum-artists-per-user filter
 * @param artistsDropped      artists removed by the minimum-listeners-per-artist filter
 * @param filterRounds        passes of the user/artist filters until nothing more was dropped (0 when they were off)
 * @param users               users in the dataset
 * @param artists             artists in the dataset
 * @param interactions        distinct (user, artist) cells in the dataset
 * @param bytes               size of the file on disk
 * @param seconds             wall time of the import
 * @param encoding            the encoding names were decoded with (never AUTO)
 * @param encodingReason      why that encoding: chosen by the user, or what the names showed
 * @param values              what the number column was read as (never AUTO)
 * @param formatReason        how the format was chosen ("" when given by the user)
 * @param notes               what was done to kept rows, by kind, with examples; kinds with none are absent
 */
public record ImportReport(String fileName, ImportFormat format, long rowsRead, long rowsKept, long duplicateRowsMerged,
                           Map<SkipReason, Skipped> skipped, int usersDropped, int artistsDropped, int filterRounds,
                           int users, int artists, long interactions, long bytes, double seconds,
                           TextEncoding encoding, String encodingReason, ValueKind values, String formatReason,
                           Map<ImportNote, Noted> notes) {

    /** Something done to {@code count} rows (or pairs), with the first line numbers and examples in words. */
    public record Noted(long count, List<Long> exampleLines, List<String> examples) {
        public Noted {
            exampleLines = List.copyOf(exampleLines);
            examples = List.copyOf(examples);
        }
    }

    /** A report without encoding, value or format details (UTF-8, plays, no notes). */
    public ImportReport(String fileName, ImportFormat format, long rowsRead, long rowsKept, long duplicateRowsMerged,
                        Map<SkipReason, Skipped> skipped, int usersDropped, int artistsDropped, int filterRounds,
                        int users, int artists, long interactions, long bytes, double seconds) {
        this(fileName, format, rowsRead, rowsKept, duplicateRowsMerged, skipped, usersDropped, artistsDropped,
                filterRounds, users, artists, interactions, bytes, seconds, TextEncoding.UTF_8, "", ValueKind.PLAYS, "",
                Map.of());
    }

    /** Rows skipped for one reason: how many, and the 1-based line numbers of the first few. */
    public record Skipped(long count, List<Long> exampleLines) {
        public Skipped {
            exampleLines = List.copyOf(exampleLines);
        }
    }

    public ImportReport {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        skipped = Map.copyOf(skipped);
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(values, "values");
        encodingReason = encodingReason == null ? "" : encodingReason;
        formatReason = formatReason == null ? "" : formatReason;
        notes = Map.copyOf(notes);
    }

    /** Rows (or pairs) noted for {@code note}. */
    public long noteCount(ImportNote note) {
        Noted n = notes.get(note);
        return n == null ? 0 : n.count();
    }

    /** Rows skipped for {@code reason}. */
    public long skippedCount(SkipReason reason) {
        Skipped s = skipped.get(reason);
        return s == null ? 0 : s.count();
    }

    /** The first line numbers of rows skipped for {@code reason} (empty when none). */
    public List<Long> exampleLines(SkipReason reason) {
        Skipped s = skipped.get(reason);
        return s == null ? List.of() : s.exampleLines();
    }

    /** All skipped rows. */
    public long skippedRows() {
        return skipped.values().stream().mapToLong(Skipped::count).sum();
    }

    /** A few lines of plain text for the user. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" (").append(format == ImportFormat.LASTFM ? "Last.fm 360K" : "delimited")
                .append(", ").append(sizeText(bytes)).append(") read in ")
                .append(String.format(Locale.ROOT, "%.1f s", seconds)).append('\n');
        sb.append(String.format(Locale.ROOT, "%,d rows read, %,d kept, %,d skipped", rowsRead, rowsKept, skippedRows()))
                .append('\n');
        for (SkipReason reason : SkipReason.values()) {
            Skipped s = skipped.get(reason);
            if (s != null) {
                sb.append(String.format(Locale.ROOT, "  %,d: %s (line%s %s%s)", s.count(), reason.description(),
                        s.exampleLines().size() == 1 ? "" : "s", joinLines(s.exampleLines()),
                        s.count() > s.exampleLines().size() ? ", ..." : "")).append('\n');
            }
        }
        if (!formatReason.isEmpty()) {
            sb.append("format: ").append(formatReason).append('\n');
        }
        sb.append("encoding: ").append(encoding.cliName())
                .append(encodingReason.isEmpty() ? "" : " (" + encodingReason + ")").append('\n');
        sb.append("values: read as ").append(values.cliName()).append('\n');
        for (ImportNote note : ImportNote.values()) {
            Noted n = notes.get(note);
            if (n != null) {
                sb.append(String.format(Locale.ROOT, "  %,d: %s", n.count(), note.description()));
                if (!n.exampleLines().isEmpty()) {
                    sb.append(String.format(Locale.ROOT, " (line%s %s%s)", n.exampleLines().size() == 1 ? "" : "s",
                            joinLines(n.exampleLines()), n.count() > n.exampleLines().size() ? ", ..." : ""));
                }
                for (String example : n.examples()) {
                    sb.append("\n    ").append(example);
                }
                sb.append('\n');
            }
        }
        if (duplicateRowsMerged > 0) {
            sb.append(String.format(Locale.ROOT, "%,d duplicate user-artist rows added up", duplicateRowsMerged)).append('\n');
        }
        if (filterRounds > 0) {
            sb.append(String.format(Locale.ROOT, "filters dropped %,d users and %,d artists (%d round%s)",
                    usersDropped, artistsDropped, filterRounds, filterRounds == 1 ? "" : "s")).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%,d users x %,d artists, %,d interactions", users, artists, interactions));
        return sb.toString();
    }

    private static String joinLines(List<Long> lines) {
        StringBuilder sb = new StringBuilder();
        for (Long line : lines) {
            sb.append(sb.length() == 0 ? "" : ", ").append(line);
        }
        return sb.toString();
    }

    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
