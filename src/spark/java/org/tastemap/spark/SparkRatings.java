package org.tastemap.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tastemap.core.data.InteractionMatrix;

/**
 * The interaction rows as a Spark DataFrame: {@code user:int, item:int, plays:float}, one row per
 * (listener, artist) pair with the summed plays, indexes as in the desktop's {@link InteractionMatrix}.
 * Per-listener work (the held-out split, BM25's row totals) runs over {@link #byUser}: the rows
 * partitioned by listener and sorted by listener then artist, so that each task sees whole listeners with
 * their artists in the order of a matrix row, and walks them one listener at a time ({@link UserRuns}).
 */
final class SparkRatings {
    static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("plays", DataTypes.FloatType, false);

    private SparkRatings() {
    }

    /** The cells of a driver-side matrix as ratings, in chunks of {@link SparkAls#CHUNK_ROWS}. */
    static Dataset<Row> of(SparkSession spark, InteractionMatrix m) {
        List<SparkAls.Chunk> chunks = SparkAls.chunks(m, m.userValues());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(jsc.parallelize(chunks, Math.max(1, chunks.size())).flatMap(SparkAls.Chunk::rows), SCHEMA);
    }

    /**
     * {@code rows} (with user and item columns first) partitioned by user and sorted by user, then item, in as many
     * partitions as {@code rows} has (not spark.sql.shuffle.partitions, 200 by default: for the power iteration
     * each partition returns a vector of every artist).
     */
    static Dataset<Row> byUser(Dataset<Row> rows) {
        int partitions = Math.max(1, rows.rdd().getNumPartitions());
        return rows.repartition(partitions, functions.col("user")).sortWithinPartitions("user", "item");
    }

    /** One listener's rows of a partition of {@link #byUser}: its artists ascending, and the rows themselves. */
    record Run(int user, List<Row> rows) {
        int item(int a) {
            return rows.get(a).getInt(1);
        }

        float plays(int a) {
            return rows.get(a).getFloat(2);
        }
    }

    /** Walks a partition of {@link #byUser} one listener at a time, holding one listener's rows. */
    static final class UserRuns implements Iterator<Run> {
        private final Iterator<Row> rows;
        private Row pending;

        UserRuns(Iterator<Row> rows) {
            this.rows = rows;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Run next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            int user = pending.getInt(0);
            List<Row> run = new ArrayList<>();
            run.add(pending);
            pending = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.getInt(0) != user) {
                    pending = r;
                    break;
                }
                run.add(r);
            }
            return new Run(user, run);
        }
    }

    /** The rows that {@code f} makes of each listener of each partition of {@link #byUser}, lazily. */
    static Iterator<Row> perUser(Iterator<Row> partition, java.util.function.Function<Run, List<Row>> f) {
        UserRuns runs = new UserRuns(partition);
        return new Iterator<>() {
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && runs.hasNext()) {
                    current = f.apply(runs.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    static Row row(int user, int item, float plays) {
        return RowFactory.create(user, item, plays);
    }
}
