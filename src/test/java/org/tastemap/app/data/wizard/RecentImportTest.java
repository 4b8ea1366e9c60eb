package org.tastemap.app.data.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.RecordingFiles;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.Columns;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.shell.MainViewModel;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.TrainViewModel;

/** A file imported through the wizard opens again (Recent, next launch) with the mapping and filters chosen there. */
class RecentImportTest {
    @TempDir
    Path dir;

    /** plays;artist;user with a header: the detector's suggestion differs from the wizard's mapping below. */
    private Path semicolonFile() throws Exception {
        StringBuilder sb = new StringBuilder("plays;artist;listener;note\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int u = 0; u < 60; u++) {
            int n = u % 5 == 0 ? 1 : 4;   // every fifth user played a single artist
            for (int k = 0; k < n; k++) {
                sb.append(1 + r.nextInt(50)).append(";artist ").append((u * 7 + k * 3) % 25).append(";u").append(u)
                        .append(";x\n");
            }
        }
        Path f = dir.resolve("plays;export.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static MainViewModel main(AppState state, RecordingFiles files, AppPrefs prefs) {
        SameThreadExecutor ex = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, ex, new Debouncer.Manual(), errors);
        train.factorsProperty().set(4);
        return new MainViewModel(state, ex, files, prefs, errors, train);
    }

    @Test
    void theWizardsMappingAndFiltersAreUsedWhenTheFileIsOpenedAgain() throws Exception {
        Path file = semicolonFile();
        AppPrefs prefs = AppPrefs.inMemory();
        ImportWizardModel wizard = new ImportWizardModel(new RecordingFiles(), new SameThreadExecutor());
        wizard.chooseFile(file);
        assertTrue(wizard.fileReady.get(), wizard.fileProblem.get());
        wizard.userColumn.set(2);
        wizard.artistColumn.set(1);
        wizard.nameColumn.set(Columns.NONE);
        wizard.playsColumn.set(0);
        wizard.minPlays.set(3);
        wizard.minArtistsPerUser.set(2);
        wizard.minListenersPerArtist.set(2);
        wizard.startImport();
        assertNotNull(wizard.result.get(), wizard.importProblem.get());
        ImportSettings chosen = wizard.importedSettings();
        assertEquals(new ImportSettings(false, new Columns(2, 1, Columns.NONE, 0), ';', true, 3, 2, 2), chosen);

        AppState first = new AppState();
        main(first, new RecordingFiles(), prefs).useImported(file, chosen, wizard.result.get());
        int users = first.data().users();
        assertEquals(Optional.of(chosen), prefs.importSettings(file.toString()));

        // File > Recent in a later session
        RecordingFiles files = new RecordingFiles();
        AppState later = new AppState();
        main(later, files, prefs).openDataFile(Path.of(prefs.recent().get(0)));
        assertEquals(java.util.List.of(chosen), files.imports, "imported with the wizard's settings");
        assertEquals(0, files.detections, "nothing is detected again");
        assertEquals(users, later.data().users(), "the same filters keep the same users");

        // the next launch reopens the last dataset the same way
        RecordingFiles atStartup = new RecordingFiles();
        AppState relaunched = new AppState();
        main(relaunched, atStartup, prefs).startup();
        assertEquals(java.util.List.of(chosen), atStartup.imports);
        assertEquals(users, relaunched.data().users());

        // without the remembered settings the detected ones would keep the single-artist users too
        RecordingFiles detected = new RecordingFiles();
        AppState fresh = new AppState();
        main(fresh, detected, AppPrefs.inMemory()).openDataFile(file);
        assertEquals(1, detected.detections);
        assertNotEquals(users, fresh.data() == null ? -1 : fresh.data().users());
    }
}
