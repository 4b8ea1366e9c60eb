package org.tastemap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DropLineStreamTest {
    static final String LINE = "WARNING: Using incubator modules: jdk.incubator.vector";

    /** The input written through the filter in chunks of every size from 1 to its length. */
    static void assertFiltered(String in, String expected) throws IOException {
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= Math.max(1, bytes.length); size++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            DropLineStream f = new DropLineStream(sink, LINE, "\n");
            for (int off = 0; off < bytes.length; off += size) {
                f.write(bytes, off, Math.min(size, bytes.length - off));
            }
            f.close();
            assertEquals(expected, sink.toString(StandardCharsets.UTF_8), "chunks of " + size);
        }
    }

    @Test
    void dropsExactlyTheWarningLineOnce() throws IOException {
        // expected values written by hand: the input without its first exact warning line
        assertFiltered(LINE + "\ntastemap: boom\n", "tastemap: boom\n");
        assertFiltered("VM warning: x\n" + LINE + "\nerr\n", "VM warning: x\nerr\n");
        assertFiltered(LINE + "\n" + LINE + "\n", LINE + "\n");   // only the JVM's one line; a second is the program's
    }

    /**
     * The launcher puts two filters one in front of the other (the incubator line, the priority-policy
     * warning). A stream that ends in the middle of what could be the inner filter's line lets those
     * bytes through when the outer one is closed; before, the outer close only flushed the inner one and
     * they were lost. Expected values by hand.
     */
    @Test
    void twoFiltersInARowDropBothLinesAndLoseNothingAtTheEnd() throws IOException {
        String policy = "VM warning: -XX:ThreadPriorityPolicy=1 may require system level permission";
        for (String in : new String[] {policy + "\n" + LINE + "\nerr\nVM warn", LINE + "\nVM warn"}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            DropLineStream f = new DropLineStream(new DropLineStream(sink, policy, "\n"), LINE, "\n");
            f.write(in.getBytes(StandardCharsets.UTF_8));
            f.close();
            assertEquals(in.startsWith(policy) ? "err\nVM warn" : "VM warn", sink.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void keepsEverythingElse() throws IOException {
        assertFiltered("", "");
        assertFiltered("WARNING: Using incubator modules: jdk.incubator.vector, jdk.incubator.foreign\n",
                "WARNING: Using incubator modules: jdk.incubator.vector, jdk.incubator.foreign\n");
        assertFiltered("x " + LINE + "\n", "x " + LINE + "\n");     // not at a line start
        assertFiltered("WARNING: Using\nrest", "WARNING: Using\nrest");
        assertFiltered("WARNING: Using", "WARNING: Using");         // a held partial match is let through at the end
        assertFiltered(LINE, LINE);                                  // no line separator: not the whole line
        assertFiltered("WWARNING\n", "WWARNING\n");
        assertFiltered("Björk ✓\n", "Björk ✓\n");
    }

    @Test
    void passesAChunkOnAtOnce() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DropLineStream f = new DropLineStream(sink, LINE, "\n");
        f.write("progress 10%".getBytes(StandardCharsets.UTF_8));
        assertEquals("progress 10%", sink.toString(StandardCharsets.UTF_8), "no line end needed before it shows");
    }

    @Test
    void keepsReadingWhenTheTargetFails() throws IOException {
        // a closed stderr must not leave the worker blocked on a full pipe: all input is still consumed
        byte[] input = new byte[1 << 20];
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(input);
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("closed");
            }
        };
        DropLineStream.copy(in, new DropLineStream(broken, LINE, "\n"));
        assertEquals(0, in.available());
    }
}
