package org.tastemap.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportSettingsTest {
    private static final List<ImportSettings> EXAMPLES = List.of(
            ImportSettings.lastFmDefaults(),
            ImportSettings.lastFmDefaults().withFilters(5, 10, 20),
            new ImportSettings(false, new Columns(2, 1, Columns.NONE, 0), ';', true, 2.5, 3, 4),
            new ImportSettings(false, new Columns(0, 1, 1, Columns.NONE), '\t', false, 0, 1, 1),
            new ImportSettings(false, new Columns(3, 0, 2, 1), '|', true, 0.125, 1, 50),
            new ImportSettings(false, new Columns(0, 4, 5, 6), ',', false, 1e-9, 100_000, 2),
            new ImportSettings(false, new Columns(0, 1, Columns.NONE, 2), ',', true, 0, 1, 1,
                    org.tastemap.io.TextEncoding.LATIN_1, org.tastemap.io.ValueKind.WEIGHT));

    @Test
    void textFromBeforeTheEncodingAndValueChoicesReadsAsAuto() {
        String old = "format=delimited;delimiter=44;header=true;user=0;artist=1;name=-1;plays=2;minPlays=0.0;minArtists=1;minListeners=1";
        assertEquals(Optional.of(new ImportSettings(false, new Columns(0, 1, Columns.NONE, 2), ',', true, 0, 1, 1)),
                ImportSettings.decode(old));
    }

    @Test
    void everySettingSurvivesTheRoundTripThroughText() {
        for (ImportSettings s : EXAMPLES) {
            assertEquals(Optional.of(s), ImportSettings.decode(s.encode()), s.encode());
        }
    }

    @Test
    void theRecentListRemembersEachFilesSettings() {
        AppPrefs prefs = AppPrefs.inMemory();
        String a = "/data/plays.csv";
        String b = "/data/other folder/listening.tsv.gz";
        prefs.addRecent(a, EXAMPLES.get(2));
        prefs.addRecent(b, EXAMPLES.get(1));
        assertEquals(List.of(b, a), prefs.recent());
        assertEquals(Optional.of(EXAMPLES.get(2)), prefs.importSettings(a));
        assertEquals(Optional.of(EXAMPLES.get(1)), prefs.importSettings(b));
        // importing a again with other choices replaces its settings and moves it first
        prefs.addRecent(a, EXAMPLES.get(4));
        assertEquals(List.of(a, b), prefs.recent());
        assertEquals(Optional.of(EXAMPLES.get(4)), prefs.importSettings(a));
        assertEquals(Optional.empty(), prefs.importSettings("/never/opened.tsv"));
    }

    @Test
    void aFileFallingOffTheRecentListForgetsItsSettings() {
        AppPrefs prefs = AppPrefs.inMemory();
        for (int i = 0; i < 9; i++) {
            prefs.addRecent("/data/f" + i + ".csv", EXAMPLES.get(2));
        }
        assertEquals(8, prefs.recent().size());
        assertEquals(Optional.empty(), prefs.importSettings("/data/f0.csv"));
        assertEquals(Optional.of(EXAMPLES.get(2)), prefs.importSettings("/data/f1.csv"));
    }

    @Test
    void damagedOrForeignTextIsIgnored() {
        for (String bad : new String[] {null, "", "garbage", "format=xml;delimiter=44", "format=delimited;delimiter=x",
                EXAMPLES.get(2).encode().replace("user=2", "user=")}) {
            assertEquals(Optional.empty(), ImportSettings.decode(bad), String.valueOf(bad));
        }
    }

    @Test
    void preferenceKeysFitJavaPreferencesForAnyPathLength() {
        String longPath = "/very/long/" + "folder/".repeat(200) + "plays.csv";
        assertTrue(AppPrefs.importKey(longPath).length() <= java.util.prefs.Preferences.MAX_KEY_LENGTH);
    }

    @Test
    void theDescriptionNamesLayoutAndFilters() {
        assertEquals("Last.fm layout", ImportSettings.lastFmDefaults().describe());
        assertEquals("semicolon-separated, header, columns user 3, artist 2, plays 1, rows with 2.5+ plays, "
                + "users with 3+ artists, artists with 4+ listeners", EXAMPLES.get(2).describe());
    }
}
