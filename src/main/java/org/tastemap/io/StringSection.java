package org.tastemap.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A run of strings in a model file: for each string, its UTF-8 byte length as a little-endian
 * 32-bit integer, then the bytes.
 */
final class StringSection {
    private StringSection() {
    }

    /**
     * Encodes {@code count} strings.
     *
     * @throws IllegalArgumentException when a string is not valid Unicode (an unpaired surrogate
     *                                  would silently become '?'), or the run passes 2 GB
     */
    static byte[] encode(int count, IntFunction<String> strings, String what) {
        long total = 4L * count;
        for (int i = 0; i < count; i++) {
            total += utf8Length(strings.apply(i), what, i);
        }
        if (total > ModelFileHeader.MAX_ARRAY) {
            throw new IllegalArgumentException("the " + what + " take " + total + " bytes, more than a model file holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            byte[] b = strings.apply(i).getBytes(StandardCharsets.UTF_8);
            out.putInt(b.length).put(b);
        }
        return out.array();
    }

    /** Decodes exactly {@code count} strings that fill {@code bytes}. */
    static String[] decode(byte[] bytes, int count, String what, String file) throws ModelFileException {
        String[] out = new String[count];
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 4) {
                throw new ModelFileException(file, "is corrupted: the " + what + " end after " + i + " of " + count);
            }
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new ModelFileException(file, "is corrupted: entry " + i + " of the " + what + " claims " + n
                        + " bytes, but " + in.remaining() + " remain");
            }
            out[i] = new String(bytes, in.position(), n, StandardCharsets.UTF_8);
            in.position(in.position() + n);
        }
        if (in.hasRemaining()) {
            throw new ModelFileException(file, "is corrupted: " + in.remaining() + " bytes are left over after the " + what);
        }
        return out;
    }

    private static int utf8Length(String s, String what, int index) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("entry " + index + " of the " + what + " is not valid Unicode"
                        + " (an unpaired surrogate at char " + i + ")");
            } else {
                n += 3;
            }
        }
        return n;
    }
}
