package org.tastemap.app.task;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * A diagnostic for responsiveness: pings the FX thread every 100 ms from a daemon thread and logs
 * every time it took longer than {@code thresholdMillis} to answer, with what the FX thread was
 * doing at that moment. Started by {@code -Dtastemap.stallWatch=true}; it changes nothing else.
 */
public final class FxStallWatch {
    private static final Logger LOG = Logger.getLogger(FxStallWatch.class.getName());

    private FxStallWatch() {
    }

    /** Starts watching when the system property {@code tastemap.stallWatch} is true; call on the FX thread. */
    public static void startIfRequested(long thresholdMillis) {
        if (!Boolean.getBoolean("tastemap.stallWatch")) {
            return;
        }
        Thread fx = Thread.currentThread();
        Thread t = new Thread(() -> {
            long worst = 0;
            while (true) {
                long sent = System.nanoTime();
                AtomicLong done = new AtomicLong();
                Platform.runLater(() -> done.set(System.nanoTime()));
                StackTraceElement[] stuck = null;
                try {
                    while (done.get() == 0) {
                        Thread.sleep(5);
                        if (stuck == null && System.nanoTime() - sent > thresholdMillis * 1_000_000L) {
                            stuck = fx.getStackTrace();
                        }
                    }
                    long ms = (done.get() - sent) / 1_000_000L;
                    worst = Math.max(worst, ms);
                    if (ms > thresholdMillis) {
                        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                                "FX thread answered after %d ms (worst so far %d ms); it was in:", ms, worst));
                        for (int i = 0; stuck != null && i < Math.min(12, stuck.length); i++) {
                            sb.append("\n    at ").append(stuck[i]);
                        }
                        LOG.warning(sb.toString());
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tastemap-fx-stall-watch");
        t.setDaemon(true);
        t.start();
    }
}
