package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32;

/**
 * Little-endian binary input from a channel through a 1 MiB buffer, keeping a CRC-32 of every byte
 * consumed (bytes read ahead into the buffer but not yet consumed are not counted). Running out of
 * bytes throws {@link ModelFileException} naming what was being read.
 */
final class ChecksummedInput {
    private static final int CAPACITY = 1 << 20;
    private final ReadableByteChannel channel;
    private final String fileName;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(CAPACITY).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();

    ChecksummedInput(ReadableByteChannel channel, String fileName) {
        this.channel = channel;
        this.fileName = fileName;
        buf.flip(); // empty, in read mode
    }

    /** The CRC-32 of every byte consumed so far. */
    int crc() {
        return (int) crc.getValue();
    }

    /** Reads {@code n} bytes into {@code dst[off..off+n)}. */
    void get(byte[] dst, int off, int n, String what) throws IOException {
        while (n > 0) {
            int m = Math.min(n, CAPACITY);
            take(m, what).get(dst, off, m);
            off += m;
            n -= m;
        }
    }

    void getInts(int[] dst, String what) throws IOException {
        int off = 0;
        int n = dst.length;
        while (n > 0) {
            int m = Math.min(n, CAPACITY / 4);
            take(4 * m, what).asIntBuffer().get(dst, off, m);
            off += m;
            n -= m;
        }
    }

    void getFloats(float[] dst, String what) throws IOException {
        int off = 0;
        int n = dst.length;
        while (n > 0) {
            int m = Math.min(n, CAPACITY / 4);
            take(4 * m, what).asFloatBuffer().get(dst, off, m);
            off += m;
            n -= m;
        }
    }

    /** Reads 4 bytes that are not part of the checksum (the checksum itself). */
    int getIntUnchecked(String what) throws IOException {
        fill(4, what);
        return buf.getInt();
    }

    /** The next {@code n} bytes (at most the capacity) as a little-endian slice, counted in the CRC. */
    private ByteBuffer take(int n, String what) throws IOException {
        fill(n, what);
        ByteBuffer slice = buf.slice(buf.position(), n).order(ByteOrder.LITTLE_ENDIAN);
        crc.update(slice.duplicate());
        buf.position(buf.position() + n);
        return slice;
    }

    private void fill(int n, String what) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        buf.compact();
        while (buf.position() < n) {
            if (channel.read(buf) < 0) {
                int found = buf.position();
                buf.flip();
                throw new ModelFileException(fileName, "is truncated: expected " + n + " more bytes of " + what
                        + ", found " + found);
            }
        }
        buf.flip();
    }
}
