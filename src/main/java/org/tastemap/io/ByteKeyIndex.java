package org.tastemap.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each distinct byte string (a slice of a read buffer) a dense id {@code 0, 1, 2, ...} in the
 * order first seen, without making a String per lookup. Keys are copied once into one byte arena;
 * the table is open addressing with linear probing, storing the key's hash beside its id so a probe
 * touches the key bytes only on a likely match. Sized for millions of keys.
 */
final class ByteKeyIndex {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] arena;
    private int arenaUsed;
    private int[] offsets;
    private int[] lengths;
    /** Slot: (hash << 32) | (id + 1); 0 is an empty slot. */
    private long[] table;
    private int mask;
    private int size;

    ByteKeyIndex(int expectedKeys) {
        int slots = Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1;
        table = new long[slots];
        mask = slots - 1;
        offsets = new int[Math.max(16, expectedKeys)];
        lengths = new int[offsets.length];
        arena = new byte[Math.max(1024, expectedKeys * 16)];
    }

    int size() {
        return size;
    }

    /** The id of bytes {@code [from, to)} of {@code buf}, adding them as a new key if unseen. */
    int intern(byte[] buf, int from, int to) {
        int h = hash(buf, from, to);
        int slot = h & mask;
        while (true) {
            long e = table[slot];
            if (e == 0) {
                return add(buf, from, to, h, slot);
            }
            if ((int) (e >>> 32) == h) {
                int id = (int) e - 1;
                int off = offsets[id];
                if (lengths[id] == to - from && Arrays.equals(arena, off, off + (to - from), buf, from, to)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether key {@code id} equals bytes {@code [from, to)} of {@code buf}. */
    boolean keyEquals(int id, byte[] buf, int from, int to) {
        int off = offsets[id];
        return lengths[id] == to - from && Arrays.equals(arena, off, off + (to - from), buf, from, to);
    }

    private int add(byte[] buf, int from, int to, int h, int slot) {
        int len = to - from;
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size + (size >> 1));
            lengths = Arrays.copyOf(lengths, offsets.length);
        }
        if (arenaUsed + len > arena.length) {
            long grown = Math.max((long) arena.length + (arena.length >> 1), (long) arenaUsed + len);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of distinct keys");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        System.arraycopy(buf, from, arena, arenaUsed, len);
        offsets[size] = arenaUsed;
        lengths[size] = len;
        arenaUsed += len;
        int id = size++;
        table[slot] = ((long) h << 32) | (id + 1L);
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        for (long e : old) {
            if (e != 0) {
                int slot = (int) (e >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = e;
            }
        }
    }

    /** A 32-bit hash of the bytes, mixed eight at a time. */
    static int hash(byte[] buf, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int p = from;
        for (; p + 8 <= to; p += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(buf, p), 29) * 0xBF58476D1CE4E5B9L;
        }
        long tail = 0;
        for (int s = 0; p < to; p++, s += 8) {
            tail |= (buf[p] & 0xffL) << s;
        }
        h = (h ^ tail) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** Key {@code id} decoded as UTF-8. */
    String key(int id) {
        return new String(arena, offsets[id], lengths[id], StandardCharsets.UTF_8);
    }

    /**
     * All keys decoded as UTF-8, made unique. Distinct byte strings can decode to the same text only
     * when they hold invalid UTF-8 (each bad byte becomes U+FFFD); such keys are merged.
     *
     * @return the unique keys, and in {@code remapOut[0]} an old-id to new-id map, or null when every key was unique
     */
    String[] decodeUnique(int[][] remapOut) {
        String[] keys = new String[size];
        Map<String, Integer> replaced = null;
        int[] remap = null;
        int w = 0;
        for (int id = 0; id < size; id++) {
            String k = key(id);
            if (k.indexOf('\uFFFD') >= 0) {
                if (replaced == null) {
                    replaced = new HashMap<>();
                }
                Integer first = replaced.putIfAbsent(k, w);
                if (first != null) {
                    if (remap == null) {
                        remap = new int[size];
                        for (int j = 0; j < id; j++) {
                            remap[j] = j;
                        }
                    }
                    remap[id] = first;
                    continue;
                }
            }
            if (remap != null) {
                remap[id] = w;
            }
            keys[w++] = k;
        }
        remapOut[0] = remap;
        return w == size ? keys : Arrays.copyOf(keys, w);
    }

    /** Drops the key bytes and table once keys are decoded. */
    void release() {
        arena = new byte[0];
        table = new long[0];
        offsets = new int[0];
        lengths = new int[0];
    }
}
