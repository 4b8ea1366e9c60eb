package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;

/**
 * The worker limit the app lowers while a person types (docs/performance.md, "The UI thread while
 * training"): workers over the limit take no rows, they come back when it rises, every chunk still
 * runs exactly once, and training under a changing limit gives the same factors as without one.
 */
class WorkerLimitTest {
    private static final int CHUNKS = 64;

    @Test
    void aWorkerOverTheLimitTakesNoChunk() throws Exception {
        try (RowParallel p = new RowParallel(2)) {
            p.limitWorkers(() -> 1);
            int[] bounds = bounds(CHUNKS);
            AtomicIntegerArray ranBy = new AtomicIntegerArray(CHUNKS);
            int[] perWorker = new int[2];
            CountDownLatch anotherStarted = new CountDownLatch(1);
            p.forEachChunk(bounds, t -> t, (c, from, to, worker) -> {
                ranBy.incrementAndGet(c);
                synchronized (perWorker) {
                    perWorker[worker]++;
                }
                if (c == 0) {
                    // without a limit the second worker takes the next chunk while this one waits here
                    await(anotherStarted, 300);
                } else {
                    anotherStarted.countDown();
                }
            }, () -> false);
            assertEquals(0, perWorker[1], "worker 1 is over the limit of 1");
            assertEquals(CHUNKS, perWorker[0]);
            assertEveryChunkOnce(ranBy);
        }
    }

    @Test
    void aParkedWorkerComesBackWhenTheLimitRises() throws Exception {
        try (RowParallel p = new RowParallel(2)) {
            AtomicInteger limit = new AtomicInteger(1);
            p.limitWorkers(limit::get);
            AtomicIntegerArray ranBy = new AtomicIntegerArray(CHUNKS);
            int[] perWorker = new int[2];
            CountDownLatch secondWorked = new CountDownLatch(1);
            p.forEachChunk(bounds(CHUNKS), t -> t, (c, from, to, worker) -> {
                ranBy.incrementAndGet(c);
                synchronized (perWorker) {
                    perWorker[worker]++;
                }
                if (worker == 1) {
                    secondWorked.countDown();
                } else if (perWorker[0] == 5) {
                    // the person stopped typing: worker 1 may work again, and takes the next chunks
                    limit.set(2);
                    await(secondWorked, 10_000);
                }
            }, () -> false);
            assertTrue(perWorker[1] > 0, "worker 1 took chunks after the limit rose");
            assertEveryChunkOnce(ranBy);
        }
    }

    @Test
    void trainingUnderAChangingLimitGivesTheSameFactors() {
        // 2,000 users so each half-step has many chunks (32 per thread)
        InteractionMatrix m = org.tastemap.core.TestData.random(2000, 500, 0.02, 50, 7);
        AlsParams params = AlsParams.defaults().withFactors(8).withIterations(3).withThreads(2).withLambda(1);
        float[] free = AlsTrainer.train(m, params, null, TrainingOptions.quiet()).model().userFactors();
        AtomicInteger asked = new AtomicInteger();
        // the limit flips between 1 and 2 on every question, as typing bursts would
        float[] limited = AlsTrainer.train(m, params, null, TrainingOptions.quiet()
                .withWorkerLimit(() -> 1 + asked.incrementAndGet() % 2)).model().userFactors();
        assertTrue(asked.get() > 0, "the trainer asked the limit");
        // each row's solve depends only on the other side's factors, so the result is the same bits
        assertArrayEquals(free, limited);
    }

    private static int[] bounds(int chunks) {
        int[] b = new int[chunks + 1];
        Arrays.setAll(b, i -> i);
        return b;
    }

    private static void assertEveryChunkOnce(AtomicIntegerArray ranBy) {
        for (int c = 0; c < ranBy.length(); c++) {
            assertEquals(1, ranBy.get(c), "chunk " + c);
        }
    }

    private static void await(CountDownLatch l, long millis) {
        try {
            l.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
