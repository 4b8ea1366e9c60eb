package org.tastemap.app.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Runs each job as a {@link Task} on a cached pool of daemon threads; callbacks come on the FX thread.
 * The pool is unbounded ({@link Executors#newCachedThreadPool}) on purpose: every job gets a thread
 * at once, so a long job (an import, a training) never holds up a short one queued behind it. Jobs
 * come from the user's actions, so only a handful run at a time; threads idle for a minute end.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {
    private static final Logger LOG = Logger.getLogger(FxBackgroundExecutor.class.getName());
    /**
     * Background threads' priority ({@code tastemap.workerPriority}, 1-10, default 1): below the UI
     * thread's, so that the UI gets a core when it needs one while training keeps both busy. On Linux the
     * JVM applies it only with {@code -XX:ThreadPriorityPolicy=1}, which the launcher and the Linux
     * package set ({@code Launcher.DESKTOP_OPTIONS}); docs/performance.md, "Fourth pass".
     */
    static final int PRIORITY = Math.max(Thread.MIN_PRIORITY, Math.min(Thread.MAX_PRIORITY,
            Integer.getInteger("tastemap.workerPriority", Thread.MIN_PRIORITY)));
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();

    /** The Java priority of background work, {@code tastemap.workerPriority} or 1 (the benchmark prints it). */
    public static int workerPriority() {
        return PRIORITY;
    }
    private final ExecutorService pool;

    public FxBackgroundExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tastemap-background-" + n.incrementAndGet());
            t.setDaemon(true);
            // training's worker threads are started from this thread and inherit its priority
            t.setPriority(PRIORITY);
            return t;
        });
    }

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run(new WorkContext() {
                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }

                    @Override
                    public void progress(double fraction, String message) {
                        updateProgress(fraction, 1.0);
                        updateMessage(message);
                    }

                    @Override
                    public void publish(Runnable update) {
                        Platform.runLater(() -> {
                            if (!isCancelled()) {
                                update.run();
                            }
                        });
                    }
                });
            }
        };
        // cancel(false): the work stops at its next poll; interrupting could close open file channels
        Activity activity = new Activity(title, () -> task.cancel(false));
        task.progressProperty().addListener((o, a, b) -> activity.update(b.doubleValue(), task.getMessage()));
        task.messageProperty().addListener((o, a, b) -> activity.update(task.getProgress(), b));
        task.setOnSucceeded(e -> {
            activities.remove(activity);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            activities.remove(activity);
            Throwable ex = task.getException();
            if (!isCancellation(ex)) {
                LOG.log(Level.WARNING, title + " failed", ex);
            }
            onFailure.accept(ex);
        });
        task.setOnCancelled(e -> {
            activities.remove(activity);
            onFailure.accept(new CancellationException(title + " was cancelled"));
        });
        runOnFx(() -> activities.add(activity));
        pool.execute(task);
        return new Job() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private static boolean isCancellation(Throwable t) {
        return BackgroundExecutor.isCancellation(t);
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public ObservableList<Activity> activities() {
        return activities;
    }
}
