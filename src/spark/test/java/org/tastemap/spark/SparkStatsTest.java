package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;

/**
 * What the job computes of the whole data in Spark tasks against the desktop's computation on the driver's
 * matrix of the same generated file: the default lambda's largest singular value (DefaultLambda), the loss under
 * count-scaled lambda (AlsEngine), the listeners per artist and plays total, and the sampled histories. The
 * numbers are sums in double taken in another order, so they agree to rounding: 1e-9 relative.
 */
class SparkStatsTest {
    @TempDir
    static Path dir;
    static InteractionMatrix all;
    static org.apache.spark.sql.Dataset<Row> ratings;

    @BeforeAll
    static void data() throws Exception {
        Path plays = LocalSpark.generate(dir.resolve("plays.tsv"), 400, 300, 4);
        all = Importer.importFile(plays, ImportOptions.lastFm()).dataset().matrix();
        ratings = SparkRatings.of(LocalSpark.session(), all).cache();
    }

    @ParameterizedTest
    @EnumSource(ConfidenceKind.class)
    void theLargestSingularValueIsTheDesktops(ConfidenceKind kind) {
        AlsParams p = AlsParams.defaults().withConfidence(kind).withAlpha(2.0);
        double desktop = DefaultLambda.largestSingularValue(all, p);
        double spark = SparkStats.largestSingularValue(LocalSpark.session(), ratings, all.numItems(),
                SparkConfidence.spec(ratings, p, all.numUsers(), all.numItems()));
        assertEquals(desktop, spark, 1e-9 * desktop);
        assertEquals(DefaultLambda.of(all, p), DefaultLambda.of(all.numUsers(), spark), 1e-9 * DefaultLambda.of(all, p));
    }

    @ParameterizedTest
    @EnumSource(ConfidenceKind.class)
    void theLossUnderCountScaledLambdaIsTheDesktops(ConfidenceKind kind) {
        AlsParams p = AlsParams.defaults().withConfidence(kind).withFactors(8).withLambda(0.7).withScaleLambdaByCount(true);
        FactorModel m = DistributedHoldoutTest.gaussian(all.numUsers(), all.numItems(), 8, 3);
        double desktop;
        try (AlsEngine engine = new AlsEngine(all, p)) {
            desktop = engine.loss(m.userFactors(), m.itemFactors());
        }
        double spark = SparkStats.loss(LocalSpark.session(), ratings, m,
                SparkConfidence.spec(ratings, p, all.numUsers(), all.numItems()), p.lambda());
        assertEquals(desktop, spark, 1e-9 * Math.abs(desktop));
    }

    @Test
    void listenersPlaysAndHistoriesAreTheMatrixs() {
        int[] listeners = new int[all.numItems()];
        for (int i = 0; i < listeners.length; i++) {
            listeners[i] = all.itemCount(i);
        }
        assertArrayEquals(listeners, SparkConfidence.listeners(ratings, all.numItems()));
        double total = 0;
        for (float v : all.userValues()) {
            total += v;
        }
        // generated plays are whole numbers: the sum is exact in either order
        assertEquals(total, SparkConfidence.playsTotal(ratings));
        int[] held = HistorySample.pick(all.numUsers(), 37, 5);
        InteractionMatrix got = SparkStats.histories(ratings, held, all.numUsers(), all.numItems());
        for (int u = 0; u < all.numUsers(); u++) {
            boolean kept = java.util.Arrays.binarySearch(held, u) >= 0;
            assertEquals(kept ? all.userCount(u) : 0, got.userCount(u), "listener " + u);
            for (int p = got.userPtr()[u]; p < got.userPtr()[u + 1]; p++) {
                assertEquals(all.get(u, got.userItems()[p]), got.userValues()[p]);
            }
        }
    }
}
