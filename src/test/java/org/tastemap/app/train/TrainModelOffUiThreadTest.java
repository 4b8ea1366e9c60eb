package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.Activity;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.Job;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.task.Work;

/**
 * The model a training run hands to the screens (with its Recommender, which packs every artist's
 * factors: ~140 ms on the UI thread at full size while the machine trained, measured with the stall
 * watch) is built by the background work, not in the callback on the UI thread.
 */
class TrainModelOffUiThreadTest {
    /** Runs jobs like {@link SameThreadExecutor} and keeps what each work returned. */
    private static final class Recording implements BackgroundExecutor {
        final SameThreadExecutor inner = new SameThreadExecutor();
        final List<Object> results = new ArrayList<>();

        @Override
        public <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return inner.submit(title, ctx -> {
                T r = work.run(ctx);
                results.add(r);
                return r;
            }, onSuccess, onFailure);
        }

        @Override
        public ObservableList<Activity> activities() {
            return inner.activities();
        }
    }

    @Test
    void theShownModelComesReadyFromTheBackgroundWork() throws Exception {
        AppState state = Fixtures.stateWithData();
        Recording executor = new Recording();
        TrainViewModel vm = new TrainViewModel(state, executor, new Debouncer.Manual(), new Fixtures.Errors());
        vm.factorsProperty().set(8);
        vm.iterationsProperty().set(3);
        vm.train();
        ModelState shown = state.model();
        assertNotNull(shown);
        boolean fromWork = false;
        for (Object r : executor.results) {
            fromWork |= r == shown || holds(r, shown);
        }
        assertTrue(fromWork, "the UI callback only publishes the model the work built: " + executor.results);
    }

    private static boolean holds(Object r, Object value) throws Exception {
        if (r == null || !r.getClass().isRecord()) {
            return false;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            c.getAccessor().setAccessible(true);
            if (c.getAccessor().invoke(r) == value) {
                return true;
            }
        }
        return false;
    }
}
