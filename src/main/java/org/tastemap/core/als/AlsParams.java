package org.tastemap.core.als;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008).
 *
 * <ul>
 *   <li>preference {@code p_ui = 1 if r_ui > 0 else 0};</li>
 *   <li>confidence {@code c_ui = 1 + alpha * r_ui} (linear), {@code 1 + alpha * log(1 + r_ui / eps)} (log),
 *       or {@code 1 + alpha * bm25(r_ui)} with {@code bm25K1} and {@code bm25B};</li>
 *   <li>loss {@code sum over ALL cells c_ui (p_ui - x_u.y_i)^2 + lambda (sum |x_u|^2 + sum |y_i|^2)};
 *       with {@code scaleLambdaByCount} each row's term is multiplied by its number of non-zeros
 *       (ALS-WR, as Spark does).</li>
 * </ul>
 *
 * @param factors            k, the length of each factor vector
 * @param alpha              confidence scale
 * @param confidence         how plays become confidence
 * @param eps                the eps of log confidence
 * @param bm25K1             BM25 K1 (term-frequency saturation)
 * @param bm25B              BM25 B (length normalisation)
 * @param lambda             regularisation weight
 * @param scaleLambdaByCount ALS-WR: lambda times the row's number of non-zeros
 * @param iterations         number of full iterations (users, then artists)
 * @param solver             CG or exact Cholesky
 * @param cgSteps            CG steps per row per half-step
 * @param seed               seed of the random start
 * @param threads            worker threads (0 = all cores)
 */
public record AlsParams(int factors, double alpha, ConfidenceKind confidence, double eps, double bm25K1, double bm25B,
                        double lambda, boolean scaleLambdaByCount, int iterations, SolverKind solver, int cgSteps,
                        long seed, int threads) {

    /**
     * The defaults, chosen by the held-out sweep on generated data with realistic play counts
     * (README, "Choosing the defaults").
     */
    public static AlsParams defaults() {
        return new AlsParams(64, 1.0, ConfidenceKind.LOG, 1.0, 100, 0.8, 100.0, false, 15, SolverKind.CG, 3, 42L, 0);
    }

    /** Problems with these parameters, each a sentence a person understands; empty when valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (factors < 1 || factors > 1024) {
            out.add("Factors must be between 1 and 1024 (got " + factors + ").");
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            out.add("Alpha must be a finite number of at least 0 (got " + alpha + ").");
        }
        if (confidence == null) {
            out.add("Choose a confidence: linear, log or bm25.");
        }
        if (confidence == ConfidenceKind.LOG && (!(eps > 0) || Double.isInfinite(eps))) {
            out.add("Eps of log confidence must be a finite number above 0 (got " + eps + ").");
        }
        if (confidence == ConfidenceKind.BM25 && (!(bm25K1 > 0) || Double.isInfinite(bm25K1))) {
            out.add("BM25 K1 must be a finite number above 0 (got " + bm25K1 + ").");
        }
        if (confidence == ConfidenceKind.BM25 && !(bm25B >= 0 && bm25B <= 1)) {
            out.add("BM25 B must be between 0 and 1 (got " + bm25B + ").");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            out.add("Lambda must be a finite number of at least 0 (got " + lambda + ").");
        }
        if (iterations < 0 || iterations > 10_000) {
            out.add("Iterations must be between 0 and 10000 (got " + iterations + ").");
        }
        if (solver == null) {
            out.add("Choose a solver: cg or cholesky.");
        }
        if (cgSteps < 1 || cgSteps > 1000) {
            out.add("CG steps must be between 1 and 1000 (got " + cgSteps + ").");
        }
        if (threads < 0 || threads > 1024) {
            out.add("Threads must be between 0 (all cores) and 1024 (got " + threads + ").");
        }
        return out;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if any. */
    public AlsParams validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", p));
        }
        return this;
    }

    /** The number of worker threads to use: {@code threads}, or all cores when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public AlsParams withFactors(int v) {
        return new AlsParams(v, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withAlpha(double v) {
        return new AlsParams(factors, v, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withConfidence(ConfidenceKind v) {
        return new AlsParams(factors, alpha, v, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withEps(double v) {
        return new AlsParams(factors, alpha, confidence, v, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withBm25(double k1, double b) {
        return new AlsParams(factors, alpha, confidence, eps, k1, b, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withLambda(double v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, v, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withScaleLambdaByCount(boolean v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, v, iterations, solver, cgSteps, seed, threads);
    }

    public AlsParams withIterations(int v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, v, solver, cgSteps, seed, threads);
    }

    public AlsParams withSolver(SolverKind v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, v, cgSteps, seed, threads);
    }

    public AlsParams withCgSteps(int v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, v, seed, threads);
    }

    public AlsParams withSeed(long v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, v, threads);
    }

    public AlsParams withThreads(int v) {
        return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, v);
    }
}
