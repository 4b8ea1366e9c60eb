package org.tastemap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The grid search behind the defaults: held-out MAP@10 (and the rest) for every combination of
 * confidence, alpha, lambda and factors, beside the most-popular baseline, on one seeded split.
 */
@Command(name = "sweep", description = "Held-out quality over a grid of confidence, alpha, lambda and factors (how the defaults were chosen).")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Option(names = "--confidence", split = ",", defaultValue = "linear,log,bm25", paramLabel = "KINDS")
    String[] confidences;

    @Option(names = "--alpha", split = ",", defaultValue = "0.1,1,10,40", paramLabel = "A,...")
    double[] alphas;

    @Option(names = "--lambda", split = ",", defaultValue = "0.01,0.1,1,10", paramLabel = "L,...")
    double[] lambdas;

    @Option(names = "--factors", split = ",", defaultValue = "64", paramLabel = "K,...")
    int[] factors;

    @Option(names = "--scale-lambda", description = "ALS-WR: every candidate multiplies lambda by each row's number of non-zeros (as Spark does).")
    boolean scaleLambda;

    @Option(names = "--with-default", description = "Also train, for each confidence, factors and alpha, with the default lambda for this data (a row named default).")
    boolean withDefault;

    @Option(names = "--iterations", defaultValue = "15", paramLabel = "N")
    int iterations;

    @Option(names = "--users", defaultValue = "5000", paramLabel = "N", description = "Test users evaluated (a seeded sample).")
    int users;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        InteractionMatrix all = importArgs.importFile().dataset().matrix();
        TrainTestSplit split = TrainTestSplit.split(all, 0.2, 5, seed);
        int threads = Runtime.getRuntime().availableProcessors();
        Metrics pop = RankingMetrics.evaluate(Scorer.popularity(split.train()), split.train(), split.test(), 10, users, seed, threads);
        w.printf("%-8s %8s %8s %5s %9s %9s %9s %9s %9s%n", "conf", "alpha", "lambda", "k", "p@10", "map@10", "ndcg@10", "auc", "epr");
        w.printf(Locale.ROOT, "%-8s %8s %8s %5s %9.4f %9.4f %9.4f %9.4f %9.4f%n", "popular", "-", "-", "-", pop.precisionAtK(),
                pop.mapAtK(), pop.ndcgAtK(), pop.auc(), pop.expectedPercentileRank());
        w.flush();
        for (String c : confidences) {
            for (int k : factors) {
                for (double a : alphas) {
                    if (withDefault) {
                        // the data-scaled default lambda of this training matrix, as train chooses it
                        AlsParams p = DefaultLambda.apply(split.train(), AlsParams.defaults().withConfidence(ConfidenceKind.parse(c))
                                .withAlpha(a).withFactors(k).withIterations(iterations).withSeed(seed).withScaleLambdaByCount(scaleLambda));
                        FactorModel m = AlsTrainer.train(split.train(), p, TrainingOptions.quiet()).model();
                        Metrics q = RankingMetrics.evaluate(Scorer.of(m), split.train(), split.test(), 10, users, seed, threads);
                        w.printf(Locale.ROOT, "%-8s %8s %8.2f %5d %9.4f %9.4f %9.4f %9.4f %9.4f%n", "default", a, p.lambda(), k, q.precisionAtK(),
                                q.mapAtK(), q.ndcgAtK(), q.auc(), q.expectedPercentileRank());
                        w.flush();
                    }
                    for (double l : lambdas) {
                        AlsParams p = AlsParams.defaults().withConfidence(ConfidenceKind.parse(c)).withAlpha(a).withLambda(l)
                                .withFactors(k).withIterations(iterations).withSeed(seed).withScaleLambdaByCount(scaleLambda);
                        FactorModel m = AlsTrainer.train(split.train(), p, TrainingOptions.quiet()).model();
                        Metrics q = RankingMetrics.evaluate(Scorer.of(m), split.train(), split.test(), 10, users, seed, threads);
                        w.printf(Locale.ROOT, "%-8s %8s %8s %5d %9.4f %9.4f %9.4f %9.4f %9.4f%n", c, a, l, k, q.precisionAtK(),
                                q.mapAtK(), q.ndcgAtK(), q.auc(), q.expectedPercentileRank());
                        w.flush();
                    }
                }
            }
        }
        return 0;
    }
}
