package org.tastemap.app.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.core.model.Explanation;

class UsersViewModelTest {
    private AppState state;
    private UsersViewModel vm;
    private TasteBuilderViewModel taste;
    private Fixtures.Errors errors;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        SameThreadExecutor executor = new SameThreadExecutor();
        errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, executor, new Debouncer.Manual(), errors);
        train.factorsProperty().set(8);
        train.iterationsProperty().set(3);
        train.train();
        vm = new UsersViewModel(state, executor, errors);
        taste = new TasteBuilderViewModel(state, executor, errors);
    }

    @Test
    void openingAUserShowsHistoryRecommendationsAndSimilarUsers() {
        vm.open(3);
        assertEquals(state.data().dataset().matrix().userCount(3), vm.history().size());
        for (int q = 1; q < vm.history().size(); q++) {
            assertTrue(vm.history().get(q - 1).value() >= vm.history().get(q).value(), "history sorted by plays");
        }
        assertEquals(UsersViewModel.RECOMMENDATIONS, vm.recommendations().size());
        int[] played = state.played(3);
        for (PlayRow r : vm.recommendations()) {
            assertTrue(Arrays.binarySearch(played, r.artist()) < 0, "played artists (held out ones too) are not recommended");
        }
        assertEquals(UsersViewModel.SIMILAR_USERS, vm.similarUsers().size());
        assertTrue(vm.similarUsers().stream().noneMatch(u -> u.index() == 3));
    }

    @Test
    void selectingARecommendationExplainsIt() {
        vm.open(3);
        PlayRow rec = vm.recommendations().get(0);
        vm.selectedRecommendationProperty().set(rec);
        assertFalse(vm.explanation().isEmpty());
        assertTrue(vm.explanation().size() <= UsersViewModel.CONTRIBUTIONS);
        // the rows are the engine's contributions, largest first (compared with a direct call)
        Explanation e = state.model().recommender().explain(3, rec.artist());
        assertEquals(e.contributions().get(0).item(), vm.explanation().get(0).artist());
        assertEquals(e.share(e.contributions().get(0)), vm.explanation().get(0).share(), 1e-12);
        assertTrue(vm.explanationTitleProperty().get().contains(rec.name()));
    }

    @Test
    void withTheHeldOutToggleOnRecommendationsAndExplanationsUseEveryPlay() {
        // issue 15: the model is trained on the split, but the Users screen answers about all the listener's plays
        assertTrue(state.model().heldOut(), "the Train screen's default is held-out evaluation");
        var meta = state.model().trained().metadata();
        assertEquals("split", meta.get(org.tastemap.core.model.ModelMetadata.TRAINED_ON), "the model says its factors saw the split: " + meta);
        assertEquals(Integer.toString(state.data().split().train().nnz()), meta.get(org.tastemap.core.model.ModelMetadata.TRAINED_ROWS));
        var split = state.data().split();
        int u = 0;
        while (split.test().userCount(u) == 0) {
            u++;
        }
        int all = state.data().dataset().matrix().userCount(u);
        assertTrue(split.train().userCount(u) < all, "this listener has held-out plays");
        vm.open(u);
        int[] played = state.played(u);
        for (PlayRow r : vm.recommendations()) {
            assertTrue(Arrays.binarySearch(played, r.artist()) < 0, "a held-out played artist is recommended: " + r.name());
        }
        PlayRow rec = vm.recommendations().get(0);
        Explanation e = state.model().recommender().explain(u, rec.artist());
        assertEquals(all, e.contributions().size(), "one contribution per played artist, held-out ones included");
        // the model's recommend() (used by exports and the CLI on a saved file) excludes every play too
        for (var s : state.model().recommender().recommend(u, state.data().artists(), null)) {
            assertTrue(Arrays.binarySearch(played, s.index()) < 0, "recommend() returned a played artist");
        }
    }

    @Test
    void explainingAPlayedArtistSaysItWasPlayedWithItsPlays() {
        vm.open(3);
        // the listener's most played artist, as the history lists it (first row, sorted by plays)
        PlayRow top = vm.history().get(0);
        vm.selectedRecommendationProperty().set(top);
        String title = vm.explanationTitleProperty().get();
        assertTrue(title.startsWith(top.name() + " was played " + String.format("%,d", Math.round(top.value())) + " times"), title);
        assertFalse(vm.explanation().isEmpty(), "its score is still explained");
    }

    @Test
    void findByIdAndRandom() {
        String id = state.data().dataset().users().id(42);
        assertTrue(vm.openById(id));
        assertEquals(42, vm.currentProperty().get().index());
        assertTrue(vm.openById(id.substring(0, 10)), "a prefix finds the user through the search");
        assertFalse(vm.openById("no such user here"));
        vm.openRandom();
        assertNotNull(vm.currentProperty().get());
        assertTrue(errors.shown.isEmpty());
    }

    @Test
    void tasteBuilderRecommendsForAHypotheticalListener() {
        assertTrue(taste.recommendations().isEmpty());
        String a = state.data().dataset().artistName(0);
        String b = state.data().dataset().artistName(8);
        assertTrue(taste.add(a, 100));
        assertTrue(taste.add(b, 20));
        assertEquals(2, taste.picks().size());
        assertEquals(TasteBuilderViewModel.RECOMMENDATIONS, taste.recommendations().size());
        assertTrue(taste.recommendations().stream().noneMatch(r -> r.artist() == 0 || r.artist() == 8),
                "picked artists are not recommended back");
        // same as folding in directly
        float[] x = state.model().recommender().foldIn(new int[] {0, 8}, new float[] {100, 20});
        var direct = state.model().recommender().recommendFor(x, new int[] {0, 8}, 1, null);
        assertEquals(direct.get(0).index(), taste.recommendations().get(0).artist());
        assertFalse(taste.add("zzzz-no-such-artist", 1));
        taste.clear();
        assertTrue(taste.recommendations().isEmpty());
    }

    @Test
    void tasteBuilderRefusesATypedWordForPlaysAndSaysWhy() {
        String artist = state.data().dataset().artistName(0);
        taste.playsInput().textProperty().set("lots");
        assertFalse(taste.playsInput().validBinding().get(), "Add is disabled while the plays are invalid");
        assertTrue(taste.playsInput().errorBinding().get().contains("\"lots\" is not a whole number"),
                taste.playsInput().errorBinding().get());
        assertFalse(taste.addWithTypedPlays(artist));
        assertTrue(taste.picks().isEmpty());
        taste.playsInput().textProperty().set("250000");
        assertTrue(taste.playsInput().errorBinding().get().contains("from 1 to 100,000"), taste.playsInput().errorBinding().get());
        taste.playsInput().textProperty().set("25");
        assertTrue(taste.addWithTypedPlays(artist));
        assertEquals(25.0, taste.picks().get(0).value());
    }

    @Test
    void theIdBoxShowsTheListenerOpened() {
        vm.queryProperty().set("ab");
        vm.openRandom();
        assertEquals(vm.currentProperty().get().id(), vm.queryProperty().get(), "no typed prefix left after Random user");
        vm.open(5);
        assertEquals(state.data().dataset().users().id(5), vm.queryProperty().get());
    }

    @Test
    void anUnknownIdSaysSoAndSuggestsTheClosestIds() {
        // user 3's id with its last two characters replaced by ones no hex id has: shares 38 characters with user 3 only
        String id3 = state.data().dataset().users().id(3);
        String typo = id3.substring(0, id3.length() - 2) + "zz";
        assertFalse(vm.openById(typo));
        assertEquals(null, vm.currentProperty().get(), "nothing opened");
        String problem = vm.problemProperty().get();
        assertTrue(problem.startsWith("No listener \"" + typo + "\""), problem);
        assertTrue(problem.contains(id3), problem);
        vm.openById(id3);
        assertEquals(3, vm.currentProperty().get().index());
        assertEquals("", vm.problemProperty().get(), "a found listener clears the message");
    }

    @Test
    void anIdMistypedAtItsStartOffersThatIdFirst() {
        // user 3's id with its first character wrong: 1 edit from it, and sharing no start with any hex id
        // (a search by the longest shared start found nothing to offer)
        String id3 = state.data().dataset().users().id(3);
        String typo = "z" + id3.substring(1);
        assertFalse(vm.openById(typo));
        String problem = vm.problemProperty().get();
        String first = "No listener \"" + typo + "\". Closest: " + id3;
        assertTrue(problem.startsWith(first + ",") || problem.equals(first + "."), "the id itself first: " + problem);
    }
}
