package org.tastemap.app.task;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Answers queries typed into a search field, where only the newest one matters. Callers arrive on
 * background threads (ControlsFX starts one per keystroke); one query runs at a time, a query that
 * a newer one overtook while it waited returns at once without searching, and a result that went
 * stale while it was computed is dropped. So fast typing never queues up searches: at any moment
 * at most one runs and one (the newest) waits.
 *
 * @param <R> a suggestion
 */
public final class LatestQuery<R> {
    private final Function<String, List<R>> search;
    private final AtomicLong newest = new AtomicLong();
    private final Semaphore running = new Semaphore(1);

    /** @param search the search itself; must be safe to call from any thread */
    public LatestQuery(Function<String, List<R>> search) {
        this.search = search;
    }

    /** The suggestions for {@code query}; empty when a newer query arrived first or the caller was interrupted (cancelled). */
    public List<R> request(String query) {
        long id = newest.incrementAndGet();
        try {
            running.acquire();
        } catch (InterruptedException e) {
            // ControlsFX cancels the previous keystroke's task by interrupting it
            Thread.currentThread().interrupt();
            return List.of();
        }
        try {
            if (id != newest.get()) {
                return List.of();
            }
            List<R> result = search.apply(query);
            return id == newest.get() ? result : List.of();
        } finally {
            running.release();
        }
    }

    /** How many queries have arrived so far (for tests that replay keystrokes in order). */
    public long arrived() {
        return newest.get();
    }
}
