package org.tastemap.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.ConfidenceKind;

/**
 * Our confidence transform applied in Spark tasks to ratings ({@link SparkRatings}): each cell becomes
 * Spark's rating {@code f(r) = (c - 1) / alpha} of {@link Confidence} at alpha 1, at least {@link SparkAls#TINY}
 * (see {@link SparkAls}). BM25 needs the data's statistics, computed in Spark: the listeners of each artist (its
 * idf) and the plays total (the mean row total), collected to the driver as one int per artist; and each
 * listener's row total, summed in artist order in the task that holds the listener, as
 * {@link org.tastemap.core.data.InteractionMatrix#userTotal} sums it.
 */
final class SparkConfidence {
    static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("rating", DataTypes.FloatType, false);

    private SparkConfidence() {
    }

    /** What a task needs to rebuild the {@link Confidence} of the data (serializable; AlsParams is not). */
    record Spec(double alpha, ConfidenceKind kind, double eps, double k1, double b, int users, int[] listeners,
                double playsTotal) implements Serializable {
        static Spec of(AlsParams params, int users, int[] listeners, double playsTotal) {
            return new Spec(params.alpha(), params.confidence(), params.eps(), params.bm25K1(), params.bm25B(), users,
                    listeners, playsTotal);
        }

        /** The same at alpha 1: its {@code minusOne} is {@code f(r)}, as c - 1 = alpha f(r) is linear in alpha. */
        Spec atAlphaOne() {
            return new Spec(1.0, kind, eps, k1, b, users, listeners, playsTotal);
        }

        /** The confidence of these parameters and statistics. */
        Confidence confidence() {
            AlsParams p = AlsParams.defaults().withAlpha(alpha).withConfidence(kind).withEps(eps).withBm25(k1, b);
            return Confidence.of(p, users, listeners == null ? new int[0] : listeners, playsTotal);
        }
    }

    /** The listeners of each of {@code items} artists in {@code ratings} (one row per pair), computed in Spark. */
    static int[] listeners(Dataset<Row> ratings, int items) {
        int[] out = new int[items];
        for (Row r : ratings.groupBy("item").count().collectAsList()) {
            out[r.getInt(0)] = (int) r.getLong(1);
        }
        return out;
    }

    /**
     * The sum of every play, in double, computed in Spark. The order of the additions differs from a
     * sequential sum; for plays that are whole numbers (or few binary digits after the point) every
     * partial sum is exact below 2^53, so it is the same number.
     */
    static double playsTotal(Dataset<Row> ratings) {
        Row r = ratings.agg(functions.sum(functions.col("plays").cast(DataTypes.DoubleType))).first();
        return r.isNullAt(0) ? 0 : r.getDouble(0);
    }

    /** The spec of {@code params} (its alpha too) over {@code ratings} of {@code users} listeners and {@code items} artists. */
    static Spec spec(Dataset<Row> ratings, AlsParams params, int users, int items) {
        if (params.confidence() != ConfidenceKind.BM25) {
            return Spec.of(params, users, null, 0);
        }
        return Spec.of(params, users, listeners(ratings, items), playsTotal(ratings));
    }

    /** Spark's ratings {@code (user, item, rating)} for {@code ratings} under {@code spec} taken at alpha 1. */
    static Dataset<Row> apply(Dataset<Row> ratings, Spec given) {
        Spec spec = given.atAlphaOne();
        if (spec.kind() != ConfidenceKind.BM25) {
            MapFunction<Row, Row> cell = new MapFunction<>() {
                private transient Confidence c;

                @Override
                public Row call(Row r) {
                    if (c == null) {
                        c = spec.confidence();
                    }
                    float f = (float) c.minusOne(r.getInt(1), r.getFloat(2), 0);
                    return RowFactory.create(r.getInt(0), r.getInt(1), Math.max(f, SparkAls.TINY));
                }
            };
            return ratings.select("user", "item", "plays").map(cell, Encoders.row(SCHEMA));
        }
        MapPartitionsFunction<Row, Row> rows = part -> {
            Confidence c = spec.confidence();
            return SparkRatings.perUser(part, run -> {
                int len = run.rows().size();
                // the row total in double, in artist order, as InteractionMatrix.userTotal
                double total = 0;
                for (int a = 0; a < len; a++) {
                    total += run.plays(a);
                }
                List<Row> out = new ArrayList<>(len);
                for (int a = 0; a < len; a++) {
                    float f = (float) c.minusOne(run.item(a), run.plays(a), total);
                    out.add(RowFactory.create(run.user(), run.item(a), Math.max(f, SparkAls.TINY)));
                }
                return out;
            });
        };
        return SparkRatings.byUser(ratings.select("user", "item", "plays")).mapPartitions(rows, Encoders.row(SCHEMA));
    }
}
