package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.NonFiniteConfidenceException;

/** Issue 16: confidences are checked finite in the engine before any work, and a divergence names its cause. */
class ConfidenceCheckTest {
    /** 3 users x 3 artists; user 1 played artist 2 {@code big} times, every other cell once. */
    private static InteractionMatrix withOneBigCell(float big) {
        int[] us = {0, 0, 1, 1, 2, 2};
        int[] is = {0, 1, 0, 2, 1, 2};
        float[] vs = {1, 1, 1, big, 1, 1};
        return InteractionMatrix.fromTriplets(3, 3, us, is, vs, vs.length);
    }

    @Test
    void aConfidenceBeyondTheFloatRangeIsRefusedNamingItsCell() {
        // 1e38 plays are a finite float, but linear c - 1 = alpha r = 1e39 is not (float max 3.4e38)
        AlsParams p = AlsParams.defaults().withFactors(2).withIterations(1).withThreads(1)
                .withConfidence(ConfidenceKind.LINEAR).withAlpha(10);
        NonFiniteConfidenceException e = assertThrows(NonFiniteConfidenceException.class,
                () -> AlsTrainer.train(withOneBigCell(1e38f), p, TrainingOptions.quiet()));
        assertEquals(1, e.user());
        assertEquals(2, e.item());
        assertTrue(e.describe("u-one", "Band Two").contains("listener u-one for artist 'Band Two'"), e.describe("u-one", "Band Two"));
        assertFalse(e.getMessage().contains("factors"), "refused before training: " + e.getMessage());
    }

    @Test
    void theSameCellWithLogConfidenceTrains() {
        // log confidence: c - 1 = 10 log(1 + 1e38) = 875, finite
        AlsParams p = AlsParams.defaults().withFactors(2).withIterations(1).withThreads(1).withAlpha(10);
        assertTrue(AlsTrainer.train(withOneBigCell(1e38f), p, TrainingOptions.quiet()).completed());
    }

    @Test
    void aDivergenceFromAnAbsurdCountBlamesTheInputNotAlpha() {
        // c = 1 + 1e30 is finite but its square overflows float in the solves
        AlsParams p = AlsParams.defaults().withFactors(2).withIterations(2).withThreads(1).withConfidence(ConfidenceKind.LINEAR);
        TrainingResult r = AlsTrainer.train(withOneBigCell(1e30f), p, TrainingOptions.quiet());
        assertEquals(TrainingResult.Status.DIVERGED, r.status(), r.message());
        assertFalse(r.message().contains("smaller alpha"), r.message());
        assertTrue(r.message().contains("user #1") && r.message().contains("artist #2") && r.message().contains("1.0e+30"), r.message());
    }
}
