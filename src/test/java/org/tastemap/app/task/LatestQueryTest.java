package org.tastemap.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LatestQueryTest {
    private final List<String> searched = new CopyOnWriteArrayList<>();
    private final CountDownLatch inFirstSearch = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    /** A search that blocks on the first query until released, and answers every query with itself. */
    private final LatestQuery<String> query = new LatestQuery<>(q -> {
        searched.add(q);
        if (searched.size() == 1) {
            inFirstSearch.countDown();
            try {
                releaseFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.of(q.toUpperCase());
    });

    private Thread ask(String q, AtomicReference<List<String>> out) {
        Thread t = new Thread(() -> out.set(query.request(q)), "keystroke " + q);
        t.start();
        return t;
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        for (int i = 0; i < 1000 && t.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, t.getState(), t.getName() + " waits for the running search");
    }

    @Test
    void onlyTheNewestOfQueuedKeystrokesIsSearched() throws Exception {
        AtomicReference<List<String>> a = new AtomicReference<>();
        AtomicReference<List<String>> ab = new AtomicReference<>();
        AtomicReference<List<String>> abc = new AtomicReference<>();
        Thread ta = ask("a", a);
        assertTrue(inFirstSearch.await(10, TimeUnit.SECONDS));
        Thread tab = ask("ab", ab);
        awaitWaiting(tab);
        Thread tabc = ask("abc", abc);
        awaitWaiting(tabc);
        releaseFirst.countDown();
        for (Thread t : List.of(ta, tab, tabc)) {
            t.join(10_000);
        }
        // "a" finished after two newer keystrokes: its result is dropped; "ab" never runs; "abc" answers
        assertEquals(List.of(), a.get());
        assertEquals(List.of(), ab.get());
        assertEquals(List.of("ABC"), abc.get());
        assertEquals(List.of("a", "abc"), searched, "the overtaken keystroke was skipped, not searched");
    }

    @Test
    void aCancelledWaitingKeystrokeReturnsAtOnceAndKeepsItsInterrupt() throws Exception {
        AtomicReference<List<String>> a = new AtomicReference<>();
        Thread ta = ask("a", a);
        assertTrue(inFirstSearch.await(10, TimeUnit.SECONDS));
        boolean[] interrupted = {false};
        AtomicReference<List<String>> b = new AtomicReference<>();
        Thread tb = new Thread(() -> {
            b.set(query.request("b"));
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        tb.start();
        awaitWaiting(tb);
        tb.interrupt();   // what ControlsFX does to the previous keystroke's task
        tb.join(10_000);
        assertEquals(List.of(), b.get());
        assertTrue(interrupted[0]);
        releaseFirst.countDown();
        ta.join(10_000);
        assertEquals(List.of("a"), searched);
    }

    @Test
    void aLoneQueryIsAnswered() {
        releaseFirst.countDown();
        assertEquals(List.of("X"), query.request("x"));
    }
}
