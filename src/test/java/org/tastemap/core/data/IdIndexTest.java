package org.tastemap.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The id lookup (an open-addressing table since session 8) against a HashMap as the reference, with
 * ids whose hash codes collide ("Aa" and "BB" have the same String hash, and so do all their
 * concatenations), sha1-like ids as in Last.fm, and ids that are not there.
 */
class IdIndexTest {
    @Test
    void everyIdIsFoundAtItsIndexAndNothingElseIsFound() {
        // 2^10 strings with one String hash code
        List<String> ids = oneStringHash(1024, 10);
        Random r = new Random(9);
        for (int i = 0; i < 50_000; i++) {
            ids.add(String.format("%040x", new java.math.BigInteger(160, r)));
        }
        ids.add("");
        ids.add("Björk");
        IdIndex index = IdIndex.of(ids);
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            reference.put(ids.get(i), i);
        }
        assertEquals(ids.size(), index.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, index.indexOf(ids.get(i)), ids.get(i));
            assertEquals(ids.get(i), index.id(i));
        }
        for (int i = 0; i < 20_000; i++) {
            String absent = String.format("%040x", new java.math.BigInteger(160, r)) + "x";
            assertEquals(reference.getOrDefault(absent, -1), index.indexOf(absent));
        }
        String sameHash = "C#" + "Aa".repeat(9);
        assertEquals(ids.get(0).hashCode(), sameHash.hashCode(), "\"C#\" hashes as \"Aa\" does");
        assertEquals(-1, index.indexOf(sameHash), "the same String hash as 1,024 ids, not an id");
        assertEquals(-1, index.indexOf(null));
        assertFalse(index.contains("Bjork"));
        assertTrue(index.contains("Björk"));
    }

    /**
     * 100,000 names with one String hash (a crafted file): every lookup reads a few slots. With slots
     * chosen by String.hashCode, as in the first version of this table, they all shared one run of
     * 100,000 slots (a lookup read up to 100,000, the build 5 billion). At a load of 0.38 the longest run
     * of a random hash is about 20; 200 leaves a wide margin.
     */
    @Test
    void namesWithOneStringHashDoNotMakeTheLookupQuadratic() {
        List<String> ids = oneStringHash(100_000, 17);
        assertEquals(1, ids.stream().mapToInt(String::hashCode).distinct().count());
        IdIndex index = IdIndex.of(ids);
        int longest = 0;
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, index.indexOf(ids.get(i)));
            longest = Math.max(longest, index.probes(ids.get(i)));
        }
        assertTrue(longest <= 200, "longest probe " + longest);
    }

    /** {@code count} distinct strings of {@code pairs} "Aa" or "BB" each (the bits of their number): one String hash for all. */
    private static List<String> oneStringHash(int count, int pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < pairs; bit++) {
                b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void aDuplicateIsRefusedWithBothIndexes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdIndex.of("a", "AaBB", "b", "AaBB"));
        assertEquals("duplicate id 'AaBB' at 1 and 3", e.getMessage());
        assertThrows(NullPointerException.class, () -> IdIndex.of("a", null));
    }

    @Test
    void emptyAndSubsetIndexesLookUpTheirOwnIds() {
        IdIndex empty = IdIndex.of();
        assertEquals(0, empty.size());
        assertEquals(-1, empty.indexOf("a"));
        IdIndex sub = IdIndex.of("a", "b", "c", "d").subset(new int[] {3, 1});
        assertEquals(0, sub.indexOf("d"));
        assertEquals(1, sub.indexOf("b"));
        assertEquals(-1, sub.indexOf("a"));
    }
}
