package org.tastemap.core.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.TopN;

/**
 * Held-out ranking metrics. For each test user, the candidates are the artists the user did not
 * play in training (held-out artists included); they are ranked by the scorer.
 * <ul>
 *   <li>precision@K = hits in the top K / min(K, |test|) (implicit's definition);</li>
 *   <li>AP@K = sum over hit ranks r of (hits up to r / r), divided by min(K, |test|); MAP@K its mean;</li>
 *   <li>NDCG@K = sum over hit ranks r of 1/log2(r+1), divided by the same sum for an ideal list;</li>
 *   <li>AUC = share of (held-out, never-played) pairs ranked the right way, ties counting half;</li>
 *   <li>expected percentile rank (HKV eq. 8) = sum r_ui^t rank_ui / sum r_ui^t, where rank_ui is
 *       the share of the other candidates ranked above the held-out artist (ties count half):
 *       0 is the top, 0.5 is random.</li>
 * </ul>
 * Users are evaluated in parallel; results do not depend on the thread count (each user's numbers
 * are computed alone, then summed in user order).
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Evaluates every test user. */
    public static Metrics evaluate(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int k) {
        return evaluate(scorer, train, test, k, Integer.MAX_VALUE, 0L, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Evaluates at most {@code maxUsers} test users, a seeded random sample when there are more.
     */
    public static Metrics evaluate(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int k, int maxUsers,
                                   long seed, int threads) {
        return evaluate(scorer, train, test, k, maxUsers, seed, threads, null);
    }

    /**
     * The same, also filling {@code detail} (when not null) with each evaluated listener's top K
     * and the rank of each held-out artist, for {@link BeyondAccuracy} and per-listener reports.
     */
    public static Metrics evaluate(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int k, int maxUsers,
                                   long seed, int threads, EvaluationDetail detail) {
        int[] users = testUsers(test, maxUsers, seed);
        if (detail != null) {
            detail.start(users, test, k);
        }
        return combine(perUser(scorer, train, test, users, k, threads, detail), k);
    }

    /**
     * The six numbers of each of {@code users} ({precision, AP, NDCG, AUC, sum r*rank, sum r}, NaN first when
     * the user has no candidates), at {@code out[6q .. 6q+6)} for users[q]: what {@link #evaluate} sums. Each
     * user's numbers depend on that user's rows and factors only, so a distributed evaluation (the Spark job)
     * computes them for its users in separate tasks and {@link #combine}s them in user order.
     */
    public static double[] perUser(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int[] users, int k,
                                   int threads) {
        return perUser(scorer, train, test, users, k, threads, null);
    }

    private static double[] perUser(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int[] users, int k,
                                    int threads, EvaluationDetail detail) {
        // six numbers per user (see evaluateUser); NaN first when the user has no candidates
        double[] per = new double[6 * users.length];
        if (scorer instanceof BlockScorer block && block.model().numItems() == train.numItems()) {
            BlockEvaluation.evaluate(block, train, test, users, k, threads, per, detail);
        } else {
            AtomicInteger next = new AtomicInteger();
            runWorkers(threads, users.length, () -> {
                float[] scores = new float[train.numItems()];
                TopN top = new TopN(k);
                int q;
                while ((q = next.getAndIncrement()) < users.length) {
                    store(evaluateUser(scorer, train, test, users[q], k, scores, top, detail, q), per, 6 * q);
                }
            });
        }
        return per;
    }

    /**
     * The metrics of the per-user numbers of {@link #perUser} (six a user, in ascending user order): the mean
     * of precision, AP, NDCG and AUC over the users with a result, and the percentile rank as the ratio of
     * the sums.
     */
    public static Metrics combine(double[] per, int k) {
        double[] sum = new double[5];
        double eprNum = 0;
        double eprDen = 0;
        int counted = 0;
        for (int o = 0; o < per.length; o += 6) {
            if (Double.isNaN(per[o])) {
                continue;
            }
            counted++;
            for (int m = 0; m < 4; m++) {
                sum[m] += per[o + m];
            }
            eprNum += per[o + 4];
            eprDen += per[o + 5];
        }
        if (counted == 0) {
            return new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, k, 0);
        }
        return new Metrics(sum[0] / counted, sum[1] / counted, sum[2] / counted, sum[3] / counted,
                eprDen > 0 ? eprNum / eprDen : Double.NaN, k, counted);
    }

    /**
     * One listener's top K and held-out ranks, as an evaluation records them: the candidates are the
     * artists {@code u} did not play in {@code train}. The detail is empty of results (no top list, ranks 0)
     * when u has no held-out artist or fewer than two candidates.
     */
    public static EvaluationDetail listener(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int u, int k) {
        EvaluationDetail d = new EvaluationDetail();
        d.start(new int[] {u}, test, k);
        evaluateUser(scorer, train, test, u, k, new float[train.numItems()], new TopN(k), d, 0);
        return d;
    }

    /** Copies one user's numbers into {@code out[o..o+6)}, or NaN first for null. */
    static void store(double[] r, double[] out, int o) {
        if (r == null) {
            out[o] = Double.NaN;
        } else {
            System.arraycopy(r, 0, out, o, 6);
        }
    }

    /** Runs {@code work} on min(threads, tasks) threads and waits; rethrows a worker's failure. */
    static void runWorkers(int threads, int tasks, Runnable work) {
        int t = Math.max(1, Math.min(threads, tasks));
        Thread[] workers = new Thread[t];
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < t; w++) {
            workers[w] = new Thread(work, "tastemap-eval-" + w);
            workers[w].setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            workers[w].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("evaluation failed: " + failure[0], failure[0]);
        }
    }

    /** Users with at least one held-out artist; a seeded sample of {@code max} of them when there are more. */
    static int[] testUsers(InteractionMatrix test, int max, long seed) {
        int[] all = new int[test.numUsers()];
        int n = 0;
        for (int u = 0; u < test.numUsers(); u++) {
            if (test.userCount(u) > 0) {
                all[n++] = u;
            }
        }
        int[] ranks = sampleRanks(n, max, seed);
        int[] out = new int[ranks.length];
        for (int q = 0; q < ranks.length; q++) {
            out[q] = all[ranks[q]];
        }
        return out;
    }

    /**
     * Which of {@code n} test users (by rank in ascending user order) are evaluated, ascending: all of them
     * when {@code n <= max}, else the first {@code max} places of a partial Fisher-Yates shuffle of
     * 0..n-1 drawn from {@code SplittableRandom(seed)}. Only the places a swap touched are stored, so the
     * memory is O(max) whatever n is (a distributed evaluation ranks its test users without collecting them).
     */
    public static int[] sampleRanks(int n, int max, long seed) {
        if (n <= max) {
            int[] all = new int[n];
            Arrays.setAll(all, r -> r);
            return all;
        }
        // the shuffled array, sparse: place -> rank, absent places still hold their own rank
        java.util.HashMap<Integer, Integer> moved = new java.util.HashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] out = new int[max];
        for (int a = 0; a < max; a++) {
            int b = a + rnd.nextInt(n - a);
            int atA = moved.getOrDefault(a, a);
            int atB = moved.getOrDefault(b, b);
            out[a] = atB;
            moved.put(b, atA);
        }
        Arrays.sort(out);
        return out;
    }

    /** {precision, AP, NDCG, AUC, sum r*rank, sum r} for one user, or null when the user has no candidates. */
    static double[] evaluateUser(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int u, int k,
                                 float[] scores, TopN top) {
        return evaluateUser(scorer, train, test, u, k, scores, top, null, 0);
    }

    /** The same, recording the top K and the held-out ranks as listener {@code q} of {@code detail} (when not null). */
    static double[] evaluateUser(Scorer scorer, InteractionMatrix train, InteractionMatrix test, int u, int k,
                                 float[] scores, TopN top, EvaluationDetail detail, int q0) {
        scorer.scores(u, scores);
        int[] tp = train.userPtr();
        int[] tc = train.userItems();
        // training artists are not candidates
        for (int p = tp[u]; p < tp[u + 1]; p++) {
            scores[tc[p]] = Float.NaN;
        }
        int[] sp = test.userPtr();
        int from = sp[u];
        int to = sp[u + 1];
        int nt = to - from;
        int[] testItems = Arrays.copyOfRange(test.userItems(), from, to);
        float[] testPlays = Arrays.copyOfRange(test.userValues(), from, to);
        int candidates = train.numItems() - (tp[u + 1] - tp[u]);
        if (nt == 0 || candidates < 2) {
            return null;
        }
        // top K among candidates
        top.clear();
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (!Float.isNaN(s) && s >= top.threshold()) {
                top.offer(i, s);
            }
        }
        int[] ranked = top.sortedIndexes();
        if (detail != null) {
            detail.recordTop(q0, ranked, ranked.length);
        }
        double hits = 0;
        double ap = 0;
        double dcg = 0;
        for (int r = 0; r < ranked.length; r++) {
            if (Arrays.binarySearch(testItems, ranked[r]) >= 0) {
                hits++;
                ap += hits / (r + 1);
                dcg += 1.0 / log2(r + 2);
            }
        }
        int ideal = Math.min(k, nt);
        double idcg = 0;
        for (int r = 0; r < ideal; r++) {
            idcg += 1.0 / log2(r + 2);
        }
        // counts of candidates below / equal to each held-out score, in one pass over all artists
        float[] sorted = new float[nt];
        for (int q = 0; q < nt; q++) {
            sorted[q] = scores[testItems[q]];
        }
        Arrays.sort(sorted);
        long[] belowDiff = new long[nt + 1];
        long[] equalDiff = new long[nt + 1];
        for (float s : scores) {
            if (Float.isNaN(s)) {
                continue;
            }
            int lo = lowerBound(sorted, s);
            int hi = upperBound(sorted, s);
            // this candidate is below every held-out score in sorted[hi..]
            belowDiff[hi]++;
            equalDiff[lo]++;
            equalDiff[hi]--;
        }
        // prefix sums: below[q] / equal[q] = candidates scoring below / equal to sorted[q]
        long[] belowAt = new long[nt];
        long[] equalAt = new long[nt];
        long below = 0;
        long equal = 0;
        for (int q = 0; q < nt; q++) {
            below += belowDiff[q];
            equal += equalDiff[q];
            belowAt[q] = below;
            equalAt[q] = equal;
        }
        int negatives = candidates - nt;
        double aucSum = 0;
        double rankNum = 0;
        double playSum = 0;
        for (int q = 0; q < nt; q++) {
            float s = scores[testItems[q]];
            int pos = lowerBound(sorted, s);
            int testEqual = upperBound(sorted, s) - pos;
            long b = belowAt[pos];
            long e = equalAt[pos];
            if (negatives > 0) {
                // held-out artists are not negatives: pos of them score below, testEqual equal (itself included)
                aucSum += ((b - pos) + 0.5 * (e - testEqual)) / negatives;
            }
            // percentile rank among the other candidates, weighted by the held-out plays
            double above = candidates - b - e;
            if (detail != null) {
                detail.recordRank(from + q, (long) above + 1);
            }
            double rank = (above + 0.5 * (e - 1)) / (candidates - 1);
            rankNum += testPlays[q] * rank;
            playSum += testPlays[q];
        }
        double auc = negatives > 0 ? aucSum / nt : 0.5;
        return new double[] {hits / ideal, ap / ideal, idcg > 0 ? dcg / idcg : 0, auc, rankNum, playSum};
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** First index whose value is not below {@code s}. */
    private static int lowerBound(float[] a, float s) {
        return lowerBound(a, 0, a.length, s);
    }

    /** First index in [from, to) whose value is not below {@code s}. */
    static int lowerBound(float[] a, int from, int to, float s) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index whose value is above {@code s}. */
    private static int upperBound(float[] a, float s) {
        return upperBound(a, 0, a.length, s);
    }

    /** First index in [from, to) whose value is above {@code s}. */
    static int upperBound(float[] a, int from, int to, float s) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
