package org.tastemap.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.tastemap.cli.Cli;

/**
 * One local[2] Spark session for all the Spark tests of a JVM (starting one takes seconds): no UI,
 * bound to 127.0.0.1, few shuffle partitions for small data. The job uses it as it finds it.
 */
final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("tastemap-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** What a run printed and returned. */
    record Run(int code, String out, String err) {
    }

    /** The job, in this JVM, on the shared session. */
    static Run job(String... args) {
        session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkTrainJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The desktop command line, in this JVM. */
    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A generated Last.fm-layout file (tastemap generate). */
    static Path generate(Path out, int users, int artists, int seed) {
        Run g = cli("generate", "--out", out.toString(), "--users", Integer.toString(users), "--artists",
                Integer.toString(artists), "--seed", Integer.toString(seed));
        if (g.code() != 0) {
            throw new IllegalStateException(g.err());
        }
        return out;
    }
}
