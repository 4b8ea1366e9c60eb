package org.tastemap.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata section of a model file (format version 2, layout in {@link ModelFile}): an
 * {@code i32} entry count M, then M pairs of strings (key, value), each an {@code i32} UTF-8 byte
 * length and the bytes. Keys are 1 to {@value #MAX_KEY_BYTES} bytes and unique, values at most
 * {@value #MAX_VALUE_BYTES} bytes, at most {@value #MAX_ENTRIES} entries, the whole section at most
 * {@value #MAX_BYTES} bytes. Both sides check the limits; the reader checks each length before it
 * allocates, and decodes UTF-8 strictly.
 */
final class MetadataSection {
    static final int MAX_KEY_BYTES = 256;
    static final int MAX_VALUE_BYTES = 65_536;
    static final int MAX_ENTRIES = 1024;
    static final int MAX_BYTES = 1 << 20;

    private MetadataSection() {
    }

    /**
     * Encodes {@code metadata} in its iteration order.
     *
     * @throws IllegalArgumentException when a key or value passes the limits or is not valid Unicode
     */
    static byte[] encode(Map<String, String> metadata) {
        if (metadata.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("the metadata has " + metadata.size() + " entries, more than the "
                    + MAX_ENTRIES + " a model file holds");
        }
        byte[][] parts = new byte[2 * metadata.size()][];
        long total = 4;
        int n = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            byte[] k = utf8(e.getKey(), "metadata key \"" + e.getKey() + "\"");
            byte[] v = utf8(e.getValue(), "metadata value of \"" + e.getKey() + "\"");
            if (k.length == 0 || k.length > MAX_KEY_BYTES) {
                throw new IllegalArgumentException("metadata key \"" + e.getKey() + "\" has " + k.length
                        + " bytes; keys have 1 to " + MAX_KEY_BYTES);
            }
            if (v.length > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException("metadata value of \"" + e.getKey() + "\" has " + v.length
                        + " bytes, more than " + MAX_VALUE_BYTES);
            }
            parts[n++] = k;
            parts[n++] = v;
            total += 8L + k.length + v.length;
        }
        if (total > MAX_BYTES) {
            throw new IllegalArgumentException("the metadata takes " + total + " bytes, more than " + MAX_BYTES);
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(metadata.size());
        for (byte[] p : parts) {
            out.putInt(p.length).put(p);
        }
        return out.array();
    }

    /** Decodes a whole section, checking every length against the limits and what remains. */
    static Map<String, String> decode(byte[] bytes, String file) throws ModelFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 4) {
            throw bad(file, "it has " + bytes.length + " bytes, too few for its entry count");
        }
        int count = in.getInt();
        if (count < 0 || count > MAX_ENTRIES || 8L * count > in.remaining()) {
            throw bad(file, "it claims " + count + " entries in " + bytes.length + " bytes (at most " + MAX_ENTRIES + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = string(in, 1, MAX_KEY_BYTES, "key " + i, file);
            String value = string(in, 0, MAX_VALUE_BYTES, "value of \"" + key + "\"", file);
            if (out.put(key, value) != null) {
                throw bad(file, "the key \"" + key + "\" appears twice");
            }
        }
        if (in.hasRemaining()) {
            throw bad(file, in.remaining() + " bytes are left over after its " + count + " entries");
        }
        return out;
    }

    private static String string(ByteBuffer in, int min, int max, String what, String file) throws ModelFileException {
        if (in.remaining() < 4) {
            throw bad(file, "it ends before the length of " + what);
        }
        int n = in.getInt();
        if (n < min || n > max || n > in.remaining()) {
            throw bad(file, "the " + what + " claims " + n + " bytes (allowed " + min + " to " + max + ", "
                    + in.remaining() + " remain)");
        }
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "the " + what + " is not valid UTF-8");
        }
    }

    private static byte[] utf8(String s, String what) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the " + what + " is not valid Unicode (an unpaired surrogate)");
        }
    }

    private static ModelFileException bad(String file, String problem) {
        return new ModelFileException(file, "is corrupted: in its metadata section, " + problem);
    }
}
