package org.tastemap.app.data.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.task.SameThreadExecutor;

class ImportWizardModelTest {
    @TempDir
    Path dir;

    @Test
    void aLastFmFileIsDetectedMappedAndImported() throws Exception {
        Path file = Fixtures.lastFmFile(dir.resolve("plays.tsv.gz"), 120, 80, 3L);
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertTrue(m.fileReady.get(), m.fileProblem.get());
        assertTrue(m.preview.get().lastFm());
        assertTrue(m.preview.get().gzip());
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
        // the suggested mapping is the Last.fm layout, so the import takes the Last.fm reader
        assertTrue(m.settings().lastFm(), m.settings().toString());
        m.minArtistsPerUser.set(2);
        m.startImport();
        assertNotNull(m.result.get(), m.importProblem.get());
        assertTrue(m.imported.get());
        assertTrue(m.result.get().dataset().matrix().numUsers() <= 120);
        assertTrue(m.result.get().summary().contains("Last.fm"), m.result.get().summary());
    }

    @Test
    void theMappingStepExplainsWhyNextIsDisabled() throws Exception {
        Path file = dir.resolve("plays.csv");
        Files.writeString(file, "user,artist,plays\nu1,a,3\nu2,b,4\nu1,b,1\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
        m.artistColumn.set(m.userColumn.get());
        assertFalse(m.mappingValid.get());
        assertEquals("The user and the artist must be different columns.", m.mappingProblem.get());
        m.artistColumn.set(1);
        m.playsColumn.set(1);
        assertFalse(m.mappingValid.get());
        m.playsColumn.set(2);
        assertTrue(m.mappingValid.get());
    }

    @Test
    void aFloatScoreColumnIsOfferedAsWeightPlaysOrPresence() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "user,artist,score\nu1,a,0.25\nu1,b,2\nu2,a,0.75\nu1,a,0.5\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
        assertEquals(org.tastemap.io.ValueKind.AUTO, m.values.get());
        assertTrue(m.valuesHint.get().contains("read as weights") && m.valuesHint.get().contains("0.25"), m.valuesHint.get());
        m.values.set(org.tastemap.io.ValueKind.PRESENCE);
        m.startImport();
        assertNotNull(m.result.get(), m.importProblem.get());
        var d = m.result.get().dataset();
        // (u1, a) appears twice with 0.25 and 0.5: presence keeps 1
        assertEquals(1f, d.matrix().get(d.users().indexOf("u1"), d.artists().indexOf("a")));
        assertTrue(m.result.get().summary().contains("values: read as presence"), m.result.get().summary());
    }

    @Test
    void theEncodingCanBeChosen() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "user,artist,plays\nu1,Björk,1\nu1,Bjärk,2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        m.encoding.set(org.tastemap.io.TextEncoding.WINDOWS_1252);
        m.startImport();
        assertNotNull(m.result.get(), m.importProblem.get());
        assertEquals(2, m.result.get().dataset().artists().size());
        assertTrue(m.result.get().summary().contains("encoding: windows-1252 (chosen)"), m.result.get().summary());
        assertEquals(org.tastemap.io.TextEncoding.WINDOWS_1252, m.settings().encoding());
    }

    @Test
    void aBinaryFileShowsAProblemInsteadOfAPreview() throws Exception {
        Path file = dir.resolve("picture.png");
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Files.write(file, junk);
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertFalse(m.fileReady.get());
        assertNull(m.preview.get());
        assertFalse(m.fileProblem.get().isBlank());
        assertFalse(m.fileProblem.get().contains("Exception"), m.fileProblem.get());
    }

    @Test
    void aFileWithMostlyBadRowsFailsInsideTheImportStep() throws Exception {
        StringBuilder sb = new StringBuilder("user,artist,plays\n");
        for (int r = 0; r < 3000; r++) {
            sb.append("u").append(r % 50).append(",a").append(r % 30).append(r < 10 ? ",5\n" : ",lots\n");
        }
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, sb.toString());
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        // the preview rows hold "lots" in the plays column, so the mapping step already objects
        assertFalse(m.mappingValid.get());
        m.playsColumn.set(-1);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
    }

    @Test
    void aListenerWhoseEveryRowIsSkippedIsNotImported() throws Exception {
        // by hand: u2's rows are both skipped (an escape code in the artist, a count that is not a number),
        // "lonely" is played only by a user id holding a control character; 3 of 8 rows are bad
        Path file = dir.resolve("skipped.csv");
        Files.writeString(file, "user,artist,plays\nu1,fine,1\nu2,\u001b[31mred,2\nu2,other,abc\nbad\u0007,lonely,5\n"
                + "u3,fine,4\nu1,two,3\nu3,two,1\nu1,three,2\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
        m.startImport();
        assertNotNull(m.result.get(), m.importProblem.get());
        var d = m.result.get().dataset();
        assertEquals(java.util.Set.of("u1", "u3"), java.util.Set.of(d.users().toArray()));
        assertEquals(java.util.Set.of("fine", "two", "three"), java.util.Set.of(d.artists().toArray()));
        String summary = m.result.get().summary();
        assertTrue(summary.contains("1: listeners had every row skipped and are left out\n    u2"), summary);
        assertTrue(summary.contains("1: artists had every row skipped and are left out\n    lonely"), summary);
        assertEquals(3, m.result.get().skipped().stream().mapToLong(s -> s.count()).sum(), m.result.get().skipped().toString());
    }
}
