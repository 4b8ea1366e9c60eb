package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

class ImportFiltersTest {
    @TempDir
    Path dir;

    private static final ColumnMapping USER_ARTIST_PLAYS = new ColumnMapping(0, 1, ColumnMapping.NONE, 2);

    /**
     * u1: A B, u2: A B, u3: A C, u4: C. With at least 2 artists per user and 2 listeners per artist:
     * pass 1 drops u4 (1 artist), then C (only u3 is left listening), which leaves u3 with 1 artist;
     * pass 2 drops u3; pass 3 drops nothing.
     */
    private static final String CASCADE = "u1,A,1\nu1,B,2\nu2,A,3\nu2,B,4\nu3,A,5\nu3,C,6\nu4,C,7\n";

    @Test
    void userAndArtistFiltersRepeatUntilNothingChanges() throws IOException {
        Path file = TestFiles.write(dir, "cascade.csv", CASCADE);
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(0, 2, 2).withFileOrder();
        ImportResult result = Importer.importFile(file, options);
        Dataset d = result.dataset();

        assertArrayEquals(new String[] {"u1", "u2"}, d.users().toArray());
        assertArrayEquals(new String[] {"A", "B"}, d.artists().toArray());
        assertArrayEquals(new String[] {"A", "B"}, d.artistNames());
        // by hand: renumbered densely, values kept: u2 x B is line 4
        assertEquals(4f, d.matrix().get(1, 1));
        assertEquals(4, d.matrix().nnz());
        ImportReport r = result.report();
        assertEquals(2, r.usersDropped()); // u3, u4
        assertEquals(1, r.artistsDropped()); // C
        assertEquals(2, r.filterRounds());
        assertEquals(7, r.rowsKept()); // the filters act after reading: all rows were kept then
        assertEquals(2, r.users());
        assertEquals(2, r.artists());
        assertEquals(4, r.interactions());
        assertTrue(r.summary().contains("filters dropped 2 users and 1 artists (2 rounds)"), r.summary());
    }

    @Test
    void theFiltersCountDistinctArtistsNotRows() throws IOException {
        // u1 played A twice: one distinct artist, so it is below a minimum of 2
        Path file = TestFiles.write(dir, "dups.csv", "u1,A,1\nu1,A,1\nu2,A,1\nu2,B,1\n");
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(0, 2, 1);
        Dataset d = Importer.importFile(file, options).dataset();
        assertArrayEquals(new String[] {"u2"}, d.users().toArray());
    }

    @Test
    void minimumPlaysSkipsRowsBeforeDuplicatesAreSummed() throws IOException {
        String text = "u1,A,1\n"   // line 1: below 2, skipped
                + "u1,A,1\n"       // line 2: below 2, skipped (summed it would reach 2: the filter is per row)
                + "u1,B,2\n"       // line 3: kept, equal to the minimum
                + "u2,B,5\n";      // line 4
        Path file = TestFiles.write(dir, "minplays.csv", text);
        ImportOptions options = ImportOptions.delimited(USER_ARTIST_PLAYS, ',', false).withFilters(2, 1, 1);
        ImportResult result = Importer.importFile(file, options);

        assertEquals(2, result.report().skippedCount(SkipReason.BELOW_MIN_PLAYS));
        assertEquals(List.of(1L, 2L), result.report().exampleLines(SkipReason.BELOW_MIN_PLAYS));
        assertArrayEquals(new String[] {"B"}, result.dataset().artists().toArray()); // A never got a kept row
        assertEquals(2, result.report().rowsKept());
    }

    @Test
    void rowsBelowTheMinimumAreNotBadRows() throws IOException {
        // 3 of 4 rows below the minimum would be 75% "bad" if they counted toward the bad-row limit
        Path file = TestFiles.write(dir, "filtered.tsv", TestFiles.row(TestFiles.U1, "", "A", "1")
                + TestFiles.row(TestFiles.U1, "", "B", "1") + TestFiles.row(TestFiles.U1, "", "C", "1")
                + TestFiles.row(TestFiles.U2, "", "A", "9"));
        ImportResult result = Importer.importFile(file, ImportOptions.lastFm().withFilters(5, 1, 1));
        assertEquals(1, result.report().rowsKept());
        assertEquals(3, result.report().skippedCount(SkipReason.BELOW_MIN_PLAYS));
    }

    @Test
    void lastFmFiltersKeepMbidsAlignedWithArtists() throws IOException {
        String text = TestFiles.row(TestFiles.U1, "mbid-a", "A", "1")
                + TestFiles.row(TestFiles.U1, "mbid-b", "B", "1")
                + TestFiles.row(TestFiles.U2, "", "B", "1")
                + TestFiles.row(TestFiles.U2, "mbid-c", "C", "1");
        Path file = TestFiles.write(dir, "mbids.tsv", text);
        // by hand: only B has 2 listeners
        Dataset d = Importer.importFile(file, ImportOptions.lastFm().withFilters(0, 1, 2).withFileOrder()).dataset();
        assertArrayEquals(new String[] {"B"}, d.artists().toArray());
        assertArrayEquals(new String[] {"mbid-b"}, d.artistMbids());
        assertArrayEquals(new String[] {TestFiles.U1, TestFiles.U2}, d.users().toArray());
    }
}
