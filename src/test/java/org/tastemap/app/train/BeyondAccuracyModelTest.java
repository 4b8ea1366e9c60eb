package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * The beyond-accuracy line after an opened model: the app measures an opened model's MAP@10 and
 * publishes the same trained model again with it (ModelMeasure). The line's own measuring, still
 * running then, must still show its result: on the first launch's bundled model it said "Measuring the
 * top-10 lists…" for good (seen in a real window, session 8).
 */
class BeyondAccuracyModelTest {
    /** Keeps each job until {@link #runAll()}, as the background pool finishes it later. */
    private static final class Deferred implements BackgroundExecutor {
        final SameThreadExecutor inner = new SameThreadExecutor();
        final Deque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            waiting.add(() -> inner.submit(title, work, onSuccess, onFailure));
            return Job.DONE;
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().run();
            }
        }

        @Override
        public ObservableList<Activity> activities() {
            return inner.activities();
        }
    }

    @Test
    void theLineShowsItsMeasuresWhenTheSameModelIsPublishedAgainMeanwhile() {
        AppState state = Fixtures.stateWithData();
        TrainViewModel trainer = new TrainViewModel(state, new SameThreadExecutor(), new Debouncer.Manual(), new Fixtures.Errors());
        trainer.factorsProperty().set(8);
        trainer.iterationsProperty().set(3);
        trainer.train();
        ModelState trained = state.model();

        Deferred executor = new Deferred();
        BeyondAccuracyModel line = new BeyondAccuracyModel(state, executor);
        assertEquals("Measuring the top-10 lists…", line.textProperty().get());
        // the same trained model, published again with new measures while the line's job runs
        state.setModel(new ModelState(trained.trained(), trained.recommender(), trained.loss(), trained.metrics(), false, "opened"));
        executor.runAll();
        assertTrue(line.textProperty().get().startsWith("Model (most popular): MAP@10 "), line.textProperty().get());
    }
}
