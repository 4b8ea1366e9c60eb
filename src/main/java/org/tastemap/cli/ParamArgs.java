package org.tastemap.cli;

import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;
import picocli.CommandLine.Option;

/** ALS parameters; unset options keep {@link AlsParams#defaults()}. */
public final class ParamArgs {
    @Option(names = "--factors", paramLabel = "K", description = "Factors per user and artist (default 64).")
    Integer factors;

    @Option(names = "--alpha", paramLabel = "A", description = "Confidence scale alpha.")
    Double alpha;

    @Option(names = "--confidence", paramLabel = "linear|log|bm25", description = "How plays become confidence.")
    String confidence;

    @Option(names = "--eps", paramLabel = "E", description = "Eps of log confidence: c = 1 + alpha log(1 + r/eps).")
    Double eps;

    @Option(names = "--bm25-k1", paramLabel = "K1", description = "BM25 K1 (with --confidence bm25).")
    Double k1;

    @Option(names = "--bm25-b", paramLabel = "B", description = "BM25 B (with --confidence bm25).")
    Double b;

    @Option(names = "--lambda", paramLabel = "L", description = "Regularisation lambda.")
    public Double lambda;

    @Option(names = "--scale-lambda", description = "ALS-WR: multiply lambda by each row's number of non-zeros (as Spark does).")
    boolean scaleLambda;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations.")
    Integer iterations;

    @Option(names = "--solver", paramLabel = "cg|cholesky", description = "Row solver: conjugate gradient (fast) or exact Cholesky.")
    String solver;

    @Option(names = "--cg-steps", paramLabel = "N", description = "Conjugate-gradient steps per row (default 3).")
    Integer cgSteps;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random start and the holdout split.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    /** The parameters as given, checked; unset ones keep their defaults. */
    public AlsParams params() {
        AlsParams p = AlsParams.defaults();
        if (factors != null) {
            p = p.withFactors(factors);
        }
        if (alpha != null) {
            p = p.withAlpha(alpha);
        }
        if (confidence != null) {
            p = p.withConfidence(ConfidenceKind.parse(confidence));
        }
        if (eps != null) {
            p = p.withEps(eps);
        }
        if (k1 != null || b != null) {
            p = p.withBm25(k1 != null ? k1 : p.bm25K1(), b != null ? b : p.bm25B());
        }
        if (lambda != null) {
            p = p.withLambda(lambda);
        }
        if (scaleLambda) {
            p = p.withScaleLambdaByCount(true);
        }
        if (iterations != null) {
            p = p.withIterations(iterations);
        }
        if (solver != null) {
            p = p.withSolver(SolverKind.parse(solver));
        }
        if (cgSteps != null) {
            p = p.withCgSteps(cgSteps);
        }
        if (seed != null) {
            p = p.withSeed(seed);
        }
        if (threads != null) {
            p = p.withThreads(threads);
        }
        return p.validate();
    }
}
