package org.tastemap.app.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.artists.ArtistRow;
import org.tastemap.app.artists.ArtistsViewModel;
import org.tastemap.app.session.AppState;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.ArtistFilter;
import org.tastemap.core.model.FactorModel;

/** The Users and Artists screens' filters, Compare and held-out test, checked against brute-force counts over the data. */
class ListenerToolsTest {
    private AppState state;
    private UsersViewModel users;
    private ArtistsViewModel artists;
    private SameThreadExecutor executor;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        executor = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, executor, new Debouncer.Manual(), errors);
        train.factorsProperty().set(8);
        train.iterationsProperty().set(3);
        train.train();
        users = new UsersViewModel(state, executor, errors);
        artists = new ArtistsViewModel(state, executor, errors);
    }

    /** The artists with the n most listeners, by counting every column (ties: lower index). */
    private List<Integer> mostListened(int n) {
        InteractionMatrix m = state.data().dataset().matrix();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m.numItems(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> m.itemCount(a) != m.itemCount(b) ? Integer.compare(m.itemCount(b), m.itemCount(a)) : Integer.compare(a, b));
        return order.subList(0, n);
    }

    @Test
    void theRecommendationFilterStrikesOutTheMostPopularAndKeepsScores() {
        users.open(7);
        List<PlayRow> before = new ArrayList<>(users.recommendations());
        List<Integer> top = mostListened(20);
        assertTrue(before.stream().anyMatch(r -> top.contains(r.artist())), "the unfiltered list holds popular artists");
        users.recommendationFilterProperty().set(new ArtistFilter(20, 0, Integer.MAX_VALUE));
        assertEquals(UsersViewModel.RECOMMENDATIONS, users.recommendations().size());
        for (PlayRow r : users.recommendations()) {
            assertFalse(top.contains(r.artist()), r.name() + " is one of the 20 most listened");
        }
        // what stays keeps its score and order: the unfiltered rows without the top 20 lead the new list
        List<PlayRow> kept = before.stream().filter(r -> !top.contains(r.artist())).toList();
        assertEquals(kept, users.recommendations().subList(0, kept.size()));
    }

    @Test
    void theSimilarArtistFilterKeepsAListenerRange() {
        InteractionMatrix m = state.data().dataset().matrix();
        artists.open(0);
        artists.similarFilterProperty().set(new ArtistFilter(0, 5, 30));
        assertFalse(artists.similar().isEmpty());
        for (ArtistRow r : artists.similar()) {
            int n = m.itemCount(r.index());
            assertTrue(n >= 5 && n <= 30, r.name() + " has " + n + " listeners");
        }
    }

    @Test
    void compareSplitsTwoHistoriesAndComputesTheCosine() {
        InteractionMatrix m = state.data().dataset().matrix();
        int a = 3;
        int b = 11;
        users.open(a);
        users.compare().compare(a, b, ArtistFilter.NONE);
        // by brute force over the two rows
        int both = 0;
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < m.numItems(); i++) {
            boolean pa = m.get(a, i) > 0;
            boolean pb = m.get(b, i) > 0;
            both += pa && pb ? 1 : 0;
            onlyA += pa && !pb ? 1 : 0;
            onlyB += !pa && pb ? 1 : 0;
        }
        assertEquals(both, users.compare().shared().size());
        assertEquals(onlyA, users.compare().onlyA().size());
        assertEquals(onlyB, users.compare().onlyB().size());
        FactorModel f = state.model().trained().factors();
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < f.factors(); c++) {
            float xa = f.userFactors()[a * f.factors() + c];
            float xb = f.userFactors()[b * f.factors() + c];
            dot += xa * xb;
            na += xa * xa;
            nb += xb * xb;
        }
        String cosine = String.format(java.util.Locale.ROOT, "%.3f", dot / Math.sqrt(na * nb));
        assertTrue(users.compare().headlineProperty().get().contains("cosine of their factors " + cosine),
                users.compare().headlineProperty().get());
        // the cosine leads the headline; the two 40-digit ids (shown as A and B below it) pushed it out of a 960 px dialog
        assertTrue(users.compare().headlineProperty().get().startsWith("A and B: cosine of their factors " + cosine),
                users.compare().headlineProperty().get());
        assertEquals(CompareViewModel.RECOMMENDATIONS, users.compare().recsA().size());
        for (CompareViewModel.Row r : users.compare().recsA()) {
            assertEquals(0f, m.get(a, r.artist()), "A's recommendations leave out what A played");
        }
    }

    @Test
    void theHeldOutTestRanksEachHeldOutArtist() {
        var split = state.data().split();
        int u = 0;
        while (split.test().userCount(u) < 2) {
            u++;
        }
        users.open(u);
        users.heldOut().show(u);
        assertEquals(split.test().userCount(u), users.heldOut().heldOut().size());
        FactorModel f = state.model().trained().factors();
        for (HeldOutViewModel.Row r : users.heldOut().heldOut()) {
            // brute force: 1 + the artists not played in training that score strictly higher
            int above = 0;
            for (int i = 0; i < f.numItems(); i++) {
                if (split.train().get(u, i) == 0 && f.score(u, i) > f.score(u, r.artist())) {
                    above++;
                }
            }
            assertEquals(above + 1, r.rank(), r.name());
            assertEquals(r.rank() <= 10, r.hit());
        }
        assertEquals(10, users.heldOut().top().size());
        assertTrue(users.heldOut().summaryProperty().get().contains("held-out artists came back in the top 10"));
    }
}
