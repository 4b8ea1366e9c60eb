package org.tastemap.app.session;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line of defence: an exception nothing else caught (in an event handler, a binding, a
 * layout pass, or any thread) is logged with its stack trace to the log file and shown in the error
 * dialog as a sentence and what to do next; the app keeps running. The same failure repeating (a
 * broken cell redrawn on every pulse) shows one dialog, not hundreds.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    /** The same error is shown again only after this quiet time. */
    static final long REPEAT_NANOS = 10_000_000_000L;
    private static final Logger LOG = Logger.getLogger("org.tastemap.app");

    private final ErrorReporter errors;
    private final Executor ui;
    private final LongSupplier clock;
    private String lastSignature;
    private long lastShownAt;

    /**
     * @param errors where dialogs go
     * @param ui     runs the dialog on the UI thread, later (so no dialog opens in the middle of a layout pass)
     * @param clock  nanoseconds, to collapse repeats
     */
    public UncaughtErrors(ErrorReporter errors, Executor ui, LongSupplier clock) {
        this.errors = errors;
        this.ui = ui;
        this.clock = clock;
    }

    /** Makes this the handler of the current thread (the FX thread) and of every thread without its own. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        try {
            LOG.log(Level.SEVERE, "Unexpected error in thread " + thread.getName(), error);
        } catch (Throwable ignored) {
            // logging itself failed (out of memory, a closed handler): still try the dialog
        }
        if (!shouldShow(error)) {
            return;
        }
        try {
            ui.execute(() -> {
                try {
                    show(error);
                } catch (Throwable e) {
                    LOG.log(Level.SEVERE, "cannot show the error dialog", e);
                }
            });
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "cannot schedule the error dialog", e);
        }
    }

    private synchronized boolean shouldShow(Throwable error) {
        String signature = error.getClass().getName() + ": " + error.getMessage();
        long now = clock.getAsLong();
        if (signature.equals(lastSignature) && now - lastShownAt < REPEAT_NANOS) {
            return false;
        }
        lastSignature = signature;
        lastShownAt = now;
        return true;
    }

    private void show(Throwable error) {
        if (ErrorReporter.isOutOfMemory(error)) {
            errors.show("Tastemap ran out of memory", ErrorReporter.describe(error), ErrorReporter.OUT_OF_MEMORY_HINT);
        } else {
            errors.show("Something went wrong", "An unexpected problem stopped the last action: "
                    + ErrorReporter.describe(error), "Tastemap keeps running. If a screen looks wrong, "
                    + "open the dataset or the model again. Details are in the log file "
                    + AppLog.logFile() + ".");
        }
    }
}
