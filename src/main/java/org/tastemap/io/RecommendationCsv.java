package org.tastemap.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes recommendations as CSV: a header {@code user,rank,artist,score}, then one record per
 * recommended artist, ranks counting from 1 in list order. Quoting and line ends follow RFC 4180
 * (commons-csv {@link CSVFormat#RFC4180}: fields holding a comma, quote or line break are quoted,
 * quotes doubled, records end with CRLF). Text is UTF-8.
 *
 * <p>The file is meant for spreadsheets, so user ids and artist names that a spreadsheet would run
 * as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return)
 * get a leading apostrophe ({@link SpreadsheetCells}); a program reading the file strips a leading
 * {@code '} followed by one of those characters to get the exact text. The TSV and .npy exports
 * ({@link FactorExport}) are exact.
 *
 * <p>A score is written in the shortest form that reads back to the same value: as a float when it
 * is exactly a float (the usual case, {@code x_u . y_i} of float factors), else as a double.
 */
public final class RecommendationCsv {
    /** The header row. */
    public static final String[] HEADER = {"user", "rank", "artist", "score"};

    /** One recommended artist (its display name) and its score. */
    public record ScoredArtist(String artist, double score) {
        public ScoredArtist {
            Objects.requireNonNull(artist, "artist");
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private RecommendationCsv() {
    }

    /**
     * Writes {@code byUser} (user id to its recommendations, best first) to {@code file}
     * atomically, users in the map's iteration order.
     */
    public static void write(Path file, Map<String, ? extends List<ScoredArtist>> byUser) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(w, byUser);
            w.flush();
        });
    }

    /** Writes the rows of a CSV file, one user at a time. */
    @FunctionalInterface
    public interface RowsBody {
        void write(Rows rows) throws IOException;
    }

    /**
     * Writes {@code file} atomically from rows streamed by {@code body}: on any failure (or
     * cancellation) of the body, nothing is left at {@code file}, or the file there stays as it was.
     */
    public static void write(Path file, RowsBody body) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            Rows rows = new Rows(w);
            body.write(rows);
            rows.flush();
            w.flush();
        });
    }

    /** Writes the CSV to {@code out} (standard output, a string builder); does not close it. */
    public static void write(Appendable out, Map<String, ? extends List<ScoredArtist>> byUser) throws IOException {
        Rows rows = new Rows(out);
        for (Map.Entry<String, ? extends List<ScoredArtist>> e : byUser.entrySet()) {
            rows.add(e.getKey(), e.getValue());
        }
        rows.flush();
    }

    /**
     * Writes the CSV one user at a time, for lists too many to hold at once: the header on
     * construction, then each {@link #add}.
     */
    public static final class Rows {
        private final CSVPrinter printer;

        public Rows(Appendable out) throws IOException {
            this.printer = new CSVPrinter(out, FORMAT);
        }

        /** One user's recommendations, best first, ranked from 1. */
        public void add(String user, List<ScoredArtist> artists) throws IOException {
            String u = SpreadsheetCells.protect(user);
            int rank = 1;
            for (ScoredArtist a : artists) {
                printer.printRecord(u, rank++, SpreadsheetCells.protect(a.artist()), formatScore(a.score()));
            }
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }

    /** The shortest text that parses back to {@code score}. */
    static String formatScore(double score) {
        float f = (float) score;
        return f == score ? Float.toString(f) : Double.toString(score);
    }
}
