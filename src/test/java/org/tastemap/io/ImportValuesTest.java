package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;

/** A float score column: read as weights, plays or presence as chosen, and the report says which. */
class ImportValuesTest {
    @TempDir
    Path dir;

    /** u1 scores a twice (0.25 + 0.5) and b once (2); u2 scores a 0.75. */
    private Path scores() {
        return TestFiles.write(dir, "scores.csv", "user,artist,score\nu1,a,0.25\nu1,b,2\nu2,a,0.75\nu1,a,0.5\n");
    }

    private static float cell(Dataset d, String user, String artist) {
        return d.matrix().get(d.users().indexOf(user), d.artists().indexOf(artist));
    }

    @Test
    void autoReadsAFloatColumnAsWeightsAndSaysSo() throws IOException {
        ImportResult r = Importer.importFile(scores(), ImportOptions.auto());
        ImportReport report = r.report();
        assertEquals(ValueKind.WEIGHT, report.values());
        // by hand: lines 2, 4 and 5 hold 0.25, 0.75 and 0.5
        assertEquals(3, report.noteCount(ImportNote.NON_INTEGER_VALUE));
        assertEquals(List.of(2L, 4L, 5L), report.notes().get(ImportNote.NON_INTEGER_VALUE).exampleLines());
        assertEquals(0.75f, cell(r.dataset(), "u1", "a"));
        assertTrue(report.summary().contains("values: read as weight"), report.summary());
    }

    @Test
    void wholeNumbersAreReadAsPlays() throws IOException {
        Path file = TestFiles.write(dir, "plays.csv", "user,artist,plays\nu1,a,3\nu2,a,4\n");
        ImportReport report = Importer.importFile(file, ImportOptions.auto()).report();
        assertEquals(ValueKind.PLAYS, report.values());
        assertEquals(0, report.noteCount(ImportNote.NON_INTEGER_VALUE));
    }

    @Test
    void playsChosenForAFloatColumnKeepTheValuesAndReportThem() throws IOException {
        ImportResult r = Importer.importFile(scores(), ImportOptions.auto().withValues(ValueKind.PLAYS));
        assertEquals(ValueKind.PLAYS, r.report().values());
        assertEquals(3, r.report().noteCount(ImportNote.NON_INTEGER_VALUE));
        assertTrue(r.report().summary().contains("not whole numbers (kept unrounded)"), r.report().summary());
        assertEquals(0.75f, cell(r.dataset(), "u1", "a"));
    }

    @Test
    void presenceCountsEachPairOnce() throws IOException {
        ImportResult r = Importer.importFile(scores(), ImportOptions.auto().withValues(ValueKind.PRESENCE));
        assertEquals(ValueKind.PRESENCE, r.report().values());
        // (u1, a) appears twice and (u1, b) scores 2: both become 1
        assertEquals(1f, cell(r.dataset(), "u1", "a"));
        assertEquals(1f, cell(r.dataset(), "u1", "b"));
        assertEquals(1f, cell(r.dataset(), "u2", "a"));
    }

    @Test
    void lastFmFilesHonourTheChoiceToo() throws IOException {
        Path file = TestFiles.write(dir, "lastfm.tsv", TestFiles.row(TestFiles.U1, "", "A", "2.5")
                + TestFiles.row(TestFiles.U1, "", "A", "7"));
        ImportResult r = Importer.importFile(file, ImportOptions.lastFm().withValues(ValueKind.PRESENCE));
        assertEquals(1f, r.dataset().matrix().get(0, 0));
        assertEquals(List.of(1L), r.report().notes().get(ImportNote.NON_INTEGER_VALUE).exampleLines());
    }
}
