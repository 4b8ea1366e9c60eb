package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tastemap.io.TestFiles.U1;
import static org.tastemap.io.TestFiles.U2;
import static org.tastemap.io.TestFiles.row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir
    Path dir;

    @Test
    void thePreviewShowsLatin1NamesAsLettersNotReplacementCharacters() throws IOException {
        byte[] latin1 = "user,artist,plays\nu1,Bj\u00f6rk,1\nu2,Sigur R\u00f3s,2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DetectedFormat f = FormatDetector.detect(TestFiles.write(dir, "latin1.csv", latin1));
        assertEquals(List.of(List.of("u1", "Bj\u00f6rk", "1"), List.of("u2", "Sigur R\u00f3s", "2")), f.previewRows());
    }

    @Test
    void lastFm() throws IOException {
        Path file = TestFiles.write(dir, "usersha1-artmbid-artname-plays.tsv",
                row(U1, "3bd73256-3905-4f3a-97e2-8b341527f805", "betty blowtorch", "2137")
                        + row(U1, "", "\"Weird Al\" Yankovic", "12.0")
                        + row(U2, "", "die Ärzte", "1099"));
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(ImportFormat.LASTFM, f.format());
        assertEquals('\t', f.delimiter());
        assertFalse(f.hasHeader());
        assertFalse(f.gzip());
        assertEquals(List.of("column 1", "column 2", "column 3", "column 4"), f.headerNames());
        assertEquals(3, f.previewRows().size());
        assertEquals(List.of(U1, "", "\"Weird Al\" Yankovic", "12.0"), f.previewRows().get(1)); // quotes are text
        // by hand: user sha1 = column 0, artist name (the key) = column 2, plays = column 3
        assertEquals(new ColumnMapping(0, 2, ColumnMapping.NONE, 3), f.suggestedMapping());
        assertEquals(ImportOptions.lastFm(), f.toOptions());
    }

    @Test
    void gzipLastFmPreviewHasAtMostOneHundredRows() throws IOException {
        Path file = TestFiles.write(dir, "plays.gz", TestFiles.gzip(TestFiles.lastFmRows(150)));
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(ImportFormat.LASTFM, f.format());
        assertTrue(f.gzip());
        assertEquals(100, f.previewRows().size());
    }

    @Test
    void csvWithHeaderNames() throws IOException {
        Path file = TestFiles.write(dir, "plays.csv",
                "userId,artist_id,artist_name,weight\n7,a1,\"Earth, Wind & Fire\",3\n8,a2,Queen,5\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(ImportFormat.DELIMITED, f.format());
        assertEquals(',', f.delimiter());
        assertTrue(f.hasHeader());
        assertEquals(List.of("userId", "artist_id", "artist_name", "weight"), f.headerNames());
        assertEquals(List.of(List.of("7", "a1", "Earth, Wind & Fire", "3"), List.of("8", "a2", "Queen", "5")), f.previewRows());
        // by hand: userId -> user, artist_id -> artist, artist_name -> name, weight -> count
        assertEquals(new ColumnMapping(0, 1, 2, 3), f.suggestedMapping());
        assertEquals(ImportOptions.delimited(new ColumnMapping(0, 1, 2, 3), ',', true), f.toOptions());
    }

    @Test
    void headerWithOnlyAnArtistNameMakesTheNameTheKey() throws IOException {
        Path file = TestFiles.write(dir, "names.csv", "user_id,artist_name,playcount\nu1,Queen,3\nu2,Queen,4\n");
        // by hand: no artist id column, so artist_name (column 1) is the artist key and there is no separate name
        assertEquals(new ColumnMapping(0, 1, ColumnMapping.NONE, 2), FormatDetector.detect(file).suggestedMapping());
    }

    @Test
    void semicolonHeaderWithOtherColumnOrder() throws IOException {
        Path file = TestFiles.write(dir, "semi.csv", "plays;band;listener\r\n3;Queen;u1\r\n4;Abba;u2\r\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(';', f.delimiter());
        assertTrue(f.hasHeader());
        assertEquals(new ColumnMapping(2, 1, ColumnMapping.NONE, 0), f.suggestedMapping()); // by header names
    }

    @Test
    void tsvWithoutHeaderGuessesTheCountByContent() throws IOException {
        Path file = TestFiles.write(dir, "ids.tsv", "1\t10\t5\n2\t11\t7\n3\t10\t1\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(ImportFormat.DELIMITED, f.format());
        assertEquals('\t', f.delimiter());
        assertFalse(f.hasHeader());
        assertEquals(List.of("column 1", "column 2", "column 3"), f.headerNames());
        // by hand: every column is numeric; the last numeric one is the count, the first two user and artist
        assertEquals(new ColumnMapping(0, 1, ColumnMapping.NONE, 2), f.suggestedMapping());
    }

    @Test
    void pipeWithUnknownHeaderNamesFoundByANumericColumn() throws IOException {
        Path file = TestFiles.write(dir, "pipes.txt", "who|howmany|what\nann|3|Queen\nbob|5|Abba\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals('|', f.delimiter());
        assertTrue(f.hasHeader()); // by hand: "howmany" is not a number where every other row has one
        assertEquals(new ColumnMapping(0, 2, ColumnMapping.NONE, 1), f.suggestedMapping());
    }

    @Test
    void twoTextColumnsWithoutHeader() throws IOException {
        Path file = TestFiles.write(dir, "pairs.csv", "ann,Queen\nbob,Abba\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertFalse(f.hasHeader());
        assertEquals(ColumnMapping.of(0, 1), f.suggestedMapping()); // no count column: each row is one play
    }

    @Test
    void tabFileWithQuotedFieldsIsNotLastFm() throws IOException {
        Path file = TestFiles.write(dir, "quoted.tsv", "user\tartist\tplays\nu1\t\"Tab\tBand\"\t3\nu2\tQueen\t4\n");
        DetectedFormat f = FormatDetector.detect(file);

        assertEquals(ImportFormat.DELIMITED, f.format());
        assertEquals(List.of("u1", "Tab\tBand", "3"), f.previewRows().get(0)); // the quoted tab stays in the field
    }

    @Test
    void binaryFilesAreRejected() {
        byte[] noise = new byte[70_000];
        new Random(5).nextBytes(noise);
        Path file = TestFiles.write(dir, "noise.bin", noise);
        ImportException e = assertThrows(ImportException.class, () -> FormatDetector.detect(file));
        assertTrue(e.getMessage().startsWith("noise.bin: this is not a text file"), e.getMessage());
    }

    @Test
    void readsOnlyTheStartOfALargeFile() throws IOException {
        // a valid start followed by garbage beyond the first 64 KB: the detector never sees the garbage
        StringBuilder text = new StringBuilder(TestFiles.lastFmRows(2000)); // about 150 KB
        byte[] start = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(start, start.length + 1000); // 1000 NUL bytes at the end
        Path file = TestFiles.write(dir, "long.tsv", bytes);
        assertEquals(ImportFormat.LASTFM, FormatDetector.detect(file).format());
    }
}
