package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.ConfidenceKind;

/** The data-scaled default lambda: min(sqrt(listeners), 0.3 x the largest singular value of the confidence matrix). */
class DefaultLambdaTest {
    private static final AlsParams LOG1 = AlsParams.defaults();

    @Test
    void fullBlockOfEqualPlaysHasTheSingularValueWorkedOutByHand() {
        // 6 listeners x 4 artists, 3 plays each: M = c 1 1t with c = 1 + 1 * ln(1 + 3/1),
        // whose only singular value is c * sqrt(6 * 4)
        int[] u = new int[24];
        int[] i = new int[24];
        float[] v = new float[24];
        for (int p = 0; p < 24; p++) {
            u[p] = p / 4;
            i[p] = p % 4;
            v[p] = 3;
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(6, 4, u, i, v, 24);
        double c = 1 + Math.log(4);
        // the confidences are floats: 1e-6 relative
        assertEquals(c * Math.sqrt(24), DefaultLambda.largestSingularValue(m, LOG1), 1e-6 * c);
        // min(sqrt(6) = 2.449, 0.3 * 2.386 * 4.899 = 3.507): the square root
        assertEquals(Math.sqrt(6), DefaultLambda.of(m, LOG1), 1e-12);
        assertEquals(DefaultLambda.of(m, LOG1), DefaultLambda.apply(m, LOG1.withFactors(8)).lambda(), 0);
    }

    @Test
    void sparseRandomMatrixAgreesWithADenseSvd() {
        // a random sparse matrix of heavy-tailed plays; the reference is EJML's dense SVD of the same M
        SplittableRandom r = new SplittableRandom(3);
        int users = 60;
        int items = 40;
        int n = 0;
        int[] us = new int[users * items];
        int[] is = new int[users * items];
        float[] vs = new float[users * items];
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                if (r.nextDouble() < 0.15) {
                    us[n] = a;
                    is[n] = b;
                    vs[n] = (float) Math.ceil(Math.exp(3 * r.nextDouble() * r.nextDouble() * 3));
                    n++;
                }
            }
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(users, items, us, is, vs, n);
        for (AlsParams p : new AlsParams[] {LOG1, LOG1.withAlpha(3), LOG1.withConfidence(ConfidenceKind.LINEAR).withAlpha(0.1)}) {
            DMatrixRMaj dense = new DMatrixRMaj(users, items);
            Confidence conf = Confidence.of(p, m);
            for (int q = 0; q < n; q++) {
                dense.set(us[q], is[q], 1 + conf.minusOne(is[q], vs[q], 0));
            }
            double[] sv = SingularOps_DDRM.singularValues(dense);
            double expected = java.util.Arrays.stream(sv).max().orElseThrow();
            assertEquals(expected, DefaultLambda.largestSingularValue(m, p), 1e-3 * expected, p.toString());
        }
    }

    @Test
    void growsWithAlphaAndWithTheNumberOfListeners() {
        // the same listener rows repeated: k copies of every row multiply sigma by sqrt(k)
        int[] u = {0, 0, 1, 1, 1, 2};
        int[] i = {0, 1, 1, 2, 3, 0};
        float[] v = {10, 200, 5, 1, 30, 7};
        InteractionMatrix one = InteractionMatrix.fromTriplets(3, 4, u, i, v, 6);
        int[] u4 = new int[24];
        int[] i4 = new int[24];
        float[] v4 = new float[24];
        for (int p = 0; p < 24; p++) {
            u4[p] = 3 * (p / 6) + u[p % 6];
            i4[p] = i[p % 6];
            v4[p] = v[p % 6];
        }
        InteractionMatrix four = InteractionMatrix.fromTriplets(12, 4, u4, i4, v4, 24);
        assertEquals(2 * DefaultLambda.of(one, LOG1), DefaultLambda.of(four, LOG1), 1e-4 * DefaultLambda.of(four, LOG1));
        assertTrue(DefaultLambda.largestSingularValue(one, LOG1.withAlpha(3)) > DefaultLambda.largestSingularValue(one, LOG1));
        assertEquals(0, DefaultLambda.largestSingularValue(InteractionMatrix.fromTriplets(2, 2, new int[0], new int[0], new float[0], 0), LOG1));
    }

    @Test
    void theSigmaGuardWinsForLightPlaysOverManyListeners() {
        // 100 listeners with 1 play each of one artist: M is a column of c = 1 + ln 2, sigma = 10 c = 16.93;
        // min(sqrt(100) = 10, 0.3 * 16.93 = 5.08): the guard
        int[] u = new int[100];
        int[] i = new int[100];
        float[] v = new float[100];
        for (int p = 0; p < 100; p++) {
            u[p] = p;
            v[p] = 1;
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(100, 1, u, i, v, 100);
        assertEquals(0.3 * 10 * (1 + Math.log(2)), DefaultLambda.of(m, LOG1), 1e-6);
        // alpha 20 lifts c to 14.86 and sigma to 148.6: the square root again
        assertEquals(10, DefaultLambda.of(m, LOG1.withAlpha(20)), 1e-12);
    }

    @Test
    void absurdConfidencesFallBackToTheConstantDefault() {
        // linear confidence of 1e30 plays: far above AlsTrainer.ABSURD_CONFIDENCE, which training reports itself
        InteractionMatrix m = InteractionMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1e30f, 3}, 2);
        AlsParams linear = LOG1.withConfidence(ConfidenceKind.LINEAR);
        assertTrue(Double.isNaN(DefaultLambda.largestSingularValue(m, linear)));
        assertEquals(AlsParams.defaults().lambda(), DefaultLambda.of(m, linear));
        // the same cells with log confidence are fine: c = 1 + ln(1 + 1e30) = 70.08, the larger of two singular values
        assertEquals(1 + Math.log1p(1e30f), DefaultLambda.largestSingularValue(m, LOG1), 1e-3);
    }
}
