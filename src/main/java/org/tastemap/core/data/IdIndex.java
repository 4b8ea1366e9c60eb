package org.tastemap.core.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, dense mapping between external ids (user sha1s, artist names) and the
 * integer indexes {@code 0..size()-1} used by the matrices and factor tables.
 */
public final class IdIndex {
    private final String[] ids;
    private final Map<String, Integer> byId;

    private IdIndex(String[] ids) {
        this.ids = ids;
        this.byId = new HashMap<>(Math.max(16, (int) (ids.length / 0.7f)));
        for (int i = 0; i < ids.length; i++) {
            Integer previous = byId.put(Objects.requireNonNull(ids[i], "id"), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate id '" + ids[i] + "' at " + previous + " and " + i);
            }
        }
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
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
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
