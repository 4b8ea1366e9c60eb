package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ImportOptionsTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void rejectsBadSettingsInWords() {
        ColumnMapping m = ColumnMapping.of(0, 1);
        assertEquals("a delimited import needs a column mapping (which columns hold user, artist and plays)",
                message(() -> ImportOptions.delimited(null, ',', true)));
        assertEquals("'\"' cannot separate fields: use tab, comma, semicolon or pipe",
                message(() -> ImportOptions.delimited(m, '"', true)));
        assertEquals("'x' cannot separate fields: use tab, comma, semicolon or pipe",
                message(() -> ImportOptions.delimited(m, 'x', true)));
        assertEquals("the minimum plays per row must be a number of 0 or more (was -1.0)",
                message(() -> ImportOptions.lastFm().withFilters(-1, 1, 1)));
        assertEquals("the minimum artists per user must be 1 or more (was 0)",
                message(() -> ImportOptions.lastFm().withFilters(0, 0, 1)));
        assertEquals("the minimum listeners per artist must be 1 or more (was 0)",
                message(() -> ImportOptions.lastFm().withFilters(0, 1, 0)));
        assertEquals("the largest share of bad rows must be between 0 and 1 (was 1.5)",
                message(() -> ImportOptions.lastFm().withBadRowLimit(1.5, 1000)));
        assertEquals("the bad-row check needs at least 1 row (was 0)",
                message(() -> ImportOptions.lastFm().withBadRowLimit(0.5, 0)));
    }

    @Test
    void columnMappingRejectsOverlapsAndNegativeColumns() {
        assertEquals("the user and artist columns are both column 1", message(() -> ColumnMapping.of(0, 0)));
        assertEquals("the user column must be 0 or more (was -1)", message(() -> ColumnMapping.of(-1, 0)));
        assertEquals("the count column 2 is also used for another field", message(() -> new ColumnMapping(0, 1, -1, 1)));
        assertEquals("the artist name column 1 is also the user column", message(() -> new ColumnMapping(0, 1, 0, 2)));
        assertEquals("the count column must be -1 (none) or more (was -2)", message(() -> new ColumnMapping(0, 1, -1, -2)));
    }

    @Test
    void defaultsKeepEverything() {
        ImportOptions o = ImportOptions.lastFm();
        assertEquals(0.0, o.minPlays());
        assertEquals(1, o.minArtistsPerUser());
        assertEquals(1, o.minListenersPerArtist());
        assertEquals(0.5, o.maxBadShare());
        assertEquals(3, ColumnMapping.of(3, 1).maxColumn());
    }
}
