package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tastemap.io.TestFiles.U1;
import static org.tastemap.io.TestFiles.U2;
import static org.tastemap.io.TestFiles.U3;
import static org.tastemap.io.TestFiles.row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;

/**
 * A listener (or artist) whose every row is skipped is not in the data: ids go only to listeners
 * and artists with at least one kept row, while the skipped rows are counted as before.
 */
class AllRowsSkippedTest {
    /** A user id holding a control character: its rows are skipped, so artist "Lonely" has no kept row. */
    static final String BAD_USER = "bad\u0007user";

    /**
     * By hand: U1 keeps Fine, Two and Three, U3 keeps Fine and Two (5 rows); U2's two rows are skipped
     * (an escape code in the artist name, a play count that is not a number); "Lonely" is played only by
     * BAD_USER. 3 of 8 rows are bad, below the half that stops an import.
     */
    static final String TEXT = row(U1, "", "Fine", "1")
            + row(U2, "", "\u001b[31mRed", "2")
            + row(U2, "", "Other", "abc")
            + row(BAD_USER, "", "Lonely", "5")
            + row(U3, "", "Fine", "4")
            + row(U1, "", "Two", "3")
            + row(U3, "", "Two", "1")
            + row(U1, "", "Three", "2");

    @TempDir
    Path dir;

    private static List<String> sorted(IdIndex ids) {
        List<String> out = new ArrayList<>(List.of(ids.toArray()));
        out.sort(null);
        return out;
    }

    private static List<ImportOptions> layouts() {
        return List.of(ImportOptions.lastFm(), ImportOptions.delimited(new ColumnMapping(0, 2, ColumnMapping.NONE, 3), '\t', false),
                ImportOptions.lastFm().withFileOrder());
    }

    @Test
    void listenersAndArtistsWithEveryRowSkippedGetNoId() throws IOException {
        Path file = TestFiles.write(dir, "skipped.tsv", TEXT);
        for (ImportOptions options : layouts()) {
            ImportResult r = Importer.importFile(file, options);
            Dataset d = r.dataset();
            String what = options.format() + (options.fileOrder() ? " in file order" : "");
            assertEquals(List.of(U1, U3), sorted(d.users()), what);
            assertEquals(List.of("Fine", "Three", "Two"), sorted(d.artists()), what);
            for (int u = 0; u < d.matrix().numUsers(); u++) {
                assertTrue(d.matrix().userCount(u) > 0, what + ": listener " + d.users().id(u) + " has no row");
            }
            for (int a = 0; a < d.matrix().numItems(); a++) {
                assertTrue(d.matrix().itemCount(a) > 0, what + ": artist " + d.artistName(a) + " has no listener");
            }
            ImportReport rep = r.report();
            assertEquals(2, rep.users(), what);
            assertEquals(3, rep.artists(), what);
            // the skipped rows are counted as before, with their lines
            assertEquals(List.of(2L, 4L), rep.exampleLines(SkipReason.CONTROL_CHARACTER), what);
            assertEquals(List.of(3L), rep.exampleLines(SkipReason.NON_NUMERIC_COUNT), what);
            assertEquals(5, rep.rowsKept(), what);
            // no filter was on: nothing was dropped by one
            assertEquals(0, rep.usersDropped(), what);
            assertEquals(0, rep.artistsDropped(), what);
            assertEquals(1, rep.noteCount(ImportNote.LISTENERS_ALL_SKIPPED), what);
            assertEquals(List.of(U2), rep.notes().get(ImportNote.LISTENERS_ALL_SKIPPED).examples(), what);
            assertEquals(1, rep.noteCount(ImportNote.ARTISTS_ALL_SKIPPED), what);
            assertEquals(List.of("Lonely"), rep.notes().get(ImportNote.ARTISTS_ALL_SKIPPED).examples(), what);
            String summary = rep.summary();
            assertTrue(summary.contains("1: " + ImportNote.LISTENERS_ALL_SKIPPED.description() + "\n    " + U2), summary);
            assertTrue(summary.contains("1: " + ImportNote.ARTISTS_ALL_SKIPPED.description() + "\n    Lonely"), summary);
            assertTrue(summary.endsWith("2 users x 3 artists, 5 interactions"), summary);
        }
    }

    @Test
    void theFiltersCountOnlyWhatTheyDropped() throws IOException {
        // by hand: U3 keeps 2 artists, so "at least 3 artists" drops U3; Fine, Two and Three keep U1;
        // U2 (every row skipped) is not counted as dropped by the filter
        Path file = TestFiles.write(dir, "filtered.tsv", TEXT);
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withFilters(1, 3, 1));
        assertEquals(List.of(U1), sorted(r.dataset().users()));
        assertEquals(List.of("Fine", "Three", "Two"), sorted(r.dataset().artists()));
        assertEquals(1, r.report().usersDropped());
        assertEquals(0, r.report().artistsDropped());
        assertEquals(1, r.report().noteCount(ImportNote.LISTENERS_ALL_SKIPPED));
    }

    @Test
    void aFileWithoutSuchListenersHasNoNote() throws IOException {
        Path file = TestFiles.write(dir, "clean.tsv", row(U1, "", "Fine", "1") + row(U2, "", "Bad\u001b", "1")
                + row(U2, "", "Fine", "2") + row(U1, "", "Two", "2"));
        ImportReport rep = Importer.importFile(file, ImportOptions.lastFm()).report();
        assertEquals(1, rep.skippedCount(SkipReason.CONTROL_CHARACTER));
        assertEquals(0, rep.noteCount(ImportNote.LISTENERS_ALL_SKIPPED));
        assertEquals(0, rep.noteCount(ImportNote.ARTISTS_ALL_SKIPPED));
        assertTrue(!rep.summary().contains(ImportNote.LISTENERS_ALL_SKIPPED.description()), rep.summary());
    }
}
