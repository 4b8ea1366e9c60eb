package org.tastemap.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.TrainTestSplit;

/**
 * The desktop's held-out split ({@link TrainTestSplit}, as {@link Holdout} runs it) in Spark tasks, row for
 * row the same: a listener with {@code len >= Holdout.MIN_ARTISTS} artists holds out
 * {@link TrainTestSplit#heldCount} of them, the positions (in artist order) that
 * {@link TrainTestSplit#pickHeld} draws from the listener's own stream {@link TrainTestSplit#userRandom}.
 * That stream is a function of the seed and the listener's index alone, so every task splits its
 * listeners without the others'.
 */
final class SparkSplit {
    static final StructType SCHEMA = SparkRatings.SCHEMA.add("held", DataTypes.BooleanType, false);

    private SparkSplit() {
    }

    /** {@code ratings} with a column {@code held}: true for the held-out (test) rows. */
    static Dataset<Row> split(Dataset<Row> ratings, Holdout protocol) {
        double fraction = protocol.fraction();
        long seed = protocol.seed();
        MapPartitionsFunction<Row, Row> f = part -> SparkRatings.perUser(part, run -> {
            int len = run.rows().size();
            int hold = TrainTestSplit.heldCount(len, fraction, Holdout.MIN_ARTISTS);
            boolean[] held = new boolean[len];
            SplittableRandom rnd = TrainTestSplit.userRandom(seed, run.user());
            TrainTestSplit.pickHeld(len, hold, rnd, new int[len], held);
            List<Row> out = new ArrayList<>(len);
            for (int a = 0; a < len; a++) {
                out.add(RowFactory.create(run.user(), run.item(a), run.plays(a), held[a]));
            }
            return out;
        });
        return SparkRatings.byUser(ratings.select("user", "item", "plays")).mapPartitions(f, Encoders.row(SCHEMA));
    }

    /** The training rows of a split, as ratings. */
    static Dataset<Row> train(Dataset<Row> split) {
        return split.filter(functions.not(functions.col("held"))).select("user", "item", "plays");
    }

    /** The held-out rows of a split, as ratings. */
    static Dataset<Row> test(Dataset<Row> split) {
        return split.filter(functions.col("held")).select("user", "item", "plays");
    }
}
