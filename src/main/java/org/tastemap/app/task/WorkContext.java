package org.tastemap.app.task;

/** What background work sees of its executor. */
public interface WorkContext {
    /** True once the user asked to stop; work should return or throw {@link java.util.concurrent.CancellationException} soon. */
    boolean cancelled();

    /** Reports how far the work is (0..1, or -1 when unknown) and a short line for the status bar. */
    void progress(double fraction, String message);

    /** Runs {@code update} on the UI thread (later, in order), for example to add a chart point. */
    void publish(Runnable update);
}
