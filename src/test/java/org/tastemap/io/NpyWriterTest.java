package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    /**
     * What numpy 2.4.6 writes for {@code np.save(f, np.zeros(shape, dtype='<f4'))}: magic, version 1.0,
     * header length 118 (0x76) little-endian, the dict, spaces, '\n', 128 bytes in all.
     */
    private static byte[] numpyPreamble(String shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        String pad = " ".repeat(128 - 10 - dict.length() - 1);
        byte[] text = (dict + pad + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(128);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0}).put(text);
        return b.array();
    }

    @Test
    void preambleMatchesNumpyByteForByte() {
        assertArrayEquals(numpyPreamble("(3, 4)"), NpyWriter.preamble(3, 4));
        assertArrayEquals(numpyPreamble("(358000, 64)"), NpyWriter.preamble(358_000, 64));
        assertArrayEquals(numpyPreamble("(0, 8)"), NpyWriter.preamble(0, 8));
    }

    @Test
    void preambleIsAlwaysAMultipleOf64() {
        for (long rows : new long[] {0, 1, 9, 99_999, 1L << 40}) {
            for (int cols : new int[] {1, 64, 1024}) {
                byte[] p = NpyWriter.preamble(rows, cols);
                assertEquals(0, p.length % 64, rows + " x " + cols);
                assertEquals(p.length - 10, (p[8] & 0xff) | (p[9] & 0xff) << 8, "header length field");
                assertEquals('\n', p[p.length - 1]);
            }
        }
    }

    @Test
    void fileReadsBackAsTheMatrix() throws IOException {
        float[] data = {1.5f, -2f, 0f, Float.MIN_VALUE, 3.4028235e38f, -0.1f};
        Path file = dir.resolve("m.npy");
        NpyWriter.write(file, data, 2, 3);
        byte[] all = Files.readAllBytes(file);
        assertEquals(128 + 6 * 4, all.length);
        // parse it as numpy would: header length at 8, the dict, then little-endian float32 values
        int headerLength = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        String header = new String(all, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        float[] back = new float[6];
        ByteBuffer.wrap(all, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(back);
        assertArrayEquals(data, back);
    }

    @Test
    void shapeMustMatchTheData() {
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.write(dir.resolve("x.npy"), new float[5], 2, 3));
    }
}
