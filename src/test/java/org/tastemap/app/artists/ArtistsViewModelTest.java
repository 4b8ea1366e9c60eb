package org.tastemap.app.artists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.TrainViewModel;

class ArtistsViewModelTest {
    private AppState state;
    private ArtistsViewModel vm;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        SameThreadExecutor executor = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, executor, new Debouncer.Manual(), errors);
        train.factorsProperty().set(8);
        train.iterationsProperty().set(3);
        train.train();
        vm = new ArtistsViewModel(state, executor, errors);
    }

    private int artistNamed(String name) {
        return state.data().dataset().artists().indexOf(name);
    }

    @Test
    void searchFindsArtistsWithListenersAndPlays() {
        String name = state.data().dataset().artistName(0);
        vm.queryProperty().set(name.substring(0, 5).toLowerCase());
        assertFalse(vm.results().isEmpty());
        ArtistRow first = vm.results().get(0);
        assertTrue(first.name().toLowerCase().startsWith(name.substring(0, 5).toLowerCase()));
        assertEquals(state.data().dataset().matrix().itemCount(first.index()), first.listeners());
        assertEquals(state.data().dataset().matrix().itemTotal(first.index()), first.plays());
    }

    @Test
    void openingAnArtistShowsSimilarArtistsAndTopListeners() {
        vm.open(0);
        assertEquals(0, vm.currentProperty().get().index());
        assertEquals(ArtistsViewModel.SIMILAR, vm.similar().size());
        assertTrue(vm.similar().stream().noneMatch(r -> r.index() == 0), "the artist itself is not similar to itself");
        for (int q = 1; q < vm.similar().size(); q++) {
            assertTrue(vm.similar().get(q - 1).score() >= vm.similar().get(q).score(), "best first");
        }
        List<ListenerRow> top = vm.listeners();
        assertFalse(top.isEmpty());
        for (ListenerRow r : top) {
            assertEquals(state.data().dataset().matrix().get(r.user(), 0), r.plays(), 0.0);
        }
        for (int q = 1; q < top.size(); q++) {
            assertTrue(top.get(q - 1).plays() >= top.get(q).plays());
        }
    }

    @Test
    void backAndForwardWalkTheArtistsVisited() {
        vm.open(0);
        int next = vm.similar().get(0).index();
        vm.open(next);
        assertTrue(vm.canBackBinding().get());
        assertFalse(vm.canForwardBinding().get());
        vm.back();
        assertEquals(0, vm.currentProperty().get().index());
        assertTrue(vm.canForwardBinding().get());
        vm.forward();
        assertEquals(next, vm.currentProperty().get().index());
        vm.back();
        vm.open(5);
        assertFalse(vm.canForwardBinding().get(), "opening a new artist clears Forward, as in a browser");
    }

    @Test
    void openByNameUsesTheSearch() {
        String name = state.data().dataset().artistName(7);
        assertTrue(vm.openByName(name));
        assertEquals(artistNamed(name), vm.currentProperty().get().index());
        assertFalse(vm.openByName("zzzz-no-such-artist"));
    }

    @Test
    void listenerLinksAskTheWindowToOpenTheUser() {
        int[] opened = {-1};
        vm.setOnOpenUser(u -> opened[0] = u);
        vm.open(0);
        vm.openUser(vm.listeners().get(0).user());
        assertEquals(vm.listeners().get(0).user(), opened[0]);
    }

    @Test
    void theSearchBoxFollowsTheArtistOpenedByNavigation() {
        String first = state.data().dataset().artistName(0);
        vm.queryProperty().set(first.substring(0, 4));
        vm.openFromSearch(0);
        assertEquals(first.substring(0, 4), vm.queryProperty().get(), "picking a search result keeps what was typed");
        ArtistRow next = vm.similar().get(0);
        vm.open(next.index());
        assertEquals(next.name(), vm.queryProperty().get(), "a similar artist opened by double-click replaces the old name");
        vm.back();
        assertEquals(first, vm.queryProperty().get());
        vm.forward();
        assertEquals(next.name(), vm.queryProperty().get());
    }
}
