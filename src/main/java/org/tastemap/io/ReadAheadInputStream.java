package org.tastemap.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads another stream on a background thread into a few recycled chunks, so that producing the
 * bytes (inflating gzip) and consuming them (parsing) run on two cores. Errors of the source
 * stream surface from {@link #read} on the consumer's thread. {@link #close} stops the thread.
 */
final class ReadAheadInputStream extends InputStream {
    /** Below half of a 1 MB G1 region, so chunks are ordinary (not humongous) objects. */
    static final int CHUNK_BYTES = 256 * 1024;
    private static final int CHUNKS = 4;

    private final InputStream source;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;

    /** A chunk of {@code length} bytes, or the end ({@code length < 0}) with the error that ended it, if any. */
    private record Chunk(byte[] data, int length, Throwable error) {
    }

    ReadAheadInputStream(InputStream source, String threadName) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new byte[CHUNK_BYTES]);
        }
        thread = new Thread(this::fill, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] data = empty.poll(100, TimeUnit.MILLISECONDS);
                if (data == null) {
                    continue;
                }
                int n = 0;
                while (n < data.length) {
                    int r = source.read(data, n, data.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                if (n > 0) {
                    filled.put(new Chunk(data, n, null));
                }
                if (n < data.length) {
                    filled.put(new Chunk(null, -1, null));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (Throwable t) {
            filled.offer(new Chunk(null, -1, t));
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length()) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        if (current == null || pos == current.length()) {
            if (!nextChunk()) {
                return -1;
            }
        }
        return current.data()[pos++] & 0xff;
    }

    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            empty.offer(current.data());
            current = null;
        }
        Chunk next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data");
        }
        if (next.length() < 0) {
            ended = true;
            Throwable t = next.error();
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error err) {
                throw err;
            }
            return false;
        }
        current = next;
        pos = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
