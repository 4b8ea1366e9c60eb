package org.tastemap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes bytes through unchanged except for the first occurrence of one exact line, which it drops.
 * Nothing is buffered except, at the start of a line, the bytes that so far match that line; they
 * are let through as soon as a byte differs. Every chunk is written and flushed as it arrives, so
 * the order and timing of what passes through stay as they were.
 *
 * <p>The launcher copies the worker JVM's stderr through two of them, one in front of the other, to
 * drop the JVM's own {@code WARNING: Using incubator modules: jdk.incubator.vector}, which no JVM
 * option silences, and its warning about {@code -XX:ThreadPriorityPolicy=1} for a user who is not root.
 */
final class DropLineStream extends OutputStream {
    private final OutputStream out;
    private final byte[] line;                 // the line to drop, with its line separator
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(8192);
    private boolean done;                      // dropped once: pass everything from now on
    private boolean atLineStart = true;
    private int matched;                       // bytes of line matched (and held) at this line start

    /** @param line the line to drop, without its separator; it is matched with {@code separator} appended */
    DropLineStream(OutputStream out, String line, String separator) {
        this.out = out;
        this.line = (line + separator).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            out.write(b, off, len);
            out.flush();
            return;
        }
        chunk.reset();
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (done) {
                chunk.write(b, i, off + len - i);
                break;
            }
            if (atLineStart) {
                if (c == line[matched]) {
                    matched++;
                    if (matched == line.length) {
                        done = true;   // the whole line matched: drop it
                        matched = 0;
                    }
                    continue;
                }
                chunk.write(line, 0, matched);   // not the line after all: let the held bytes through
                matched = 0;
                atLineStart = false;
            }
            chunk.write(c);
            if (c == '\n') {
                atLineStart = true;
            }
        }
        if (chunk.size() > 0) {
            chunk.writeTo(out);
            out.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Lets through a partial match held at the end, and flushes; does not close the target. When the
     * target is another filter (one per dropped line), that one lets its own held bytes through too.
     */
    @Override
    public void close() throws IOException {
        if (matched > 0) {
            out.write(line, 0, matched);
            matched = 0;
        }
        if (out instanceof DropLineStream next) {
            next.close();
        } else {
            out.flush();
        }
    }

    /**
     * Copies {@code in} through a filter until the end of {@code in}, chunk by chunk as it arrives.
     * When the target fails (our stderr closed), the rest is still read and dropped, so that the
     * writer never blocks on a full pipe.
     */
    static void copy(InputStream in, DropLineStream filter) throws IOException {
        byte[] buf = new byte[8192];
        boolean writable = true;
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (writable) {
                try {
                    filter.write(buf, 0, n);
                } catch (IOException e) {
                    writable = false;
                }
            }
        }
        if (writable) {
            filter.close();
        }
    }
}
