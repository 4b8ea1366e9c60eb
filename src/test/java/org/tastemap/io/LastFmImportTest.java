package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.data.LocalityOrder;

class LastFmImportTest {
    @TempDir
    Path dir;

    private static final String FIVE_ROWS = row(U1, "mbid-a", "Artist A", "3")
            + row(U1, "", "Artist B", "5")
            + row(U1, "", "Artist A", "4")
            + row(U2, "mbid-b", "Artist B", "12.0")
            + row(U2, "", "Artist C", "1");

    @Test
    void readsRowsKeyedByNameWithFirstNonEmptyMbidAndSumsDuplicates() throws IOException {
        Path file = TestFiles.write(dir, "usersha1-artmbid-artname-plays.tsv", FIVE_ROWS);
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());
        Dataset d = result.dataset();

        // by hand: users and artists in order of first appearance
        assertArrayEquals(new String[] {U1, U2}, d.users().toArray());
        assertArrayEquals(new String[] {"Artist A", "Artist B", "Artist C"}, d.artists().toArray());
        assertArrayEquals(new String[] {"Artist A", "Artist B", "Artist C"}, d.artistNames());
        // by hand: Artist B's first row has no MBID, its second (line 4) has "mbid-b"; Artist C never has one
        assertArrayEquals(new String[] {"mbid-a", "mbid-b", ""}, d.artistMbids());
        InteractionMatrix m = d.matrix();
        assertEquals(7f, m.get(0, 0)); // by hand: U1 x Artist A is lines 1 + 3 = 3 + 4
        assertEquals(5f, m.get(0, 1)); // line 2
        assertEquals(12f, m.get(1, 1)); // line 4, "12.0"
        assertEquals(1f, m.get(1, 2)); // line 5
        assertEquals(4, m.nnz()); // by hand: 5 rows, one pair twice

        ImportReport r = result.report();
        assertEquals(ImportFormat.LASTFM, r.format());
        assertEquals("usersha1-artmbid-artname-plays.tsv", r.fileName());
        assertEquals(5, r.rowsRead());
        assertEquals(5, r.rowsKept());
        assertEquals(1, r.duplicateRowsMerged()); // line 3 repeats line 1's pair
        assertEquals(0, r.skippedRows());
        assertEquals(2, r.users());
        assertEquals(3, r.artists());
        assertEquals(4, r.interactions());
        assertEquals(FIVE_ROWS.length(), r.bytes()); // ASCII: one byte per char
    }

    @Test
    void skipsBadRowsByReasonWithTheirLineNumbers() throws IOException {
        String text = row(U1, "", "Artist A", "3")             // line 1: good
                + U1 + "\tm\tArtist A\n"                         // line 2: 3 columns
                + "\tm\tArtist A\t3\n"                           // line 3: empty user
                + U1 + "\tm\t\t3\n"                              // line 4: empty artist name
                + U1 + "\tm\tArtist A\t\n"                       // line 5: empty plays
                + row(U1, "m", "Artist A", "abc")               // line 6: not a number
                + row(U1, "m", "Artist A", "0")                 // line 7: zero
                + row(U1, "m", "Artist A", "-2")                // line 8: negative
                + "\n"                                            // line 9: blank, not a row
                + U1 + "\tm\tArtist A\t3\textra\n"               // line 10: 5 columns
                + TestFiles.lastFmRows(10);                       // lines 11-20: good
        Path file = TestFiles.write(dir, "bad.tsv", text);
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm());
        ImportReport r = result.report();

        assertEquals(19, r.rowsRead()); // by hand: 20 lines, line 9 blank
        assertEquals(11, r.rowsKept()); // by hand: line 1 and lines 11-20
        assertEquals(2, r.skippedCount(SkipReason.WRONG_COLUMN_COUNT));
        assertEquals(List.of(2L, 10L), r.exampleLines(SkipReason.WRONG_COLUMN_COUNT));
        assertEquals(List.of(3L, 4L, 5L), r.exampleLines(SkipReason.MISSING_FIELD));
        assertEquals(List.of(6L), r.exampleLines(SkipReason.NON_NUMERIC_COUNT));
        assertEquals(List.of(7L, 8L), r.exampleLines(SkipReason.NON_POSITIVE_COUNT));
        assertEquals(8, r.skippedRows());
        // by hand: U1 x Artist A from line 1 only; lines 11-20 are users sha(0) with artists "artist 0".."artist 9"
        assertEquals(3f, result.dataset().matrix().get(0, 0));
        assertEquals(2, result.dataset().users().size());
        assertEquals(11, result.dataset().artists().size());
        String summary = r.summary();
        assertTrue(summary.contains("19 rows read, 11 kept, 8 skipped"), summary);
        assertTrue(summary.contains("2: wrong number of columns (lines 2, 10)"), summary);
    }

    @Test
    void keepsOnlyTheFirstFiveLineNumbersPerReason() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 7; line++) {
            text.append(row(U1, "", "Artist A", "zero"));  // lines 1-7: not a number
        }
        text.append(TestFiles.lastFmRows(10));              // lines 8-17: good
        Path file = TestFiles.write(dir, "many-bad.tsv", text.toString());
        ImportReport r = Importer.importFile(file, ImportOptions.lastFm()).report();

        assertEquals(7, r.skippedCount(SkipReason.NON_NUMERIC_COUNT));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), r.exampleLines(SkipReason.NON_NUMERIC_COUNT));
        assertTrue(r.summary().contains("7: play count is not a number (lines 1, 2, 3, 4, 5, ...)"), r.summary());
    }

    @Test
    void acceptsCrlfByteOrderMarkAndNoFinalLineBreak() throws IOException {
        String text = row(U1, "", "Artist A", "3").replace("\n", "\r\n")
                + row(U2, "", "Artist B", "2.5").replace("\n", "\r\n")
                + U2 + "\t\tArtist D\t\r\n"                    // line 3: empty plays before the CR
                + U2 + "\t\tArtist C\t1";                        // line 4 without a line break
        Path file = TestFiles.write(dir, "crlf.tsv", TestFiles.withBom(text));
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm());
        Dataset d = result.dataset();
        assertEquals(List.of(3L), result.report().exampleLines(SkipReason.MISSING_FIELD));

        assertEquals(U1, d.users().id(0)); // the byte order mark is not part of the first user
        assertArrayEquals(new String[] {"Artist A", "Artist B", "Artist C"}, d.artists().toArray()); // no '\r' kept
        assertEquals(2.5f, d.matrix().get(1, 1)); // line 2: "2.5\r"
        assertEquals(1f, d.matrix().get(1, 2)); // line 4
    }

    @Test
    void readsGzipByMagicBytesWhateverTheName() throws IOException {
        Path file = TestFiles.write(dir, "plays.tsv", TestFiles.gzip(FIVE_ROWS));
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());

        assertEquals(7f, result.dataset().matrix().get(0, 0)); // by hand: lines 1 + 3, as in the plain file
        assertEquals(5, result.report().rowsRead());
    }

    @Test
    void keepsQuotesInArtistNamesAsText() throws IOException {
        // the published file is not quoted: a name may start with a quote and hold a tab-free anything
        String text = row(U1, "", "\"Weird Al\" Yankovic", "3") + row(U1, "", "Guns N' Roses", "1");
        Path file = TestFiles.write(dir, "quotes.tsv", text);
        Dataset d = Importer.importFile(file, ImportOptions.lastFm()).dataset();

        assertArrayEquals(new String[] {"\"Weird Al\" Yankovic", "Guns N' Roses"}, d.artists().toArray());
    }

    @Test
    void autoDetectsTheLastFmFormat() throws IOException {
        Path file = TestFiles.write(dir, "any-name.txt", FIVE_ROWS);
        ImportResult result = Importer.importFile(file, ImportOptions.auto().withFileOrder());

        assertEquals(ImportFormat.LASTFM, result.report().format());
        assertEquals("mbid-b", result.dataset().artistMbids()[1]); // only the Last.fm path keeps MBIDs
    }

    @Test
    void agreesWithASimpleSplitReaderOnARandomFileCrossingBufferBoundaries() throws IOException {
        // over 1 MB so that lines straddle the 1 MB read buffer; rows include every kind of bad row
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 40_000; r++) {
            String user = TestFiles.sha(random.nextInt(500));
            String artist = "artist " + random.nextInt(3000) + (random.nextInt(10) == 0 ? " ü" : "");
            String mbid = random.nextBoolean() ? "" : "mbid-" + artist.hashCode();
            int kind = random.nextInt(40);
            String plays = kind == 0 ? "x" : kind == 1 ? "0" : kind == 2 ? "" : (1 + random.nextInt(1000)) + (kind == 3 ? ".5" : "");
            text.append(kind == 4 ? user + "\t" + artist + "\n" : row(user, mbid, artist, plays));
        }
        Path file = TestFiles.write(dir, "random.tsv", text.toString());
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());

        ReferenceImport expected = ReferenceImport.lastFm(text.toString());
        Dataset d = result.dataset();
        assertArrayEquals(expected.users.toArray(), d.users().toArray());
        assertArrayEquals(expected.artists.toArray(), d.artists().toArray());
        assertArrayEquals(expected.mbids.toArray(), d.artistMbids());
        assertEquals(expected.cells.size(), d.matrix().nnz());
        expected.cells.forEach((cell, plays) ->
                assertEquals(plays, d.matrix().get(cell[0], cell[1]), 1e-3, "cell " + cell[0] + "," + cell[1]));
        assertEquals(expected.skipped, result.report().skippedRows());
    }

    /**
     * The default numbering ({@link org.tastemap.core.data.LocalityOrder}) holds exactly the file-order
     * data: the same ids, names, MBIDs and plays, under other indexes; the report is the same.
     */
    @Test
    void defaultNumberingHoldsTheSameDataAsFileOrder() throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 5_000; r++) {
            int user = random.nextInt(300);
            // two communities: even users play even artists, odd users odd ones
            int artist = 2 * random.nextInt(100) + user % 2;
            text.append(row(TestFiles.sha(user), artist % 7 == 0 ? "mbid-" + artist : "", "artist " + artist,
                    String.valueOf(1 + random.nextInt(300))));
        }
        Path file = TestFiles.write(dir, "two-communities.tsv", text.toString());
        ImportResult inFileOrder = Importer.importFile(file, ImportOptions.lastFm().withFileOrder());
        ImportResult byDefault = Importer.importFile(file, ImportOptions.lastFm());
        Dataset f = inFileOrder.dataset();
        Dataset d = byDefault.dataset();
        assertEquals(f.matrix().nnz(), d.matrix().nnz());
        assertEquals(f.users().size(), d.users().size());
        assertEquals(f.artists().size(), d.artists().size());
        boolean renumbered = false;
        for (int j = 0; j < d.artists().size(); j++) {
            int old = f.artists().indexOf(d.artists().id(j));
            renumbered |= old != j;
            assertEquals(f.artistName(old), d.artistName(j));
            assertEquals(f.artistMbids()[old], d.artistMbids()[j]);
        }
        for (int u = 0; u < d.users().size(); u++) {
            int old = f.users().indexOf(d.users().id(u));
            renumbered |= old != u;
            for (int j = 0; j < d.artists().size(); j++) {
                assertEquals(f.matrix().get(old, f.artists().indexOf(d.artists().id(j))), d.matrix().get(u, j));
            }
        }
        assertTrue(renumbered, "the default numbering is not the file order here");
        // and it is exactly LocalityOrder's numbering of the file-order data
        LocalityOrder.Orders o = LocalityOrder.of(f.matrix());
        assertEquals(f.users().subset(o.users()), d.users());
        assertEquals(f.artists().subset(o.artists()), d.artists());
        assertEquals(inFileOrder.report().interactions(), byDefault.report().interactions());
        assertEquals(inFileOrder.report().rowsKept(), byDefault.report().rowsKept());
    }
}
