package org.tastemap.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import scala.Tuple2;

/**
 * The desktop's held-out scoring ({@link Holdout#evaluate}, {@link RankingMetrics}) over a split made in Spark
 * ({@link SparkSplit}), with the listeners' work in Spark tasks:
 * <ul>
 *   <li>the evaluated listeners: the test listeners (those with a held-out row) are counted in Spark, and
 *       {@link RankingMetrics#sampleRanks} picks the same ranks the desktop picks; a zipWithIndex over the
 *       test listeners sorted ascending names the listeners at those ranks (at most {@link Holdout#EVAL_USERS});</li>
 *   <li>each evaluated listener's numbers: its training and held-out rows go, whole, to one task, which scores
 *       every artist for it with the desktop's own code ({@link RankingMetrics#perUser}: the candidates are the
 *       artists not in its training rows, its top K, hits, AUC and percentile rank) from broadcast artist
 *       factors (or the most-popular baseline's listener counts in the training rows);</li>
 *   <li>the metrics: the driver collects six numbers a listener and combines them in listener order
 *       ({@link RankingMetrics#combine}), so they are the desktop's to the last bit.</li>
 * </ul>
 */
final class SparkHoldout {
    private SparkHoldout() {
    }

    /** How an evaluated listener's artists are scored in a task: from the artists' factors, or by popularity. */
    record Scores(int factors, float[] itemFactors, int[] users, float[] userFactors, float[] popularity) implements Serializable {
        /** {@code x_u . y_i} of {@code m}, for the listeners {@code users} (ascending) only. */
        static Scores of(FactorModel m, int[] users) {
            int k = m.factors();
            float[] x = new float[users.length * k];
            for (int q = 0; q < users.length; q++) {
                System.arraycopy(m.userFactors(), users[q] * k, x, q * k, k);
            }
            return new Scores(k, m.itemFactors(), users, x, null);
        }

        /** The most-popular baseline: each artist's listeners in the training rows. */
        static Scores popularity(int[] listeners) {
            float[] pop = new float[listeners.length];
            for (int i = 0; i < pop.length; i++) {
                pop[i] = listeners[i];
            }
            return new Scores(0, null, null, null, pop);
        }

        /** The scorer of the task's listeners {@code local} (global indexes, ascending), numbered 0.. in the task. */
        Scorer scorer(int[] local, int items) {
            if (popularity != null) {
                return (u, out) -> System.arraycopy(popularity, 0, out, 0, popularity.length);
            }
            float[] x = new float[local.length * factors];
            for (int l = 0; l < local.length; l++) {
                int q = Arrays.binarySearch(users, local[l]);
                System.arraycopy(userFactors, q * factors, x, l * factors, factors);
            }
            // the same scorer the desktop evaluates a model with (its block path), over the task's listeners
            return Scorer.of(new FactorModel(factors, local.length, items, x, itemFactors, AlsParams.defaults(), 0));
        }
    }

    /**
     * The test listeners that {@link Holdout#evaluate} evaluates, ascending: those with a held-out row in
     * {@code split}, all of them or the seeded sample of {@code maxUsers}.
     */
    static int[] testUsers(Dataset<Row> split, int maxUsers, long seed) {
        Dataset<Row> users = split.filter(functions.col("held")).select("user").distinct();
        long n = users.count();
        int[] ranks = RankingMetrics.sampleRanks(Math.toIntExact(n), maxUsers, seed);
        long[] wanted = new long[ranks.length];
        for (int q = 0; q < ranks.length; q++) {
            wanted[q] = ranks[q];
        }
        List<Integer> picked = users.javaRDD().map(r -> r.getInt(0)).sortBy(u -> u, true, Math.max(1, users.rdd().getNumPartitions()))
                .zipWithIndex().filter(t -> Arrays.binarySearch(wanted, t._2()) >= 0).map(Tuple2::_1).collect();
        int[] out = picked.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** The metrics at {@code k} of {@code scores} over the evaluated listeners {@code users} of {@code split}. */
    static Metrics evaluate(SparkSession spark, Dataset<Row> split, int[] users, int items, Scores scores, int k) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<int[]> chosen = jsc.broadcast(users);
        Broadcast<Scores> how = jsc.broadcast(scores);
        try {
            FilterFunction<Row> evaluated = r -> Arrays.binarySearch(chosen.value(), r.getInt(0)) >= 0;
            List<Tuple2<Integer, double[]>> got = SparkRatings.byUser(split.filter(evaluated)).javaRDD()
                    .mapPartitions(part -> task(part, items, how.value(), k)).collect();
            if (got.size() != users.length) {
                throw new IllegalStateException("evaluated " + got.size() + " listeners of " + users.length);
            }
            // six numbers a listener, in listener order, as RankingMetrics.evaluate sums them
            double[] per = new double[6 * users.length];
            for (Tuple2<Integer, double[]> t : got) {
                System.arraycopy(t._2(), 0, per, 6 * Arrays.binarySearch(users, t._1()), 6);
            }
            return RankingMetrics.combine(per, k);
        } finally {
            chosen.destroy();
            how.destroy();
        }
    }

    /** One task: its listeners' training and held-out rows as local matrices, and each listener's six numbers. */
    private static Iterator<Tuple2<Integer, double[]>> task(Iterator<Row> part, int items, Scores scores, int k) {
        List<Integer> users = new ArrayList<>();
        List<int[]> trainItems = new ArrayList<>();
        List<float[]> trainPlays = new ArrayList<>();
        List<int[]> testItems = new ArrayList<>();
        List<float[]> testPlays = new ArrayList<>();
        SparkRatings.UserRuns runs = new SparkRatings.UserRuns(part);
        while (runs.hasNext()) {
            SparkRatings.Run run = runs.next();
            int len = run.rows().size();
            int held = 0;
            for (Row r : run.rows()) {
                held += r.getBoolean(3) ? 1 : 0;
            }
            int[] tri = new int[len - held];
            float[] trv = new float[len - held];
            int[] tei = new int[held];
            float[] tev = new float[held];
            int a = 0;
            int b = 0;
            for (int p = 0; p < len; p++) {
                if (run.rows().get(p).getBoolean(3)) {
                    tei[b] = run.item(p);
                    tev[b++] = run.plays(p);
                } else {
                    tri[a] = run.item(p);
                    trv[a++] = run.plays(p);
                }
            }
            users.add(run.user());
            trainItems.add(tri);
            trainPlays.add(trv);
            testItems.add(tei);
            testPlays.add(tev);
        }
        int n = users.size();
        int[] local = users.stream().mapToInt(Integer::intValue).toArray();
        InteractionMatrix train = csr(items, trainItems, trainPlays);
        InteractionMatrix test = csr(items, testItems, testPlays);
        int[] all = new int[n];
        Arrays.setAll(all, l -> l);
        double[] per = RankingMetrics.perUser(scores.scorer(local, items), train, test, all, k, 1);
        List<Tuple2<Integer, double[]>> out = new ArrayList<>(n);
        for (int l = 0; l < n; l++) {
            out.add(new Tuple2<>(local[l], Arrays.copyOfRange(per, 6 * l, 6 * l + 6)));
        }
        return out.iterator();
    }

    /** Rows (artists ascending, as in a matrix row) of the task's listeners as a matrix of {@code items} columns. */
    private static InteractionMatrix csr(int items, List<int[]> cols, List<float[]> vals) {
        int n = cols.size();
        int[] ptr = new int[n + 1];
        for (int l = 0; l < n; l++) {
            ptr[l + 1] = ptr[l] + cols.get(l).length;
        }
        int[] c = new int[ptr[n]];
        float[] v = new float[ptr[n]];
        for (int l = 0; l < n; l++) {
            System.arraycopy(cols.get(l), 0, c, ptr[l], cols.get(l).length);
            System.arraycopy(vals.get(l), 0, v, ptr[l], vals.get(l).length);
        }
        return InteractionMatrix.fromCsr(n, items, ptr, c, v);
    }
}
