package org.tastemap.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import file chooser opens in the last folder used, across launches (issue 15), else the sample's. */
class ChooserFolderTest {
    @TempDir
    Path dir;

    @Test
    void theLastFolderUsedIsRememberedAcrossLaunchesElseTheSampleFolder() throws IOException {
        Path sample = Files.createDirectories(dir.resolve("sample"));
        Path music = Files.createDirectories(dir.resolve("music"));
        AppPrefs prefs = AppPrefs.inMemory();
        assertEquals(sample, prefs.chooserFolder(sample)); // nothing chosen yet

        prefs.rememberChooserFolder(music);
        // a new launch reads the same store: only the preference carries the folder over
        assertEquals(music.toAbsolutePath(), prefs.chooserFolder(sample));

        Files.delete(music);
        assertEquals(sample, prefs.chooserFolder(sample)); // gone: back to the sample folder
        assertNull(prefs.chooserFolder(dir.resolve("no-sample"))); // and no folder at all when that is gone too
        assertNull(prefs.chooserFolder(null));
    }
}
