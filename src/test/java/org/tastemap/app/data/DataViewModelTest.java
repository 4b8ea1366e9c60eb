package org.tastemap.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.task.Activity;
import org.tastemap.app.task.SameThreadExecutor;

class DataViewModelTest {
    @Test
    void theHeadlineSaysWhyThereAreNoChartsYet() {
        AppState state = new AppState();
        SameThreadExecutor executor = new SameThreadExecutor();
        DataViewModel vm = new DataViewModel(state, executor, new Fixtures.Errors());
        assertEquals("No data open. Import a listening file to start.", vm.headlineBinding().get());
        Activity opening = new Activity("Importing big.tsv", () -> { });
        executor.activities().add(opening);
        assertEquals("Opening data…", vm.headlineBinding().get());
        executor.activities().remove(opening);
        // the statistics are computed in the background (here at once) when the data arrives
        state.setData(Fixtures.data());
        assertNotNull(vm.statsProperty().get());
        assertTrue(vm.headlineBinding().get().startsWith(String.format(java.util.Locale.ROOT, "%,d users · %,d artists",
                Fixtures.USERS, state.data().artists())), vm.headlineBinding().get());
    }
}
