package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.NonFiniteConfidenceException;

/**
 * Issue 11 (tuner speed): the confidence cache and the shared random start change no result. The
 * reference is the engine's own path: {@link Confidence}'s arrays, and training from no start.
 */
class ConfidenceCacheTest {
    private static final InteractionMatrix M = TestData.zipf(120, 90, 12, 5);

    @Test
    void theCachedConfidencesAreBitForBitThoseOfConfidence() {
        ConfidenceCache cache = new ConfidenceCache(M);
        AlsParams base = AlsParams.defaults();
        // alphas and eps in an order that reuses the cache and then drops it (a new eps)
        for (AlsParams p : List.of(base.withAlpha(0.3), base.withAlpha(3), base.withAlpha(1).withLambda(0.1), base.withEps(3).withAlpha(7),
                base.withAlpha(30), base.withConfidence(ConfidenceKind.LINEAR).withAlpha(0.7),
                base.withConfidence(ConfidenceKind.BM25).withAlpha(2))) {
            Confidence c = Confidence.of(p, M);
            float[][] got = cache.minusOne(p);
            assertArrayEquals(c.userOrder(M), got[0], p.toString());
            assertArrayEquals(c.itemOrder(M), got[1], p.toString());
        }
    }

    @Test
    void aCachedTrainingIsTheSameModel() {
        ConfidenceCache cache = new ConfidenceCache(M);
        for (double alpha : new double[] {1, 10}) {
            AlsParams p = TestData.smallParams().withAlpha(alpha).withIterations(3);
            FactorModel plain = AlsTrainer.train(M, p, TrainingOptions.quiet()).model();
            FactorModel cached = AlsTrainer.train(M, p, null, TrainingOptions.quiet(), cache).model();
            assertArrayEquals(plain.userFactors(), cached.userFactors());
            assertArrayEquals(plain.itemFactors(), cached.itemFactors());
        }
    }

    @Test
    void theCacheRefusesANonFiniteConfidenceAsTheEngineDoes() {
        float[] plays = {1, 1e38f, 1};
        InteractionMatrix m = InteractionMatrix.fromTriplets(2, 2, new int[] {0, 0, 1}, new int[] {0, 1, 1}, plays, 3);
        AlsParams p = AlsParams.defaults().withFactors(2).withConfidence(ConfidenceKind.LINEAR).withAlpha(10);
        NonFiniteConfidenceException e = assertThrows(NonFiniteConfidenceException.class, () -> new AlsEngine(m, p, new ConfidenceCache(m)));
        assertEquals(0, e.user());
        assertEquals(1, e.item());
        assertThrows(IllegalArgumentException.class, () -> new AlsEngine(m, p, new ConfidenceCache(M)));
    }

    @Test
    void trainingFromTheRandomStartIsTrainingFromNoStart() {
        AlsParams p = TestData.smallParams().withIterations(3);
        FactorModel start = AlsTrainer.randomStart(M.numUsers(), M.numItems(), p);
        assertEquals(0, start.iterations());
        FactorModel cold = AlsTrainer.train(M, p, TrainingOptions.quiet()).model();
        FactorModel from = AlsTrainer.train(M, p, start, TrainingOptions.quiet()).model();
        assertArrayEquals(cold.userFactors(), from.userFactors());
        assertArrayEquals(cold.itemFactors(), from.itemFactors());
        assertEquals(cold.iterations(), from.iterations());
    }
}
