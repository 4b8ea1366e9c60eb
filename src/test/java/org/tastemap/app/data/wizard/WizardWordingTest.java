package org.tastemap.app.data.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.task.SameThreadExecutor;

/** What the wizard says: column choices numbered as the CLI numbers them, with sample values; what was read. */
class WizardWordingTest {
    @TempDir
    Path dir;

    @Test
    void columnChoicesAreNumberedFromZeroLikeTheCliAndShowSampleValues() throws Exception {
        Path file = dir.resolve("plays.csv");
        Files.writeString(file, "user,artist,plays\nu1,a,3\nu2,b,4\nu1,b,1\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        // by hand from the three rows: distinct values in file order; numbers as --user-col/--item-col take them
        assertEquals(List.of("0 · user   e.g. u1, u2", "1 · artist   e.g. a, b", "2 · plays   e.g. 3, 4, 1"), m.columnChoices(false));
        assertEquals("(none)", m.columnChoices(true).get(0));
    }

    @Test
    void theReadStepEndsWithWhatWasRead() throws Exception {
        Path file = Fixtures.lastFmFile(dir.resolve("plays.tsv.gz"), 120, 80, 3L);
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        m.startImport();
        var r = m.result.get();
        assertNotNull(r, m.importProblem.get());
        // the numbers are the imported dataset's own
        String expected = String.format(Locale.ROOT, "Read %,d rows: %,d users, %,d artists", r.rowsRead(),
                r.dataset().matrix().numUsers(), r.dataset().matrix().numItems());
        assertEquals(expected, m.importStatus.get().substring(0, Math.min(expected.length(), m.importStatus.get().length())));
    }
}
