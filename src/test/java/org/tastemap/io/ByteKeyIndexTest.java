package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        KeyDecoder.Keys keys = KeyDecoder.decode(index, KeyDecoder.decide(TextEncoding.AUTO, index), true);
        // the empty key is refused as a blank name; the rest keep their order
        assertArrayEquals(order.stream().filter(k -> !k.isEmpty()).toArray(String[]::new), keys.keys());
        assertEquals(0, keys.merged()); // valid UTF-8: no merges
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
        KeyDecoder.Keys utf8 = KeyDecoder.decode(index, new KeyDecoder.Decision(TextEncoding.UTF_8, "chosen"), false);
        assertArrayEquals(new String[] {"x\uFFFD", "y"}, utf8.keys());
        assertArrayEquals(new int[] {0, 1, 0}, utf8.map()); // by hand: the third key is the first one's text
        assertEquals(1, utf8.merged());

        // detected: no key is UTF-8, so Latin-1, which gives every byte its own character
        KeyDecoder.Decision auto = KeyDecoder.decide(TextEncoding.AUTO, index);
        assertEquals(TextEncoding.LATIN_1, auto.encoding());
        assertArrayEquals(new String[] {"x\u00FF", "y", "x\u00FE"}, KeyDecoder.decode(index, auto, true).keys());
    }

    @Test
    void theUtf8CheckAgreesWithTheJdkDecoder() {
        // brute force against java.nio's strict decoder on short random byte strings, biased to high bytes
        Random random = new Random(5);
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x80));
            }
            boolean valid;
            try {
                strict.reset().decode(java.nio.ByteBuffer.wrap(b));
                valid = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                valid = false;
            }
            assertEquals(valid, KeyDecoder.classify(b, 0, b.length) != KeyDecoder.INVALID, java.util.Arrays.toString(b));
        }
    }
}
