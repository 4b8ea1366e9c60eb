package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;

/**
 * Little-endian binary output to a channel through a 1 MiB buffer, keeping a CRC-32 of every byte
 * written. Arrays go through bulk buffer views, so a 100 MB factor table costs a few memory
 * copies, not one call per value.
 */
final class ChecksummedOutput {
    private final WritableByteChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long written;

    ChecksummedOutput(WritableByteChannel channel) {
        this.channel = channel;
    }

    void putInt(int v) throws IOException {
        room(4);
        buf.putInt(v);
    }

    void put(byte[] a) throws IOException {
        put(a, 0, a.length);
    }

    void put(byte[] a, int off, int n) throws IOException {
        while (n > 0) {
            room(1);
            int m = Math.min(n, buf.remaining());
            buf.put(a, off, m);
            off += m;
            n -= m;
        }
    }

    void putInts(int[] a) throws IOException {
        int off = 0;
        int n = a.length;
        while (n > 0) {
            room(4);
            int m = Math.min(n, buf.remaining() / 4);
            buf.asIntBuffer().put(a, off, m);
            buf.position(buf.position() + 4 * m);
            off += m;
            n -= m;
        }
    }

    /** Writes {@code a[off..off+n)}. */
    void putFloats(float[] a, int off, int n) throws IOException {
        while (n > 0) {
            room(4);
            int m = Math.min(n, buf.remaining() / 4);
            buf.asFloatBuffer().put(a, off, m);
            buf.position(buf.position() + 4 * m);
            off += m;
            n -= m;
        }
    }

    /** Writes out everything buffered; afterwards {@link #crc()} covers every byte put so far. */
    void flush() throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) {
            written += channel.write(buf);
        }
        buf.clear();
    }

    /** The CRC-32 of the bytes flushed so far. */
    int crc() {
        return (int) crc.getValue();
    }

    /** Bytes flushed so far. */
    long written() {
        return written;
    }

    private void room(int n) throws IOException {
        if (buf.remaining() < n) {
            flush();
        }
    }
}
