package org.tastemap.app.task;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * A diagnostic for responsiveness: a daemon thread keeps one check queued on the FX thread at a
 * time, posting the next 10 ms after the previous one ran, and records how long each waited (how
 * long the FX thread was unavailable, under-read by at most those 10 ms). Every wait over the
 * threshold is logged with where the FX thread was stuck. Started by {@code -Dtastemap.stallWatch=true}
 * or {@code -Dtastemap.stallReport=FILE}; with the latter the summary ({@link StallRecorder#report})
 * is written to FILE when the JVM exits. It changes nothing else.
 */
public final class FxStallWatch {
    private static final Logger LOG = Logger.getLogger(FxStallWatch.class.getName());
    /** The pause between one check's answer and the next check. */
    static final long GAP_MILLIS = 10;
    /** How often the watcher looks while a check waits. */
    static final long POLL_MILLIS = 20;
    /** From this wait on, each look samples the FX thread's stack (what a stall over 100 ms did along the way). */
    static final long SAMPLE_AFTER_MILLIS = 50;

    private FxStallWatch() {
    }

    /** Starts watching when requested by system property; call on the FX thread. */
    public static void startIfRequested(long thresholdMillis) {
        startIfRequested(thresholdMillis, () -> false);
    }

    /**
     * Starts watching when requested by system property; call on the FX thread.
     *
     * @param training whether a model is training now (read from the watcher thread), to split the summary
     */
    public static StallRecorder startIfRequested(long thresholdMillis, BooleanSupplier training) {
        String reportFile = System.getProperty("tastemap.stallReport", "");
        if (!Boolean.getBoolean("tastemap.stallWatch") && reportFile.isBlank()) {
            return null;
        }
        // uptime is in ms: the origin is known to 1 ms, enough to line a stall up with the JVM's logs
        long origin = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        StallRecorder recorder = new StallRecorder(thresholdMillis, 5, SAMPLE_AFTER_MILLIS, origin);
        Thread fx = Thread.currentThread();
        Thread t = new Thread(() -> watch(recorder, fx, training), "tastemap-fx-stall-watch");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        if (!reportFile.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of(reportFile), recorder.report(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.err.println("Could not write the stall report " + reportFile + ": " + e.getMessage());
                }
            }, "tastemap-stall-report"));
        }
        return recorder;
    }

    private static void watch(StallRecorder recorder, Thread fx, BooleanSupplier training) {
        Thread watcher = Thread.currentThread();
        while (!watcher.isInterrupted()) {
            AtomicLong done = new AtomicLong();
            long sent = System.nanoTime();
            recorder.posted(sent);
            Platform.runLater(() -> {
                done.set(System.nanoTime());
                LockSupport.unpark(watcher);
            });
            // park until the check ran; each wake after the sampling mark takes the FX thread's stack
            while (done.get() == 0) {
                LockSupport.parkNanos(POLL_MILLIS * 1_000_000L);
                long now = System.nanoTime();
                if (done.get() == 0 && recorder.wantsSample(now)) {
                    // a safepoint on JDK 17: timed, and not counted in the wait
                    StackTraceElement[] stack = fx.getStackTrace();
                    recorder.sampled(now, java.util.List.of(stack), System.nanoTime() - now);
                }
            }
            StallRecorder.Stall s = recorder.answered(done.get(), training.getAsBoolean());
            if (s != null) {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                        "FX thread answered after %d ms (%s); it was in:", s.nanos() / 1_000_000L,
                        s.training() ? "training" : "idle"));
                for (int i = 0; i < Math.min(12, s.stack().size()); i++) {
                    sb.append("\n    at ").append(s.stack().get(i));
                }
                LOG.warning(sb.toString());
            }
            // sleep, not park: the check's unpark may have left a permit that would end a park at once
            try {
                Thread.sleep(GAP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
