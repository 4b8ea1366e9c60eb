package org.tastemap.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.storage.RDDInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prints a line per ALS iteration with its seconds, from Spark's own events. Spark's ALS names the
 * user factors that go into iteration t {@code userFactors-t}; with implicit preferences it first sums
 * their Gram matrix (a job over them), so the first stage that completes with {@code userFactors-t}
 * in it marks the end of iteration t - 1 ({@code userFactors-1}, the random start: the end of the
 * set-up, which partitions the cells into blocks). The last iteration ends when the fit returns
 * ({@link #finish}). Times are the stages' completion times, so the listener bus's delay does not count.
 */
final class IterationProgress extends SparkListener {
    private static final Pattern USER_FACTORS = Pattern.compile("userFactors-(\\d+)");

    private final PrintWriter out;
    private final String prefix;
    private final long startMillis;
    private long markMillis;
    private int done = -1;
    private double[] seconds = new double[0];

    IterationProgress(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
        this.startMillis = System.currentTimeMillis();
        this.markMillis = startMillis;
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo stage = event.stageInfo();
        if (stage.submissionTime().isDefined() && (Long) stage.submissionTime().get() < startMillis) {
            return; // a stage of an earlier fit, delivered late
        }
        int t = -1;
        for (RDDInfo rdd : CollectionConverters.asJava(stage.rddInfos())) {
            Matcher m = USER_FACTORS.matcher(rdd.name() == null ? "" : rdd.name());
            if (m.matches()) {
                t = Math.max(t, Integer.parseInt(m.group(1)));
            }
        }
        if (t - 1 > done) {
            long at = stage.completionTime().isDefined() ? (Long) stage.completionTime().get() : System.currentTimeMillis();
            mark(t - 1, at);
        }
    }

    /** The fit returned after {@code iterations}: the last iteration ends now. */
    synchronized void finish(int iterations) {
        if (iterations > done) {
            mark(iterations, System.currentTimeMillis());
        }
    }

    /** Seconds of iteration 1, 2, ... as printed. */
    synchronized double[] iterationSeconds() {
        return seconds.clone();
    }

    private void mark(int iteration, long at) {
        double s = Math.max(0, at - markMillis) / 1000.0;
        if (iteration == 0) {
            out.printf(Locale.ROOT, "%sset-up %8.3f s (cells into blocks)%n", prefix, s);
        } else {
            out.printf(Locale.ROOT, "%siteration %3d  %7.3f s%n", prefix, iteration, s);
            seconds = java.util.Arrays.copyOf(seconds, iteration);
            seconds[iteration - 1] = s;
        }
        out.flush();
        markMillis = at;
        done = iteration;
    }
}
