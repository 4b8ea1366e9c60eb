package org.tastemap.core.als;

import java.util.function.BooleanSupplier;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.linalg.FactorKernels;
import org.tastemap.core.linalg.FactorTable;
import org.tastemap.core.linalg.FactorTables;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;

/**
 * The numerical core of implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) over one interaction
 * matrix: the half-steps and the full loss. It holds the confidences of every stored cell in both
 * row orders, and the worker threads.
 *
 * <p>Model:
 * <pre>
 *   p_ui = 1 if r_ui &gt; 0 else 0
 *   c_ui = 1 + alpha * r_ui                       (linear)
 *        = 1 + alpha * log(1 + r_ui / eps)        (log)
 *   loss = sum over ALL cells c_ui (p_ui - x_u.y_i)^2 + lambda (sum_u |x_u|^2 + sum_i |y_i|^2)
 *   x_u  = (YtY + Yt(Cu - I)Y + lambda I)^-1 Yt Cu p(u),   and the same for y_i with X
 * </pre>
 * With ALS-WR ({@link AlsParams#scaleLambdaByCount()}) each row's lambda is multiplied by its
 * number of non-zeros, in the solve and in the loss.
 *
 * <p>The factor tables are {@link FactorTable}s, which carry where their row 0 starts (the trainer's
 * start on a cache line). The methods that take bare arrays accept plain tables ({@code rows x k}
 * floats) and {@link FactorTables#allocate}d ones, telling them apart by length once, on entry.
 */
public final class AlsEngine implements AutoCloseable {
    private static final BooleanSupplier NEVER = () -> false;

    private final InteractionMatrix matrix;
    private final AlsParams params;
    private final int k;
    private final float[] userCm1;
    private final float[] itemCm1;
    private final RowSolver<?> solver;
    private final FactorKernels kernels;
    private final RowParallel parallel;
    private final int[] userChunks;
    private final int[] itemChunks;

    public AlsEngine(InteractionMatrix matrix, AlsParams params) {
        this(matrix, params, RowSolver.of(params));
    }

    public AlsEngine(InteractionMatrix matrix, AlsParams params, RowSolver<?> solver) {
        this(matrix, params, solver, confidences(matrix, params));
    }

    /**
     * The same engine with the confidences from {@code cache} (the same floats, computed faster when
     * many settings train on one matrix); {@code cache} must be of {@code matrix}.
     */
    public AlsEngine(InteractionMatrix matrix, AlsParams params, ConfidenceCache cache) {
        this(matrix, params, RowSolver.of(params), cacheOf(matrix, params, cache));
    }

    private AlsEngine(InteractionMatrix matrix, AlsParams params, RowSolver<?> solver, float[][] cm1) {
        this.matrix = matrix;
        this.params = params;
        this.k = params.factors();
        this.userCm1 = cm1[0];
        this.itemCm1 = cm1[1];
        this.solver = solver;
        this.kernels = FactorKernels.fastest();
        this.parallel = new RowParallel(params.effectiveThreads());
        // a row costs about k^2 (Gram products) + k * nnz: weigh rows as nnz + k
        this.userChunks = parallel.chunks(matrix.numUsers(), matrix.userPtr(), k, 32);
        this.itemChunks = parallel.chunks(matrix.numItems(), matrix.itemPtr(), k, 32);
    }

    private static float[][] confidences(InteractionMatrix matrix, AlsParams params) {
        params.validate();
        Confidence confidence = Confidence.of(params, matrix);
        float[] user = confidence.userOrder(matrix);
        // an infinite or NaN confidence would make every factor it touches infinite: refuse it before any work
        confidence.requireFinite(matrix, user);
        return new float[][] {user, confidence.itemOrder(matrix)};
    }

    private static float[][] cacheOf(InteractionMatrix matrix, AlsParams params, ConfidenceCache cache) {
        params.validate();
        if (cache.matrix() != matrix) {
            throw new IllegalArgumentException("the confidence cache is of another matrix");
        }
        return cache.minusOne(params);
    }

    /** Limits how many worker threads take rows from now on; see {@link RowParallel#limitWorkers}. */
    public void limitWorkers(java.util.function.IntSupplier limit) {
        parallel.limitWorkers(limit);
    }

    public InteractionMatrix matrix() {
        return matrix;
    }

    public AlsParams params() {
        return params;
    }

    /** The stored cell of largest confidence (to tell absurd input from a bad alpha when training diverges), or null. */
    public Confidence.Cell largestConfidence() {
        return Confidence.largest(matrix, userCm1);
    }

    /** Solves every user row against the artist factors: {@code x_u} for all u. */
    public void solveUsers(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        solveUsers(users(userFactors), items(itemFactors), cancelled);
    }

    /** {@link #solveUsers(float[], float[], BooleanSupplier)} on typed tables. */
    public void solveUsers(FactorTable userFactors, FactorTable itemFactors, BooleanSupplier cancelled) {
        HalfStep step = halfStep(itemFactors, userFactors, matrix.userPtr(), matrix.userItems(), userCm1, null, cancelled);
        run(step, userChunks, cancelled);
    }

    /** Solves every artist row against the user factors: {@code y_i} for all i. */
    public void solveItems(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        solveItems(users(userFactors), items(itemFactors), cancelled);
    }

    /** {@link #solveItems(float[], float[], BooleanSupplier)} on typed tables. */
    public void solveItems(FactorTable userFactors, FactorTable itemFactors, BooleanSupplier cancelled) {
        HalfStep step = halfStep(userFactors, itemFactors, matrix.itemPtr(), matrix.itemUsers(), itemCm1, null, cancelled);
        run(step, itemChunks, cancelled);
    }

    /** The user table that {@code factors} holds, plain or {@link FactorTables#allocate}d. */
    private FactorTable users(float[] factors) {
        return FactorTable.of(factors, matrix.numUsers(), k, "user factors");
    }

    /** The artist table that {@code factors} holds, plain or {@link FactorTables#allocate}d. */
    private FactorTable items(float[] factors) {
        return FactorTable.of(factors, matrix.numItems(), k, "artist factors");
    }

    /**
     * Solves every artist row like {@link #solveItems} and returns the full {@link #loss} of the
     * result, nearly for free: each row solve also gives its row's objective
     * ({@link HalfStep#objective()}), and
     * <pre>
     *   loss = sum_i f_i(y_i) + lambda sum_u n_u^s |x_u|^2,
     *   f_i(y) = sum over ALL users u of c_ui (p_ui - x_u.y)^2 + reg_i |y|^2
     * </pre>
     * where {@code sum_u |x_u|^2 = trace XtX} comes from the Gram matrix the half-step needs anyway.
     * The standalone {@link #loss} instead takes one more pass over all stored cells, gathering a
     * factor row for each: on Last.fm-sized data about a fifth of an iteration, where this adds 3-10%
     * (docs/performance.md). With CG the row objectives come from CG's running residual, which float
     * rounding moves by a few 1e-7 of each row's confidence sum ({@link CgMath#rowObjective}); the
     * errors partly cancel in the loss, which stays within 1e-6 relative of {@link #loss}
     * (RowObjectiveTest, where at most 5e-8 was seen).
     */
    public double solveItemsAndLoss(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        return solveItemsAndLoss(users(userFactors), items(itemFactors), cancelled);
    }

    /** {@link #solveItemsAndLoss(float[], float[], BooleanSupplier)} on typed tables. */
    public double solveItemsAndLoss(FactorTable userFactors, FactorTable itemFactors, BooleanSupplier cancelled) {
        double[] objective = new double[matrix.numItems()];
        HalfStep step = halfStep(userFactors, itemFactors, matrix.itemPtr(), matrix.itemUsers(), itemCm1, objective, cancelled);
        run(step, itemChunks, cancelled);
        double total = 0;
        for (double f : objective) {
            total += f;
        }
        double lambda = params.lambda();
        if (params.scaleLambdaByCount()) {
            return total + lambda * countWeightedNorms(userFactors, matrix.userPtr(), 0, matrix.numUsers());
        }
        // sum_u |x_u|^2 = trace XtX
        double[] gx = step.gram();
        for (int f = 0; f < k; f++) {
            total += lambda * gx[f * k + f];
        }
        return total;
    }

    public double solveItemsAndLoss(float[] userFactors, float[] itemFactors) {
        return solveItemsAndLoss(userFactors, itemFactors, NEVER);
    }

    public void solveUsers(float[] userFactors, float[] itemFactors) {
        solveUsers(userFactors, itemFactors, NEVER);
    }

    public void solveItems(float[] userFactors, float[] itemFactors) {
        solveItems(userFactors, itemFactors, NEVER);
    }

    private HalfStep halfStep(FactorTable fixed, FactorTable target, int[] ptr, int[] cols,
                              float[] cm1, double[] objective, BooleanSupplier cancelled) {
        double[] gram = gram(fixed, cancelled);
        float[] gramF = new float[gram.length];
        for (int q = 0; q < gram.length; q++) {
            gramF[q] = (float) gram[q];
        }
        return new HalfStep(k, fixed, target, ptr, cols, cm1, gram, gramF, params.lambda(), params.scaleLambdaByCount(), objective);
    }

    private void run(HalfStep step, int[] chunks, BooleanSupplier cancelled) {
        run(solver, step, chunks, cancelled);
    }

    /** {@link #run} with the solver's workspace type named, so that its workspaces need no cast. */
    private <W> void run(RowSolver<W> rowSolver, HalfStep step, int[] chunks, BooleanSupplier cancelled) {
        parallel.forEachChunk(chunks, t -> rowSolver.newWorkspace(k), (c, from, to, ws) -> rowSolver.solveRows(step, from, to, ws), cancelled);
    }

    /** {@code FtF} (k x k, double, row-major) of a factor table with {@code rows} rows. */
    public double[] gram(float[] factors, int rows, BooleanSupplier cancelled) {
        return gram(FactorTable.of(factors, rows, k, "factor table"), cancelled);
    }

    /** {@code FtF} (k x k, double, row-major) of a factor table. */
    public double[] gram(FactorTable factors, BooleanSupplier cancelled) {
        int[] bounds = parallel.chunks(factors.rows(), null, 1, 4);
        int chunks = bounds.length - 1;
        double[][] partial = new double[chunks][];
        parallel.forEachChunk(bounds, t -> null, (c, from, to, ws) -> {
            double[] g = new double[k * k];
            kernels.gramUpper(factors, from, to, g);
            partial[c] = g;
        }, cancelled);
        double[] out = new double[k * k];
        for (double[] g : partial) {
            for (int q = 0; q < out.length; q++) {
                out[q] += g[q];
            }
        }
        Gram.mirror(out, k);
        return out;
    }

    /**
     * The full loss over all users x artists cells, without forming the dense matrix:
     * <pre>
     *   sum_u [ x_u' YtY x_u + sum_{i in u} ( c_ui (1 - x_u.y_i)^2 - (x_u.y_i)^2 ) ]
     *     + lambda (sum_u n_u^s |x_u|^2 + sum_i n_i^s |y_i|^2)
     * </pre>
     * (every cell contributes {@code (x_u.y_i)^2} with confidence 1 through the YtY term; the stored
     * cells replace it by their true term; {@code s = 1} under ALS-WR, else 0). The first term is
     * {@code sum_u x_u' YtY x_u = <YtY, XtX>} (the sum of the entrywise products of the two Gram
     * matrices), and without ALS-WR the regularisation is {@code lambda (trace XtX + trace YtY)}.
     * Costs {@code O(nnz k + (users + artists) k^2 / 2)}.
     */
    public double loss(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        return loss(users(userFactors), items(itemFactors), cancelled);
    }

    /** {@link #loss(float[], float[], BooleanSupplier)} on typed tables. */
    public double loss(FactorTable userFactors, FactorTable itemFactors, BooleanSupplier cancelled) {
        double[] gy = gram(itemFactors, cancelled);
        double[] gx = gram(userFactors, cancelled);
        int[] ptr = matrix.userPtr();
        int[] cols = matrix.userItems();
        double lambda = params.lambda();
        boolean scaled = params.scaleLambdaByCount();
        double[] partial = new double[userChunks.length - 1];
        parallel.forEachChunk(userChunks, t -> null, (c, from, to, ws) -> {
            double sum = kernels.storedCells(userFactors, itemFactors, ptr, cols, userCm1, from, to);
            if (scaled) {
                sum += lambda * countWeightedNorms(userFactors, ptr, from, to);
            }
            partial[c] = sum;
        }, cancelled);
        // sum_u x_u' YtY x_u = sum_fg YtY[f, g] XtX[f, g]
        double total = 0;
        for (int q = 0; q < gx.length; q++) {
            total += gy[q] * gx[q];
        }
        for (double v : partial) {
            total += v;
        }
        if (scaled) {
            total += lambda * countWeightedNorms(itemFactors, matrix.itemPtr(), 0, matrix.numItems());
        } else {
            // sum_u |x_u|^2 = trace XtX
            for (int f = 0; f < k; f++) {
                total += lambda * (gx[f * k + f] + gy[f * k + f]);
            }
        }
        return total;
    }

    /** {@code sum_r n_r |f_r|^2} over rows {@code [from, to)}, with {@code n_r} the row's non-zeros. */
    private double countWeightedNorms(FactorTable table, int[] ptr, int from, int to) {
        final float[] factors = table.data();
        double total = 0;
        for (int r = from; r < to; r++) {
            double norm = 0;
            int o = table.offset(r);
            for (int f = 0; f < k; f++) {
                norm += (double) factors[o + f] * factors[o + f];
            }
            total += (double) (ptr[r + 1] - ptr[r]) * norm;
        }
        return total;
    }

    public double loss(float[] userFactors, float[] itemFactors) {
        return loss(userFactors, itemFactors, NEVER);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
