package org.tastemap.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;

class UncaughtErrorsTest {
    private final Fixtures.Errors errors = new Fixtures.Errors();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final long[] now = {0};
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private UncaughtErrors handler;

    @BeforeEach
    void setUp() {
        Logger.getLogger("org.tastemap.app").addHandler(capture);
        handler = new UncaughtErrors(errors, uiQueue::add, () -> now[0]);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("org.tastemap.app").removeHandler(capture);
    }

    private void runUi() {
        List<Runnable> q = new ArrayList<>(uiQueue);
        uiQueue.clear();
        q.forEach(Runnable::run);
    }

    @Test
    void anUnexpectedExceptionIsLoggedWithItsStackAndShownAsASentenceWithWhatToDo() {
        IllegalStateException boom = new IllegalStateException("the artist table lost its model");
        handler.uncaughtException(new Thread("JavaFX Application Thread"), boom);
        assertTrue(errors.shown.isEmpty(), "the dialog opens later on the UI thread, not inside the failing call");
        runUi();
        assertEquals(1, errors.shown.size());
        String shown = errors.shown.get(0) + " " + errors.hints.get(0);
        assertTrue(shown.contains("the artist table lost its model"), shown);
        assertFalse(shown.contains("\tat ") || shown.contains("IllegalStateException") || shown.contains(".java:"),
                "no stack trace or class names in the dialog: " + shown);
        assertTrue(errors.hints.get(0).contains("keeps running") && errors.hints.get(0).contains(AppLog.logFile().toString()));
        LogRecord r = logged.stream().filter(x -> x.getLevel() == Level.SEVERE).findFirst().orElseThrow();
        assertSame(boom, r.getThrown(), "the log file gets the exception and so its stack trace");
        assertTrue(r.getMessage().contains("JavaFX Application Thread"));
    }

    @Test
    void theSameFailureRepeatingShowsOneDialogUntilItHasBeenQuiet() {
        Thread fx = new Thread("fx");
        for (int i = 0; i < 50; i++) {
            handler.uncaughtException(fx, new NullPointerException("cell " + "item"));
        }
        runUi();
        assertEquals(1, errors.shown.size());
        assertEquals(50, logged.size(), "every occurrence is still logged");
        handler.uncaughtException(fx, new IllegalArgumentException("another"));
        runUi();
        assertEquals(2, errors.shown.size(), "a different failure gets its own dialog");
        now[0] += UncaughtErrors.REPEAT_NANOS + 1;
        handler.uncaughtException(fx, new IllegalArgumentException("another"));
        runUi();
        assertEquals(3, errors.shown.size(), "after a quiet time the same failure is shown again");
    }

    @Test
    void runningOutOfMemorySuggestsASmallerDatasetOrMoreMemory() {
        handler.uncaughtException(new Thread("tastemap-background-3"), new OutOfMemoryError("Java heap space"));
        runUi();
        assertEquals(1, errors.shown.size());
        assertTrue(errors.shown.get(0).contains("ran out of memory"), errors.shown.get(0));
        assertTrue(errors.hints.get(0).contains("smaller dataset") && errors.hints.get(0).contains("-Xmx"), errors.hints.get(0));
    }

    @Test
    void aFailingDialogDoesNotEscapeTheHandler() {
        UncaughtErrors h = new UncaughtErrors((t, m, w) -> {
            throw new IllegalStateException("no window");
        }, Runnable::run, () -> 0L);
        h.uncaughtException(new Thread("fx"), new RuntimeException("first"));
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("cannot show the error dialog")));
    }

    @Test
    void outOfMemoryIsFoundBehindWrappingExceptions() {
        Throwable wrapped = new RuntimeException(new java.util.concurrent.ExecutionException(new OutOfMemoryError()));
        assertTrue(ErrorReporter.isOutOfMemory(wrapped));
        errors.show("Training failed", wrapped);
        assertTrue(errors.hints.get(0).contains("smaller dataset"));
        assertFalse(ErrorReporter.isOutOfMemory(new RuntimeException("x")));
    }
}
