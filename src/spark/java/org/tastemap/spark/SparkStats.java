package org.tastemap.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.FactorModel;

/**
 * What the job needs of the whole data besides training, computed in Spark tasks over the ratings
 * ({@link SparkRatings}) so that the driver receives numbers, not rows:
 * <ul>
 *   <li>the default lambda's largest singular value of the confidence matrix, by the desktop's power
 *       iteration ({@link DefaultLambda#powerIteration}) with each product {@code Mt M v} in tasks: each task
 *       holds whole listeners, computes {@code w_u = sum_i c_ui v_i} for each and adds {@code c_ui w_u} into
 *       its own vector of artists; the driver adds the tasks' vectors (one number per artist);</li>
 *   <li>the loss of a model under count-scaled lambda ({@link org.tastemap.core.als.AlsEngine#loss}):
 *       the stored cells' terms and {@code lambda (|x_u|^2 + |y_i|^2)} per cell in tasks, the Gram term on the driver;</li>
 *   <li>the histories of the sampled listeners, the only rows the driver collects.</li>
 * </ul>
 */
final class SparkStats {
    private SparkStats() {
    }

    /** One task's listeners: their cells in listener order (artists ascending), with {@code c_ui - 1} in float (NaN where absurd). */
    record Cells(int[] users, int[] items, float[] cm1) implements Serializable {
    }

    /**
     * The largest singular value of the confidence matrix of {@code spec} over {@code ratings} of {@code items}
     * artists, as {@link DefaultLambda#largestSingularValue} computes it; 0 without rows, NaN when a confidence
     * is not finite or above {@link AlsTrainer#ABSURD_CONFIDENCE}.
     */
    static double largestSingularValue(SparkSession spark, Dataset<Row> ratings, int items, SparkConfidence.Spec spec) {
        JavaRDD<Cells> cells = cells(ratings, spec).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = cells.map(c -> (long) c.items().length).fold(0L, Long::sum);
            if (rows == 0) {
                return 0;
            }
            boolean absurd = cells.map(c -> {
                for (float v : c.cm1()) {
                    if (Float.isNaN(v)) {
                        return true;
                    }
                }
                return false;
            }).fold(false, Boolean::logicalOr);
            if (absurd) {
                return Double.NaN;
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return DefaultLambda.powerIteration(items, v -> {
                Broadcast<double[]> vb = jsc.broadcast(v);
                try {
                    return cells.map(c -> product(c, vb.value(), items)).treeReduce(SparkStats::add);
                } finally {
                    vb.destroy();
                }
            });
        } finally {
            cells.unpersist(false);
        }
    }

    /** One task's share of {@code Mt M v}: {@code sum_u c_ui w_u} over its listeners, {@code w_u = sum_i c_ui v_i}. */
    private static double[] product(Cells c, double[] v, int items) {
        double[] out = new double[items];
        int n = c.items().length;
        for (int from = 0; from < n; ) {
            int to = from;
            double w = 0;
            while (to < n && c.users()[to] == c.users()[from]) {
                // c_ui = 1 + (c_ui - 1) in float, as DefaultLambda adds it
                w += (c.cm1()[to] + 1f) * v[c.items()[to]];
                to++;
            }
            for (int p = from; p < to; p++) {
                out[c.items()[p]] += (c.cm1()[p] + 1f) * w;
            }
            from = to;
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** Each task's cells with {@code c_ui - 1} in float, NaN where it is not finite or absurd. */
    private static JavaRDD<Cells> cells(Dataset<Row> ratings, SparkConfidence.Spec spec) {
        return SparkRatings.byUser(ratings.select("user", "item", "plays")).javaRDD().mapPartitions(part -> {
            Confidence conf = spec.confidence();
            List<Integer> u = new ArrayList<>();
            List<Integer> i = new ArrayList<>();
            List<Float> c = new ArrayList<>();
            SparkRatings.UserRuns runs = new SparkRatings.UserRuns(part);
            while (runs.hasNext()) {
                SparkRatings.Run run = runs.next();
                double total = 0;
                for (int a = 0; a < run.rows().size(); a++) {
                    total += run.plays(a);
                }
                for (int a = 0; a < run.rows().size(); a++) {
                    float cm1 = (float) conf.minusOne(run.item(a), run.plays(a), total);
                    u.add(run.user());
                    i.add(run.item(a));
                    c.add(cm1 <= AlsTrainer.ABSURD_CONFIDENCE ? cm1 : Float.NaN);
                }
            }
            float[] cs = new float[c.size()];
            for (int p = 0; p < cs.length; p++) {
                cs[p] = c.get(p);
            }
            return Collections.singletonList(new Cells(u.stream().mapToInt(Integer::intValue).toArray(),
                    i.stream().mapToInt(Integer::intValue).toArray(), cs)).iterator();
        });
    }

    /**
     * The loss of {@code model} on {@code ratings} under count-scaled lambda, the objective Spark minimises
     * and {@code AlsEngine.loss} computes for {@code --scale-lambda}:
     * {@code sum_u x_u' YtY x_u + sum over cells [c_ui (1 - s)^2 - s^2 + lambda (|x_u|^2 + |y_i|^2)]}, s = x_u . y_i
     * (every cell adds its listener's and its artist's norm once, which is {@code sum_u n_u |x_u|^2 + sum_i n_i |y_i|^2}).
     */
    static double loss(SparkSession spark, Dataset<Row> ratings, FactorModel model, SparkConfidence.Spec spec, double lambda) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<float[][]> m = jsc.broadcast(new float[][] {model.userFactors(), model.itemFactors()});
        int k = model.factors();
        try {
            double cells = cells(ratings, spec).map(c -> {
                float[] x = m.value()[0];
                float[] y = m.value()[1];
                double sum = 0;
                for (int p = 0; p < c.items().length; p++) {
                    int xo = c.users()[p] * k;
                    int yo = c.items()[p] * k;
                    double s = 0;
                    double nx = 0;
                    double ny = 0;
                    for (int j = 0; j < k; j++) {
                        s += (double) x[xo + j] * y[yo + j];
                        nx += (double) x[xo + j] * x[xo + j];
                        ny += (double) y[yo + j] * y[yo + j];
                    }
                    // c_ui (1 - s)^2 replaces the (x_u . y_i)^2 that the YtY term counted with confidence 1
                    double conf = 1.0 + c.cm1()[p];
                    sum += conf * (1 - s) * (1 - s) - s * s + lambda * (nx + ny);
                }
                return sum;
            }).fold(0.0, Double::sum);
            double[] gx = gram(model.userFactors(), model.factors());
            double[] gy = gram(model.itemFactors(), model.factors());
            // sum_u x_u' YtY x_u = sum_fg YtY[f, g] XtX[f, g]
            double total = cells;
            for (int q = 0; q < gx.length; q++) {
                total += gx[q] * gy[q];
            }
            return total;
        } finally {
            m.destroy();
        }
    }

    /** {@code sum_r f_r f_r'} of a row-major table of k columns, in double. */
    static double[] gram(float[] table, int k) {
        double[] g = new double[k * k];
        for (int o = 0; o < table.length; o += k) {
            for (int a = 0; a < k; a++) {
                double fa = table[o + a];
                for (int b = 0; b < k; b++) {
                    g[a * k + b] += fa * table[o + b];
                }
            }
        }
        return g;
    }

    /** The rows of the listeners {@code held} (ascending), as a matrix of {@code users} x {@code items} with no other rows. */
    static InteractionMatrix histories(Dataset<Row> ratings, int[] held, int users, int items) {
        FilterFunction<Row> kept = r -> Arrays.binarySearch(held, r.getInt(0)) >= 0;
        return matrix(ratings.select("user", "item", "plays").filter(kept).collectAsList(), users, items);
    }

    /** Collected rows (user, item, plays) as a matrix of {@code users} x {@code items}. */
    static InteractionMatrix matrix(List<Row> rows, int users, int items) {
        int n = rows.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int q = 0; q < n; q++) {
            u[q] = rows.get(q).getInt(0);
            i[q] = rows.get(q).getInt(1);
            v[q] = rows.get(q).getFloat(2);
        }
        return InteractionMatrix.fromTriplets(users, items, u, i, v, n);
    }
}
