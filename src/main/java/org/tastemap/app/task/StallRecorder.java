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
 * waits ({@link #waiting}, which takes the UI thread's stack once a wait passes the threshold), and
 * the check answers ({@link #answered}). Each answered check is one sample: how long the UI thread
 * was unavailable, in nanoseconds, filed under "training" or "idle". Not thread-safe: one watcher
 * thread calls everything but {@link #report}, which is synchronized with {@link #answered}.
 */
public final class StallRecorder {
    /** A stall that was kept for the report: when it ended, how long, and where the UI thread was. */
    public record Stall(long endedNanos, long nanos, boolean training, List<StackTraceElement> stack) {
    }

    /** One phase's numbers, in milliseconds. */
    public record Summary(int count, double p50, double p99, double max, int over) {
    }

    private final long thresholdNanos;
    private final int keepWorst;
    private long[] training = new long[1024];
    private int trainingCount;
    private long[] idle = new long[1024];
    private int idleCount;
    private final List<Stall> worst = new ArrayList<>();
    private long postedAt;
    private StackTraceElement[] stack;

    /**
     * @param thresholdMillis a wait longer than this is a stall: its stack is taken and it is counted as over
     * @param keepWorst       how many of the longest stalls keep their stack for the report
     */
    public StallRecorder(long thresholdMillis, int keepWorst) {
        this.thresholdNanos = thresholdMillis * 1_000_000L;
        this.keepWorst = keepWorst;
    }

    public long thresholdNanos() {
        return thresholdNanos;
    }

    /** A check was posted to the UI thread at {@code now}. */
    public void posted(long now) {
        postedAt = now;
        stack = null;
    }

    /**
     * The watcher looked at {@code now} and the check has not answered yet: the first time the wait
     * is longer than the threshold, the UI thread's stack is taken (that is where it is stuck).
     */
    public void waiting(long now, Supplier<StackTraceElement[]> uiStack) {
        if (stack == null && now - postedAt > thresholdNanos) {
            stack = uiStack.get();
        }
    }

    /**
     * The check ran on the UI thread at {@code now}. Returns the stall when the wait was longer than
     * the threshold (for the log), otherwise null.
     */
    public synchronized Stall answered(long now, boolean whileTraining) {
        long wait = now - postedAt;
        if (whileTraining) {
            training = add(training, trainingCount++, wait);
        } else {
            idle = add(idle, idleCount++, wait);
        }
        if (wait <= thresholdNanos) {
            return null;
        }
        Stall s = new Stall(now, wait, whileTraining, stack == null ? List.of() : List.of(stack));
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
            sb.append(String.format(Locale.ROOT, "%n## stall of %.0f ms (%s); the UI thread was in:%n", s.nanos() / 1e6,
                    s.training() ? "training" : "idle"));
            for (int i = 0; i < Math.min(25, s.stack().size()); i++) {
                sb.append("    at ").append(s.stack().get(i)).append('\n');
            }
        }
        return sb.toString();
    }
}
