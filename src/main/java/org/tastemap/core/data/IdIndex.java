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
     * Open addressing: {@code slots[h]} is an id's index + 1, or 0 for an empty slot; linear probing; at
     * most half full. One int array rather than a HashMap: a map held a node and a boxed Integer per id,
     * two million small objects for the Last.fm file's 518,000 ids, which the garbage collector copied in
     * young pauses of 130-196 ms while a full-size file was imported (docs/performance.md, "Fourth pass").
     */
    private final int[] slots;
    private final int mask;
    /** The most ids an index holds: its table of twice as many slots must stay an int array. */
    static final int MAX_IDS = 1 << 29;
    /**
     * The slot hash's seed, new in every run: String.hashCode collides by design ("Aa" and "BB"), so a
     * file of crafted names could make linear probing quadratic; with a seed nobody knows it cannot.
     */
    private static final long SEED = new java.util.SplittableRandom().nextLong() | 1;

    private IdIndex(String[] ids) {
        if (ids.length > MAX_IDS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%,d ids: an index holds at most %,d",
                    ids.length, MAX_IDS));
        }
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(16, ids.length * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            String id = Objects.requireNonNull(ids[i], "id");
            int h = slot(id);
            if (slots[h] != 0) {
                throw new IllegalArgumentException("duplicate id '" + id + "' at " + (slots[h] - 1) + " and " + i);
            }
            slots[h] = i + 1;
        }
    }

    /** The slot that holds {@code id}, or the empty slot where it would go: the one probe walk of the table. */
    private int slot(String id) {
        int h = hash(id) & mask;
        while (slots[h] != 0 && !ids[slots[h] - 1].equals(id)) {
            h = (h + 1) & mask;
        }
        return h;
    }

    /** A seeded hash of the id's characters, mixed so that the low bits, which pick the slot, depend on all of them. */
    private static int hash(String id) {
        long h = SEED;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
        }
        h *= 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
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
        // an empty slot holds 0: -1 for an id that is not there
        return id == null ? -1 : slots[slot(id)] - 1;
    }

    /** How many slots a lookup of {@code id} reads (for tests: the table's probe lengths stay short). */
    int probes(String id) {
        return ((slot(id) - (hash(id) & mask)) & mask) + 1;
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
