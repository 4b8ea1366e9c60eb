package org.tastemap.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Edit distances below were worked by hand (and checked with a textbook dynamic programme). */
class ClosestTest {
    @Test
    void reachIsAQuarterOfTheTypedLengthAndAtLeastTwo() {
        assertEquals(2, Closest.maxEdits("cat"), "3 / 4 = 0, raised to 2");
        assertEquals(3, Closest.maxEdits("nothern meadows"), "15 / 4 = 3");
        assertEquals(10, Closest.maxEdits("3f2a9c1e7b4d0a8f6e2c5b9d1a7f3e0c4b8d2a6f"), "40 / 4");
    }

    @Test
    void aMissingLetterIsOneEditAndASwapTwo() {
        // recomend -> recommend: insert m (1); recomend -> record: m->r, delete e, delete n (3 > 2)
        assertEquals(List.of("recommend"), Closest.among("recomend", List.of("record", "recommend", "evaluate", "train"), 5));
        // aplha -> alpha: p->l, l->p (2, within 2)
        assertEquals(List.of("alpha"), Closest.among("aplha", List.of("alpha", "lambda"), 5));
    }

    @Test
    void fewestEditsFirstThenTheLowerIndex() {
        // cat: cart 1 (insert r), bat 1 (c->b), cat 0, dog 3 (out of reach)
        assertEquals(List.of(2, 0, 1), Closest.indexes("cat", 4, i -> List.of("cart", "bat", "cat", "dog").get(i), 5));
        assertEquals(List.of(2, 0), Closest.indexes("cat", 4, i -> List.of("cart", "bat", "cat", "dog").get(i), 2), "limit");
        assertEquals(List.of(0, 1), Closest.indexes("cat", 4, i -> List.of("cart", "bat", "cat", "dog").get(i), i -> i != 2, 5),
                "the refused index is not offered");
    }

    @Test
    void anIdMistypedNearItsStartIsFoundWhereASharedStartFindsAnother() {
        String id = "3f2a9c1e7b4d0a8f6e2c5b9d1a7f3e0c4b8d2a6f";
        // the 5th character mistyped: 1 edit from the id
        String typo = id.substring(0, 4) + "x" + id.substring(5);
        // another id that starts with the typo's first 5 characters: a longer shared start than the id
        // itself has (4), but 30 edits from the typo (5 shared, then 35 characters of which 5 happen to agree)
        String other = "3f2ax0123456789abcdef0123456789abcdef012";
        assertEquals(List.of(id), Closest.among(typo, List.of(other, id), 5));
    }
}
