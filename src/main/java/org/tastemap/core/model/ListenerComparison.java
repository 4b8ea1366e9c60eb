package org.tastemap.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Two listeners side by side: the artists both played, those only one of them played, the cosine
 * of their factor vectors and each one's recommendations.
 *
 * @param a        the first listener
 * @param b        the second listener
 * @param cosine   {@code x_a.x_b / (|x_a| |x_b|)}, in double; NaN when either vector is zero
 * @param shared   artists both played, by the sum of their plays, most first (ties by artist index)
 * @param onlyA    artists a played and b did not, by plays, most first
 * @param onlyB    artists b played and a did not, by plays, most first
 * @param recsA    a's top recommendations (artists a did not play), best first
 * @param recsB    b's top recommendations, best first
 */
public record ListenerComparison(int a, int b, double cosine, List<Shared> shared, List<Played> onlyA,
                                 List<Played> onlyB, List<ScoredItem> recsA, List<ScoredItem> recsB) {

    /** An artist both listeners played, with each one's plays. */
    public record Shared(int artist, float playsA, float playsB) {
    }

    /** An artist one listener played, with the plays. */
    public record Played(int artist, float plays) {
    }

    /**
     * Compares listeners {@code a} and {@code b} of {@code plays} (the rows their histories come
     * from, whose played artists the recommendations leave out); the recommendations are the top
     * {@code n} by {@code x_u.y_i} among the artists {@code allowed} accepts (null accepts all).
     */
    public static ListenerComparison of(Recommender r, InteractionMatrix plays, int a, int b, int n, IntPredicate allowed) {
        FactorModel m = r.model();
        if (plays.numUsers() != m.numUsers() || plays.numItems() != m.numItems()) {
            throw new IllegalArgumentException("the plays do not match the model's shape");
        }
        int[] ptr = plays.userPtr();
        int[] cols = plays.userItems();
        float[] vals = plays.userValues();
        checkUser(a, m.numUsers());
        checkUser(b, m.numUsers());
        List<Shared> shared = new ArrayList<>();
        List<Played> onlyA = new ArrayList<>();
        List<Played> onlyB = new ArrayList<>();
        // merge the two sorted rows
        int p = ptr[a];
        int q = ptr[b];
        while (p < ptr[a + 1] || q < ptr[b + 1]) {
            int ia = p < ptr[a + 1] ? cols[p] : Integer.MAX_VALUE;
            int ib = q < ptr[b + 1] ? cols[q] : Integer.MAX_VALUE;
            if (ia == ib) {
                shared.add(new Shared(ia, vals[p++], vals[q++]));
            } else if (ia < ib) {
                onlyA.add(new Played(ia, vals[p++]));
            } else {
                onlyB.add(new Played(ib, vals[q++]));
            }
        }
        shared.sort(Comparator.comparingDouble((Shared s) -> -((double) s.playsA() + s.playsB())).thenComparingInt(Shared::artist));
        Comparator<Played> byPlays = Comparator.comparingDouble((Played x) -> -x.plays()).thenComparingInt(Played::artist);
        onlyA.sort(byPlays);
        onlyB.sort(byPlays);
        List<ScoredItem> recsA = r.recommendFor(m.userVector(a), Arrays.copyOfRange(cols, ptr[a], ptr[a + 1]), n, allowed);
        List<ScoredItem> recsB = r.recommendFor(m.userVector(b), Arrays.copyOfRange(cols, ptr[b], ptr[b + 1]), n, allowed);
        return new ListenerComparison(a, b, cosine(m.userVector(a), m.userVector(b)), List.copyOf(shared),
                List.copyOf(onlyA), List.copyOf(onlyB), recsA, recsB);
    }

    /** {@code x.y / (|x| |y|)} in double; NaN when either is zero. */
    static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int c = 0; c < x.length; c++) {
            dot += (double) x[c] * y[c];
            nx += (double) x[c] * x[c];
            ny += (double) y[c] * y[c];
        }
        return nx == 0 || ny == 0 ? Double.NaN : dot / Math.sqrt(nx * ny);
    }

    /** Artists in both recommendation lists, in a's order. */
    public List<Integer> recommendedToBoth() {
        List<Integer> out = new ArrayList<>();
        for (ScoredItem s : recsA) {
            for (ScoredItem t : recsB) {
                if (t.index() == s.index()) {
                    out.add(s.index());
                    break;
                }
            }
        }
        return out;
    }

    private static void checkUser(int u, int users) {
        if (u < 0 || u >= users) {
            throw new IndexOutOfBoundsException("listener " + u + " outside 0.." + (users - 1));
        }
    }
}
