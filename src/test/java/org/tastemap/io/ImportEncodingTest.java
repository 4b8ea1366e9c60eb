package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tastemap.io.TestFiles.U1;
import static org.tastemap.io.TestFiles.U2;
import static org.tastemap.io.TestFiles.row;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

/** Names in Latin-1, Windows-1252 and broken UTF-8: never merged silently, the encoding reported. */
class ImportEncodingTest {
    @TempDir
    Path dir;

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static List<String> artistNames(Dataset d) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < d.artists().size(); a++) {
            names.add(d.artistName(a));
        }
        names.sort(null);
        return names;
    }

    /** Björk, Bjärk, Bjürk as one user's rows (plays 1, 2, 3) in {@code charset}. */
    private Path bjorks(String name, Charset charset) {
        String text = row(U1, "", "Björk", "1") + row(U1, "", "Bjärk", "2") + row(U1, "", "Bjürk", "3");
        return TestFiles.write(dir, name, text.getBytes(charset));
    }

    @Test
    void latin1NamesAreDetectedAndKeptApart() throws IOException {
        Path file = bjorks("latin1.tsv", StandardCharsets.ISO_8859_1);
        for (ImportOptions options : List.of(ImportOptions.lastFm(), ImportOptions.auto())) {
            ImportResult r = Importer.importFile(file, options.withFileOrder());
            // before: one artist "Bj\uFFFDrk" with 6 plays
            assertEquals(List.of("Bjärk", "Björk", "Bjürk"), artistNames(r.dataset()), options.format().toString());
            assertEquals(TextEncoding.LATIN_1, r.report().encoding());
            assertTrue(r.report().encodingReason().contains("not valid UTF-8"), r.report().encodingReason());
            assertEquals(0, r.report().duplicateRowsMerged());
            assertEquals(0, r.report().noteCount(ImportNote.NAMES_MERGED));
            assertTrue(r.report().summary().contains("encoding: latin-1"), r.report().summary());
        }
    }

    @Test
    void windows1252IsChosenWhenBytes80To9FAppear() throws IOException {
        // 0x80 is the euro sign in Windows-1252 and a control code in Latin-1
        String text = row(U1, "", "€uro Band", "1") + row(U1, "", "Café", "2");
        Path file = TestFiles.write(dir, "cp1252.tsv", text.getBytes(CP1252));
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());
        assertEquals(TextEncoding.WINDOWS_1252, r.report().encoding());
        assertEquals(List.of("Café", "€uro Band"), artistNames(r.dataset()));
    }

    @Test
    void theUserCanChooseTheEncoding() throws IOException {
        Path file = bjorks("chosen.tsv", StandardCharsets.ISO_8859_1);
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withEncoding(TextEncoding.WINDOWS_1252));
        assertEquals(TextEncoding.WINDOWS_1252, r.report().encoding());
        assertEquals("chosen", r.report().encodingReason());
        assertEquals(List.of("Bjärk", "Björk", "Bjürk"), artistNames(r.dataset()));
    }

    @Test
    void latin1ReadAsUtf8ReportsBadRowsAndTheMergeWithLines() throws IOException {
        Path file = bjorks("forced.tsv", StandardCharsets.ISO_8859_1);
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withEncoding(TextEncoding.UTF_8));
        ImportReport report = r.report();
        assertEquals(TextEncoding.UTF_8, report.encoding());
        // all three rows hold an invalid byte (0xF6, 0xE4, 0xFC alone); they decode to one name
        assertEquals(3, report.noteCount(ImportNote.INVALID_UTF8));
        assertEquals(List.of(1L, 2L, 3L), report.notes().get(ImportNote.INVALID_UTF8).exampleLines());
        assertEquals(2, report.noteCount(ImportNote.NAMES_MERGED));
        assertEquals(List.of("Bj\uFFFDrk"), artistNames(r.dataset()));
        assertTrue(report.summary().contains("merged"), report.summary());
    }

    @Test
    void aFewBadBytesInAUtf8FileAreReadAsWindows1252AndReported() throws IOException {
        // a real UTF-8 file (Sigur Rós, Björk in UTF-8) with one Latin-1 row at line 3
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(row(U1, "", "Sigur Rós", "5").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(row(U1, "", "Björk", "4").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(row(U2, "", "Mötley Crüe", "3").getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(row(U2, "", "Björk", "2").getBytes(StandardCharsets.ISO_8859_1));
        Path file = TestFiles.write(dir, "mixed.tsv", bytes.toByteArray());
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());
        ImportReport report = r.report();
        assertEquals(TextEncoding.UTF_8, report.encoding());
        assertEquals(2, report.noteCount(ImportNote.INVALID_UTF8));
        assertEquals(List.of(3L, 4L), report.notes().get(ImportNote.INVALID_UTF8).exampleLines());
        // the Latin-1 "Björk" is the same text as the UTF-8 one: merged, and said so
        assertEquals(1, report.noteCount(ImportNote.NAMES_MERGED));
        assertEquals(List.of("Björk", "Mötley Crüe", "Sigur Rós"), artistNames(r.dataset()));
    }

    @Test
    void delimitedFilesHonourTheEncodingToo() throws IOException {
        String text = "user,artist,plays\nu1,Björk,1\nu1,Bjärk,2\nu2,Bjürk,3\n";
        Path file = TestFiles.write(dir, "latin1.csv", text.getBytes(StandardCharsets.ISO_8859_1));
        ImportResult r = Importer.importFile(file, ImportOptions.auto().withFileOrder());
        assertEquals(TextEncoding.LATIN_1, r.report().encoding());
        assertEquals(List.of("Bjärk", "Björk", "Bjürk"), artistNames(r.dataset()));

        ImportResult forced = Importer.importFile(file, ImportOptions.auto().withEncoding(TextEncoding.UTF_8));
        assertEquals(3, forced.report().noteCount(ImportNote.INVALID_UTF8));
        assertEquals(List.of(2L, 3L, 4L), forced.report().notes().get(ImportNote.INVALID_UTF8).exampleLines());
    }

    @Test
    void parallelReaderDecidesOnTheWholeFile() throws IOException {
        // large enough for two threads: the Latin-1 row sits in the second half
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < LastFmParallelReader.MIN_BYTES + 1024) {
            sb.append(row(String.format("%040x", n / 50), "", "artist " + (n % 997), "1"));
            n++;
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = row(U1, "", "Björk", "7").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[utf8.length + tail.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(tail, 0, all, utf8.length, tail.length);
        Path file = TestFiles.write(dir, "big.tsv", all);
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());
        // ASCII apart from one Latin-1 name: nothing says UTF-8, so Latin-1
        assertEquals(TextEncoding.LATIN_1, r.report().encoding());
        assertTrue(artistNames(r.dataset()).contains("Björk"));
    }
}
