package org.tastemap.app.task;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * Runs work off the UI thread. Callbacks ({@code onSuccess}, {@code onFailure}, published updates)
 * arrive on the UI thread. Two implementations: {@link FxBackgroundExecutor} (a daemon pool, each
 * job a {@link javafx.concurrent.Task}) and {@link SameThreadExecutor} for tests without a window.
 */
public interface BackgroundExecutor {

    /**
     * Submits work shown in the status bar under {@code title}. A cancelled job ends in
     * {@code onFailure} with a {@link CancellationException}.
     */
    <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** The jobs now running, for the status bar (changed on the UI thread). */
    ObservableList<Activity> activities();

    /**
     * True when {@code t} (or its cause) means the user cancelled: a {@link CancellationException},
     * which the engine's {@link org.tastemap.core.Cancellation} (training, import) is.
     */
    static boolean isCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }
}
