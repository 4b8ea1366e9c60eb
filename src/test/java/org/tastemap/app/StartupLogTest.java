package org.tastemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The start-up log's "warm-up-done" line, which scripts/update-classlist.sh and measure-startup.sh wait for. */
class StartupLogTest {
    @Test
    void anEventIsPrintedOnceWhenItsFlagFirstBecomesTrue() {
        String out = captureErr(() -> {
            SimpleBooleanProperty done = new SimpleBooleanProperty(false);
            StartupLog.whenTrue(done, "warm-up-done");
            done.set(false);
            done.set(true);
            done.set(false);
            done.set(true);
        });
        assertEquals(1, count(out, "tastemap-startup warm-up-done jvm="), out);
    }

    @Test
    void aFlagAlreadyTrueIsPrintedAtOnce() {
        String out = captureErr(() -> StartupLog.whenTrue(new SimpleBooleanProperty(true), "warm-up-done"));
        assertEquals(1, count(out, "tastemap-startup warm-up-done jvm="), out);
    }

    private static long count(String text, String start) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(start)).count();
    }

    private static String captureErr(Runnable r) {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(before);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
