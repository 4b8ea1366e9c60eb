package org.tastemap.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalityOrder} and {@link InteractionMatrix#permuted}: renumbering keeps every play, and the
 * numbering puts planted communities in contiguous runs. Expected values come from how each fixture
 * is built.
 */
class LocalityOrderTest {

    /** A seeded random matrix with heavy-ish rows; some users and artists may be empty. */
    private static InteractionMatrix random(int users, int items, int nnz, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] u = new int[nnz];
        int[] i = new int[nnz];
        float[] v = new float[nnz];
        for (int p = 0; p < nnz; p++) {
            u[p] = rnd.nextInt(users);
            i[p] = (int) Math.floor(items * Math.pow(rnd.nextDouble(), 2)); // popular artists have low indexes
            v[p] = 1 + rnd.nextInt(500);
        }
        return InteractionMatrix.fromTriplets(users, items, u, i, v, nnz);
    }

    private static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        return a;
    }

    @Test
    void permutedKeepsEveryPlayUnderItsNewNumbers() {
        InteractionMatrix m = random(300, 120, 4000, 3);
        int[] userOrder = shuffled(300, 5);
        int[] itemOrder = shuffled(120, 7);
        InteractionMatrix p = m.permuted(userOrder, itemOrder);
        assertEquals(m.nnz(), p.nnz());
        for (int r = 0; r < 300; r++) {
            for (int j = 0; j < 120; j++) {
                assertEquals(m.get(userOrder[r], itemOrder[j]), p.get(r, j), "cell " + r + "," + j);
            }
        }
        // both orders must be exactly what building from the new rows gives: sorted rows and the same transpose
        InteractionMatrix rebuilt = InteractionMatrix.fromCsr(300, 120, p.userPtr(), p.userItems(), p.userValues());
        assertArrayEquals(rebuilt.itemPtr(), p.itemPtr());
        assertArrayEquals(rebuilt.itemUsers(), p.itemUsers());
        assertArrayEquals(rebuilt.itemValues(), p.itemValues());
    }

    @Test
    void permutedRejectsWhatIsNotAPermutation() {
        InteractionMatrix m = random(4, 3, 6, 1);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> m.permuted(new int[] {0, 1, 1, 3}, new int[] {0, 1, 2}));
        assertTrue(twice.getMessage().contains("not a permutation"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.permuted(new int[] {0, 1, 2, 3}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> m.permuted(new int[] {0, 1, 2, 4}, new int[] {0, 1, 2}));
    }

    @Test
    void ordersArePermutationsAndTheSameEveryTime() {
        InteractionMatrix m = random(500, 200, 6000, 11);
        LocalityOrder.Orders a = LocalityOrder.of(m);
        LocalityOrder.Orders b = LocalityOrder.of(m);
        assertArrayEquals(a.users(), b.users());
        assertArrayEquals(a.artists(), b.artists());
        assertArrayEquals(identity(500), sortedCopy(a.users()));
        assertArrayEquals(identity(200), sortedCopy(a.artists()));
    }

    /**
     * Three planted communities, interleaved in index order (user u and artist i belong to community
     * u % 3 and i % 3). Each user plays their community's anchor (artist c) most, a few more of its
     * artists once, and every fifth user also one artist of the next community. The numbering must
     * give each community one contiguous run of users and one of artists, and within a run users by
     * activity and artists by popularity. The anchors tie at 30 listeners, so community 0 (the anchor
     * with the lowest index) comes first.
     */
    @Test
    void plantedCommunitiesComeOutContiguousAndOrderedWithin() {
        int users = 90;
        int items = 30;
        int[] u = new int[users * 7];
        int[] it = new int[users * 7];
        float[] v = new float[users * 7];
        int n = 0;
        for (int user = 0; user < users; user++) {
            int c = user % 3;
            int plays = 6 - c - (user / 3) % 2;
            for (int k = 0; k < plays; k++) {
                u[n] = user;
                it[n] = k == 0 ? c : c + 3 * (1 + (user / 3 + k) % 9);
                v[n++] = k == 0 ? 100 : 1;
            }
            if (user % 5 == 0) {
                u[n] = user;
                it[n] = (c + 1) % 3 + 27;
                v[n++] = 1;
            }
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(users, items, u, it, v, n);
        LocalityOrder.Orders o = LocalityOrder.of(m);
        assertContiguous(o.users(), 3);
        assertContiguous(o.artists(), 3);
        // the anchors tie at 30 listeners; the tie goes to the lower index, so community 0 comes first
        assertEquals(0, o.users()[0] % 3);
        assertEquals(0, o.artists()[0] % 3);
        for (int r = 1; r < users; r++) {
            if (o.users()[r] % 3 == o.users()[r - 1] % 3) {
                assertTrue(m.userCount(o.users()[r]) <= m.userCount(o.users()[r - 1]), "users by activity within a run");
            }
        }
        for (int j = 1; j < items; j++) {
            if (o.artists()[j] % 3 == o.artists()[j - 1] % 3) {
                assertTrue(m.itemCount(o.artists()[j]) <= m.itemCount(o.artists()[j - 1]), "artists by popularity within a run");
            }
        }
    }

    @Test
    void rowsWithoutPlaysComeLast() {
        // users 0 and 3 and artist 2 have no plays
        InteractionMatrix m = InteractionMatrix.fromTriplets(4, 3, new int[] {1, 1, 2}, new int[] {0, 1, 1},
                new float[] {1, 2, 3}, 3);
        LocalityOrder.Orders o = LocalityOrder.of(m);
        assertEquals(2, o.artists()[2]);
        assertArrayEquals(new int[] {0, 3}, sortedCopy(Arrays.copyOfRange(o.users(), 2, 4)));
        // user 1 plays two artists, user 2 one: the more active first
        assertArrayEquals(new int[] {1, 2}, Arrays.copyOfRange(o.users(), 0, 2));
    }

    @Test
    void datasetPermutedCarriesIdsNamesAndMbidsWithTheirRows() {
        InteractionMatrix m = random(6, 4, 15, 2);
        Dataset d = new Dataset(m, IdIndex.of("u0", "u1", "u2", "u3", "u4", "u5"), IdIndex.of("a0", "a1", "a2", "a3"),
                new String[] {"A0", "A1", "A2", "A3"}, new String[] {"m0", "", "m2", ""});
        int[] userOrder = {5, 3, 1, 0, 2, 4};
        int[] artistOrder = {2, 0, 3, 1};
        Dataset p = d.permuted(userOrder, artistOrder);
        for (int r = 0; r < 6; r++) {
            assertEquals("u" + userOrder[r], p.users().id(r));
            for (int j = 0; j < 4; j++) {
                assertEquals(m.get(userOrder[r], artistOrder[j]), p.matrix().get(r, j));
            }
        }
        assertArrayEquals(new String[] {"a2", "a0", "a3", "a1"}, p.artists().toArray());
        assertArrayEquals(new String[] {"A2", "A0", "A3", "A1"}, p.artistNames());
        assertArrayEquals(new String[] {"m2", "m0", "", ""}, p.artistMbids());
    }

    private static void assertContiguous(int[] order, int communities) {
        int runs = 1;
        for (int k = 1; k < order.length; k++) {
            if (order[k] % communities != order[k - 1] % communities) {
                runs++;
            }
        }
        assertEquals(communities, runs, "one run per community: " + Arrays.toString(order));
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
        }
        return a;
    }

    private static int[] sortedCopy(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}
