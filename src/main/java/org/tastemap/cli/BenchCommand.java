package org.tastemap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.data.NameSearch;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.linalg.VectorSupport;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.SyntheticLastFm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the whole pipeline on one machine: import, seconds per ALS iteration at several factor
 * counts, the full loss, peak heap, query latencies and held-out evaluation. Speed is measured
 * here, never by timing asserts in tests.
 */
@Command(name = "bench", description = "Measure import, training, loss, memory and query speed on a file or on generated data.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", description = "A Last.fm-format file to measure on.")
    Path input;

    @Option(names = "--users", paramLabel = "N", description = "Generate a Last.fm-format file with N users (artists: N * 0.45) in a temporary folder and measure on it.")
    Integer users;

    @Option(names = "--factors", paramLabel = "K[,K...]", split = ",", defaultValue = "32,64,128,256", description = "Factor counts to time (default ${DEFAULT-VALUE}).")
    int[] factors;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Timed iterations per factor count; the median is reported (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "Worker threads (default: all cores).")
    int threads;

    @Option(names = "--half-steps", description = "Also time the user and the artist half-step apart, and the process's CPU time, per factor count.")
    boolean halfSteps;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "200", description = "Queries per latency measurement (default ${DEFAULT-VALUE}).")
    int queries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if ((input == null) == (users == null)) {
            throw new IllegalArgumentException("give either --input FILE or --users N");
        }
        w.printf("machine: %d cores, Java %s, max heap %,d MB, %s kernels%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, VectorSupport.describe());
        Path file = input;
        Path tmp = null;
        if (users != null) {
            tmp = Files.createTempDirectory("tastemap-bench");
            file = tmp.resolve("plays.tsv");
            long t0 = System.nanoTime();
            SyntheticLastFm.Summary s = SyntheticLastFm.create(users, Math.max(10, (int) (users * 0.45)), 1).write(file);
            w.printf(Locale.ROOT, "generate: %,d rows, %,d MB in %.1f s%n", s.rows(), s.bytes() >> 20, (System.nanoTime() - t0) / 1e9);
        }
        try (HeapSampler heap = new HeapSampler(20)) {
            long t0 = System.nanoTime();
            ImportResult imported = Importer.importFile(file, input == null ? ImportOptions.lastFm() : ImportOptions.auto());
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            Dataset d = imported.dataset();
            InteractionMatrix m = d.matrix();
            w.printf(Locale.ROOT, "import: %.2f s, %,.0f rows/s (%,d users, %,d artists, %,d non-zeros, %,d MB file)%n", importSeconds,
                    imported.report().rowsRead() / importSeconds, m.numUsers(), m.numItems(), m.nnz(), Files.size(file) >> 20);
            w.printf(Locale.ROOT, "heap after import: %,d MB peak%n", heap.peak() >> 20);
            w.println();
            // "with loss": the trainer computes the full loss inside the artist half-step (as the app does
            // when the loss chart is on); "loss share" is what that adds to an iteration. "separate loss"
            // is one stand-alone pass over the finished model (AlsEngine.loss), for comparison.
            w.printf("%8s %12s %14s %12s %11s %14s %13s%n", "factors", "s/iteration", "(min..max)", "with loss s", "loss share",
                    "separate loss s", "peak heap MB");
            w.flush();
            FactorModel last = null;
            for (int k : factors) {
                AlsParams p = AlsParams.defaults().withFactors(k).withIterations(iterations).withThreads(threads);
                List<Double> timed = new ArrayList<>();
                FactorModel model = AlsTrainer.train(m, p, org.tastemap.core.als.TrainingOptions.quiet()
                        .withListener(r -> timed.add(r.seconds()))).model();
                double[] secs = timed.stream().mapToDouble(Double::doubleValue).toArray();
                List<Double> withLoss = new ArrayList<>();
                model = AlsTrainer.train(m, p, model, org.tastemap.core.als.TrainingOptions.quiet().withLoss(true)
                        .withListener(r -> withLoss.add(r.seconds()))).model();
                double[] lossSorted = withLoss.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double lossSeconds;
                try (AlsEngine engine = new AlsEngine(m, p)) {
                    long s = System.nanoTime();
                    engine.loss(model.userFactors(), model.itemFactors());
                    lossSeconds = (System.nanoTime() - s) / 1e9;
                }
                double[] sorted = secs.clone();
                Arrays.sort(sorted);
                double plain = median(sorted);
                double fused = median(lossSorted);
                w.printf(Locale.ROOT, "%8d %12.3f %6.3f..%-6.3f %12.3f %10.0f%% %15.3f %13d%n", k, plain, sorted[0], sorted[sorted.length - 1],
                        fused, 100 * (fused - plain) / plain, lossSeconds, heap.peak() >> 20);
                w.flush();
                if (halfSteps) {
                    HalfStepTimer.Timing t = HalfStepTimer.run(m, p, Math.max(2, iterations));
                    w.printf(Locale.ROOT, "%8s half-steps (median after the first): users %.3f s, artists %.3f s; iteration %.3f s, cpu %.3f s%n",
                            "", HalfStepTimer.medianAfterFirst(t.userSeconds()), HalfStepTimer.medianAfterFirst(t.itemSeconds()),
                            HalfStepTimer.medianAfterFirst(t.iterationSeconds()), HalfStepTimer.medianAfterFirst(t.iterationCpuSeconds()));
                    w.flush();
                }
                if (k == 64 || last == null) {
                    last = model;
                }
            }
            w.println();
            queries(w, new TrainedModel(d, last), threads);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }

    private void queries(PrintWriter w, TrainedModel model, int threadCount) {
        Dataset d = model.dataset();
        InteractionMatrix m = d.matrix();
        long c0 = System.nanoTime();
        Recommender rec = new Recommender(model);
        double setup = (System.nanoTime() - c0) / 1e6;
        // the first queries run in the interpreter and C1 until C2 compiles the scoring loops: time them
        // apart ("cold"), then warm up, so that median and p99 describe a running app
        SplittableRandom warm = new SplittableRandom(11);
        c0 = System.nanoTime();
        rec.similarArtists(warm.nextInt(m.numItems()), 10);
        rec.recommend(warm.nextInt(m.numUsers()), 10, null);
        double cold = (System.nanoTime() - c0) / 1e6;
        for (int q = 0; q < 100; q++) {
            rec.similarArtists(warm.nextInt(m.numItems()), 10);
            rec.recommend(warm.nextInt(m.numUsers()), 10, null);
        }
        SplittableRandom rnd = new SplittableRandom(5);
        w.printf(Locale.ROOT, "%-34s %12.1f%n", "query setup (once per model)", setup);
        w.printf(Locale.ROOT, "%-34s %12.1f%n", "first similar + recommend (cold)", cold);
        w.printf("%-34s %12s %12s%n", "query (k=" + model.factors().factors() + ", warm)", "median ms", "p99 ms");
        double[] sim = new double[queries];
        double[] recs = new double[queries];
        for (int q = 0; q < queries; q++) {
            int i = rnd.nextInt(m.numItems());
            long s = System.nanoTime();
            rec.similarArtists(i, 10);
            sim[q] = (System.nanoTime() - s) / 1e6;
            int u = rnd.nextInt(m.numUsers());
            s = System.nanoTime();
            rec.recommend(u, 10, null);
            recs[q] = (System.nanoTime() - s) / 1e6;
        }
        latency(w, "similar artists (top 10)", sim);
        latency(w, "recommendations (top 10)", recs);
        long s0 = System.nanoTime();
        NameSearch search = NameSearch.artists(d);
        double build = (System.nanoTime() - s0) / 1e6;
        for (int q = 0; q < 200; q++) {
            String name = d.artistName(warm.nextInt(m.numItems()));
            for (int len = 1; len <= Math.min(6, name.length()); len++) {
                search.search(name.substring(0, len), 10);
            }
        }
        List<Double> keys = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            String name = d.artistName(rnd.nextInt(m.numItems()));
            for (int len = 1; len <= Math.min(6, name.length()); len++) {
                long s = System.nanoTime();
                search.search(name.substring(0, len), 10);
                keys.add((System.nanoTime() - s) / 1e6);
            }
        }
        latency(w, "autocomplete per keystroke", keys.stream().mapToDouble(Double::doubleValue).toArray());
        w.printf(Locale.ROOT, "%-34s %12.1f%n", "autocomplete index build (once)", build);
        TrainTestSplit split = TrainTestSplit.split(m, 0.2, 5, 1);
        int t = threadCount > 0 ? threadCount : Runtime.getRuntime().availableProcessors();
        // the first evaluation in a process includes compiling the kernels (the Vector API runs boxed
        // until C2 has compiled them); the app evaluates after every iteration, so the second is also shown
        // so the first is shown apart, and the median of five more
        double[] again = new double[5];
        for (int run = 0; run <= again.length; run++) {
            long s = System.nanoTime();
            var metrics = RankingMetrics.evaluate(Scorer.of(model.factors()), split.train(), split.test(), 10, 5000, 1, t);
            double ms = (System.nanoTime() - s) / 1e6;
            if (run == 0) {
                w.printf(Locale.ROOT, "%-34s %12.1f   (%,d users; %s)%n", "held-out evaluation (first), ms", ms, metrics.users(), metrics);
            } else {
                again[run - 1] = ms;
            }
            w.flush();
        }
        double[] sorted = again.clone();
        Arrays.sort(sorted);
        w.printf(Locale.ROOT, "%-34s %12.1f   (median of %d; %.1f..%.1f)%n", "held-out evaluation (again), ms", median(sorted),
                sorted.length, sorted[0], sorted[sorted.length - 1]);
    }

    private static void latency(PrintWriter w, String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
        w.printf(Locale.ROOT, "%-34s %12.2f %12.2f%n", what, median(sorted), p99);
        w.flush();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
