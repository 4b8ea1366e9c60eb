package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

class DelimitedImportTest {
    @TempDir
    Path dir;

    private static final ColumnMapping USER_ARTIST_PLAYS = new ColumnMapping(0, 1, ColumnMapping.NONE, 2);

    @Test
    void csvWithHeaderAndQuotedFieldsHoldingDelimitersAndQuotes() throws IOException {
        String text = "user,artist,name,plays\n"                     // line 1: header
                + "u1,a1,\"Crosby, Stills & Nash\",3\n"              // line 2
                + "u1,a2,\"The \"\"Band\"\"\",2\n"                   // line 3
                + "u2,a1,\"Crosby, Stills & Nash\",1\n"              // line 4
                + "u2,a1,CSN,4\n";                                   // line 5: same pair as line 4
        Path file = TestFiles.write(dir, "plays.csv", text);
        ColumnMapping mapping = ColumnMapping.byHeader(List.of("user", "artist", "name", "plays"),
                "User", "artist", "name", "PLAYS");
        assertEquals(new ColumnMapping(0, 1, 2, 3), mapping); // by hand: header positions, case ignored
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(mapping, ',', true).withFileOrder());
        Dataset d = result.dataset();

        assertArrayEquals(new String[] {"u1", "u2"}, d.users().toArray());
        assertArrayEquals(new String[] {"a1", "a2"}, d.artists().toArray());
        // by hand: the first name seen for a1 (line 2) wins over "CSN" (line 5); quotes are undoubled
        assertArrayEquals(new String[] {"Crosby, Stills & Nash", "The \"Band\""}, d.artistNames());
        assertArrayEquals(new String[] {"", ""}, d.artistMbids());
        assertEquals(3f, d.matrix().get(0, 0)); // line 2
        assertEquals(2f, d.matrix().get(0, 1)); // line 3
        assertEquals(5f, d.matrix().get(1, 0)); // by hand: lines 4 + 5 = 1 + 4
        assertEquals(4, result.report().rowsRead()); // the header is not a row
        assertEquals(1, result.report().duplicateRowsMerged());
        assertEquals(ImportFormat.DELIMITED, result.report().format());
    }

    @Test
    void semicolonWithCrlf() throws IOException {
        String text = "user;artist;plays\r\nu1;Bach;2\r\nu2;Bach;3\r\nu2;Händel;oops\r\nu2;Händel;1\r\n";
        Path file = TestFiles.write(dir, "semi.csv", text);
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ';', true).withFileOrder());

        assertArrayEquals(new String[] {"Bach", "Händel"}, result.dataset().artists().toArray()); // no '\r' kept
        assertEquals(1f, result.dataset().matrix().get(1, 1)); // line 5
        assertEquals(List.of(4L), result.report().exampleLines(SkipReason.NON_NUMERIC_COUNT)); // "oops" on line 4
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeaderName() throws IOException {
        Path file = TestFiles.write(dir, "bom.csv", TestFiles.withBom("user,artist,plays\nu1,a,2\n"));
        DetectedFormat detected = FormatDetector.detect(file);
        assertEquals("user", detected.headerNames().get(0));

        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true).withFileOrder());
        assertEquals("u1", result.dataset().users().id(0));
    }

    @Test
    void byteOrderMarkWithoutHeaderIsNotPartOfTheFirstUser() throws IOException {
        Path file = TestFiles.write(dir, "bom-noheader.csv", TestFiles.withBom("u1,a,2\nu2,a,3\n"));
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFileOrder());
        assertArrayEquals(new String[] {"u1", "u2"}, result.dataset().users().toArray());
    }

    @Test
    void gzipCompressedCsv() throws IOException {
        Path file = TestFiles.write(dir, "plays.csv.gz", TestFiles.gzip("user,artist,plays\nu1,a,2\nu1,b,3\n"));
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true).withFileOrder());

        assertEquals(3f, result.dataset().matrix().get(0, 1)); // line 3
        assertEquals(2, result.report().rowsRead());
    }

    @Test
    void withoutACountColumnEveryRowCountsOnePlay() throws IOException {
        String text = "u1\ta\nu1\ta\nu1\tb\nu2\ta\n";
        Path file = TestFiles.write(dir, "listens.tsv", text);
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(ColumnMapping.of(0, 1), '\t', false).withFileOrder());
        Dataset d = result.dataset();

        assertEquals(2f, d.matrix().get(0, 0)); // by hand: u1 listened to a on lines 1 and 2
        assertEquals(1f, d.matrix().get(0, 1)); // line 3
        assertEquals(1f, d.matrix().get(1, 0)); // line 4
        assertArrayEquals(new String[] {"a", "b"}, d.artistNames()); // no name column: the key is the name
        assertEquals(1, result.report().duplicateRowsMerged());
    }

    @Test
    void pipeDelimitedWithColumnsInAnotherOrder() throws IOException {
        String text = "7|The Cure|u1|x\n2|Bach|u2|y\n";
        Path file = TestFiles.write(dir, "pipes.txt", text);
        ImportResult result = Importer.importFile(file,
                ImportOptions.delimited(new ColumnMapping(2, 1, ColumnMapping.NONE, 0), '|', false).withFileOrder());

        assertEquals(7f, result.dataset().matrix().get(0, 0)); // line 1: u1 played The Cure 7 times
        assertEquals("Bach", result.dataset().artists().id(1));
    }

    @Test
    void skipsBadRowsWithPhysicalLineNumbersAcrossQuotedLineBreaks() throws IOException {
        String text = "user,artist,plays\n"   // line 1: header
                + "u1,\"Multi\n"              // lines 2-3: one record whose artist holds a line break
                + "Line\",3\n"
                + "u2,a,zero\n"               // line 4: not a number
                + "u3,a,0\n"                  // line 5: zero
                + "\n"                        // line 6: blank, not a row
                + "u4,,2\n"                   // line 7: empty artist
                + "u5,a\n"                    // line 8: two columns of three
                + "u6,a,1,extra\n"            // line 9: four columns
                + "u7,a,-1\n"                 // line 10: negative
                + "u8,b,2\n"                  // line 11
                + "u9,b,1.5\n"                // line 12
                + "u10,b,3\n"                 // line 13
                + "u11,b,4\n"                 // line 14
                + "u12,b,5\n"                 // line 15
                + "u13,b,6";                  // line 16, no final line break
        Path file = TestFiles.write(dir, "messy.csv", text);
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true).withFileOrder());
        ImportReport r = result.report();

        assertEquals(List.of(4L), r.exampleLines(SkipReason.NON_NUMERIC_COUNT));
        assertEquals(List.of(5L, 10L), r.exampleLines(SkipReason.NON_POSITIVE_COUNT));
        assertEquals(List.of(7L), r.exampleLines(SkipReason.MISSING_FIELD));
        assertEquals(List.of(8L, 9L), r.exampleLines(SkipReason.WRONG_COLUMN_COUNT));
        assertEquals(13, r.rowsRead()); // by hand: records at lines 2, 4, 5, 7-16
        assertEquals(7, r.rowsKept()); // by hand: lines 2, 11-16
        assertEquals("Multi\nLine", result.dataset().artists().id(0));
        assertEquals(1.5f, result.dataset().matrix().get(result.dataset().users().indexOf("u9"), 1)); // line 12
    }

    @Test
    void autoReadsADelimitedFileAsDetected() throws IOException {
        Path file = TestFiles.write(dir, "auto.csv", "user_id,artist_name,playcount\nu1,Bach,3\nu2,Bach,4\n");
        ImportResult result = Importer.importFile(file, ImportOptions.auto());

        assertEquals(ImportFormat.DELIMITED, result.report().format());
        assertEquals(4f, result.dataset().matrix().get(1, 0)); // line 3
        assertEquals(2, result.report().rowsRead()); // the header was detected and not read as a row
    }

    @Test
    void mappingBeyondTheColumnsNamesTheDelimiter() {
        // a semicolon file read as comma-separated: every row is one column
        Path file = TestFiles.write(dir, "semi-as-comma.csv", "user;artist;plays\nu1;a;2\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Importer.importFile(file, ImportOptions.delimited(USER_ARTIST_PLAYS, ',', true)));

        assertEquals("semi-as-comma.csv: the column mapping reads column 3 but the header has 1 column when split at comma:"
                + " is the delimiter right?", e.getMessage());
    }

    @Test
    void byHeaderNamesAMissingColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.byHeader(List.of("user", "artist"), "user", "artist", null, "plays"));
        assertTrue(e.getMessage().contains("no column named 'plays'"), e.getMessage());
    }

    @Test
    void aQuoteThatNeverClosesCannotSwallowTheFileIntoMemory() throws IOException {
        // line 2 opens a quote that never closes: without the guard the rest of the file (70 KB) becomes one field
        String text = "u1,a,1\nu2,\"b,2\n" + "u3,c,3\n".repeat(10_000);
        DelimitedReader.RecordSizeGuard guard = new DelimitedReader.RecordSizeGuard(new java.io.StringReader(text), 1024);
        try (org.apache.commons.csv.CSVParser parser = DelimitedText.parser(guard, ',', true)) {
            java.util.Iterator<org.apache.commons.csv.CSVRecord> it = parser.iterator();
            assertEquals(List.of("u1", "a", "1"), it.next().toList());
            guard.recordDone();
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, it::next);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals("a record runs over 1.0 KB: is a quote never closed?", root.getMessage());
        }
    }
}
