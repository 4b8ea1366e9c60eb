package org.tastemap.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.FactorModel;

/**
 * The factor tables as Parquet, the output for downstream Spark work: {@code DIR/users} with
 * {@code index, user_id, factors} and {@code DIR/artists} with {@code index, artist, name, mbid, factors}
 * ({@code factors} an array of k floats; {@code index} the row in the model file). Written to a
 * sibling folder first and renamed into place once complete, through Hadoop's file system, so DIR
 * may be on a cluster's storage.
 */
final class FactorParquet {
    /** Bytes of factors and names per partition: under Spark's warning size for a task (1,000 KiB). */
    private static final int CHUNK_BYTES = 600_000;

    private FactorParquet() {
    }

    /** A slice of the rows of one table: index, strings, factors. */
    record Chunk(int first, String[][] strings, float[][] factors) implements Serializable {
        Iterator<Row> rows() {
            List<Row> out = new ArrayList<>(factors.length);
            for (int j = 0; j < factors.length; j++) {
                Object[] v = new Object[strings[j].length + 2];
                v[0] = first + j;
                System.arraycopy(strings[j], 0, v, 1, strings[j].length);
                v[v.length - 1] = factors[j]; // a float[] is what Spark's encoder takes for array<float>
                out.add(RowFactory.create(v));
            }
            return out.iterator();
        }
    }

    /** The temporary sibling of {@code dir} that {@link #write} fills. */
    static String staging(String dir) {
        return dir.replaceAll("/+$", "") + ".incomplete";
    }

    /** Writes both tables to {@link #staging}(dir); {@link #commit} then moves them into place. */
    static void write(SparkSession spark, String dir, Dataset data, FactorModel model) throws IOException {
        String tmp = staging(dir);
        org.apache.hadoop.fs.Path tmpPath = new org.apache.hadoop.fs.Path(tmp);
        FileSystem fs = tmpPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(tmpPath, true);
        int k = model.factors();
        StructType users = new StructType().add("index", DataTypes.IntegerType, false)
                .add("user_id", DataTypes.StringType, false)
                .add("factors", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        StructType artists = new StructType().add("index", DataTypes.IntegerType, false)
                .add("artist", DataTypes.StringType, false).add("name", DataTypes.StringType, false)
                .add("mbid", DataTypes.StringType, false)
                .add("factors", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        table(spark, users, model.numUsers(), k, model.userFactors(), u -> new String[] {data.users().id(u)}, tmp + "/users");
        table(spark, artists, model.numItems(), k, model.itemFactors(),
                i -> new String[] {data.artists().id(i), data.artistName(i), data.artistMbids()[i]}, tmp + "/artists");
    }

    /** Replaces {@code dir} with what {@link #write} left in its staging folder. */
    static void commit(SparkSession spark, String dir) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir);
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(staging(dir));
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(target, true);
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
    }

    /** Drops what {@link #write} left, after a failure. */
    static void discard(SparkSession spark, String dir) {
        try {
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(staging(dir));
            tmp.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(tmp, true);
        } catch (IOException | RuntimeException e) {
            // best effort: the run already failed for another reason
        }
    }

    private static void table(SparkSession spark, StructType schema, int rows, int k, float[] factors,
                              java.util.function.IntFunction<String[]> strings, String path) {
        int perChunk = Math.max(1, CHUNK_BYTES / (4 * k + 64));
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < rows; first += perChunk) {
            int n = Math.min(perChunk, rows - first);
            String[][] s = new String[n][];
            float[][] f = new float[n][k];
            for (int j = 0; j < n; j++) {
                s[j] = strings.apply(first + j);
                System.arraycopy(factors, (first + j) * k, f[j], 0, k);
            }
            chunks.add(new Chunk(first, s, f));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // one file per 64 chunks (about 38 MB): through a shuffle, since coalescing would put 64 chunks in one task
        int files = Math.max(1, chunks.size() / 64);
        org.apache.spark.sql.Dataset<Row> table = spark.createDataFrame(
                jsc.parallelize(chunks, Math.max(1, chunks.size())).flatMap(Chunk::rows), schema);
        (files < chunks.size() ? table.repartition(files) : table).write().mode(SaveMode.ErrorIfExists).parquet(path);
    }
}
