package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteKeyIndexTest {
    @Test
    void agreesWithAHashMapOverManyKeysAndRehashes() {
        Random random = new Random(11);
        ByteKeyIndex index = new ByteKeyIndex(16);
        Map<String, Integer> reference = new HashMap<>();
        List<String> order = new ArrayList<>();
        byte[] buf = new byte[64];
        for (int n = 0; n < 300_000; n++) {
            // keys of 0..40 chars from a small alphabet: many repeats, many lengths, some shared prefixes
            int len = random.nextInt(41);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                sb.append((char) ('a' + random.nextInt(len < 4 ? 3 : 26)));
            }
            String key = sb.toString();
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(buf.length - bytes.length + 1); // the key sits anywhere in a buffer
            System.arraycopy(bytes, 0, buf, at, bytes.length);
            Integer expected = reference.computeIfAbsent(key, k -> {
                order.add(k);
                return order.size() - 1;
            });
            assertEquals((int) expected, index.intern(buf, at, at + bytes.length), key);
        }
        assertEquals(order.size(), index.size());
        int[][] remap = new int[1][];
        assertArrayEquals(order.toArray(new String[0]), index.decodeUnique(remap));
        assertNull(remap[0]); // valid UTF-8: no merges
    }

    @Test
    void keysThatDecodeToTheSameTextAreMerged() {
        ByteKeyIndex index = new ByteKeyIndex(16);
        byte[] a = {'x', (byte) 0xFF};       // invalid UTF-8 -> "x\uFFFD"
        byte[] b = {'y'};
        byte[] c = {'x', (byte) 0xFE};       // invalid UTF-8 -> "x\uFFFD" too
        index.intern(a, 0, 2);
        index.intern(b, 0, 1);
        index.intern(c, 0, 2);
        int[][] remap = new int[1][];
        String[] keys = index.decodeUnique(remap);

        assertArrayEquals(new String[] {"x\uFFFD", "y"}, keys);
        assertArrayEquals(new int[] {0, 1, 0}, remap[0]); // by hand: the third key is the first one's text
    }
}
