package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tastemap.io.TestFiles.U1;
import static org.tastemap.io.TestFiles.U2;
import static org.tastemap.io.TestFiles.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

/** Hostile or unlucky input: huge sums, NUL bytes, escape codes, blank names, devices, odd layouts. */
class ImportHardeningTest {
    @TempDir
    Path dir;

    private static List<String> artistNames(Dataset d) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < d.artists().size(); a++) {
            names.add(d.artistName(a));
        }
        names.sort(null);
        return names;
    }

    @Test
    void duplicateRowsAreAddedInDouble() throws IOException {
        // 2^24 + 1 + 1: in float each 1 is lost (2^24 + 1 rounds back to 2^24), in double the sum is exact
        String text = row(U2, "", "Quiet", "16777216") + row(U2, "", "Quiet", "1") + row(U2, "", "Quiet", "1");
        ImportResult r = Importer.importFile(TestFiles.write(dir, "sums.tsv", text), ImportOptions.lastFm());
        Dataset d = r.dataset();
        assertEquals(16777218f, d.matrix().get(d.users().indexOf(U2), d.artists().indexOf("Quiet")));
    }

    @Test
    void aSumBeyondFloatRangeStopsTheImportNamingListenerAndArtist() {
        // two rows of 3e38: each a finite float, their sum (6e38) is not
        String text = row(U2, "", "Quiet", "1") + row(U1, "", "Loud", "3e38") + row(U1, "", "Loud", "3e38");
        Path file = TestFiles.write(dir, "overflow.tsv", text);
        ImportException e = assertThrows(ImportException.class, () -> Importer.importFile(file, ImportOptions.lastFm()));
        assertTrue(e.getMessage().startsWith("overflow.tsv: listener " + U1 + ", artist 'Loud': the plays add up to 6.00e+38,"),
                e.getMessage());
        // a presence flag needs no sum
        assertTrue(assertDoesNotThrow(() -> Importer.importFile(file, ImportOptions.lastFm().withValues(ValueKind.PRESENCE)))
                .report().rowsKept() == 3);
    }

    /** Good rows of at least {@code bytes} bytes, one user per 20 rows. */
    private static String padding(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; sb.length() < bytes; n++) {
            sb.append(row(TestFiles.sha(n / 20), "", "artist " + (n % 97), "1"));
        }
        return sb.toString();
    }

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    @Test
    void aNulByteIsRefusedTheSameWayBeforeAndAfterTheFirst64Kb() throws IOException {
        String bad = row(U1, "", "Bad\0Name", "5");
        String good = padding(SourceFile.SAMPLE_BYTES + 1000);
        for (boolean early : new boolean[] {true, false}) {
            String text = early ? bad + good : good + bad;
            long badLine = early ? 1 : lines(good) + 1;
            ImportResult r = Importer.importFile(TestFiles.write(dir, "nul" + early + ".tsv", text), ImportOptions.lastFm());
            assertEquals(1, r.report().skippedCount(SkipReason.CONTROL_CHARACTER), "early " + early);
            assertEquals(List.of(badLine), r.report().exampleLines(SkipReason.CONTROL_CHARACTER));
            for (String name : artistNames(r.dataset())) {
                assertTrue(name.indexOf('\0') < 0, name);
            }
        }
    }

    @Test
    void terminalEscapeCodesInNamesAreRefusedAndCounted() throws IOException {
        String text = row(U1, "", "Fine", "1")
                + row(U1, "", "\u001b[31mRed\u001b[0m", "2")
                + row(U2, "", "\u001b]0;owned\u0007Title", "3")
                + row(U2, "", "Fine", "4");
        for (ImportOptions options : List.of(ImportOptions.lastFm(), ImportOptions.delimited(
                new ColumnMapping(0, 2, ColumnMapping.NONE, 3), '\t', false))) {
            ImportResult r = Importer.importFile(TestFiles.write(dir, "esc.tsv", text), options);
            assertEquals(List.of("Fine"), artistNames(r.dataset()), options.format().toString());
            assertEquals(List.of(2L, 3L), r.report().exampleLines(SkipReason.CONTROL_CHARACTER));
            assertTrue(r.report().summary().contains("2: " + SkipReason.CONTROL_CHARACTER.description()), r.report().summary());
        }
    }

    @Test
    void aBlankArtistNameIsSkippedAsMissing() throws IOException {
        String text = row(U1, "", "Real", "1") + row(U1, "", " ", "2") + row(U2, "", "   ", "3")
                + row(U2, "", "Real", "4") + row(U2, "", "Other", "5");
        ImportResult r = Importer.importFile(TestFiles.write(dir, "blank.tsv", text), ImportOptions.lastFm());
        assertEquals(List.of("Other", "Real"), artistNames(r.dataset()));
        assertEquals(List.of(2L, 3L), r.report().exampleLines(SkipReason.MISSING_FIELD));
    }

    @Test
    void devicesAreRefusedWithAMessage() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        ImportException e = assertThrows(ImportException.class, () -> Importer.importFile(zero, ImportOptions.auto()));
        assertTrue(e.getMessage().startsWith("zero: this is not a regular file"), e.getMessage());
    }

    @Test
    void aFifoWithoutWriterIsRefusedWithoutHanging() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        Path fifo = dir.resolve("pipe.tsv");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0);
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ImportException.class, () -> Importer.importFile(fifo, ImportOptions.lastFm())));
        assertTrue(e.getMessage().startsWith("pipe.tsv: this is not a regular file"), e.getMessage());
    }

    @Test
    void lastFmLayoutWithPlainUserIdsAndNoMbidsIsDetectedByStructure() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 30; r++) {
            sb.append(row("listener" + (r / 3), "", "Artist " + (r % 7), String.valueOf(r + 1)));
        }
        Path file = TestFiles.write(dir, "plain-ids.tsv", sb.toString());
        DetectedFormat f = FormatDetector.detect(file);
        assertEquals(ImportFormat.LASTFM, f.format());
        ImportResult r = Importer.importFile(file, ImportOptions.auto());
        assertEquals(30, r.report().rowsKept());
        assertEquals(7, r.dataset().artists().size());
        String why = r.report().formatReason();
        assertTrue(why.contains("column 1 user") && why.contains("column 3 artist") && why.contains("column 4 plays"), why);
    }

    @Test
    void garbageAfterTheGzipDataIsReported() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(TestFiles.gzip(row(U1, "", "A", "1") + row(U1, "", "B", "2")));
        bytes.writeBytes("this is not gzip data, but someone appended it".getBytes(StandardCharsets.US_ASCII));
        Path file = TestFiles.write(dir, "tail.tsv.gz", bytes.toByteArray());
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm());
        assertEquals(2, r.report().rowsKept());
        assertEquals(1, r.report().noteCount(ImportNote.GZIP_TRAILING_DATA));
        assertTrue(r.report().summary().contains(ImportNote.GZIP_TRAILING_DATA.description()), r.report().summary());

        Path clean = TestFiles.write(dir, "clean.tsv.gz", TestFiles.gzip(row(U1, "", "A", "1")));
        assertEquals(0, Importer.importFile(clean, ImportOptions.lastFm()).report().noteCount(ImportNote.GZIP_TRAILING_DATA));
    }
}
