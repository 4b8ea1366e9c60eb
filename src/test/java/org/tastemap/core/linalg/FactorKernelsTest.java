package org.tastemap.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;

/** The vector Gram and loss kernels against the scalar ones. */
class FactorKernelsTest {

    @BeforeAll
    static void vectorPathIsPresent() {
        assumeTrue(VectorSupport.available(), "jdk.incubator.vector is not in this JVM");
    }

    private static float[] randomTable(int rows, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] t = new float[rows * k];
        for (int q = 0; q < t.length; q++) {
            t[q] = (float) (rnd.nextDouble() - 0.5);
        }
        return t;
    }

    @Test
    void theFastestKernelsAreTheVectorOnesWhenTheModuleIsPresent() {
        assertInstanceOf(VectorFactorKernels.class, FactorKernels.fastest());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 7, 8, 16, 31, 32, 33, 64, 100, 128})
    void vectorGramEqualsTheScalarGramBitForBit(int k) {
        // both add the exact double products f_rf * f_rh to each entry in row order, so they agree exactly;
        // 150 rows from row 7 cover two whole blocks of 64 rows and a partial one
        float[] t = randomTable(200, k, k);
        double[] scalar = new double[k * k];
        double[] vector = new double[k * k];
        FactorKernels.scalar().gramUpper(FactorTable.plain(t, 200, k), 7, 157, scalar);
        FactorKernels.fastest().gramUpper(FactorTable.plain(t, 200, k), 7, 157, vector);
        Gram.mirror(scalar, k);
        Gram.mirror(vector, k);
        for (int q = 0; q < k * k; q++) {
            assertEquals(scalar[q], vector[q], 0.0, "entry " + q / k + "," + q % k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 8, 16, 31, 32, 33, 64, 100, 128})
    void vectorStoredCellTermsAgreeWithTheScalarOnes(int k) {
        // the vector kernel takes x_u . y_i in float lanes; each dot is off by a few 1e-7 of
        // sum_f |x_uf y_if|, and the sum of the terms by far less than 1e-6 of itself
        InteractionMatrix m = TestData.random(50, 40, 0.3, 100, k);
        float[] x = randomTable(50, k, 1);
        float[] y = randomTable(40, k, 2);
        float[] cm1 = new float[m.nnz()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int q = 0; q < cm1.length; q++) {
            cm1[q] = (float) (rnd.nextDouble() * 10);
        }
        double scalar = FactorKernels.scalar().storedCells(FactorTable.plain(x, 50, k), FactorTable.plain(y, 40, k), m.userPtr(), m.userItems(), cm1, 0, 50);
        double vector = FactorKernels.fastest().storedCells(FactorTable.plain(x, 50, k), FactorTable.plain(y, 40, k), m.userPtr(), m.userItems(), cm1, 0, 50);
        assertEquals(scalar, vector, 1e-6 * Math.abs(scalar));
    }
}
