package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

/** A delimited file's MBID column (issue 15: "there is no MBID role"). */
class DelimitedMbidTest {
    @TempDir
    Path dir;

    private static final String M1 = "b10bbbfc-cf9e-42e0-be17-e2c3e1d2600d";
    private static final String M2 = "a74b1b7f-71a5-4011-9441-d0b5e4122711";
    private static final String M3 = "cc197bad-dc9c-440d-a5b5-d52ba2e14234";

    @Test
    void eachArtistKeepsTheFirstNonEmptyMbidSeenAndConflictsAreCounted() throws IOException {
        String text = "user,artist,mbid,plays\n"       // line 1: header
                + "u1,Beatles,,3\n"                     // line 2: no MBID yet
                + "u1,Radiohead," + M2 + ",2\n"         // line 3
                + "u2,Beatles," + M1 + ",1\n"           // line 4: Beatles' first non-empty MBID
                + "u2,Radiohead," + M3 + ",4\n"         // line 5: conflicts with line 3's
                + "u3,Radiohead," + M2 + ",1\n"         // line 6: same as line 3, no conflict
                + "u3,Coldplay,,5\n";                   // line 7: never an MBID
        Path file = TestFiles.write(dir, "mbids.csv", text);
        ColumnMapping mapping = new ColumnMapping(0, 1, ColumnMapping.NONE, 3).withMbidColumn(2);
        ImportResult result = Importer.importFile(file, ImportOptions.delimited(mapping, ',', true).withFileOrder());
        Dataset d = result.dataset();

        // keys stay the item column; by hand: artists in order of first appearance (lines 2, 3, 7)
        assertArrayEquals(new String[] {"Beatles", "Radiohead", "Coldplay"}, d.artists().toArray());
        assertArrayEquals(new String[] {M1, M2, ""}, d.artistMbids());
        // by hand: one artist (Radiohead) had a second MBID, first seen on line 5
        ImportReport.Noted conflict = result.report().notes().get(ImportNote.MBID_CONFLICT);
        assertEquals(1, conflict.count());
        assertEquals(List.of(5L), conflict.exampleLines());
        assertEquals(List.of("Radiohead"), conflict.examples());
    }

    @Test
    void withoutAnMbidColumnTheMbidsStayEmpty() throws IOException {
        Path file = TestFiles.write(dir, "plain.csv", "u1,a,2\nu2,b,3\n");
        ImportResult result = Importer.importFile(file,
                ImportOptions.delimited(new ColumnMapping(0, 1, ColumnMapping.NONE, 2), ',', false).withFileOrder());
        assertArrayEquals(new String[] {"", ""}, result.dataset().artistMbids());
        assertEquals(0, result.report().noteCount(ImportNote.MBID_CONFLICT));
    }

    @Test
    void theMappingChecksTheMbidColumn() {
        ColumnMapping base = new ColumnMapping(0, 1, 2, 3);
        assertEquals(ColumnMapping.NONE, base.mbidColumn()); // the old constructor: no MBID column
        assertEquals(4, base.withMbidColumn(4).maxColumn());
        assertThrows(IllegalArgumentException.class, () -> base.withMbidColumn(0)); // the user column
        assertThrows(IllegalArgumentException.class, () -> base.withMbidColumn(3)); // the count column
        assertThrows(IllegalArgumentException.class, () -> base.withMbidColumn(-2));
        assertEquals("column 1 user, column 2 artist, column 3 artist name, column 4 plays, column 5 MBID",
                base.withMbidColumn(4).describe());
    }

    @Test
    void aShortRowMissingTheMbidColumnIsSkipped() throws IOException {
        // without a header the expected width is that of most rows: 3 columns here
        Path file = TestFiles.write(dir, "short.csv", "u1,a," + M1 + "\nu2,b," + M2 + "\nu3,c\n");
        ImportResult result = Importer.importFile(file,
                ImportOptions.delimited(ColumnMapping.of(0, 1).withMbidColumn(2), ',', false).withFileOrder());
        assertArrayEquals(new String[] {M1, M2}, result.dataset().artistMbids());
        assertEquals(List.of(3L), result.report().exampleLines(SkipReason.WRONG_COLUMN_COUNT));
    }
}
