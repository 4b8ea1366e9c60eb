package org.tastemap.app.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs each job at once on the calling thread, callbacks included, so that ViewModels can be tested
 * without a window or an FX thread.
 */
public final class SameThreadExecutor implements BackgroundExecutor {
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();
    private volatile boolean cancelNext;

    /** Makes the next submitted job see {@code cancelled() == true} from its start (to test cancelling). */
    public void cancelNextJob() {
        cancelNext = true;
    }

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] cancelled = {cancelNext};
        cancelNext = false;
        Activity activity = new Activity(title, () -> cancelled[0] = true);
        activities.add(activity);
        T result;
        try {
            result = work.run(new WorkContext() {
                @Override
                public boolean cancelled() {
                    return cancelled[0];
                }

                @Override
                public void progress(double fraction, String message) {
                    activity.update(fraction, message);
                }

                @Override
                public void publish(Runnable update) {
                    update.run();
                }
            });
        } catch (Throwable e) {
            activities.remove(activity);
            onFailure.accept(e);
            return Job.DONE;
        }
        activities.remove(activity);
        if (cancelled[0]) {
            onFailure.accept(new CancellationException(title + " was cancelled"));
        } else {
            onSuccess.accept(result);
        }
        return Job.DONE;
    }

    @Override
    public ObservableList<Activity> activities() {
        return activities;
    }
}
