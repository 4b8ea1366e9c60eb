package org.tastemap.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pieces of the held-out protocol that a distributed run (the Spark job) computes without the whole
 * data: each listener's split stream from its index alone, and the sampled test listeners from their count
 * alone. Each is checked against the sequential definition it replaces, written out here.
 */
class DistributableRulesTest {

    @Test
    void aListenersStreamIsTheSequentialSplitOfTheMaster() {
        for (long seed : new long[] {42L, 0L, -7L, Long.MAX_VALUE, 0x9e3779b97f4a7c15L}) {
            // the definition: listener u's stream is the (u+1)-th master.split(), as TrainTestSplit.split draws them
            SplittableRandom master = new SplittableRandom(seed);
            for (int u = 0; u < 50_000; u++) {
                SplittableRandom sequential = master.split();
                SplittableRandom direct = TrainTestSplit.userRandom(seed, u);
                for (int draw = 0; draw < 3; draw++) {
                    assertEquals(sequential.nextLong(), direct.nextLong(), "seed " + seed + ", listener " + u + ", draw " + draw);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 10, 1", "7, 10, 2", "10, 10, 3", "11, 10, 4", "100, 1, 5", "10000, 5000, 42", "200000, 5000, 9", "5001, 5000, -3"})
    void theSampledRanksAreThoseOfTheFullShuffle(int n, int max, long seed) {
        assertArrayEquals(denseSample(n, max, seed), RankingMetrics.sampleRanks(n, max, seed));
    }

    /** The sample as RankingMetrics.testUsers drew it before sampleRanks (a partial Fisher-Yates over the whole list). */
    private static int[] denseSample(int n, int max, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, r -> r);
        if (n <= max) {
            return all;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int a = 0; a < max; a++) {
            int b = a + rnd.nextInt(n - a);
            int tmp = all[a];
            all[a] = all[b];
            all[b] = tmp;
        }
        int[] out = Arrays.copyOf(all, max);
        Arrays.sort(out);
        return out;
    }
}
