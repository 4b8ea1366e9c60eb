package org.tastemap.core.als;

import java.util.function.BooleanSupplier;
import org.tastemap.core.data.InteractionMatrix;

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
 */
public final class AlsEngine implements AutoCloseable {
    private static final BooleanSupplier NEVER = () -> false;

    private final InteractionMatrix matrix;
    private final AlsParams params;
    private final int k;
    private final float[] userCm1;
    private final float[] itemCm1;
    private final RowSolver solver;
    private final RowParallel parallel;
    private final int[] userChunks;
    private final int[] itemChunks;

    public AlsEngine(InteractionMatrix matrix, AlsParams params) {
        this(matrix, params, RowSolver.of(params));
    }

    public AlsEngine(InteractionMatrix matrix, AlsParams params, RowSolver solver) {
        params.validate();
        this.matrix = matrix;
        this.params = params;
        this.k = params.factors();
        Confidence confidence = Confidence.of(params, matrix);
        this.userCm1 = confidence.userOrder(matrix);
        this.itemCm1 = confidence.itemOrder(matrix);
        this.solver = solver;
        this.parallel = new RowParallel(params.effectiveThreads());
        // a row costs about k^2 (Gram products) + k * nnz: weigh rows as nnz + k
        this.userChunks = parallel.chunks(matrix.numUsers(), matrix.userPtr(), k, 32);
        this.itemChunks = parallel.chunks(matrix.numItems(), matrix.itemPtr(), k, 32);
    }

    public InteractionMatrix matrix() {
        return matrix;
    }

    public AlsParams params() {
        return params;
    }

    /** Solves every user row against the artist factors: {@code x_u} for all u. */
    public void solveUsers(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        HalfStep step = halfStep(itemFactors, userFactors, matrix.numUsers(), matrix.numItems(),
                matrix.userPtr(), matrix.userItems(), userCm1, cancelled);
        run(step, userChunks, cancelled);
    }

    /** Solves every artist row against the user factors: {@code y_i} for all i. */
    public void solveItems(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        HalfStep step = halfStep(userFactors, itemFactors, matrix.numItems(), matrix.numUsers(),
                matrix.itemPtr(), matrix.itemUsers(), itemCm1, cancelled);
        run(step, itemChunks, cancelled);
    }

    public void solveUsers(float[] userFactors, float[] itemFactors) {
        solveUsers(userFactors, itemFactors, NEVER);
    }

    public void solveItems(float[] userFactors, float[] itemFactors) {
        solveItems(userFactors, itemFactors, NEVER);
    }

    private HalfStep halfStep(float[] fixed, float[] target, int rows, int fixedRows, int[] ptr, int[] cols,
                              float[] cm1, BooleanSupplier cancelled) {
        double[] gram = gram(fixed, fixedRows, cancelled);
        float[] gramF = new float[gram.length];
        for (int q = 0; q < gram.length; q++) {
            gramF[q] = (float) gram[q];
        }
        return new HalfStep(k, fixed, target, rows, ptr, cols, cm1, gram, gramF, params.lambda(), params.scaleLambdaByCount());
    }

    private void run(HalfStep step, int[] chunks, BooleanSupplier cancelled) {
        parallel.forEachChunk(chunks, t -> solver.newWorkspace(k), (c, from, to, ws) -> {
            for (int r = from; r < to; r++) {
                solver.solve(step, r, ws);
            }
        }, cancelled);
    }

    /** {@code FtF} (k x k, double, row-major) of a factor table with {@code rows} rows. */
    public double[] gram(float[] factors, int rows, BooleanSupplier cancelled) {
        int[] bounds = parallel.chunks(rows, null, 1, 4);
        int chunks = bounds.length - 1;
        double[][] partial = new double[chunks][];
        parallel.forEachChunk(bounds, t -> null, (c, from, to, ws) -> {
            double[] g = new double[k * k];
            Gram.accumulateUpper(factors, k, from, to, g);
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
     * cells replace it by their true term; {@code s = 1} under ALS-WR, else 0). Costs
     * {@code O(nnz k + (users + artists) k^2)}.
     */
    public double loss(float[] userFactors, float[] itemFactors, BooleanSupplier cancelled) {
        double[] gram = gram(itemFactors, matrix.numItems(), cancelled);
        int[] ptr = matrix.userPtr();
        int[] cols = matrix.userItems();
        double lambda = params.lambda();
        boolean scaled = params.scaleLambdaByCount();
        double[] partial = new double[userChunks.length - 1];
        parallel.forEachChunk(userChunks, t -> new double[k], (c, from, to, ws) -> {
            double[] gx = (double[]) ws;
            double sum = 0;
            for (int u = from; u < to; u++) {
                int xo = u * k;
                // x_u' YtY x_u
                double quad = 0;
                double norm = 0;
                for (int f = 0; f < k; f++) {
                    double acc = 0;
                    int go = f * k;
                    for (int g = 0; g < k; g++) {
                        acc += gram[go + g] * userFactors[xo + g];
                    }
                    gx[f] = acc;
                    quad += acc * userFactors[xo + f];
                    norm += (double) userFactors[xo + f] * userFactors[xo + f];
                }
                double cells = 0;
                for (int q = ptr[u]; q < ptr[u + 1]; q++) {
                    int yo = cols[q] * k;
                    double s = 0;
                    for (int f = 0; f < k; f++) {
                        s += (double) userFactors[xo + f] * itemFactors[yo + f];
                    }
                    double conf = 1.0 + userCm1[q];
                    cells += conf * (1 - s) * (1 - s) - s * s;
                }
                double reg = scaled ? lambda * (ptr[u + 1] - ptr[u]) : lambda;
                sum += quad + cells + reg * norm;
            }
            partial[c] = sum;
        }, cancelled);
        double total = 0;
        for (double v : partial) {
            total += v;
        }
        int[] iptr = matrix.itemPtr();
        for (int i = 0; i < matrix.numItems(); i++) {
            double norm = 0;
            int yo = i * k;
            for (int f = 0; f < k; f++) {
                norm += (double) itemFactors[yo + f] * itemFactors[yo + f];
            }
            total += (scaled ? lambda * (iptr[i + 1] - iptr[i]) : lambda) * norm;
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
