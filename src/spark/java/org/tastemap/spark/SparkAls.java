package org.tastemap.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.FactorModel;

/**
 * Trains Spark MLlib's implicit ALS on an {@link InteractionMatrix} with Tastemap's parameters, and
 * brings the factors back as a {@link FactorModel}. How the parameters map (docs/spark.md):
 *
 * <ul>
 *   <li>Spark's confidence is {@code c = 1 + alpha |r|} and its preference {@code p = 1 if r > 0}. Ours is
 *       {@code c = 1 + alpha f(r)} with f the linear, log or BM25 transform ({@link Confidence}), so Spark is
 *       handed {@code r' = f(r) = (c - 1) / alpha} and our alpha. A cell whose f is 0 (BM25's idf clamped at
 *       0) is handed {@link #TINY} instead, so Spark keeps {@code p = 1} for it as we do.</li>
 *   <li>Spark multiplies {@code regParam} by each row's number of cells with {@code r > 0} (ALS-WR): our
 *       {@code --scale-lambda}. Every cell handed over is positive, so the counts are the same as ours.
 *       Our constant lambda has no Spark equivalent; the job refuses it.</li>
 *   <li>rank = factors, maxIter = iterations, seed = seed. Spark solves every row exactly (normal
 *       equations in double, Cholesky), as our {@code --solver cholesky}; its random start differs.</li>
 * </ul>
 */
final class SparkAls {
    /** What a cell of no confidence above 1 is handed as: positive (so p = 1), c = 1 + alpha * 1e-30 = 1. */
    static final float TINY = 1e-30f;
    /** Rows per partition of the handed-over cells: under Spark's warning size for a task (1,000 KiB). */
    static final int CHUNK_ROWS = 65_536;

    private SparkAls() {
    }

    /** One partition's cells: users, artists and Spark ratings, 12 bytes a cell. */
    record Chunk(int[] users, int[] items, float[] ratings) implements Serializable {
        Iterator<Row> rows() {
            List<Row> out = new ArrayList<>(users.length);
            for (int j = 0; j < users.length; j++) {
                out.add(RowFactory.create(users[j], items[j], ratings[j]));
            }
            return out.iterator();
        }
    }

    /**
     * The cells of {@code m} as Spark ratings {@code f(r) = (c - 1) / alpha} computed on the driver, in chunks of
     * {@link #CHUNK_ROWS}: the reference that {@link SparkConfidence}'s transform in tasks is tested against.
     */
    static List<Chunk> chunks(InteractionMatrix m, AlsParams params) {
        // c - 1 = alpha f(r) is linear in alpha, so the transform at alpha 1 is f(r) itself
        float[] f = Confidence.of(params.withAlpha(1.0), m).userOrder(m);
        for (int p = 0; p < f.length; p++) {
            f[p] = Math.max(f[p], TINY);
        }
        return chunks(m, f);
    }

    /** The cells of {@code m} with {@code values} (one per cell, in user order) as ratings, in chunks of {@link #CHUNK_ROWS}. */
    static List<Chunk> chunks(InteractionMatrix m, float[] values) {
        int[] ptr = m.userPtr();
        int[] items = m.userItems();
        List<Chunk> out = new ArrayList<>();
        int n = m.nnz();
        int u = 0;
        for (int start = 0; start < n; start += CHUNK_ROWS) {
            int len = Math.min(CHUNK_ROWS, n - start);
            int[] cu = new int[len];
            int[] ci = new int[len];
            float[] cr = new float[len];
            for (int j = 0; j < len; j++) {
                int p = start + j;
                while (ptr[u + 1] <= p) {
                    u++;
                }
                cu[j] = u;
                ci[j] = items[p];
                cr[j] = values[p];
            }
            out.add(new Chunk(cu, ci, cr));
        }
        return out;
    }

    /** The Spark estimator for {@code params} with count-scaled lambda. */
    static ALS estimator(AlsParams params) {
        return new ALS().setImplicitPrefs(true).setRank(params.factors()).setMaxIter(params.iterations())
                .setRegParam(params.lambda()).setAlpha(params.alpha()).setSeed(params.seed())
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setNonnegative(false)
                .setCheckpointInterval(10);
    }

    /** Trains on {@code m} (handed to Spark as ratings) and returns the factors; rows Spark saw no cell of get zero factors. */
    static FactorModel train(SparkSession spark, InteractionMatrix m, AlsParams params) {
        return train(spark, SparkRatings.of(spark, m), m.numUsers(), m.numItems(), params);
    }

    /**
     * Trains on {@code ratings} ({@code user:int, item:int, plays:float}, one row per pair; {@link SparkRatings}) of
     * {@code users} listeners and {@code items} artists: the confidence transform runs in Spark tasks
     * ({@link SparkConfidence}, BM25's idf from these rows), then Spark's ALS. Rows Spark saw no cell of get zero factors.
     */
    static FactorModel train(SparkSession spark, org.apache.spark.sql.Dataset<Row> ratings, int users, int items,
                             AlsParams params) {
        SparkConfidence.Spec spec = SparkConfidence.spec(ratings, params, users, items);
        ALSModel model = estimator(params).fit(SparkConfidence.apply(ratings, spec));
        int k = params.factors();
        float[] x = collect(model.userFactors(), users, k);
        float[] y = collect(model.itemFactors(), items, k);
        return new FactorModel(k, users, items, x, y, params.withScaleLambdaByCount(true), params.iterations());
    }

    private static float[] collect(org.apache.spark.sql.Dataset<Row> factors, int rows, int k) {
        float[] out = new float[rows * k];
        Iterator<Row> it = factors.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            int id = r.getInt(0);
            List<Float> f = r.getList(1);
            for (int j = 0; j < k; j++) {
                out[id * k + j] = f.get(j);
            }
        }
        return out;
    }
}
