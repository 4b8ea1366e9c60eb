package org.tastemap.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSearchTest {
    // index:                 0        1                2              3                4               5
    private final String[] names = {"Björk", "The Bjorkestra", "Bjørn Again", "Radiohead", "Sigur Rós", "Blur"};
    private final int[] listeners = {500, 20, 50, 900, 300, 700};
    private final NameSearch search = new NameSearch(names, listeners);

    @Test
    void ignoresCaseAndAccents() {
        assertEquals(List.of(0, 1), search.search("BJORK", 10), "Björk by its start, The Bjorkestra by a word start");
        assertEquals(List.of(4), search.search("sigur ros", 10));
    }

    @Test
    void prefixBeatsWordStartBeatsSubstringThenListeners() {
        // "b": starts of Blur(700), Björk(500), Bjørn Again(50) by listeners; then word start The Bjorkestra
        assertEquals(List.of(5, 0, 2, 1), search.search("b", 10));
        // "ead" occurs only inside Radiohead
        assertEquals(List.of(3), search.search("ead", 10));
    }

    @Test
    void limitAndBlankQuery() {
        assertEquals(List.of(5, 0), search.search("b", 2));
        assertEquals(List.of(), search.search("   ", 10));
        assertEquals(List.of(), search.search("zzz", 10));
    }
}
