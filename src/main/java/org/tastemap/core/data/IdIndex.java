package org.tastemap.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, dense mapping between external ids (user sha1s, artist names) and the
 * integer indexes {@code 0..size()-1} used by the matrices and factor tables.
 */
public final class IdIndex {
    private final String[] ids;
    /**
     * Open addressing over the ids' hash codes: {@code slots[h]} is an id's index + 1, or 0 for an empty
     * slot; linear probing; at most half full. One int array rather than a HashMap: a map held a node and
     * a boxed Integer per id, two million small objects for the Last.fm file's 518,000 ids, which the
     * garbage collector copied in young pauses of 130-196 ms while a full-size file was imported
     * (docs/performance.md, "Fourth pass").
     */
    private final int[] slots;
    private final int mask;

    private IdIndex(String[] ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(16, ids.length * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            String id = Objects.requireNonNull(ids[i], "id");
            int h = spread(id.hashCode()) & mask;
            while (slots[h] != 0) {
                if (ids[slots[h] - 1].equals(id)) {
                    throw new IllegalArgumentException("duplicate id '" + id + "' at " + (slots[h] - 1) + " and " + i);
                }
                h = (h + 1) & mask;
            }
            slots[h] = i + 1;
        }
    }

    /** Mixes the high bits of a String hash into the low ones, which pick the slot. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** An index whose i-th id is {@code ids[i]}; the array is copied. Ids must be unique. */
    public static IdIndex of(String... ids) {
        return new IdIndex(ids.clone());
    }

    /** An index whose i-th id is {@code ids.get(i)}. Ids must be unique. */
    public static IdIndex of(List<String> ids) {
        return new IdIndex(ids.toArray(new String[0]));
    }

    public int size() {
        return ids.length;
    }

    /** The external id at {@code index}. */
    public String id(int index) {
        return ids[index];
    }

    /** The index of {@code id}, or -1 when it is not known. */
    public int indexOf(String id) {
        if (id == null) {
            return -1;
        }
        for (int h = spread(id.hashCode()) & mask; slots[h] != 0; h = (h + 1) & mask) {
            if (ids[slots[h] - 1].equals(id)) {
                return slots[h] - 1;
            }
        }
        return -1;
    }

    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** A copy of all ids in index order. */
    public String[] toArray() {
        return ids.clone();
    }

    /** A new index holding the ids at {@code keep} (in that order). */
    public IdIndex subset(int[] keep) {
        String[] out = new String[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = ids[keep[i]];
        }
        return new IdIndex(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }
}
