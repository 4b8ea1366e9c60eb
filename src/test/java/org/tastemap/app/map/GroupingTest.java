package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;

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

    @Test
    void theFirstSixteenClusterColoursAreFarApart() {
        // 16 groups is what the sample's planted genres give; Euclidean distance on 0..1 RGB channels.
        // Tableau 20's light teal #86bcb6 was 0.068 from its teal #76b7b2, and light yellow 0.109 from
        // yellow; the closest pair of Tableau 10 itself (#ff9da7, #ffbe7d) is 0.209
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                Color x = Grouping.categorical(a);
                Color y = Grouping.categorical(b);
                double d = Math.sqrt(Math.pow(x.getRed() - y.getRed(), 2) + Math.pow(x.getGreen() - y.getGreen(), 2)
                        + Math.pow(x.getBlue() - y.getBlue(), 2));
                assertTrue(d >= 0.2, "colours " + a + " and " + b + " are " + d + " apart");
            }
        }
    }
}
