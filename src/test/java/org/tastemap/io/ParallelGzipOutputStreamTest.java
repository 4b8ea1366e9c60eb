package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ParallelGzipOutputStreamTest {
    private static byte[] gzip(byte[] data, int threads, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream z = new ParallelGzipOutputStream(out, threads, 6)) {
            for (int off = 0; off < data.length; off += chunk) {
                z.write(data, off, Math.min(chunk, data.length - off));
            }
            z.finish();
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** Text with long repeats across the 1 MiB block borders, and random bytes, 3.5 blocks in all. */
    private static byte[] sample(int n) {
        SplittableRandom r = new SplittableRandom(5);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (i / 70_000) % 2 == 0 ? (byte) ("listening data\t" .charAt(i % 15)) : (byte) r.nextInt(256);
        }
        return b;
    }

    @Test
    void decompressesToTheInputWithJavasOwnGzipReader() throws IOException {
        for (int n : new int[] {0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345}) {
            byte[] data = sample(n);
            assertArrayEquals(data, gunzip(gzip(data, 2, 100_000)), n + " bytes");
        }
    }

    @Test
    void bytesDoNotDependOnThreadsOrWriteSizes() throws IOException {
        byte[] data = sample(3 * (1 << 20) + 999);
        byte[] one = gzip(data, 1, 1 << 20);
        assertArrayEquals(one, gzip(data, 2, 4096));
        assertArrayEquals(one, gzip(data, 4, 777_777));
    }
}
