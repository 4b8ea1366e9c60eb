package org.tastemap.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a run. Under spark-submit the master and settings come from it; otherwise
 * {@code --master} or {@code local[*]}. In local mode the driver binds to 127.0.0.1 and the checkpoint
 * folder defaults to a temporary one (ALS's lineage grows with every iteration, and without
 * checkpoints every ten a long run ends in a StackOverflowError). A session that already runs in
 * this JVM (tests) is used as it is, and left running.
 */
final class SparkSessions {
    private SparkSessions() {
    }

    /** The session, and what to clean up after it. */
    record Opened(SparkSession session, boolean started, Path tempCheckpoints) implements AutoCloseable {
        @Override
        public void close() {
            if (started) {
                session.stop();
            }
            if (tempCheckpoints != null) {
                try (var s = Files.walk(tempCheckpoints)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    static Opened open(String master, boolean ui, String checkpointDir) throws IOException {
        SparkSession active = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        boolean started = active == null;
        SparkSession spark = active;
        if (spark == null) {
            SparkConf conf = new SparkConf(); // spark-submit's settings arrive as spark.* system properties
            if (master != null) {
                conf.setMaster(master);
            } else if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            conf.setIfMissing("spark.app.name", "tastemap-spark");
            conf.set("spark.ui.enabled", Boolean.toString(ui));
            conf.set("spark.ui.showConsoleProgress", "false");
            if (conf.get("spark.master").startsWith("local")) {
                conf.setIfMissing("spark.driver.host", "127.0.0.1");
                conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            }
            spark = SparkSession.builder().config(conf).getOrCreate();
        }
        Path temp = null;
        if (checkpointDir != null) {
            spark.sparkContext().setCheckpointDir(checkpointDir);
        } else if (spark.sparkContext().getCheckpointDir().isEmpty() && spark.sparkContext().isLocal()) {
            temp = Files.createTempDirectory("tastemap-spark-checkpoints");
            spark.sparkContext().setCheckpointDir(temp.toString());
        }
        return new Opened(spark, started, temp);
    }
}
