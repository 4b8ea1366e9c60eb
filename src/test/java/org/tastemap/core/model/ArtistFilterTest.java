package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Filters on a model worked out by hand: 6 listeners, 6 artists. Artist i (i < 5) is played by
 * listeners 1 .. 5-i, so it has 5, 4, 3, 2, 1 listeners; artist 5 only by listener 0 (1 listener).
 * Popularity ranks: 0, 1, 2, 3, 4, 5 (artists 4 and 5 tie at 1 listener; the lower index ranks first).
 * Factors, k = 2: listener 0 is (1, 0), artist i is (cos 10i°, sin 10i°), so listener 0's score of
 * artist i is cos 10i° and the cosine of artists 0 and i is cos 10i° too.
 */
class ArtistFilterTest {
    static final int[] LISTENERS = {5, 4, 3, 2, 1, 1};

    static TrainedModel model() {
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int u = 1; u <= 5 - i; u++) {
                cells.add(new int[] {u, i});
            }
        }
        cells.add(new int[] {0, 5});
        InteractionMatrix m = HandModels.matrix(6, 6, cells.toArray(new int[0][]));
        float[] x = new float[12];
        x[0] = 1;
        float[] y = new float[12];
        for (int i = 0; i < 6; i++) {
            y[2 * i] = (float) Math.cos(Math.toRadians(10 * i));
            y[2 * i + 1] = (float) Math.sin(Math.toRadians(10 * i));
        }
        return HandModels.model(m, 2, x, y);
    }

    @Test
    void popularityCountsRanksPercentilesAndShares() {
        Popularity p = Popularity.of(model());
        for (int i = 0; i < 6; i++) {
            assertEquals(LISTENERS[i], p.listeners(i), "listeners of artist " + i);
            assertEquals(i, p.rank(i), "rank of artist " + i);
            assertEquals(i, p.atRank(i));
        }
        // 100 * (artists with fewer listeners) / 6: artist 0 has 5 below it, artists 4 and 5 none
        assertEquals(500 / 6.0, p.percentile(0), 1e-12);
        assertEquals(400 / 6.0, p.percentile(1), 1e-12);
        assertEquals(200 / 6.0, p.percentile(3), 1e-12);
        assertEquals(0, p.percentile(4), 1e-12);
        assertEquals(0, p.percentile(5), 1e-12);
        assertEquals(5 / 6.0, p.share(0), 1e-12);
    }

    private static List<Integer> indexes(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::index).toList();
    }

    @Test
    void recommendationsLeaveOutFilteredArtistsAndKeepTheirScores() {
        TrainedModel t = model();
        Recommender r = new Recommender(t);
        Popularity p = Popularity.of(t);
        // listener 0 played artist 5; unfiltered: artists 0..4 by cos 10i°
        assertEquals(List.of(0, 1, 2, 3, 4), indexes(r.recommend(0, 10, null)));
        assertEquals(List.of(2, 3, 4), indexes(r.recommend(0, 10, new ArtistFilter(2, 0, Integer.MAX_VALUE).allowed(p))));
        assertEquals(List.of(0, 1, 2, 3), indexes(r.recommend(0, 10, new ArtistFilter(0, 2, Integer.MAX_VALUE).allowed(p))));
        assertEquals(List.of(2, 3, 4), indexes(r.recommend(0, 10, new ArtistFilter(0, 0, 3).allowed(p))));
        // ranks 3.. are artists 3, 4, 5 (5 played); 2-3 listeners: artist 3 alone
        List<ScoredItem> one = r.recommend(0, 10, new ArtistFilter(3, 2, 3).allowed(p));
        assertEquals(List.of(3), indexes(one));
        assertEquals(Math.cos(Math.toRadians(30)), one.get(0).score(), 1e-6, "the score is the unfiltered x.y");
        // n = 2 is refilled from further down
        assertEquals(List.of(2, 3), indexes(r.recommend(0, 2, new ArtistFilter(2, 0, Integer.MAX_VALUE).allowed(p))));
    }

    @Test
    void similarArtistsLeaveOutFilteredArtistsAndKeepTheirCosines() {
        TrainedModel t = model();
        Recommender r = new Recommender(t);
        Popularity p = Popularity.of(t);
        assertEquals(List.of(1, 2, 3, 4, 5), indexes(r.similarArtists(0, 10)));
        List<ScoredItem> s = r.similarArtists(0, 10, new ArtistFilter(0, 0, 3).allowed(p));
        assertEquals(List.of(2, 3, 4, 5), indexes(s));
        assertEquals(Math.cos(Math.toRadians(20)), s.get(0).score(), 1e-6);
        assertEquals(List.of(3, 4), indexes(r.similarArtists(0, 2, new ArtistFilter(3, 0, Integer.MAX_VALUE).allowed(p))));
        assertEquals(List.of(), indexes(r.similarArtists(0, 10, new ArtistFilter(0, 6, Integer.MAX_VALUE).allowed(p))));
    }

    @Test
    void noFilterIsNoPredicateAndBadValuesAreRefusedWithReasons() {
        assertEquals(null, ArtistFilter.NONE.allowed(Popularity.of(model())));
        assertTrue(ArtistFilter.NONE.isNone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArtistFilter(-1, 0, 5));
        assertTrue(e.getMessage().contains("0 or more (got -1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ArtistFilter(0, 10, 5));
        assertTrue(e.getMessage().contains("minimum listener count (10) is above the maximum (5)"), e.getMessage());
        assertEquals("without the 10 most popular · 5-1,000 listeners", new ArtistFilter(10, 5, 1000).describe());
        assertEquals("at least 5 listeners", new ArtistFilter(0, 5, Integer.MAX_VALUE).describe());
        assertEquals("", ArtistFilter.NONE.describe());
    }
}
