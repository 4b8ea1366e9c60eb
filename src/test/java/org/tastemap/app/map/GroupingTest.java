package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Label groups on a 4-point map, counted by hand. */
class GroupingTest {
    private static final MapPoints FOUR = new MapPoints(new int[] {0, 1, 2, 3}, new float[4], new float[4],
            new int[4], 1, "test", true);

    @Test
    void everyArtistLabelledGivesNoEmptyNoLabelGroup() {
        // artists 0, 1 -> "rock", 2, 3 -> "jazz": the legend lists the two labels only (it listed "no label 0" too)
        Grouping g = Grouping.labels(FOUR, new String[] {"rock", "jazz"}, new int[] {0, 0, 1, 1});
        assertArrayEquals(new String[] {"rock", "jazz"}, g.names());
        assertArrayEquals(new int[] {2, 2}, g.counts());
    }

    @Test
    void unlabelledArtistsFormALastGreyGroup() {
        Grouping g = Grouping.labels(FOUR, new String[] {"rock", "jazz"}, new int[] {0, -1, 1, -1});
        assertArrayEquals(new String[] {"rock", "jazz", "no label"}, g.names());
        assertArrayEquals(new int[] {1, 1, 2}, g.counts());
        assertArrayEquals(new int[] {0, 2, 1, 2}, g.group());
    }
}
