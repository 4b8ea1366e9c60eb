package org.tastemap.core.als;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.linalg.VectorSupport;

/**
 * The CG kernels, scalar against vector, at k = 32, 64, 128: a dot product, an axpy, and one row
 * solve (3 CG steps, a row of 50 non-zeros against a table of 20,000 factor rows, the size of a
 * median Last.fm user). Nanoseconds per call; each fork is its own JVM, so the vector width is
 * one per process as the kernels need.
 *
 * <pre>
 *   mvn -Pjmh -DskipTests package
 *   java -jar target/benchmarks.jar KernelBenchmarks -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmarks {
    @Param({"32", "64", "128"})
    public int k;

    @Param({"scalar", "vector"})
    public String kernel;

    private static final int TABLE_ROWS = 20_000;
    private static final int ROW_NNZ = 50;

    private float[] a;
    private float[] b;
    private HalfStep step;
    private float[] start;
    private RowSolver solver;
    private Object workspace;
    private boolean vector;

    @Setup
    public void setUp() {
        vector = kernel.equals("vector");
        if (vector && !VectorSupport.available()) {
            throw new IllegalStateException("start the fork with --add-modules jdk.incubator.vector");
        }
        SplittableRandom rnd = new SplittableRandom(42);
        a = random(rnd, k);
        b = random(rnd, k);
        float[] y = random(rnd, TABLE_ROWS * k);
        int[] cols = rnd.ints(0, TABLE_ROWS).distinct().limit(ROW_NNZ).sorted().toArray();
        float[] cm1 = new float[ROW_NNZ];
        for (int q = 0; q < ROW_NNZ; q++) {
            cm1[q] = (float) (2 * Math.log1p(1 + rnd.nextInt(500)));
        }
        double[] gram = Gram.of(y, TABLE_ROWS, k);
        float[] gramF = new float[gram.length];
        for (int q = 0; q < gram.length; q++) {
            gramF[q] = (float) gram[q];
        }
        start = random(rnd, k);
        step = new HalfStep(k, y, start.clone(), 1, new int[] {0, ROW_NNZ}, cols, cm1, gram, gramF, 0.1, false);
        solver = vector ? RowSolver.conjugateGradient(3) : ConjugateGradientSolver.scalar(3);
        workspace = solver.newWorkspace(k);
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int q = 0; q < n; q++) {
            v[q] = (float) (rnd.nextDouble() - 0.5) * 0.2f;
        }
        return v;
    }

    /** {@code a . b}: the scalar solver's loop, or the vector kernel's FMA lanes and pairwise lane sum. */
    @Benchmark
    public float dot() {
        if (vector) {
            return VectorBlas.dot(a, 0, b, 0, k);
        }
        float s = 0;
        for (int f = 0; f < k; f++) {
            s += a[f] * b[f];
        }
        return s;
    }

    /** {@code b += 1e-3 a} (small, so that b stays bounded over billions of calls). */
    @Benchmark
    public float[] axpy() {
        if (vector) {
            VectorBlas.axpy(1e-3f, a, 0, b, 0, k);
        } else {
            for (int f = 0; f < k; f++) {
                b[f] += 1e-3f * a[f];
            }
        }
        return b;
    }

    /** One row solve: 3 CG steps from the same start each call. */
    @Benchmark
    public float[] rowSolve() {
        float[] x = step.target();
        System.arraycopy(start, 0, x, 0, k);
        solver.solve(step, 0, workspace);
        return x;
    }
}
