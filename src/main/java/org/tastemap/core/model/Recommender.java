package org.tastemap.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.linalg.FactorTable;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.linalg.RowSystem;
import org.tastemap.core.linalg.ScoreKernels;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;

/**
 * The queries over a trained model:
 * <ul>
 *   <li>similar artists: cosine of artist factors, {@code y_i.y_j / (|y_i| |y_j|)}, the artist itself excluded;</li>
 *   <li>similar users: the same over user factors;</li>
 *   <li>recommendations: {@code x_u.y_i} over the artists the user has not played;</li>
 *   <li>explanations (HKV section 5) and fold-in of a new listener, both exact solves.</li>
 * </ul>
 * Thread-safe: the norms are computed once at construction, and the Gram matrix lazily under a lock.
 */
public final class Recommender {
    /** Artists scored at a time by the queries: 4 KB of scores, in L1. */
    private static final int QUERY_TILE = 1024;
    private final TrainedModel trained;
    private final FactorModel model;
    private final InteractionMatrix matrix;
    private final int k;
    private final float[] itemNorms;
    private final float[] userNorms;
    /** The artist factors packed for {@link ScoreKernels}, built once per model. */
    private final ScoreKernels kernels;
    private final float[] packedItems;
    private volatile double[] itemGram;
    private volatile Confidence confidence;

    public Recommender(TrainedModel trained) {
        this.trained = trained;
        this.model = trained.factors();
        this.matrix = trained.dataset().matrix();
        this.k = model.factors();
        this.itemNorms = norms(model.itemFactors(), model.numItems(), k);
        this.userNorms = norms(model.userFactors(), model.numUsers(), k);
        this.kernels = ScoreKernels.fastest();
        this.packedItems = kernels.pack(model.itemFactors(), model.numItems(), k);
    }

    public TrainedModel trained() {
        return trained;
    }

    public FactorModel model() {
        return model;
    }

    private static float[] norms(float[] f, int rows, int k) {
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int o = r * k;
            for (int c = 0; c < k; c++) {
                s += (double) f[o + c] * f[o + c];
            }
            out[r] = (float) Math.sqrt(s);
        }
        return out;
    }

    /** The n artists most cosine-similar to artist {@code item}, best first, itself excluded. */
    public List<ScoredItem> similarArtists(int item, int n) {
        return similarArtists(item, n, null);
    }

    /**
     * The n artists most cosine-similar to artist {@code item} among those {@code allowed} accepts
     * (null accepts all), best first, itself excluded. The cosines are those of the unfiltered list.
     */
    public List<ScoredItem> similarArtists(int item, int n, IntPredicate allowed) {
        int rows = model.numItems();
        checkIndex(item, rows);
        TopN top = new TopN(Math.min(n, Math.max(0, rows - 1)));
        float no = itemNorms[item];
        if (no == 0 || top.capacity() == 0) {
            return List.of();
        }
        // the dots y_item . y_r a tile at a time from the packed artists; the threshold check comes first
        float[] dots = new float[QUERY_TILE];
        int w = kernels.panelWidth();
        int panels = kernels.panels(rows);
        for (int p0 = 0; p0 < panels; p0 += QUERY_TILE / w) {
            int p1 = Math.min(panels, p0 + QUERY_TILE / w);
            int j0 = p0 * w;
            int len = Math.min(rows, p1 * w) - j0;
            kernels.scoreOne(model.itemFactors(), item * k, k, packedItems, p0, p1, dots);
            float th = top.threshold();
            for (int j = 0; j < len; j++) {
                int r = j0 + j;
                if (r == item || itemNorms[r] == 0) {
                    continue;
                }
                float cos = dots[j] / (no * itemNorms[r]);
                if (cos >= th && (allowed == null || allowed.test(r))) {
                    top.offer(r, cos);
                    th = top.threshold();
                }
            }
        }
        return top.sorted();
    }

    /** The n users most cosine-similar to user {@code user}, best first, the user excluded. */
    public List<ScoredItem> similarUsers(int user, int n) {
        return similarUsers(user, n, null);
    }

    /**
     * The n users most cosine-similar to {@code user} among those {@code allowed} accepts (null
     * accepts all; e.g. the listeners whose histories a sampled model holds), best first.
     */
    public List<ScoredItem> similarUsers(int user, int n, IntPredicate allowed) {
        // user factors are not packed (92 MB more at full size): the plain loop
        return cosineNeighbours(model.userFactors(), userNorms, model.numUsers(), user, n, allowed);
    }

    private List<ScoredItem> cosineNeighbours(float[] f, float[] norm, int rows, int of, int n, IntPredicate allowed) {
        checkIndex(of, rows);
        TopN top = new TopN(Math.min(n, Math.max(0, rows - 1)));
        float no = norm[of];
        if (no == 0) {
            return List.of();
        }
        int o = of * k;
        for (int r = 0; r < rows; r++) {
            if (r == of || norm[r] == 0 || (allowed != null && !allowed.test(r))) {
                continue;
            }
            int ro = r * k;
            float dot = 0;
            for (int c = 0; c < k; c++) {
                dot += f[o + c] * f[ro + c];
            }
            top.offer(r, dot / (no * norm[r]));
        }
        return top.sorted();
    }

    /**
     * The top n artists for {@code user} by {@code x_u.y_i}, skipping the artists the user played
     * and those {@code allowed} rejects (null allows all). n larger than the catalogue means all.
     *
     * @throws IllegalArgumentException when the model lacks the user's history (a sampled model)
     */
    public List<ScoredItem> recommend(int user, int n, IntPredicate allowed) {
        checkIndex(user, model.numUsers());
        requireHistory(user);
        int[] ptr = matrix.userPtr();
        int[] played = Arrays.copyOfRange(matrix.userItems(), ptr[user], ptr[user + 1]);
        return recommendFor(model.userFactors(), user * k, played, n, allowed);
    }

    /** Recommendations for a free factor vector x (for example a folded-in listener), skipping {@code exclude} (sorted). */
    public List<ScoredItem> recommendFor(float[] x, int[] excludeSorted, int n, IntPredicate allowed) {
        if (x.length != k) {
            throw new IllegalArgumentException("vector has " + x.length + " factors, the model " + k);
        }
        return recommendFor(x, 0, excludeSorted, n, allowed);
    }

    private List<ScoredItem> recommendFor(float[] xs, int xo, int[] excludeSorted, int n, IntPredicate allowed) {
        // no list is longer than the catalogue: memory follows the catalogue, not the request
        TopN top = new TopN(Math.max(0, Math.min(n, model.numItems())));
        if (top.capacity() == 0) {
            return List.of();
        }
        int items = model.numItems();
        float[] scores = new float[QUERY_TILE];
        int w = kernels.panelWidth();
        int panels = kernels.panels(items);
        int e = 0;
        for (int p0 = 0; p0 < panels; p0 += QUERY_TILE / w) {
            int p1 = Math.min(panels, p0 + QUERY_TILE / w);
            int j0 = p0 * w;
            int len = Math.min(items, p1 * w) - j0;
            // x . y_i for a tile of artists, then the threshold check before the exclusions and the filter
            kernels.scoreOne(xs, xo, k, packedItems, p0, p1, scores);
            float th = top.threshold();
            for (int j = 0; j < len; j++) {
                int i = j0 + j;
                if (e < excludeSorted.length && excludeSorted[e] == i) {
                    e++;
                    continue;
                }
                float s = scores[j];
                if (s >= th && (allowed == null || allowed.test(i))) {
                    top.offer(i, s);
                    th = top.threshold();
                }
            }
        }
        return top.sorted();
    }

    /**
     * Explains the score of artist {@code item} for {@code user}: the user's row is re-solved
     * exactly against the current artist factors, {@code x_u = W_u Yt Cu p(u)} with
     * {@code W_u = (YtY + Yt(Cu - I)Y + lambda I)^-1}; then {@code z = W_u y_i} and the played artist
     * j contributes {@code s_ij c_uj = (z . y_j) c_uj}.
     */
    public Explanation explain(int user, int item) {
        checkIndex(user, model.numUsers());
        checkIndex(item, model.numItems());
        requireHistory(user);
        int[] ptr = matrix.userPtr();
        int from = ptr[user];
        int to = ptr[user + 1];
        int[] items = Arrays.copyOfRange(matrix.userItems(), from, to);
        float[] plays = Arrays.copyOfRange(matrix.userValues(), from, to);
        float[] cm1 = confidence().rowMinusOne(items, plays);
        float[] y = model.itemFactors();
        LinearSolverDense<DMatrixRMaj> solver = factor(items, cm1, regularization(items.length));
        // z = W_u y_i  (W_u symmetric, so s_ij = y_i' W_u y_j = z . y_j)
        DMatrixRMaj yi = new DMatrixRMaj(k, 1);
        for (int c = 0; c < k; c++) {
            yi.data[c] = y[item * k + c];
        }
        DMatrixRMaj z = new DMatrixRMaj(k, 1);
        solver.solve(yi, z);
        List<Explanation.Contribution> parts = new ArrayList<>(items.length);
        double total = 0;
        for (int p = 0; p < items.length; p++) {
            int j = items[p];
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += z.data[c] * y[j * k + c];
            }
            double conf = 1.0 + cm1[p];
            parts.add(new Explanation.Contribution(j, plays[p], conf, s, s * conf));
            total += s * conf;
        }
        parts.sort((a, b) -> Double.compare(b.contribution(), a.contribution()));
        return new Explanation(user, item, total, model.score(user, item), List.copyOf(parts));
    }

    /**
     * Exact factors of a new listener given as artists and plays, solved against the current artist
     * factors without retraining: {@code x = (YtY + Yt(C - I)Y + lambda I)^-1 Yt C p}.
     * Repeated artists are summed.
     */
    public float[] foldIn(int[] items, float[] plays) {
        if (items.length != plays.length) {
            throw new IllegalArgumentException("artists and plays differ in length");
        }
        // sort and merge duplicates, checking every entry
        long[] packed = new long[items.length];
        for (int p = 0; p < items.length; p++) {
            checkIndex(items[p], model.numItems());
            if (!(plays[p] > 0) || Float.isInfinite(plays[p])) {
                throw new IllegalArgumentException("plays must be positive, not " + plays[p]);
            }
            packed[p] = ((long) items[p] << 32) | p;
        }
        Arrays.sort(packed);
        int[] its = new int[items.length];
        float[] pls = new float[items.length];
        int n = 0;
        for (long v : packed) {
            int i = (int) (v >>> 32);
            float pl = plays[(int) v];
            if (n > 0 && its[n - 1] == i) {
                pls[n - 1] += pl;
            } else {
                its[n] = i;
                pls[n++] = pl;
            }
        }
        its = Arrays.copyOf(its, n);
        pls = Arrays.copyOf(pls, n);
        float[] cm1 = confidence().rowMinusOne(its, pls);
        double[] a = new double[k * k];
        double[] b = new double[k];
        int[] cols = new int[n];
        for (int p = 0; p < n; p++) {
            cols[p] = p;
        }
        RowSystem.assemble(itemGram(), FactorTable.plain(gatherRows(its), n, k), cols, cm1, 0, n, regularization(n), a, b);
        DMatrixRMaj am = DMatrixRMaj.wrap(k, k, a);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        solve(am).solve(DMatrixRMaj.wrap(k, 1, b), x);
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = (float) x.data[c];
        }
        return out;
    }

    private LinearSolverDense<DMatrixRMaj> factor(int[] items, float[] cm1, double reg) {
        double[] a = new double[k * k];
        double[] b = new double[k];
        int[] cols = new int[items.length];
        for (int p = 0; p < cols.length; p++) {
            cols[p] = p;
        }
        RowSystem.assemble(itemGram(), FactorTable.plain(gatherRows(items), items.length, k), cols, cm1, 0, items.length, reg, a, b);
        return solve(DMatrixRMaj.wrap(k, k, a));
    }

    /** The exact solver's decomposition, with its fallback for semi-definite systems ({@link RowSystem#factor}). */
    private LinearSolverDense<DMatrixRMaj> solve(DMatrixRMaj a) {
        return RowSystem.factor(a, new DMatrixRMaj(k, k), LinearSolverFactory_DDRM.chol(k), LinearSolverFactory_DDRM.pseudoInverse(true),
                "the listener's system");
    }

    private float[] gatherRows(int[] items) {
        float[] y = model.itemFactors();
        float[] out = new float[items.length * k];
        for (int p = 0; p < items.length; p++) {
            System.arraycopy(y, items[p] * k, out, p * k, k);
        }
        return out;
    }

    /**
     * Refuses a listener whose history a sampled model lacks: an explanation and the "already
     * played" filter would silently treat them as having played nothing.
     */
    private void requireHistory(int user) {
        if (!trained.holdsHistory(user)) {
            throw new IllegalArgumentException("the model holds no listening history for user "
                    + trained.dataset().users().id(user) + " (it holds " + trained.histories() + ")");
        }
    }

    private double regularization(int nnz) {
        AlsParams p = model.params();
        return p.scaleLambdaByCount() ? p.lambda() * nnz : p.lambda();
    }

    private Confidence confidence() {
        Confidence c = confidence;
        if (c == null) {
            c = Confidence.of(trained);
            confidence = c;
        }
        return c;
    }

    /** YtY of the artist factors, in double, computed on first use. */
    private double[] itemGram() {
        double[] g = itemGram;
        if (g == null) {
            synchronized (this) {
                g = itemGram;
                if (g == null) {
                    g = Gram.of(model.itemFactors(), model.numItems(), k);
                    itemGram = g;
                }
            }
        }
        return g;
    }

    private static void checkIndex(int i, int size) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size - 1));
        }
    }
}
