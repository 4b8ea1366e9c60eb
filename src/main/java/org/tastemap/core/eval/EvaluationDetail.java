package org.tastemap.core.eval;

import java.util.Arrays;
import org.tastemap.core.data.InteractionMatrix;

/**
 * What an evaluation can leave behind besides its averages: each evaluated listener's top K and the
 * rank each held-out artist reached. Pass a fresh one to
 * {@link RankingMetrics#evaluate(Scorer, InteractionMatrix, InteractionMatrix, int, int, long, int, EvaluationDetail)};
 * it is filled by the time that returns (each listener's entries by the thread that evaluated it).
 *
 * <p>A held-out artist's rank is 1 + the number of candidates (artists the listener did not play
 * in training) that score strictly higher, so 1 is the top of the list; it came back in the top K
 * when its rank is at most K.
 */
public final class EvaluationDetail {
    private int k;
    private int[] users = new int[0];
    private int[] top = new int[0];
    private int[] heldRank = new int[0];
    private InteractionMatrix test;

    /** Called once by the evaluation, before any listener is recorded. */
    void start(int[] users, InteractionMatrix test, int k) {
        this.k = k;
        this.users = users;
        this.test = test;
        this.top = new int[users.length * k];
        Arrays.fill(top, -1);
        this.heldRank = new int[test.nnz()];
    }

    /** Records listener {@code users[q]}'s top list (ranked[0..n), best first). */
    void recordTop(int q, int[] ranked, int n) {
        System.arraycopy(ranked, 0, top, q * k, Math.min(n, k));
    }

    /** Records the rank of the held-out cell at position {@code cell} of the test matrix. */
    void recordRank(int cell, long rank) {
        heldRank[cell] = (int) Math.min(Integer.MAX_VALUE, rank);
    }

    /** The K of the top lists. */
    public int k() {
        return k;
    }

    /** The evaluated listeners, in increasing order (those without a result included). */
    public int[] users() {
        return users.clone();
    }

    /** How many listeners were sampled. */
    public int size() {
        return users.length;
    }

    /** The listener at position q. */
    public int user(int q) {
        return users[q];
    }

    /** The top K of the listener at position q, best first; shorter when fewer candidates or no result. */
    public int[] top(int q) {
        int n = 0;
        while (n < k && top[q * k + n] >= 0) {
            n++;
        }
        return Arrays.copyOfRange(top, q * k, q * k + n);
    }

    /** The held-out cells of the listener at position q: artist, plays and rank (0 when the listener has no result). */
    public HeldOut[] heldOut(int q) {
        int u = users[q];
        int from = test.userPtr()[u];
        int to = test.userPtr()[u + 1];
        HeldOut[] out = new HeldOut[to - from];
        for (int p = from; p < to; p++) {
            out[p - from] = new HeldOut(test.userItems()[p], test.userValues()[p], heldRank[p]);
        }
        return out;
    }

    /** Position of listener u among the evaluated ones, or -1 when u was not evaluated. */
    public int positionOf(int u) {
        int q = Arrays.binarySearch(users, u);
        return q >= 0 ? q : -1;
    }

    /**
     * A held-out artist of one listener.
     *
     * @param rank 1 + the candidates scoring strictly higher; 0 when the listener has no result
     */
    public record HeldOut(int artist, float plays, int rank) {
        /** True when it came back among the top {@code k}. */
        public boolean inTop(int k) {
            return rank >= 1 && rank <= k;
        }
    }
}
