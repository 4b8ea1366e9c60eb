package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Writes a float matrix as a NumPy {@code .npy} file (format version 1.0), loadable with
 * {@code numpy.load}: the magic {@code \x93NUMPY}, version bytes {@code 01 00}, the header length as
 * a little-endian u16, then the header dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }} padded with spaces and
 * ended by {@code \n} so the data starts at a multiple of 64 bytes, then {@code rows * cols}
 * little-endian float32 values in row-major (C) order.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;

    private NpyWriter() {
    }

    /** The bytes before the data: magic, version, header length and the padded header dict. */
    public static byte[] preamble(long rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape (" + rows + ", " + cols + ")");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1; // + the final '\n'
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        int headerLength = total - MAGIC.length - 2;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) headerLength).put(dict.getBytes(StandardCharsets.US_ASCII));
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** Writes {@code data} (row-major, {@code rows * cols} values) to {@code file}, atomically. */
    public static void write(Path file, float[] data, int rows, int cols) throws IOException {
        AtomicFileWrite.write(file, ch -> write(ch, data, rows, cols, done -> { }, () -> false));
    }

    /**
     * Writes the whole .npy content to a channel, reporting rows written every 4096 rows and
     * throwing {@link CancellationException} when {@code cancelled} turns true.
     */
    static void write(WritableByteChannel ch, float[] data, int rows, int cols, LongConsumer rowsDone,
                      BooleanSupplier cancelled) throws IOException {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(data.length + " values are not " + rows + " x " + cols);
        }
        ChecksummedOutput out = new ChecksummedOutput(ch);
        out.put(preamble(rows, cols));
        int step = 4096;
        for (int r = 0; r < rows; r += step) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            int n = Math.min(step, rows - r);
            out.putFloats(data, r * cols, n * cols);
            rowsDone.accept(r + n);
        }
        out.flush();
    }
}
