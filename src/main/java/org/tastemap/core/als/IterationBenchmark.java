package org.tastemap.core.als;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Times full ALS iterations (a user half-step and an artist half-step, each with its Gram matrix)
 * and the full loss, for {@code bench} and for performance work. The timings are wall-clock seconds
 * of this JVM on this machine; the first iteration includes JIT compilation, so quote the median of
 * the later ones. Also makes a synthetic matrix of Last.fm 360K size in memory, so a benchmark needs
 * no file.
 */
public final class IterationBenchmark {
    private IterationBenchmark() {
    }

    /**
     * What one run measured.
     *
     * @param path                which kernels ran ({@link VectorSupport#describe()})
     * @param iterationSeconds    each iteration: users then artists
     * @param iterationCpuSeconds the CPU time of this process during each iteration, all threads (NaN
     *                            where the JVM does not tell); on a busy machine it shows what the
     *                            wall time hides
     * @param userSeconds         the user half-step of each iteration
     * @param itemSeconds         the artist half-step of each iteration
     * @param itemWithLossSeconds an extra artist half-step after each iteration that also returns the
     *                            loss ({@link AlsEngine#solveItemsAndLoss}, what the trainer runs when
     *                            it reports the loss); its excess over {@code itemSeconds} is what the
     *                            loss costs in training (empty when not asked for)
     * @param lossSeconds         the standalone full loss ({@link AlsEngine#loss}) after that step
     * @param loss                the standalone loss
     * @param lossWithItems       the loss returned by the artist half-step, for the same factors
     * @param liveHeapBytes       heap in use after a full GC at the end, with the matrix, the engine
     *                            (confidences in both orders) and both factor tables alive
     */
    public record Timing(String path, int factors, int threads, double[] iterationSeconds, double[] iterationCpuSeconds,
                         double[] userSeconds, double[] itemSeconds, double[] itemWithLossSeconds, double[] lossSeconds,
                         double[] loss, double[] lossWithItems, long liveHeapBytes) {

        /** The median of the iterations after the first (the first includes JIT compilation). */
        public double medianIterationSeconds() {
            return medianAfterFirst(iterationSeconds);
        }

        /** The median of the standalone loss after the first. */
        public double medianLossSeconds() {
            return medianAfterFirst(lossSeconds);
        }

        /** The median extra time of the artist half-step that also returns the loss. */
        public double medianLossWithItemsSeconds() {
            double[] extra = new double[itemWithLossSeconds.length];
            for (int it = 0; it < extra.length; it++) {
                extra[it] = itemWithLossSeconds[it] - itemSeconds[it];
            }
            return medianAfterFirst(extra);
        }
    }

    /** Seconds of each of {@code iterations} iterations from the seeded random start of {@code params}. */
    public static double[] secondsPerIteration(InteractionMatrix matrix, AlsParams params, int iterations) {
        return run(matrix, params, iterations, false).iterationSeconds();
    }

    /**
     * Times {@code iterations} iterations; with {@code withLoss}, after each one also an artist
     * half-step that returns the loss, and the standalone loss of its result.
     */
    public static Timing run(InteractionMatrix matrix, AlsParams params, int iterations, boolean withLoss) {
        int k = params.factors();
        float[] x = AlsTrainer.randomTable(matrix.numUsers(), k, params.seed());
        float[] y = AlsTrainer.randomTable(matrix.numItems(), k, params.seed() * 31 + 17);
        int n = withLoss ? iterations : 0;
        double[] total = new double[iterations];
        double[] cpu = new double[iterations];
        double[] users = new double[iterations];
        double[] items = new double[iterations];
        double[] itemsWithLoss = new double[n];
        double[] lossSeconds = new double[n];
        double[] loss = new double[n];
        double[] lossWithItems = new double[n];
        long live;
        try (AlsEngine engine = new AlsEngine(matrix, params)) {
            for (int it = 0; it < iterations; it++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                engine.solveUsers(x, y);
                long t1 = System.nanoTime();
                engine.solveItems(x, y);
                long t2 = System.nanoTime();
                users[it] = (t1 - t0) / 1e9;
                items[it] = (t2 - t1) / 1e9;
                total[it] = (t2 - t0) / 1e9;
                cpu[it] = c0 < 0 ? Double.NaN : (processCpuNanos() - c0) / 1e9;
                if (withLoss) {
                    long f0 = System.nanoTime();
                    lossWithItems[it] = engine.solveItemsAndLoss(x, y);
                    long l0 = System.nanoTime();
                    loss[it] = engine.loss(x, y);
                    long l1 = System.nanoTime();
                    itemsWithLoss[it] = (l0 - f0) / 1e9;
                    lossSeconds[it] = (l1 - l0) / 1e9;
                }
            }
            // after the timed work: what training this matrix holds on to
            System.gc();
            Runtime rt = Runtime.getRuntime();
            live = rt.totalMemory() - rt.freeMemory();
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(y);
            Reference.reachabilityFence(engine);
        }
        return new Timing(VectorSupport.describe(), k, params.effectiveThreads(), total, cpu, users, items, itemsWithLoss,
                lossSeconds, loss, lossWithItems, live);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The median of {@code v} without its first entry (or of {@code v} when it has one entry); NaN when empty. */
    public static double medianAfterFirst(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.length == 1 ? v.clone() : Arrays.copyOfRange(v, 1, v.length);
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A synthetic matrix of Last.fm 360K size: 358,000 users, 160,000 artists, 17.5M non-zeros. */
    public static InteractionMatrix lastFmSized(long seed) {
        return synthetic(358_000, 160_000, 17_500_000, seed);
    }

    /**
     * A synthetic listening matrix with heavy tails like Last.fm's: row lengths are log-normal
     * (sigma 0.8) scaled to {@code nnz} in total; an artist's chance to be picked falls as
     * {@code 1 / (rank + 30)} (the top artist reaches about a fifth of the users, as Radiohead does
     * in Last.fm 360K) and ranks are shuffled over the artist indexes; play counts are log-normal
     * with median 55.
     */
    public static InteractionMatrix synthetic(int numUsers, int numItems, int nnz, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cap = Math.max(1, numItems / 4);
        double[] raw = new double[numUsers];
        double sum = 0;
        for (int u = 0; u < numUsers; u++) {
            raw[u] = Math.exp(0.8 * gaussian(rnd));
            sum += raw[u];
        }
        int[] length = new int[numUsers];
        long assigned = 0;
        for (int u = 0; u < numUsers; u++) {
            length[u] = (int) Math.max(1, Math.min(cap, Math.round(raw[u] * nnz / sum)));
            assigned += length[u];
        }
        // hand out the rounding difference one cell at a time over the users
        for (int u = 0; assigned != nnz && numUsers > 0; u = (u + 1) % numUsers) {
            if (assigned < nnz && length[u] < cap) {
                length[u]++;
                assigned++;
            } else if (assigned > nnz && length[u] > 1) {
                length[u]--;
                assigned--;
            }
        }
        int[] rankToItem = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            rankToItem[i] = i;
        }
        for (int i = numItems - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = rankToItem[i];
            rankToItem[i] = rankToItem[j];
            rankToItem[j] = t;
        }
        final double r0 = 30;
        final double logSpan = Math.log((numItems + r0) / r0);
        int[] us = new int[(int) assigned];
        int[] is = new int[(int) assigned];
        float[] vs = new float[(int) assigned];
        boolean[] taken = new boolean[numItems];
        int n = 0;
        for (int u = 0; u < numUsers; u++) {
            int start = n;
            while (n - start < length[u]) {
                // inverse of the continuous CDF of 1 / (rank + r0) over [0, numItems)
                int rank = (int) (r0 * Math.exp(rnd.nextDouble() * logSpan) - r0);
                int item = rankToItem[Math.min(numItems - 1, rank)];
                if (!taken[item]) {
                    taken[item] = true;
                    us[n] = u;
                    is[n] = item;
                    vs[n++] = (float) Math.max(1, Math.floor(Math.exp(4 + 1.5 * gaussian(rnd))));
                }
            }
            for (int p = start; p < n; p++) {
                taken[is[p]] = false;
            }
        }
        return InteractionMatrix.fromTriplets(numUsers, numItems, us, is, vs, n);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * {@code java --add-modules jdk.incubator.vector -Xmx2g -cp tastemap.jar org.tastemap.core.als.IterationBenchmark
     * [factors=64] [threads=2] [iterations=5] [loss=true] [users=358000] [items=160000] [nnz=17500000] [seed=1]}
     */
    public static void main(String[] args) {
        int factors = 64;
        int threads = 2;
        int iterations = 5;
        boolean withLoss = true;
        int users = 358_000;
        int items = 160_000;
        int nnz = 17_500_000;
        long seed = 1;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "factors" -> factors = Integer.parseInt(kv[1]);
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "iterations" -> iterations = Integer.parseInt(kv[1]);
                case "loss" -> withLoss = Boolean.parseBoolean(kv[1]);
                case "users" -> users = Integer.parseInt(kv[1]);
                case "items" -> items = Integer.parseInt(kv[1]);
                case "nnz" -> nnz = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        long g0 = System.nanoTime();
        InteractionMatrix m = synthetic(users, items, nnz, seed);
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        AlsParams params = AlsParams.defaults().withFactors(factors).withThreads(threads);
        Timing t = run(m, params, iterations, withLoss);
        System.out.printf(Locale.ROOT, "java %s, %s, k=%d, threads=%d, %d x %d, nnz %d (generated in %.1f s), "
                        + "live heap while training %d MB (max heap %d MB)%n",
                Runtime.version(), t.path(), factors, t.threads(), m.numUsers(), m.numItems(), m.nnz(), genSeconds,
                t.liveHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        for (int it = 0; it < iterations; it++) {
            System.out.printf(Locale.ROOT, "iteration %d: %.3f s, cpu %.3f s (users %.3f, artists %.3f)%s%n", it + 1,
                    t.iterationSeconds()[it], t.iterationCpuSeconds()[it], t.userSeconds()[it], t.itemSeconds()[it],
                    withLoss ? String.format(Locale.ROOT, "; artists with loss %.3f s (loss %.9e); standalone loss %.3f s (%.9e)",
                            t.itemWithLossSeconds()[it], t.lossWithItems()[it], t.lossSeconds()[it], t.loss()[it]) : "");
        }
        System.out.printf(Locale.ROOT, "median after the first: iteration %.3f s (cpu %.3f s), users %.3f s, artists %.3f s, "
                        + "loss with the artists %.3f s, standalone loss %.3f s%n",
                t.medianIterationSeconds(), medianAfterFirst(t.iterationCpuSeconds()), medianAfterFirst(t.userSeconds()),
                medianAfterFirst(t.itemSeconds()), t.medianLossWithItemsSeconds(), t.medianLossSeconds());
    }
}
