package org.tastemap.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

/**
 * Exports trained factors for other tools.
 *
 * <ul>
 *   <li>{@value #USER_FACTORS_TSV}, {@value #ITEM_FACTORS_TSV}: tab-separated text, a header
 *       {@code id<TAB>f1<TAB>...<TAB>fk}, then one line per user (its id) or per artist (its
 *       display name) with its k factors written by {@link Float#toString(float)}, which reads
 *       back to the same float;</li>
 *   <li>{@value #USER_FACTORS_NPY}, {@value #ITEM_FACTORS_NPY}: float32 matrices of shape (n, k)
 *       for {@code numpy.load} (see {@link NpyWriter}), with {@value #USER_IDS_TXT} and
 *       {@value #ARTIST_NAMES_TXT} naming row r on line r + 1.</li>
 * </ul>
 * <p>These files are for programs, so values are exact: formulas in names are not touched (unlike
 * the spreadsheet CSV of {@link RecommendationCsv}). Ids and names are written as they are, except
 * that tabs, carriage returns and line feeds in them become spaces, so every row stays one line
 * with k + 1 fields. The TSV dialect is Python's {@code csv.excel_tab} (what
 * {@code csv.reader(f, delimiter='\t')} and {@code pandas.read_csv(f, sep='\t')} read by default):
 * an id or name that starts with a double quote is written inside double quotes with each of its
 * quotes doubled ({@code "Weird Al" Yankovic} becomes {@code """Weird Al"" Yankovic"}); every
 * other field is bare, quotes inside it included ({@code Guns "N" Roses}), as those readers take a
 * quote as quoting only at the start of a field. Splitting a line on tabs gives every field exactly
 * except the (rare) quoted ones. The id lists ({@value #USER_IDS_TXT}, {@value #ARTIST_NAMES_TXT}) are not quoted:
 * line r + 1 is the text. Lines end with {@code \n}; text is UTF-8.
 *
 * <h2>All or nothing</h2>
 * {@link #exportAll} writes the six files into a hidden staging folder inside the target folder
 * ({@code .tastemap-export.PID-N.tmp}, see {@link TempFiles}), then removes the target's
 * {@value #MANIFEST_JSON}, renames the six files into place and writes a new manifest last (see
 * {@link ExportManifest}). So a failed, cancelled or killed export leaves the earlier export as it
 * was, manifest included; only a process killed during the final renames (a few milliseconds) can
 * leave a mixed folder, and that folder has no manifest. A reader trusts a folder when its
 * manifest exists and every listed file has the listed size and SHA-256. Other files in the folder
 * are left alone.
 */
public final class FactorExport {
    public static final String USER_FACTORS_TSV = "user_factors.tsv";
    public static final String ITEM_FACTORS_TSV = "item_factors.tsv";
    public static final String USER_FACTORS_NPY = "user_factors.npy";
    public static final String ITEM_FACTORS_NPY = "item_factors.npy";
    public static final String USER_IDS_TXT = "user_ids.txt";
    public static final String ARTIST_NAMES_TXT = "artist_names.txt";
    /** Written last: lists the files with their sizes and SHA-256 (see {@link ExportManifest}). */
    public static final String MANIFEST_JSON = ExportManifest.FILE;
    /** The six files of an export, in the order they are written. */
    public static final List<String> FILES = List.of(USER_IDS_TXT, ARTIST_NAMES_TXT, USER_FACTORS_NPY, ITEM_FACTORS_NPY,
            USER_FACTORS_TSV, ITEM_FACTORS_TSV);
    private static final String STAGING = "tastemap-export";

    private static final int REPORT_EVERY = 4096;

    private FactorExport() {
    }

    /** Writes all six files and the manifest into {@code dir}, creating it if needed. */
    public static void exportAll(TrainedModel model, Path dir) throws IOException {
        exportAll(model, dir, FileProgress.NONE, () -> false);
    }

    /**
     * Writes all six files and the manifest into {@code dir}, reporting rows written over all files.
     * When {@code cancelled} turns true, or writing fails, the staged files are removed, the folder
     * keeps what it held before, and {@link CancellationException} (or the failure) is thrown.
     */
    public static void exportAll(TrainedModel model, Path dir, FileProgress progress, BooleanSupplier cancelled)
            throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target);
        Path staging = TempFiles.createDirectory(target.resolve(STAGING));
        try {
            writeAll(model, staging, progress, cancelled);
            FactorModel f = model.factors();
            String manifest = ExportManifest.of(staging, FILES, f.factors(), f.numUsers(), f.numItems(), model.metadata());
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            // from here the folder has no manifest until every file is in place
            Files.deleteIfExists(target.resolve(MANIFEST_JSON));
            for (String name : FILES) {
                AtomicFileWrite.move(staging.resolve(name), target.resolve(name));
            }
            AtomicFileWrite.write(target.resolve(MANIFEST_JSON), ch -> ch.write(ByteBuffer.wrap(ExportManifest.bytes(manifest))));
        } finally {
            TempFiles.discard(staging);
        }
    }

    private static void writeAll(TrainedModel model, Path dir, FileProgress progress, BooleanSupplier cancelled)
            throws IOException {
        Dataset d = model.dataset();
        FactorModel f = model.factors();
        int users = f.numUsers();
        int artists = f.numItems();
        long total = 3L * (users + artists);
        long[] base = {0};
        Step step = (name, rows, body) -> {
            long start = base[0];
            progress.update(name, start, total);
            body.write(dir.resolve(name), done -> progress.update(name, start + done, total), cancelled);
            base[0] = start + rows;
            progress.update(name, base[0], total);
        };
        step.run(USER_IDS_TXT, users, (file, p, c) -> writeLines(file, users, d.users()::id, p, c));
        step.run(ARTIST_NAMES_TXT, artists, (file, p, c) -> writeLines(file, artists, d::artistName, p, c));
        step.run(USER_FACTORS_NPY, users, (file, p, c) -> AtomicFileWrite.write(file,
                ch -> NpyWriter.write(ch, f.userFactors(), users, f.factors(), p::report, c)));
        step.run(ITEM_FACTORS_NPY, artists, (file, p, c) -> AtomicFileWrite.write(file,
                ch -> NpyWriter.write(ch, f.itemFactors(), artists, f.factors(), p::report, c)));
        step.run(USER_FACTORS_TSV, users, (file, p, c) -> writeTsv(file, users, d.users()::id, f.userFactors(), f.factors(), p, c));
        step.run(ITEM_FACTORS_TSV, artists, (file, p, c) -> writeTsv(file, artists, d::artistName, f.itemFactors(), f.factors(), p, c));
    }

    /** Writes one factor table as TSV: a header, then {@code ids(r)} and row r of {@code factors}. */
    public static void writeTsv(Path file, int rows, IntFunction<String> ids, float[] factors, int k) throws IOException {
        writeTsv(file, rows, ids, factors, k, done -> { }, () -> false);
    }

    /** Writes {@code lines(0..n-1)}, one per line. */
    public static void writeLines(Path file, int n, IntFunction<String> lines) throws IOException {
        writeLines(file, n, lines, done -> { }, () -> false);
    }

    private static void writeTsv(Path file, int rows, IntFunction<String> ids, float[] factors, int k,
                                 RowsDone progress, BooleanSupplier cancelled) throws IOException {
        if ((long) rows * k != factors.length) {
            throw new IllegalArgumentException(factors.length + " factors are not " + rows + " x " + k);
        }
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder(16 * (k + 1));
            line.append("id");
            for (int j = 1; j <= k; j++) {
                line.append('\t').append('f').append(j);
            }
            w.append(line).append('\n');
            for (int r = 0; r < rows; r++) {
                checkpoint(r, progress, cancelled);
                line.setLength(0);
                appendTsvField(line, ids.apply(r));
                for (int j = r * k, end = j + k; j < end; j++) {
                    line.append('\t').append(factors[j]);
                }
                w.append(line).append('\n');
            }
            w.flush();
        });
    }

    private static void writeLines(Path file, int n, IntFunction<String> lines, RowsDone progress,
                                   BooleanSupplier cancelled) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < n; r++) {
                checkpoint(r, progress, cancelled);
                line.setLength(0);
                appendClean(line, lines.apply(r));
                w.append(line).append('\n');
            }
            w.flush();
        });
    }

    private static void checkpoint(int row, RowsDone progress, BooleanSupplier cancelled) {
        if (row % REPORT_EVERY == 0) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            if (row > 0) {
                progress.report(row);
            }
        }
    }

    /**
     * Appends {@code s} as a TSV field: tab, CR and LF replaced by spaces, and when it starts with a
     * double quote, quoted with its quotes doubled (Python's csv.excel_tab dialect).
     */
    static void appendTsvField(StringBuilder out, String s) {
        if (!s.startsWith("\"")) {
            appendClean(out, s);
            return;
        }
        out.append('"');
        int start = out.length();
        appendClean(out, s);
        for (int i = out.length() - 1; i >= start; i--) {
            if (out.charAt(i) == '"') {
                out.insert(i, '"');
            }
        }
        out.append('"');
    }

    /** Appends {@code s} with tab, CR and LF replaced by spaces. */
    static void appendClean(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
    }

    @FunctionalInterface
    private interface RowsDone {
        void report(long rows);
    }

    @FunctionalInterface
    private interface FileBody {
        void write(Path file, RowsDone progress, BooleanSupplier cancelled) throws IOException;
    }

    @FunctionalInterface
    private interface Step {
        void run(String name, long rows, FileBody body) throws IOException;
    }
}
