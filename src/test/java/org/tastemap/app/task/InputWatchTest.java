package org.tastemap.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Training leaves a core to a person using the window: one worker fewer while the window has the
 * focus and the last input is under 1.5 s old ({@link InputWatch#QUIET_NANOS}), all of them again
 * after a pause or when the window loses the focus. Times are made up with a fake clock.
 */
class InputWatchTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final InputWatch watch = new InputWatch(now::get, true);

    @Test
    void typingInTheFocusedWindowTakesOneWorkerAndAPauseGivesItBack() {
        watch.focused(true);
        assertEquals(2, watch.workers(2), "no input yet");
        watch.input();
        assertEquals(1, watch.workers(2));
        assertEquals(7, watch.workers(8));
        now.addAndGet(1499 * MS);
        assertEquals(1, watch.workers(2), "1.499 s after the key: still typing");
        now.addAndGet(1 * MS);
        assertEquals(2, watch.workers(2), "1.5 s after the key: a pause");
        watch.input();
        assertEquals(1, watch.workers(2), "typing again");
    }

    @Test
    void neverFewerThanOneWorker() {
        watch.focused(true);
        watch.input();
        assertEquals(1, watch.workers(1));
    }

    @Test
    void anUnfocusedWindowLeavesEveryWorker() {
        watch.focused(true);
        watch.input();
        watch.focused(false);
        assertEquals(2, watch.workers(2));
        watch.focused(true);
        assertEquals(1, watch.workers(2), "focused again within the 1.5 s");
    }

    @Test
    void switchedOffItLeavesEveryWorker() {
        InputWatch off = new InputWatch(now::get, false);
        off.focused(true);
        off.input();
        assertEquals(2, off.workers(2));
    }
}
