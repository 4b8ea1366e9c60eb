package org.tastemap.core.als;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.tastemap.core.Cancellation;

/**
 * Runs work over rows on a fixed set of worker threads. Rows are cut into chunks of roughly equal
 * cost (non-zeros per row vary over orders of magnitude), and workers take chunks in turn, so a
 * heavy user does not leave one core idle. Each worker owns one workspace for its whole life.
 * A worker limit ({@link #limitWorkers}) can park workers between chunks, e.g. to leave a core to
 * the UI while a person types; they take chunks again as soon as the limit allows.
 */
public final class RowParallel implements AutoCloseable {
    /** The body of a chunk: rows {@code [from, to)}, with this worker's workspace. */
    @FunctionalInterface
    public interface ChunkBody<W> {
        void run(int chunk, int from, int to, W workspace);
    }

    /** Thrown when the cancel flag was seen between chunks. */
    public static final class CancelledException extends Cancellation {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled");
        }
    }

    /** How long a worker over the limit sleeps before it looks at the limit again. */
    static final long LIMIT_POLL_NANOS = 2_000_000L;

    private final int threads;
    private final ExecutorService pool;
    private volatile IntSupplier workerLimit = () -> Integer.MAX_VALUE;

    public RowParallel(int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "tastemap-als-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /**
     * How many workers may take chunks now, asked before each chunk: workers numbered from that
     * count up wait (polling every 2 ms) while chunks remain. Values below 1 count as 1, so the work
     * always goes on; the default allows every worker.
     */
    public void limitWorkers(IntSupplier limit) {
        this.workerLimit = limit == null ? () -> Integer.MAX_VALUE : limit;
    }

    /**
     * Chunk boundaries over {@code rows} rows where row r costs about {@code base + (ptr[r+1] - ptr[r])},
     * aiming at {@code chunksPerThread} chunks per thread. The result has {@code chunks + 1} entries.
     */
    public int[] chunks(int rows, int[] ptr, int base, int chunksPerThread) {
        long total = (long) rows * base + (ptr == null ? 0 : ptr[rows] - ptr[0]);
        int target = Math.max(1, Math.min(rows, threads * chunksPerThread));
        long per = Math.max(1, (total + target - 1) / target);
        int[] out = new int[target + 2];
        int n = 0;
        out[n++] = 0;
        long acc = 0;
        for (int r = 0; r < rows; r++) {
            acc += base + (ptr == null ? 0 : ptr[r + 1] - ptr[r]);
            if (acc >= per && r + 1 < rows) {
                out[n++] = r + 1;
                acc = 0;
            }
        }
        out[n++] = rows;
        if (rows == 0) {
            return new int[] {0, 0};
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Runs {@code body} over every chunk of {@code bounds} and returns when all are done. Checks
     * {@code cancelled} before each chunk and throws {@link CancelledException} once it is set.
     */
    public <W> void forEachChunk(int[] bounds, IntFunction<W> newWorkspace, ChunkBody<W> body, BooleanSupplier cancelled) {
        int chunks = bounds.length - 1;
        AtomicInteger next = new AtomicInteger();
        if (pool == null || chunks <= 1) {
            worker(0, bounds, next, newWorkspace.apply(0), body, cancelled, () -> 1);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        IntSupplier limit = workerLimit;
        for (int t = 0; t < threads; t++) {
            final int id = t;
            futures.add(pool.submit(() -> worker(id, bounds, next, newWorkspace.apply(id), body, cancelled, limit)));
        }
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null || failure instanceof CancelledException) {
                    failure = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
                if (c instanceof Error err) {
                    throw err;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(Integer.MAX_VALUE / 2);
                failure = new CancelledException();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static <W> void worker(int id, int[] bounds, AtomicInteger next, W ws, ChunkBody<W> body, BooleanSupplier cancelled,
                                   IntSupplier limit) {
        int chunks = bounds.length - 1;
        int c;
        while (true) {
            // over the limit: wait while other workers take the chunks, until the limit allows this one
            while (id > 0 && id >= limit.getAsInt() && next.get() < chunks && !cancelled.getAsBoolean()
                    && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(LIMIT_POLL_NANOS);
            }
            if ((c = next.getAndIncrement()) >= chunks) {
                break;
            }
            if (cancelled.getAsBoolean()) {
                next.set(Integer.MAX_VALUE / 2);
                throw new CancelledException();
            }
            body.run(c, bounds[c], bounds[c + 1], ws);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
