package org.tastemap.app.data.wizard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.Columns;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.app.task.SameThreadExecutor;

/** The mapping step's MBID role (issue 15: "there is no MBID role"), in the style of ImportWizardModelTest. */
class WizardMbidTest {
    @TempDir
    Path dir;

    private static final String M1 = "b10bbbfc-cf9e-42e0-be17-e2c3e1d2600d";
    private static final String M2 = "a74b1b7f-71a5-4011-9441-d0b5e4122711";

    @Test
    void theMappingOffersAnMbidRoleWithSamplesAndItsCliOptionAndTheImportKeepsTheMbids() throws Exception {
        Path file = dir.resolve("mbids.csv");
        Files.writeString(file, "user,artist,mbid,plays\nu1,Beatles," + M1 + ",3\nu2,Coldplay," + M2 + ",4\nu1,Coldplay,,1\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());

        ImportWizardModel.Role mbid = m.roles().stream().filter(r -> r.cliOption().equals("--mbid-col")).findFirst().orElseThrow();
        assertTrue(mbid.optional());
        assertEquals("CLI: --mbid-col —", mbid.cliText());
        // by hand: column 2's preview values, cut to 12 characters and an ellipsis
        assertEquals("2 · mbid   e.g. b10bbbfc-cf9…, a74b1b7f-71a…", m.columnChoices(true).get(1 + 2));
        m.userColumn.set(0);
        m.artistColumn.set(1);
        m.nameColumn.set(Columns.NONE);
        m.playsColumn.set(3);
        mbid.column().set(2);
        assertEquals("CLI: --mbid-col 2", mbid.cliText());
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
        assertEquals(2, m.settings().columns().mbid());

        m.startImport();
        assertNotNull(m.result.get(), m.importProblem.get());
        var d = m.result.get().dataset();
        // by hand: artists stay keyed by name; Coldplay's empty MBID on line 4 does not replace line 3's
        assertArrayEquals(new String[] {M1, M2}, new String[] {d.artistMbids()[d.artists().indexOf("Beatles")],
                d.artistMbids()[d.artists().indexOf("Coldplay")]});
    }

    @Test
    void theMbidColumnCannotBeTheUserOrPlaysColumn() throws Exception {
        Path file = dir.resolve("plays.csv");
        Files.writeString(file, "user,artist,plays\nu1,a,3\nu2,b,4\n");
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        m.mbidColumn.set(m.userColumn.get());
        assertFalse(m.mappingValid.get());
        assertEquals("The MBID column must differ from the user and plays columns.", m.mappingProblem.get());
        m.mbidColumn.set(Columns.NONE);
        assertTrue(m.mappingValid.get(), m.mappingProblem.get());
    }

    @Test
    void aLastFmFileKeepsItsOwnMbidColumnAndTheLastFmReader() throws Exception {
        Path file = Fixtures.lastFmFile(dir.resolve("plays.tsv"), 40, 30, 5L);
        ImportWizardModel m = new ImportWizardModel(new IoDataFiles(), new SameThreadExecutor());
        m.chooseFile(file);
        assertEquals(1, m.mbidColumn.get()); // the Last.fm layout: user, MBID, name, plays
        assertTrue(m.settings().lastFm());
    }

    @Test
    void theMbidColumnIsRememberedAndOlderSettingsReadAsBefore() {
        ImportSettings s = new ImportSettings(false, new Columns(0, 1, Columns.NONE, 3, 2), ',', true, 0, 1, 1);
        assertEquals(Optional.of(s), ImportSettings.decode(s.encode()));
        // text written before the MBID column existed (no "mbid=")
        String old = "format=delimited;delimiter=44;header=true;user=0;artist=1;name=-1;plays=2;minPlays=0.0;minArtists=1;minListeners=1";
        assertEquals(Columns.NONE, ImportSettings.decode(old).orElseThrow().columns().mbid());
        String oldLastFm = old.replace("delimited", "lastfm").replace("artist=1;name=-1;plays=2", "artist=2;name=2;plays=3");
        assertEquals(Columns.lastFm(), ImportSettings.decode(oldLastFm).orElseThrow().columns());
    }
}
