package org.tastemap.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes artists picked on the map as CSV ({@code artist,listeners,x,y,group}), RFC 4180 quoting
 * (commons-csv), UTF-8, written atomically (the file is either the old one or the whole new one).
 * Names and groups a spreadsheet would run as a formula get a leading apostrophe, as in
 * {@link RecommendationCsv} ({@link SpreadsheetCells}).
 */
public final class ArtistSelectionCsv {
    public static final String[] HEADER = {"artist", "listeners", "x", "y", "group"};

    /** One row: the artist's name, its listener count, its map position and its cluster or label. */
    public record Row(String artist, int listeners, float x, float y, String group) {
    }

    private ArtistSelectionCsv() {
    }

    public static void write(Path file, List<Row> rows) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(w, rows);
            w.flush();
        });
    }

    public static void write(Appendable out, List<Row> rows) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (Row r : rows) {
            p.printRecord(SpreadsheetCells.protect(r.artist()), r.listeners(), Float.toString(r.x()), Float.toString(r.y()),
                    SpreadsheetCells.protect(r.group()));
        }
        p.flush();
    }
}
