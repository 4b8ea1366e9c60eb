package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;

/**
 * The job's held-out evaluation, run in Spark tasks, against the desktop's on the same generated data: the
 * split row for row ({@link TrainTestSplit}), the metrics of one model and of the most-popular baseline
 * ({@link Holdout#evaluate}) to 1e-9, and the confidence transform of the training path against the
 * driver's ({@link SparkAls#chunks}, which applies {@link org.tastemap.core.model.Confidence} to the matrix).
 */
class DistributedHoldoutTest {
    @TempDir
    static Path dir;
    static InteractionMatrix all;
    static org.apache.spark.sql.Dataset<Row> ratings;

    @BeforeAll
    static void data() throws Exception {
        Path plays = LocalSpark.generate(dir.resolve("plays.tsv"), 400, 300, 3);
        all = Importer.importFile(plays, ImportOptions.lastFm()).dataset().matrix();
        ratings = SparkRatings.of(LocalSpark.session(), all);
    }

    @Test
    void theSplitIsTheDesktopsRowForRow() {
        for (long seed : new long[] {42, 9}) {
            Holdout protocol = new Holdout(0.2, seed);
            TrainTestSplit desktop = protocol.split(all);
            org.apache.spark.sql.Dataset<Row> split = SparkSplit.split(ratings, protocol);
            assertSameMatrix(desktop.train(), matrix(SparkSplit.train(split).collectAsList()));
            assertSameMatrix(desktop.test(), matrix(SparkSplit.test(split).collectAsList()));
        }
    }

    @Test
    void theMetricsOfAModelAndOfPopularityAreTheDesktops() {
        Holdout protocol = new Holdout(0.2, 9);
        TrainTestSplit desktop = protocol.split(all);
        org.apache.spark.sql.Dataset<Row> split = SparkSplit.split(ratings, protocol).cache();
        FactorModel model = gaussian(all.numUsers(), all.numItems(), 8, 5);
        // 150 listeners: the seeded sample of the test listeners (about 390 have held-out rows); EVAL_USERS: all of them
        for (int max : new int[] {150, Holdout.EVAL_USERS}) {
            int[] users = SparkHoldout.testUsers(split, max, protocol.seed());
            Metrics als = SparkHoldout.evaluate(LocalSpark.session(), split, users, all.numItems(),
                    SparkHoldout.Scores.of(model, users), Holdout.K);
            assertSameMetrics(protocol.evaluate(Scorer.of(model), desktop, max, 2), als);
            SparkHoldout.Scores popular = SparkHoldout.Scores.popularity(
                    SparkConfidence.listeners(SparkSplit.train(split), all.numItems()));
            Metrics pop = SparkHoldout.evaluate(LocalSpark.session(), split, users, all.numItems(), popular, Holdout.K);
            assertSameMetrics(protocol.evaluate(Scorer.popularity(desktop.train()), desktop, max, 2), pop);
        }
        split.unpersist();
    }

    @ParameterizedTest
    @EnumSource(ConfidenceKind.class)
    void theConfidenceTransformInTasksIsTheDrivers(ConfidenceKind kind) {
        AlsParams p = AlsParams.defaults().withConfidence(kind).withAlpha(3.0);
        float[] expected = new float[all.nnz()];
        int at = 0;
        for (SparkAls.Chunk c : SparkAls.chunks(all, p)) {
            System.arraycopy(c.ratings(), 0, expected, at, c.ratings().length);
            at += c.ratings().length;
        }
        SparkConfidence.Spec spec = SparkConfidence.spec(ratings, p, all.numUsers(), all.numItems());
        List<Row> got = SparkConfidence.apply(ratings, spec).collectAsList();
        assertEquals(all.nnz(), got.size());
        float[] actual = new float[all.nnz()];
        for (Row r : got) {
            int u = r.getInt(0);
            int pos = java.util.Arrays.binarySearch(all.userItems(), all.userPtr()[u], all.userPtr()[u + 1], r.getInt(1));
            actual[pos] = r.getFloat(2);
        }
        assertArrayEquals(expected, actual);
    }

    static void assertSameMetrics(Metrics desktop, Metrics spark) {
        assertEquals(desktop.users(), spark.users());
        assertEquals(desktop.k(), spark.k());
        assertEquals(desktop.precisionAtK(), spark.precisionAtK(), 1e-9, "p@10");
        assertEquals(desktop.mapAtK(), spark.mapAtK(), 1e-9, "map@10");
        assertEquals(desktop.ndcgAtK(), spark.ndcgAtK(), 1e-9, "ndcg@10");
        assertEquals(desktop.auc(), spark.auc(), 1e-9, "auc");
        assertEquals(desktop.expectedPercentileRank(), spark.expectedPercentileRank(), 1e-9, "epr");
    }

    static void assertSameMatrix(InteractionMatrix expected, InteractionMatrix actual) {
        assertArrayEquals(expected.userPtr(), actual.userPtr());
        assertArrayEquals(expected.userItems(), actual.userItems());
        assertArrayEquals(expected.userValues(), actual.userValues());
    }

    /** Rows (user, item, plays) as a matrix of the data's shape. */
    static InteractionMatrix matrix(List<Row> rows) {
        return SparkStats.matrix(rows, all.numUsers(), all.numItems());
    }

    /** Seeded Gaussian factors: a model whose scores rank every listener's artists differently. */
    static FactorModel gaussian(int users, int items, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) gauss(r);
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) gauss(r);
        }
        return new FactorModel(k, users, items, x, y, AlsParams.defaults().withFactors(k), 1);
    }

    private static double gauss(SplittableRandom r) {
        // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
