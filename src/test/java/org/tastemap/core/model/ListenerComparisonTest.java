package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Two listeners worked out by hand. Listener a played artists 0 (5 plays), 1 (3), 2 (1); listener b
 * played 1 (2), 2 (4), 4 (1). Factors (k = 2): x_a = (1, 2), x_b = (2, 1), so their cosine is
 * (2 + 2) / (sqrt 5 sqrt 5) = 0.8; y_0 = (1, 1), y_3 = (1, 0), y_4 = (0, 1), y_1 = y_2 = (0.5, 0.5).
 * a's candidates 3 and 4 score 1 and 2; b's candidates 0 and 3 score 3 and 2.
 */
class ListenerComparisonTest {
    static TrainedModel model() {
        InteractionMatrix m = HandModels.matrix(2, 5, new int[][] {{0, 0, 5}, {0, 1, 3}, {0, 2, 1}, {1, 1, 2}, {1, 2, 4}, {1, 4, 1}});
        float[] x = {1, 2, 2, 1};
        float[] y = {1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 1, 0, 0, 1};
        return HandModels.model(m, 2, x, y);
    }

    @Test
    void sharedAndOwnArtistsCosineAndRecommendations() {
        TrainedModel t = model();
        ListenerComparison c = ListenerComparison.of(new Recommender(t), t.dataset().matrix(), 0, 1, 10, null);
        assertEquals(0.8, c.cosine(), 1e-12);
        // both played 1 (3 + 2 = 5 plays) and 2 (1 + 4 = 5): a tie, so by artist index
        assertEquals(List.of(new ListenerComparison.Shared(1, 3, 2), new ListenerComparison.Shared(2, 1, 4)), c.shared());
        assertEquals(List.of(new ListenerComparison.Played(0, 5)), c.onlyA());
        assertEquals(List.of(new ListenerComparison.Played(4, 1)), c.onlyB());
        assertEquals(List.of(new ScoredItem(4, 2f), new ScoredItem(3, 1f)), c.recsA());
        assertEquals(List.of(new ScoredItem(0, 3f), new ScoredItem(3, 2f)), c.recsB());
        assertEquals(List.of(3), c.recommendedToBoth());
    }

    @Test
    void filtersApplyToBothListsAndAZeroVectorHasNoCosine() {
        TrainedModel t = model();
        // artist 3 has no listener: "at least 1 listener" leaves it out of both lists
        var allowed = new ArtistFilter(0, 1, Integer.MAX_VALUE).allowed(Popularity.of(t));
        ListenerComparison c = ListenerComparison.of(new Recommender(t), t.dataset().matrix(), 0, 1, 10, allowed);
        assertEquals(List.of(new ScoredItem(4, 2f)), c.recsA());
        assertEquals(List.of(new ScoredItem(0, 3f)), c.recsB());
        TrainedModel zero = HandModels.model(t.dataset().matrix(), 2, new float[] {0, 0, 2, 1}, t.factors().itemFactors());
        assertTrue(Double.isNaN(ListenerComparison.of(new Recommender(zero), t.dataset().matrix(), 0, 1, 3, null).cosine()));
    }
}
