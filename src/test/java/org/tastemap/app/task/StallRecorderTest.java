package org.tastemap.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stall watch's bookkeeping, driven by a made-up clock (nanoseconds chosen by hand below). */
class StallRecorderTest {
    private static final long MS = 1_000_000L;
    private static final StackTraceElement[] STUCK = {new StackTraceElement("javafx.scene.Parent", "layout", "Parent.java", 1)};

    private long now;
    private final AtomicInteger stacksTaken = new AtomicInteger();

    /** One check: posted now, the watcher looks every {@code pollMs} while it waits, answered after {@code waitMs}. */
    private StallRecorder.Stall check(StallRecorder r, long waitMs, long pollMs, boolean training) {
        r.posted(now);
        for (long t = pollMs; t < waitMs; t += pollMs) {
            r.waiting(now + t * MS, () -> {
                stacksTaken.incrementAndGet();
                return STUCK;
            });
        }
        now += waitMs * MS;
        StallRecorder.Stall s = r.answered(now, training);
        now += 10 * MS;
        return s;
    }

    @Test
    void summarisesEachPhaseWithNearestRankPercentiles() {
        StallRecorder r = new StallRecorder(100, 3);
        // training: waits 1..100 ms, then one of 250 ms: 101 samples
        for (int ms = 1; ms <= 100; ms++) {
            check(r, ms, 50, true);
        }
        check(r, 250, 50, true);
        // idle: four waits
        for (long ms : new long[] {2, 4, 6, 120}) {
            check(r, ms, 50, false);
        }
        StallRecorder.Summary t = r.summary(true);
        // nearest rank over 101 sorted samples 1..100, 250: p50 = ceil(50.5) = 51st = 51 ms, p99 = ceil(99.99) = 100th = 100 ms
        assertEquals(101, t.count());
        assertEquals(51.0, t.p50());
        assertEquals(100.0, t.p99());
        assertEquals(250.0, t.max());
        assertEquals(1, t.over(), "only the 250 ms wait is over 100 ms (100 ms itself is not)");
        StallRecorder.Summary i = r.summary(false);
        // 4 idle samples 2, 4, 6, 120: p50 = 2nd = 4, p99 = 4th = 120
        assertEquals(4, i.count());
        assertEquals(4.0, i.p50());
        assertEquals(120.0, i.p99());
        assertEquals(1, i.over());
    }

    @Test
    void samplesTheStackAtEachPollPastTheMarkAndKeepsTheWorst() {
        // threshold 100 ms, stacks sampled from 40 ms on, the JVM started at clock 1 s
        StallRecorder r = new StallRecorder(100, 2, 40, 1000 * MS);
        now = 1000 * MS + 5000 * MS;
        assertNull(check(r, 90, 20, true), "90 ms is no stall");
        // polls at 20, 40, 60, 80 ms: 60 and 80 are past the 40 ms mark (40 itself is not)
        assertEquals(2, stacksTaken.get(), "sampled, though not kept: 90 ms is no stall");
        long started = now;
        StallRecorder.Stall s = check(r, 300, 20, true);
        // polls at 20, 40, ..., 280 ms: 60, 80, ..., 280 are past the mark (12 polls), capped at MAX_SAMPLES = 8
        assertEquals(2 + StallRecorder.MAX_SAMPLES, stacksTaken.get());
        assertEquals(300 * MS, s.nanos());
        assertEquals(StallRecorder.MAX_SAMPLES, s.samples().size());
        assertEquals(60 * MS, s.samples().get(0).afterNanos());
        assertEquals(200 * MS, s.samples().get(7).afterNanos(), "the 8th sample: 60 + 7 * 20 ms");
        assertEquals(List.of(STUCK), s.stack());
        check(r, 150, 20, false);
        check(r, 500, 20, false);
        List<StallRecorder.Stall> worst = r.worst();
        assertEquals(List.of(500 * MS, 300 * MS), worst.stream().map(StallRecorder.Stall::nanos).toList(),
                "the two longest of 300, 150, 500 ms, longest first");
        String report = r.report();
        assertTrue(report.contains("stall of 500 ms (idle)"), report);
        // the 300 ms stall began at clock started = 1 s + 5 s + 90 ms + 10 ms gap: 5.100 s after the origin
        assertEquals(6100 * MS, started);
        assertTrue(report.contains("stall of 300 ms (training), 5.100 s to 5.400 s of the JVM's uptime"), report);
        assertTrue(report.contains("  after 60 ms (taking it: 0.0 ms, not counted):\n    at javafx.scene.Parent.layout"), report);
    }

    @Test
    void theTimeTakenBySamplingIsNotCountedInTheWait() {
        // on JDK 17 a stack sample stops the JVM: a wait of 110 ms with samples at 60 and 80 ms costing
        // 8 and 7 ms would have been 110 - 15 = 95 ms without the watch, which is no stall
        StallRecorder r = new StallRecorder(100, 5, 50, 0);
        r.posted(0);
        r.waiting(40 * MS, () -> STUCK);
        assertFalse(r.wantsSample(40 * MS), "not before the 50 ms mark");
        assertTrue(r.wantsSample(60 * MS));
        r.sampled(60 * MS, List.of(STUCK), 8 * MS);
        r.sampled(80 * MS, List.of(STUCK), 7 * MS);
        assertNull(r.answered(110 * MS, true));
        StallRecorder.Summary t = r.summary(true);
        assertEquals(95.0, t.max());
        assertEquals(0, t.over());
        // the same samples in a wait of 130 ms: a stall of 115 ms, from its post at 120 ms to its answer at 250 ms
        r.posted(120 * MS);
        r.sampled(180 * MS, List.of(STUCK), 8 * MS);
        r.sampled(200 * MS, List.of(STUCK), 7 * MS);
        StallRecorder.Stall s = r.answered(250 * MS, true);
        assertEquals(115 * MS, s.nanos());
        assertEquals(60 * MS, s.samples().get(0).afterNanos());
        assertTrue(r.report().contains("stall of 115 ms (training), 0.120 s to 0.250 s of the JVM's uptime"), r.report());
    }

    @Test
    void aStallAnsweredBeforeAnyPollHasNoStack() {
        StallRecorder r = new StallRecorder(100, 5);
        StallRecorder.Stall s = check(r, 130, 1000, true);
        assertEquals(List.of(), s.stack());
        assertEquals(1, r.summary(true).over());
        assertEquals(0, r.summary(false).count());
    }

    @Test
    void percentileOfNothingIsZero() {
        assertEquals(0, StallRecorder.percentile(new long[0], 0.5));
        assertEquals(7, StallRecorder.percentile(new long[] {7}, 0.99));
    }
}
