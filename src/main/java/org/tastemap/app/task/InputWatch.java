package org.tastemap.app.task;

import java.util.function.LongSupplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Whether a person is using the window right now: it has the focus and had a key press, click or
 * scroll within the last {@link #QUIET_NANOS}. When enabled, training then works with one worker
 * thread fewer ({@link #workers}), leaving a core to the UI thread, and takes it back once the
 * person pauses (docs/performance.md, "The UI thread while training"). Safe to ask from any thread.
 */
public final class InputWatch {
    /** A pause this long (1.5 s) after the last input gives the core back to training. */
    public static final long QUIET_NANOS = 1_500_000_000L;

    private final LongSupplier clock;
    private final boolean enabled;
    private volatile long lastInput;
    private volatile boolean seenInput;
    private volatile boolean focused;

    /**
     * @param clock   nanoseconds, {@code System::nanoTime} in the app
     * @param enabled false makes {@link #workers} always allow every thread
     */
    public InputWatch(LongSupplier clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Watches {@code scene}'s key presses, clicks and scrolls and {@code focused}. Off unless
     * {@code -Dtastemap.yieldToInput=true}: on the 2-core machine it cost 25-70% of the training
     * speed while a person typed and did not lower the longest wait (docs/performance.md).
     */
    public static InputWatch install(Scene scene, ObservableBooleanValue focused) {
        InputWatch w = new InputWatch(System::nanoTime, Boolean.getBoolean("tastemap.yieldToInput"));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> w.input());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> w.input());
        scene.addEventFilter(ScrollEvent.SCROLL, e -> w.input());
        w.focused(focused.get());
        focused.addListener((o, was, now) -> w.focused(now));
        return w;
    }

    /** A person pressed a key, clicked or scrolled, now. */
    public void input() {
        lastInput = clock.getAsLong();
        seenInput = true;
    }

    /** The window gained or lost the focus. */
    public void focused(boolean f) {
        focused = f;
    }

    /** True while the window has the focus and the last input is less than {@link #QUIET_NANOS} old. */
    public boolean active() {
        return focused && seenInput && clock.getAsLong() - lastInput < QUIET_NANOS;
    }

    /** How many of {@code threads} training workers may work now: one fewer (at least one) while {@link #active}. */
    public int workers(int threads) {
        return enabled && active() ? Math.max(1, threads - 1) : threads;
    }
}
