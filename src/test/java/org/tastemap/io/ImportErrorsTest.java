package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tastemap.io.TestFiles.U1;
import static org.tastemap.io.TestFiles.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an import stops: the message names the file and the problem. */
class ImportErrorsTest {
    @TempDir
    Path dir;

    private static final ColumnMapping USER_ARTIST_PLAYS = new ColumnMapping(0, 1, ColumnMapping.NONE, 2);
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0};

    private ImportException importFails(Path file, ImportOptions options) {
        return assertThrows(ImportException.class, () -> Importer.importFile(file, options));
    }

    @Test
    void pngIsNotAText() {
        Path file = TestFiles.write(dir, "cover.png", PNG_START);
        for (ImportOptions options : List.of(ImportOptions.lastFm(), ImportOptions.auto(),
                ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false))) {
            ImportException e = importFails(file, options);
            assertEquals("cover.png: this is not a text file (it contains NUL bytes; binary data such as an image or archive, or UTF-16 text?)",
                    e.getMessage(), options.format().toString());
            assertEquals("cover.png", e.fileName());
        }
    }

    @Test
    void randomBytesAreNotText() {
        byte[] bytes = new byte[10_000];
        new Random(1).nextBytes(bytes);
        Path file = TestFiles.write(dir, "noise.bin", bytes);
        ImportException e = importFails(file, ImportOptions.lastFm());
        assertTrue(e.getMessage().startsWith("noise.bin: this is not a text file"), e.getMessage());
    }

    @Test
    void utf16TextHasNulBytes() {
        // "user,artist" saved as UTF-16: every other byte is NUL
        Path file = TestFiles.write(dir, "utf16.csv", "user,artist,plays\nu1,a,1\n".getBytes(StandardCharsets.UTF_16LE));
        ImportException e = importFails(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true));
        assertTrue(e.getMessage().startsWith("utf16.csv: this is not a text file (it contains NUL bytes"), e.getMessage());
    }

    @Test
    void controlCharactersWithoutNulAreNotText() {
        byte[] bytes = new byte[2000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 'a' : 1 + i % 8); // two of three bytes are control characters 1..8
        }
        Path file = TestFiles.write(dir, "controls.dat", bytes);
        ImportException e = importFails(file, ImportOptions.lastFm());
        // by hand: 1333 of 2000 bytes are control characters = 67%
        assertEquals("controls.dat: this is not a text file (67% of its first bytes are control characters)", e.getMessage());
    }

    @Test
    void gzippedTarArchiveIsNamed() {
        byte[] tar = new byte[1024];
        System.arraycopy("usersha1-artmbid-artname-plays.tsv".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 34);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        Path file = TestFiles.write(dir, "lastfm-dataset-360K.tar.gz", TestFiles.gzip(tar));
        ImportException e = importFails(file, ImportOptions.lastFm());
        assertEquals("lastfm-dataset-360K.tar.gz: this is a tar archive, not a text file: unpack it first and import the file inside",
                e.getMessage());
    }

    @Test
    void emptyFile() {
        Path file = TestFiles.write(dir, "empty.tsv", new byte[0]);
        assertEquals("empty.tsv: the file is empty", importFails(file, ImportOptions.lastFm()).getMessage());
        assertEquals("empty.tsv: the file is empty", importFails(file, ImportOptions.auto()).getMessage());
    }

    @Test
    void emptyGzipFile() {
        Path file = TestFiles.write(dir, "empty.tsv.gz", TestFiles.gzip(""));
        assertEquals("empty.tsv.gz: the file is empty", importFails(file, ImportOptions.lastFm()).getMessage());
    }

    @Test
    void damagedGzipFile() {
        byte[] gz = TestFiles.gzip(TestFiles.lastFmRows(100));
        gz[gz.length / 2] ^= 0x55;
        gz = java.util.Arrays.copyOf(gz, gz.length - 10);
        Path file = TestFiles.write(dir, "broken.tsv.gz", gz);
        IOException e = assertThrows(IOException.class, () -> Importer.importFile(file, ImportOptions.lastFm()));
        assertTrue(e.getMessage().startsWith("broken.tsv.gz: "), e.getMessage());
    }

    @Test
    void onlyBlankLines() {
        Path file = TestFiles.write(dir, "blank.tsv", "\n\r\n\n");
        assertEquals("blank.tsv: the file has no data rows", importFails(file, ImportOptions.lastFm()).getMessage());
    }

    @Test
    void onlyAHeader() {
        Path file = TestFiles.write(dir, "header.csv", "user,artist,plays\n");
        assertEquals("header.csv: the file has a header but no data rows",
                importFails(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true)).getMessage());
    }

    @Test
    void missingFileAndFolder() throws IOException {
        assertEquals("nothing.tsv: no such file",
                importFails(dir.resolve("nothing.tsv"), ImportOptions.lastFm()).getMessage());
        Path folder = Files.createDirectory(dir.resolve("data"));
        assertEquals("data: this is a folder, not a file", importFails(folder, ImportOptions.lastFm()).getMessage());
    }

    @Test
    void tooManyBadRowsInTheFirstRowsStopsEarly() {
        // a comma file read as Last.fm: rows 1..1000, five of six have one column, every sixth is good
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 2000; line++) {
            text.append(line % 6 == 0 ? row(U1, "", "Artist " + line, "1") : "u1,Artist,1\n");
        }
        Path file = TestFiles.write(dir, "usersha1.tsv", text.toString());
        ImportException e = importFails(file, ImportOptions.lastFm());
        // by hand: 1000 - floor(1000 / 6) = 834 bad of the first 1000 = 83%
        assertEquals("usersha1.tsv: 83% of the first 1000 rows are bad (wrong number of columns at lines 1, 2, 3, 4, 5, ...;"
                + " at most 50% may be bad): is this the right format? It was read as the Last.fm 360K layout"
                + " (column 1 user, column 2 MBID, column 3 artist, column 4 plays).", e.getMessage());
    }

    @Test
    void tooManyBadRowsInAShortFileStopsAtTheEnd() {
        String text = "user,artist,plays\n" // line 1
                + "u1,a,1\n"              // line 2: good
                + "u1,b,x\n"              // line 3: not a number
                + "u2,a\n";               // line 4: two columns
        Path file = TestFiles.write(dir, "short.csv", text);
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true).withBadRowLimit(0.5, 1000);
        ImportException e = importFails(file, options);
        // by hand: 2 bad of 3 rows = 67%
        assertEquals("short.csv: 67% of all 3 rows are bad (wrong number of columns at line 4; play count is not a number"
                + " at line 3; at most 50% may be bad): is this the right format?"
                + " It was read as comma-separated text with column 1 user, column 2 artist, column 3 plays.", e.getMessage());
    }

    @Test
    void badRowsUpToTheLimitAreSkippedAndGoodRowsKept() throws IOException {
        String text = "u1,a,1\nu1,b,x\n"; // line 1 good, line 2 not a number: 50% bad, which is allowed
        Path file = TestFiles.write(dir, "half.csv", text);
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFileOrder());
        assertEquals(1, result.report().rowsKept());
        assertEquals(List.of(2L), result.report().exampleLines(SkipReason.NON_NUMERIC_COUNT));
        assertEquals(1f, result.dataset().matrix().get(0, 0));
    }

    @Test
    void zeroBadShareAllowsNoBadRow() {
        Path file = TestFiles.write(dir, "strict.csv", "u1,a,1\nu1,b,0\nu2,a,1\n");
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withBadRowLimit(0, 1000);
        ImportException e = importFails(file, options);
        assertEquals("strict.csv: 33% of all 3 rows are bad (play count is zero or negative at line 2; at most 0% may be bad):"
                + " is this the right format?"
                + " It was read as comma-separated text with column 1 user, column 2 artist, column 3 plays.", e.getMessage());
    }

    @Test
    void proseHasNoDelimiter() {
        Path file = TestFiles.write(dir, "notes.txt", "Dear diary\nToday I listened to music\nIt was good\n");
        ImportException e = importFails(file, ImportOptions.auto());
        assertEquals("notes.txt: no tab, comma, semicolon or pipe separates columns in the first lines:"
                + " this needs at least a user and an artist column", e.getMessage());
    }

    @Test
    void inconsistentDelimiter() {
        // by hand: split at comma the rows have 2, 2, 3, 4, 5, 6 columns: 2 of 6 agree = 33%
        Path file = TestFiles.write(dir, "ragged.csv", "a,b\nc,d\ne,f,g\nh,i,j,k\nl,m,n,o,p\nq,r,s,t,u,v\n");
        ImportException e = importFails(file, ImportOptions.auto());
        assertEquals("ragged.csv: no consistent delimiter: split at any of tab, comma, semicolon or pipe, the rows have"
                + " different numbers of columns (at best 33% agree, split at comma)", e.getMessage());
    }

    @Test
    void everyRowBelowTheMinimumPlays() {
        Path file = TestFiles.write(dir, "few.csv", "u1,a,1\nu1,b,2\n");
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(5, 1, 1);
        assertEquals("few.csv: no row is left: all 2 rows were skipped (2 had fewer than 5 plays)",
                importFails(file, options).getMessage());
    }

    @Test
    void everyRowBelowTheMinimumOrBad() {
        Path file = TestFiles.write(dir, "few-bad.csv", "u1,a,1\nu1,b,x\nu1,c,2\n");
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(5, 1, 1);
        // by hand: lines 1 and 3 below 5 plays, line 2 not a number (1 of 3 bad: within the limit)
        assertEquals("few-bad.csv: no row is left: all 3 rows were skipped (2 had fewer than 5 plays;"
                + " play count is not a number at line 2)", importFails(file, options).getMessage());
    }

    @Test
    void filtersThatLeaveNothing() {
        Path file = TestFiles.write(dir, "tiny.csv", "u1,a,1\nu2,b,2\n");
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(0, 2, 1);
        assertEquals("tiny.csv: no data is left after the filters (at least 2 artists per user and 1 listeners per artist):"
                + " lower them", importFails(file, options).getMessage());
    }

    @Test
    void overlongLineIsNotARow() {
        byte[] bytes = new byte[LastFmReader.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) 'x');
        Path file = TestFiles.write(dir, "one-line.tsv", bytes);
        assertEquals("one-line.tsv: line 1 is longer than 16 MB: this is not a file of listening rows",
                importFails(file, ImportOptions.lastFm()).getMessage());
    }

    @Test
    void gzipDamagedPastTheFirst64KilobytesNamesTheFile() {
        // random names compress poorly, so the damage lands well after the sample the sniffer reads
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 20_000; r++) {
            text.append(row(TestFiles.sha(random.nextInt()), "", Long.toHexString(random.nextLong()), "1"));
        }
        byte[] gz = TestFiles.gzip(text.toString());
        for (int p = gz.length * 3 / 4; p < gz.length * 3 / 4 + 64; p++) {
            gz[p] ^= 0x5a;
        }
        Path file = TestFiles.write(dir, "late-damage.tsv.gz", gz);
        ImportException e = importFails(file, ImportOptions.lastFm());
        assertTrue(e.getMessage().startsWith("late-damage.tsv.gz: the gzip data is damaged after "), e.getMessage());
    }
}
