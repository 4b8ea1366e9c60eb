package org.tastemap.cli;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.linalg.FactorTables;
import org.tastemap.core.model.AlsParams;

/**
 * {@code bench --half-steps}: times each half-step of full ALS iterations on their own (a user
 * half-step and an artist half-step, each with its Gram matrix), and the CPU time of the process
 * during each iteration, which on a busy machine shows what the wall time hides. The first
 * iteration includes JIT compilation, so the medians leave it out.
 */
final class HalfStepTimer {
    private HalfStepTimer() {
    }

    /**
     * What one run measured, per iteration.
     *
     * @param iterationSeconds    users then artists, wall clock
     * @param iterationCpuSeconds CPU time of this process during the iteration, all threads (NaN where the JVM does not tell)
     * @param userSeconds         the user half-step
     * @param itemSeconds         the artist half-step
     */
    record Timing(double[] iterationSeconds, double[] iterationCpuSeconds, double[] userSeconds, double[] itemSeconds) {
    }

    /** Times {@code iterations} iterations from the seeded random start of {@code params}. */
    static Timing run(InteractionMatrix matrix, AlsParams params, int iterations) {
        int k = params.factors();
        // the trainer's start and layout (rows on cache lines)
        float[] x = FactorTables.aligned(AlsTrainer.randomFactors(matrix.numUsers(), k, params.seed()), matrix.numUsers(), k);
        float[] y = FactorTables.aligned(AlsTrainer.randomFactors(matrix.numItems(), k, params.seed() * 31 + 17), matrix.numItems(), k);
        double[] total = new double[iterations];
        double[] cpu = new double[iterations];
        double[] users = new double[iterations];
        double[] items = new double[iterations];
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
            }
        }
        return new Timing(total, cpu, users, items);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The median of {@code v} without its first entry (or of {@code v} when it has one entry); NaN when empty. */
    static double medianAfterFirst(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.length == 1 ? v.clone() : Arrays.copyOfRange(v, 1, v.length);
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
