package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Sampled and complete listener histories, and the model's full-data counts. The 4 x 3 matrix
 * below is written by hand; its column counts (artist 0: users 0, 1, 3; artist 1: users 1, 2;
 * artist 2: user 3) are read off it.
 */
class ListenerHistoriesTest {
    // user 0 plays artist 0; user 1 artists 0, 1; user 2 artist 1; user 3 artists 0, 2
    private static TrainedModel model() {
        int[] u = {0, 1, 1, 2, 3, 3};
        int[] i = {0, 0, 1, 1, 0, 2};
        float[] v = {5, 1, 2, 3, 4, 6};
        InteractionMatrix m = InteractionMatrix.fromTriplets(4, 3, u, i, v, u.length);
        Dataset d = Dataset.of(m, IdIndex.of(new String[] {"a", "b", "c", "d"}), IdIndex.of(new String[] {"x", "y", "z"}));
        int k = 2;
        float[] x = new float[4 * k];
        float[] y = new float[3 * k];
        java.util.Arrays.fill(x, 0.5f);
        java.util.Arrays.fill(y, 0.25f);
        return new TrainedModel(d, new FactorModel(k, 4, 3, x, y, AlsParams.defaults().withFactors(k), 3));
    }

    @Test
    void completeHistoriesHoldEveryListenerAndCountFromTheMatrix() {
        TrainedModel t = model();
        assertTrue(t.histories().isComplete());
        assertEquals(4, t.histories().heldCount());
        assertArrayEquals(new int[] {0, 1, 2, 3}, t.histories().heldUsers());
        assertTrue(t.holdsHistory(3));
        assertFalse(t.holdsHistory(4));
        assertEquals(3, t.artistListeners(0));
        assertEquals(2, t.artistListeners(1));
        assertEquals(1, t.artistListeners(2));
        assertEquals(6, t.totalRows());
        assertThrows(IllegalStateException.class, () -> t.histories().artistListeners(0));
        // the 3-argument constructor and withMetadata keep complete histories
        assertEquals(ListenerHistories.complete(4), t.withMetadata(Map.of("a", "b")).histories());
    }

    @Test
    void aSampleKeepsOnlyHeldRowsAndTheFullDataCounts() {
        TrainedModel s = model().keepHistoriesOf(new int[] {1, 3});
        ListenerHistories h = s.histories();
        assertFalse(h.isComplete());
        assertEquals(2, h.heldCount());
        assertEquals(4, h.numUsers());
        assertTrue(s.holdsHistory(1));
        assertFalse(s.holdsHistory(0));
        assertFalse(s.holdsHistory(2));
        // the rows of users 0 and 2 are gone: 4 of the 6 cells remain
        assertEquals(4, s.dataset().matrix().nnz());
        assertEquals(0, s.dataset().matrix().userCount(0));
        assertEquals(2, s.dataset().matrix().userCount(3));
        // ... but the counts are the full data's: artist 0 still has 3 listeners, artist 1 two
        assertEquals(2, s.dataset().matrix().itemCount(0));
        assertEquals(3, s.artistListeners(0));
        assertEquals(2, s.artistListeners(1));
        assertEquals(1, s.artistListeners(2));
        assertEquals(6, s.totalRows());
        // ids, names and factors of everyone stay
        assertEquals(4, s.dataset().users().size());
        assertEquals(model().factors().userFactors().length, s.factors().userFactors().length);
        assertEquals(h, s.withMetadata(Map.of("k", "v")).histories());
        assertThrows(IllegalStateException.class, () -> s.keepHistoriesOf(new int[] {1}));
    }

    @Test
    void badSamplesAreRefusedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ListenerHistories.sample(4, new int[] {2, 1}, new int[] {1, 1, 1}, 3));
        assertTrue(e.getMessage().contains("held listener 1 is user 1, not above the previous 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ListenerHistories.sample(4, new int[] {4}, new int[] {1, 1, 1}, 3));
        assertTrue(e.getMessage().contains("outside 0..3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ListenerHistories.sample(4, new int[] {0}, new int[] {5, 1, 1}, 7));
        assertTrue(e.getMessage().contains("artist 0 has 5 listeners"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ListenerHistories.sample(4, new int[] {0}, new int[] {1, 1, 1}, 4));
        assertTrue(e.getMessage().contains("add up to 3"), e.getMessage());

        TrainedModel t = model();
        // user 0 has a row, so histories that do not hold user 0 do not fit the full matrix
        e = assertThrows(IllegalArgumentException.class,
                () -> t.withHistories(ListenerHistories.sample(4, new int[] {1, 2, 3}, new int[] {3, 2, 1}, 6)));
        assertTrue(e.getMessage().contains("user 0 has 1 played artists, but is not one of the held listeners"), e.getMessage());
        // artist 0 has 3 held listeners in the matrix: a full-data count of 2 is impossible
        e = assertThrows(IllegalArgumentException.class,
                () -> t.withHistories(ListenerHistories.sample(4, new int[] {0, 1, 2, 3}, new int[] {2, 3, 1}, 6)));
        assertTrue(e.getMessage().contains("artist 0 has 3 held listeners, more than its 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> t.withHistories(ListenerHistories.sample(4, new int[] {0, 1, 2, 3}, new int[] {3, 3}, 6)));
        assertTrue(e.getMessage().contains("histories count listeners of 2 artists, the dataset has 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.withHistories(ListenerHistories.complete(5)));
        assertTrue(e.getMessage().contains("histories of 5 listeners do not fit a dataset of 4"), e.getMessage());
    }

    @Test
    void theArraysAreCopiedInAndOut() {
        int[] held = {0, 2};
        int[] listeners = {1, 1};
        ListenerHistories h = ListenerHistories.sample(3, held, listeners, 2);
        held[0] = 1;
        listeners[0] = 0;
        h.heldUsers()[1] = 0;
        assertArrayEquals(new int[] {0, 2}, h.heldUsers());
        assertEquals(1, h.artistListeners(0));
        assertEquals(ListenerHistories.sample(3, new int[] {0, 2}, new int[] {1, 1}, 2), h);
        assertEquals("histories of 2 sampled listeners of 3", h.toString());
    }
}
