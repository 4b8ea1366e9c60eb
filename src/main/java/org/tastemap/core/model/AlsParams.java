package org.tastemap.core.model;

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

    /** A builder that starts from these parameters. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    // the withers change one value each and keep the rest, through the builder

    public AlsParams withFactors(int v) {
        return toBuilder().factors(v).build();
    }

    public AlsParams withAlpha(double v) {
        return toBuilder().alpha(v).build();
    }

    public AlsParams withConfidence(ConfidenceKind v) {
        return toBuilder().confidence(v).build();
    }

    public AlsParams withEps(double v) {
        return toBuilder().eps(v).build();
    }

    public AlsParams withBm25(double k1, double b) {
        return toBuilder().bm25K1(k1).bm25B(b).build();
    }

    public AlsParams withLambda(double v) {
        return toBuilder().lambda(v).build();
    }

    public AlsParams withScaleLambdaByCount(boolean v) {
        return toBuilder().scaleLambdaByCount(v).build();
    }

    public AlsParams withIterations(int v) {
        return toBuilder().iterations(v).build();
    }

    public AlsParams withSolver(SolverKind v) {
        return toBuilder().solver(v).build();
    }

    public AlsParams withCgSteps(int v) {
        return toBuilder().cgSteps(v).build();
    }

    public AlsParams withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public AlsParams withThreads(int v) {
        return toBuilder().threads(v).build();
    }

    /** Parameters built one value at a time; {@link #build()} does not validate (call {@link AlsParams#validate()}). */
    public static final class Builder {
        private int factors;
        private double alpha;
        private ConfidenceKind confidence;
        private double eps;
        private double bm25K1;
        private double bm25B;
        private double lambda;
        private boolean scaleLambdaByCount;
        private int iterations;
        private SolverKind solver;
        private int cgSteps;
        private long seed;
        private int threads;

        private Builder(AlsParams p) {
            factors = p.factors;
            alpha = p.alpha;
            confidence = p.confidence;
            eps = p.eps;
            bm25K1 = p.bm25K1;
            bm25B = p.bm25B;
            lambda = p.lambda;
            scaleLambdaByCount = p.scaleLambdaByCount;
            iterations = p.iterations;
            solver = p.solver;
            cgSteps = p.cgSteps;
            seed = p.seed;
            threads = p.threads;
        }

        public Builder factors(int v) {
            factors = v;
            return this;
        }

        public Builder alpha(double v) {
            alpha = v;
            return this;
        }

        public Builder confidence(ConfidenceKind v) {
            confidence = v;
            return this;
        }

        public Builder eps(double v) {
            eps = v;
            return this;
        }

        public Builder bm25K1(double v) {
            bm25K1 = v;
            return this;
        }

        public Builder bm25B(double v) {
            bm25B = v;
            return this;
        }

        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        public Builder scaleLambdaByCount(boolean v) {
            scaleLambdaByCount = v;
            return this;
        }

        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        public Builder solver(SolverKind v) {
            solver = v;
            return this;
        }

        public Builder cgSteps(int v) {
            cgSteps = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public AlsParams build() {
            return new AlsParams(factors, alpha, confidence, eps, bm25K1, bm25B, lambda, scaleLambdaByCount, iterations, solver, cgSteps, seed, threads);
        }
    }
}
