package org.tastemap.core.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.tastemap.core.Cancellation;

/**
 * Runs independent row ranges on a few threads (the caller's among them). Each row's result depends
 * only on its own inputs, so the outcome does not depend on the number of threads. The cancel flag
 * is read between chunks, from the worker threads too.
 */
final class Workers implements AutoCloseable {
    /** One chunk of rows {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;
    private final BooleanSupplier cancel;

    Workers(int threads, BooleanSupplier cancel) {
        this.threads = Math.max(1, threads);
        this.cancel = cancel;
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "tastemap-map");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** Throws {@link Cancellation} when the caller has asked to stop. */
    void checkCancel() {
        if (cancel.getAsBoolean()) {
            throw new Cancellation("map cancelled");
        }
    }

    /** Runs {@code body} over {@code [0, n)} in chunks of {@code grain} rows; returns when all are done. */
    void forRange(int n, int grain, Range body) {
        checkCancel();
        if (pool == null || n <= grain) {
            for (int from = 0; from < n; from += grain) {
                body.run(from, Math.min(n, from + grain));
                checkCancel();
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int from = next.getAndAdd(grain); from < n; from = next.getAndAdd(grain)) {
                if (cancel.getAsBoolean()) {
                    next.set(n);
                    return;
                }
                body.run(from, Math.min(n, from + grain));
            }
        };
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            next.set(n);
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancellation("map interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        checkCancel();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
