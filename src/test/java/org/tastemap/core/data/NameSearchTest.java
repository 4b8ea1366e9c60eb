package org.tastemap.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSearchTest {
    // index:                 0        1                2              3                4               5
    private final String[] names = {"Björk", "The Bjorkestra", "Bjørn Again", "Radiohead", "Sigur Rós", "Blur"};
    private final int[] listeners = {500, 20, 50, 900, 300, 700};
    private final NameSearch search = new NameSearch(names, listeners);

    @Test
    void ignoresCaseAndAccents() {
        assertEquals(List.of(0, 1), search.search("BJORK", 10), "Björk by its start, The Bjorkestra by a word start");
        assertEquals(List.of(4), search.search("sigur ros", 10));
    }

    @Test
    void prefixBeatsWordStartBeatsSubstringThenListeners() {
        // "b": starts of Blur(700), Björk(500), Bjørn Again(50) by listeners; then word start The Bjorkestra
        assertEquals(List.of(5, 0, 2, 1), search.search("b", 10));
        // "ead" occurs only inside Radiohead
        assertEquals(List.of(3), search.search("ead", 10));
    }

    @Test
    void limitAndBlankQuery() {
        assertEquals(List.of(5, 0), search.search("b", 2));
        assertEquals(List.of(), search.search("   ", 10));
        assertEquals(List.of(), search.search("zzz", 10));
    }

    @Test
    void closestOffersTheFewestEditsFirstThenTheNamesHoldingWhatWasTyped() {
        // "Bjrok" (two letters swapped): 2 edits from bjork, 4 from blur, 8 from bjorn again; no name holds "bjrok"
        assertEquals(List.of(0), search.closest("Bjrok", 5, i -> true));
        // "bjork" is Björk without its accent (0 edits); then The Bjorkestra, which holds it
        assertEquals(List.of(0, 1), search.closest("bjork", 5, i -> true));
        // "blor": blur 1 edit (o->u), bjork 2 (l->j, insert k); then no name holds "blor"
        assertEquals(List.of(5, 0), search.closest("blor", 5, i -> true));
        // "bjo": bjork 2 edits (insert r, k), blur 3, the rest 8 or more; then the names holding it, Björk
        // (again) and The Bjorkestra; not Bjørn Again, whose ø is a letter of its own, not an o with an accent
        assertEquals(List.of(0, 1), search.closest("bjo", 5, i -> true));
        assertEquals(List.of(), search.closest(" ", 5, i -> true));
    }

    @Test
    void closestPrefersTheMorePopularAmongEqualEditsAndSkipsTheRefused() {
        NameSearch s = new NameSearch(new String[] {"Kent", "Kant", "Kino", "Kiev"}, new int[] {100, 300, 200, 900});
        // kunt: kent 1, kant 1 (Kant has more listeners), kino 2, kiev 3 (beyond the reach of 2)
        assertEquals(List.of(1, 0, 2), s.closest("kunt", 5, i -> true));
        assertEquals(List.of(0, 2), s.closest("kunt", 5, i -> i != 1));
        assertEquals(List.of(1), s.closest("kunt", 1, i -> true));
    }

    /** The tiers by their definition, testing every name: the reference for the indexed search. */
    private static List<Integer> byDefinition(String[] names, int[] popularity, String query, int limit) {
        String q = NameSearch.normalize(query);
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> popularity[a] != popularity[b] ? Integer.compare(popularity[b], popularity[a]) : Integer.compare(a, b));
        List<Integer> out = new java.util.ArrayList<>();
        if (q.isEmpty()) {
            return out;
        }
        for (int tier = 0; tier < 3; tier++) {
            for (int i : order) {
                String n = NameSearch.normalize(names[i]);
                int t = n.startsWith(q) ? 0 : n.contains(" " + q) ? 1 : n.contains(q) ? 2 : 3;
                if (t == tier && out.size() < limit) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    @Test
    void theIndexedSearchFindsWhatTheTierDefinitionFinds() {
        // random names over a small alphabet, so that queries hit every tier, repeats and the limit
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        String letters = "abcé d";
        String[] many = new String[3000];
        int[] pop = new int[many.length];
        for (int i = 0; i < many.length; i++) {
            StringBuilder b = new StringBuilder();
            for (int c = 1 + rnd.nextInt(9); c > 0; c--) {
                b.append(letters.charAt(rnd.nextInt(letters.length())));
            }
            many[i] = b.toString();
            pop[i] = rnd.nextInt(50);
        }
        NameSearch s = new NameSearch(many, pop);
        for (int q = 0; q < 400; q++) {
            StringBuilder b = new StringBuilder();
            for (int c = 1 + rnd.nextInt(4); c > 0; c--) {
                b.append(letters.charAt(rnd.nextInt(letters.length())));
            }
            int limit = 1 + rnd.nextInt(15);
            assertEquals(byDefinition(many, pop, b.toString(), limit), s.search(b.toString(), limit), "query '" + b + "' limit " + limit);
        }
    }
}
