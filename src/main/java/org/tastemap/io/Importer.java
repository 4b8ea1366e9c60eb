package org.tastemap.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipException;
import org.tastemap.core.data.Dataset;

/**
 * Imports a listening file into a {@link Dataset}: the one entry point for the CLI, the wizard and
 * benchmarks. Streams the file (plain or gzip), skips and counts bad rows, sums duplicate rows,
 * applies the filters, and reports progress and honours cancellation on the calling thread.
 */
public final class Importer {
    private Importer() {
    }

    /** {@link #importFile(Path, ImportOptions, ImportProgress, BooleanSupplier)} without progress or cancel. */
    public static ImportResult importFile(Path file, ImportOptions options) throws IOException {
        return importFile(file, options, ImportProgress.NONE, () -> false);
    }

    /**
     * Reads {@code file} as {@code options} say.
     *
     * @param progress  told bytes read of the file on disk, at most about ten times a second, last with all bytes
     * @param cancelled polled every few thousand rows and between steps
     * @throws ImportException          when the file is missing, empty, not delimited text, has too many bad rows,
     *                                  or leaves no data
     * @throws ImportCancelledException when {@code cancelled} returned true
     * @throws IOException              when reading fails
     */
    public static ImportResult importFile(Path file, ImportOptions options, ImportProgress progress,
                                          BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        long start = System.nanoTime();
        ImportFormat format = options.format();
        ColumnMapping mapping = options.mapping();
        char delimiter = options.delimiter();
        boolean header = options.hasHeader();
        String formatReason = "";
        if (format == ImportFormat.AUTO) {
            DetectedFormat detected = FormatDetector.detect(file);
            format = detected.format();
            delimiter = detected.delimiter();
            header = detected.hasHeader();
            if (format == ImportFormat.DELIMITED && mapping == null) {
                mapping = detected.suggestedMapping();
            }
            formatReason = "detected as " + (format == ImportFormat.DELIMITED
                    ? new DetectedFormat(format, delimiter, header, detected.gzip(), detected.headerNames(), List.of(),
                    mapping).reason() : detected.reason());
        }
        String layout = format == ImportFormat.LASTFM
                ? "the Last.fm 360K layout (column 1 user, column 2 MBID, column 3 artist, column 4 plays)"
                : DelimitedReader.describe(delimiter) + "-separated text with " + mapping.describe();

        RawData raw;
        RowSkips skips;
        String name;
        long size;
        ProgressTicker ticker;
        boolean trailingData;
        try (SourceFile src = SourceFile.open(file, true)) {
            name = src.name();
            size = src.size();
            ticker = new ProgressTicker(name, progress, cancelled, src::bytesRead, size);
            ticker.checkCancelled();
            byte[] sample = src.sample();
            if (sample.length == 0) {
                throw new ImportException(name, "the file is empty");
            }
            String problem = TextSniffer.problem(sample);
            if (problem != null) {
                throw new ImportException(name, problem);
            }
            skips = new RowSkips(name, options.maxBadShare(), options.badShareCheckRows());
            skips.layout = layout;
            try {
                // one reference to the rows only (raw), so that dropping it below lets them go
                raw = format == ImportFormat.LASTFM && LastFmParallelReader.suits(src)
                        ? LastFmParallelReader.read(file, name, options.minPlays(), options.encoding(), skips, ticker) : null;
                if (raw == null) {
                    raw = format == ImportFormat.LASTFM
                            ? LastFmReader.read(src, options.minPlays(), options.encoding(), skips, ticker)
                            : DelimitedReader.read(src, delimiter, header, mapping, options.minPlays(), options.encoding(),
                            skips, ticker);
                }
            } catch (ZipException | EOFException e) {
                throw new ImportException(name, "the gzip data is damaged after " + ImportReport.sizeText(src.bytesRead())
                        + " (" + e.getMessage() + ")", e);
            }
            trailingData = src.trailingData();
        }
        RowNotes notes = raw.notes();
        if (trailingData) {
            notes.note(ImportNote.GZIP_TRAILING_DATA, 1, 0, "the file goes on after its compressed data ends:"
                    + " is it damaged, or two files joined?");
        }
        KeyDecoder.Decision encoding = raw.encoding();
        if (raw.rowsRead() == 0) {
            throw new ImportException(name, header ? "the file has a header but no data rows" : "the file has no data rows");
        }
        skips.checkEnd(raw.rowsRead());
        int kept = raw.triplets().size;
        if (kept == 0) {
            long belowMin = skips.count(SkipReason.BELOW_MIN_PLAYS);
            String bad = skips.describeBad();
            String why = (belowMin > 0 ? belowMin + " had fewer than " + fmt(options.minPlays()) + " plays" : "")
                    + (belowMin > 0 && !bad.isEmpty() ? "; " : "") + bad;
            throw new ImportException(name, "no row is left: all " + raw.rowsRead() + " rows were skipped (" + why + ")");
        }
        ticker.checkCancelled();
        // plays or weights: stored alike; the report says which, and what became of non-integer values
        ValueKind values = options.values() != ValueKind.AUTO ? options.values()
                : notes.count(ImportNote.NON_INTEGER_VALUE) > 0 ? ValueKind.WEIGHT : ValueKind.PLAYS;
        // listeners and artists whose every row was skipped get no id; the notes count them
        DatasetAssembler.Assembled built = DatasetAssembler.assemble(name, raw, values, options.minArtistsPerUser(),
                options.minListenersPerArtist(), ticker, notes);
        long rowsRead = raw.rowsRead();
        raw = null; // the triplets are in the dataset now; let them go before it is renumbered
        ticker.checkCancelled();
        // users and artists numbered by community, so that training reads memory in runs (LocalityOrder)
        Dataset d = options.fileOrder() ? built.dataset() : built.dataset().inLocalityOrder();
        ticker.checkCancelled();
        ticker.finish(rowsRead);
        ImportReport report = new ImportReport(name, format, rowsRead, kept, built.duplicateRowsMerged(),
                skips.toMap(), built.usersDropped(), built.artistsDropped(), built.filterRounds(),
                d.users().size(), d.artists().size(), d.matrix().nnz(), size, (System.nanoTime() - start) / 1e9,
                encoding.encoding(), encoding.reason(), values, formatReason, notes.toMap());
        return new ImportResult(d, report);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
