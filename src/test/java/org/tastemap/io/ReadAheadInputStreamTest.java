package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadAheadInputStreamTest {
    private static final int CHUNK = ReadAheadInputStream.CHUNK_BYTES;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 7 * CHUNK + 5})
    void passesEveryByteThroughInOrder(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), "test")) {
            byte[] buf = new byte[1000]; // reads of an odd size straddle chunk ends
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void aSourceErrorSurfacesOnTheReadingThread() throws IOException {
        InputStream failing = new InputStream() {
            private int left = CHUNK + 10;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("disk gone");
                }
                left--;
                return 'x';
            }
        };
        try (InputStream in = new ReadAheadInputStream(failing, "test")) {
            byte[] buf = new byte[CHUNK];
            assertEquals(CHUNK, in.readNBytes(buf, 0, CHUNK)); // the first full chunk arrives
            IOException e = assertThrows(IOException.class, () -> in.readNBytes(buf, 0, CHUNK));
            assertEquals("disk gone", e.getMessage());
        }
    }

    @Test
    void closingStopsTheThreadEvenWhenNothingWasRead() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        new ReadAheadInputStream(endless, "read-ahead-close-test").close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("read-ahead-close-test")));
    }
}
