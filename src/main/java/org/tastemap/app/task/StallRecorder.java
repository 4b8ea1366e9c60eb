package org.tastemap.app.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bookkeeping of {@link FxStallWatch}, without threads or clocks so that tests drive it with
 * made-up times: a check is posted to the UI thread ({@link #posted}), the watcher polls while it
 * waits ({@link #waiting}, which samples the UI thread's stack at each poll once a wait passes a
 * sampling mark, so that a stall shows what the thread did all along rather than where it was when
 * it was nearly done), and the check answers ({@link #answered}).
 *
 * <p>On JDK 17 taking another thread's stack stops every Java thread (a safepoint, 1-15 ms while
 * training threads run), which would lengthen the very wait it looks at. So a sample's cost is
 * timed ({@link #sampled}) and taken off the wait it fell in: a wait counts what the UI thread
 * would have waited without the watch. Each answered check is one sample: how long the UI thread
 * was unavailable, in nanoseconds, filed under "training" or "idle". Not thread-safe: one watcher
 * thread calls everything but {@link #report}, which is synchronized with {@link #answered}.
 */
public final class StallRecorder {
    /**
     * A stall that was kept for the report: when its check was posted and answered, how long it
     * counts (the time between, less the samples' cost), and where the UI thread was at each poll.
     */
    public record Stall(long postedNanos, long endedNanos, long nanos, boolean training, List<Sample> samples) {
        /** The UI thread's stack at the first sample; empty when the stall answered before any poll saw it. */
        public List<StackTraceElement> stack() {
            return samples.isEmpty() ? List.of() : samples.get(0).stack();
        }
    }

    /** The UI thread's stack {@code afterNanos} into a wait; taking it stopped the JVM for up to {@code costNanos}. */
    public record Sample(long afterNanos, long costNanos, List<StackTraceElement> stack) {
    }

    /** At most this many stack samples are kept per wait (a poll every 20 ms covers 160 ms). */
    static final int MAX_SAMPLES = 8;

    /** One phase's numbers, in milliseconds. */
    public record Summary(int count, double p50, double p99, double max, int over) {
    }

    private final long thresholdNanos;
    private final long sampleAfterNanos;
    private final long originNanos;
    private final int keepWorst;
    private long[] training = new long[1024];
    private int trainingCount;
    private long[] idle = new long[1024];
    private int idleCount;
    private final List<Stall> worst = new ArrayList<>();
    private long postedAt;
    private final List<Sample> samples = new ArrayList<>();

    /**
     * Samples stacks from the threshold on, and reports times on the watcher's clock.
     *
     * @param thresholdMillis a wait longer than this is a stall: it is counted as over, and kept with its stacks
     * @param keepWorst       how many of the longest stalls keep their stacks for the report
     */
    public StallRecorder(long thresholdMillis, int keepWorst) {
        this(thresholdMillis, keepWorst, thresholdMillis, 0);
    }

    /**
     * @param sampleAfterMillis the UI thread's stack is sampled at each poll once a wait is longer than this
     * @param originNanos       the clock's reading at the JVM's start, so that the report says when each
     *                          stall happened in the JVM's uptime, as the GC, safepoint and JIT logs do
     */
    public StallRecorder(long thresholdMillis, int keepWorst, long sampleAfterMillis, long originNanos) {
        this.thresholdNanos = thresholdMillis * 1_000_000L;
        this.sampleAfterNanos = sampleAfterMillis * 1_000_000L;
        this.originNanos = originNanos;
        this.keepWorst = keepWorst;
    }

    public long thresholdNanos() {
        return thresholdNanos;
    }

    /** A check was posted to the UI thread at {@code now}. */
    public void posted(long now) {
        postedAt = now;
        samples.clear();
    }

    /**
     * The watcher looked at {@code now} and the check has not answered yet: once the wait is longer
     * than the sampling mark, the UI thread's stack is taken at each look (up to {@link #MAX_SAMPLES}).
     */
    public void waiting(long now, Supplier<StackTraceElement[]> uiStack) {
        if (wantsSample(now)) {
            sampled(now, List.of(uiStack.get()), 0);
        }
    }

    /** Whether a look at {@code now}, while the check waits, should sample the UI thread's stack. */
    public boolean wantsSample(long now) {
        return now - postedAt > sampleAfterNanos && samples.size() < MAX_SAMPLES;
    }

    /** The UI thread's stack, taken at {@code now}; taking it took {@code costNanos}, which the wait does not count. */
    public void sampled(long now, List<StackTraceElement> stack, long costNanos) {
        samples.add(new Sample(now - postedAt, costNanos, List.copyOf(stack)));
    }

    /**
     * The check ran on the UI thread at {@code now}. Returns the stall when the wait was longer than
     * the threshold (for the log), otherwise null.
     */
    public synchronized Stall answered(long now, boolean whileTraining) {
        long cost = 0;
        for (Sample sample : samples) {
            cost += sample.costNanos();
        }
        // never below 0: a sample's cost is an upper bound of how long it held the UI thread
        long wait = Math.max(0, now - postedAt - cost);
        if (whileTraining) {
            training = add(training, trainingCount++, wait);
        } else {
            idle = add(idle, idleCount++, wait);
        }
        if (wait <= thresholdNanos) {
            return null;
        }
        Stall s = new Stall(postedAt, now, wait, whileTraining, List.copyOf(samples));
        worst.add(s);
        worst.sort(Comparator.comparingLong(Stall::nanos).reversed());
        if (worst.size() > keepWorst) {
            worst.remove(worst.size() - 1);
        }
        return s;
    }

    private static long[] add(long[] a, int i, long v) {
        long[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[i] = v;
        return out;
    }

    /** Forgets every sample and stall so far (the measurement starts now, e.g. after start-up). */
    public synchronized void reset() {
        trainingCount = 0;
        idleCount = 0;
        worst.clear();
    }

    /** The numbers of the checks answered while training (or while not). */
    public synchronized Summary summary(boolean whileTraining) {
        long[] sorted = Arrays.copyOf(whileTraining ? training : idle, whileTraining ? trainingCount : idleCount);
        Arrays.sort(sorted);
        int over = 0;
        for (long v : sorted) {
            over += v > thresholdNanos ? 1 : 0;
        }
        return new Summary(sorted.length, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), over);
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code q} of all samples at or below it. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        // rank = ceil(q * n), 1-based
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The longest stalls, longest first, with their stacks. */
    public synchronized List<Stall> worst() {
        return List.copyOf(worst);
    }

    /** The summary as text: one line per phase, then the worst stalls with their stacks. */
    public synchronized String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# UI thread availability: each check's wait in ms; over = waits over %d ms%n",
                thresholdNanos / 1_000_000L));
        sb.append("phase     checks      p50      p99      max  over\n");
        for (boolean t : new boolean[] {true, false}) {
            Summary s = summary(t);
            sb.append(String.format(Locale.ROOT, "%-8s %7d %8.1f %8.1f %8.1f %5d%n", t ? "training" : "idle",
                    s.count(), s.p50(), s.p99(), s.max(), s.over()));
        }
        for (Stall s : worst) {
            // uptime = (clock - clock at the JVM's start), the time stamp of -Xlog's default decorations
            sb.append(String.format(Locale.ROOT, "%n## stall of %.0f ms (%s), %.3f s to %.3f s of the JVM's uptime; the UI thread was in:%n",
                    s.nanos() / 1e6, s.training() ? "training" : "idle", (s.postedNanos() - originNanos) / 1e9,
                    (s.endedNanos() - originNanos) / 1e9));
            for (Sample sample : s.samples()) {
                sb.append(String.format(Locale.ROOT, "  after %.0f ms (taking it: %.1f ms, not counted):%n", sample.afterNanos() / 1e6,
                        sample.costNanos() / 1e6));
                for (int i = 0; i < Math.min(25, sample.stack().size()); i++) {
                    sb.append("    at ").append(sample.stack().get(i)).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
