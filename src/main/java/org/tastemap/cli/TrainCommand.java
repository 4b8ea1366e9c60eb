package org.tastemap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.als.IterationReport;
import org.tastemap.core.model.NonFiniteConfidenceException;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.linalg.VectorSupport;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.SolverKind;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportResult;
import org.tastemap.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Import a file, train implicit ALS, and save the model.")
final class TrainCommand implements Callable<Integer> {
    /** Held-out metrics during training use at most this many test users (a seeded sample, as the app's). */
    static final int EVAL_USERS = Holdout.EVAL_USERS;

    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Mixin
    ParamArgs paramArgs = new ParamArgs();

    @Option(names = "--loss", description = "Compute the full loss after every iteration.")
    boolean loss;

    @Option(names = "--holdout", paramLabel = "F", description = "Hold out this share of each user's artists (users with 5 or more) and report held-out metrics;"
            + " the saved model is then trained again on all rows with the same settings.")
    Double holdout;

    @Option(names = "--auto", description = "Tune the settings first (as tune does, on the training rows), then train with the chosen ones;"
            + " --factors and --confidence, when given, fix those settings.")
    boolean auto;

    @Mixin
    TuneCommand.TuneArgs tuneArgs = new TuneCommand.TuneArgs();

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the model.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        AlsParams requested = paramArgs.params();
        // what can be checked without the data is checked before the import, which may take minutes
        if (holdout != null && !(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("--holdout must be between 0 and 1, exclusive (got " + holdout + ")");
        }
        org.tastemap.core.tune.TuneOptions tuneOptions = auto ? tuneArgs.options(requested,
                paramArgs.factors == null ? null : java.util.List.of(requested.factors()),
                paramArgs.confidence == null ? null : java.util.List.of(requested.confidence())) : null;
        if (!auto && (tuneArgs.budget != null || tuneArgs.alphas != null || tuneArgs.lambdas != null || tuneArgs.noRefine)) {
            throw new IllegalArgumentException("--budget, --alphas, --lambdas and --no-refine need --auto");
        }
        OutputPaths.checkFile("--out", out);
        ImportResult imported = importArgs.importFile();
        Dataset data = imported.dataset();
        w.printf("imported %,d users, %,d artists, %,d rows (%,d rows skipped)%n", data.users().size(), data.artists().size(),
                data.matrix().nnz(), imported.report().skippedRows());
        AlsParams params = requested;
        if (paramArgs.lambda == null) {
            // no --lambda: the default scales with the data (DefaultLambda), chosen on every row so that the
            // held-out run and the saved model use the same value
            params = DefaultLambda.apply(data.matrix(), requested);
            w.printf(Locale.ROOT, "default lambda for this data: %.4g (the smaller of sqrt(listeners) and %s x the largest"
                    + " singular value of the confidence matrix)%n", params.lambda(), DefaultLambda.SIGMA_SHARE);
        }
        Function<FactorModel, Metrics> evaluator = null;
        Dataset trainData = data;
        if (holdout != null) {
            // the protocol the app's Train screen uses too: one split rule, one sample of evaluated listeners
            Holdout protocol = new Holdout(holdout, params.seed());
            TrainTestSplit split = protocol.split(data.matrix());
            trainData = data.withMatrix(split.train());
            Metrics pop = protocol.evaluate(Scorer.popularity(split.train()), split, params.effectiveThreads());
            w.println("most popular baseline: " + pop);
            int threads = params.effectiveThreads();
            evaluator = m -> protocol.evaluate(Scorer.of(m), split, threads);
        }
        Map<String, String> tuned = Map.of();
        if (auto) {
            // the defaults candidate is the settings train would use without --auto (the data's lambda unless --lambda)
            org.tastemap.core.tune.TuneResult t = TuneCommand.tune(w, trainData, tuneOptions.withBase(params), false);
            if (t.chosen() == null || t.status() == org.tastemap.core.tune.TuneResult.Status.CANCELLED) {
                spec.commandLine().getErr().println("tastemap: the tune was stopped before it could choose. Nothing was saved; " + out
                        + (java.nio.file.Files.exists(out) ? " is unchanged." : " was not written."));
                return 1;
            }
            params = t.chosen().candidate().params();
            tuned = TuneReport.metadata(t, tuneOptions);
        }
        w.printf(Locale.ROOT, "training k=%d alpha=%s %s lambda=%s%s, %s x%d, %d threads, %s kernels%n", params.factors(),
                params.alpha(), params.confidence().name().toLowerCase(Locale.ROOT), params.lambda(),
                params.scaleLambdaByCount() ? " (scaled by count)" : "", params.solver() == SolverKind.CG ? "cg" : "cholesky",
                params.solver() == SolverKind.CG ? params.cgSteps() : 1, params.effectiveThreads(), VectorSupport.describe());
        w.flush();
        TrainingOptions options = TrainingOptions.quiet().withLoss(loss).withEvaluator(evaluator).withListener(r -> print(w, r));
        TrainingResult result = train(trainData, params, options);
        if (result.completed() && holdout != null) {
            // the split served to evaluate; the saved model learns from every row, so that nothing a listener
            // played (held out or not) is recommended to them, and explanations see every play
            w.printf("final model: all %,d rows, the same settings and %d iterations%n", data.matrix().nnz(), params.iterations());
            w.flush();
            trainData = data;
            result = train(data, params, TrainingOptions.quiet().withLoss(loss).withListener(r -> print(w, "final ", r)));
        }
        if (!result.completed()) {
            // a failed run never writes --out: an existing model there stays as it was
            PrintWriter err = spec.commandLine().getErr();
            err.println("tastemap: " + result.message() + " Nothing was saved; " + out
                    + (java.nio.file.Files.exists(out) ? " is unchanged." : " was not written."));
            if (result.status() == TrainingResult.Status.DIVERGED) {
                Confidence.Cell c = Confidence.largest(trainData.matrix(), Confidence.of(params, trainData.matrix()).userOrder(trainData.matrix()));
                if (c != null && !(c.minusOne() <= AlsTrainer.ABSURD_CONFIDENCE)) {
                    err.printf(Locale.ROOT, "tastemap: the largest confidence is listener %s's, for artist '%s' (%.1e plays)%n",
                            trainData.users().id(c.user()), trainData.artistName(c.item()), c.plays());
                }
            }
            return 1;
        }
        Map<String, String> meta = provenance(params, data.matrix().nnz());
        meta.putAll(tuned);
        ModelFile.save(out, new TrainedModel(data, result.model(), meta));
        w.println("saved " + out);
        return 0;
    }

    /** Trains, turning the engine's check of the confidences into a sentence that names the listener and the artist. */
    static TrainingResult train(Dataset data, AlsParams params, TrainingOptions options) {
        try {
            return AlsTrainer.train(data.matrix(), params, options);
        } catch (NonFiniteConfidenceException e) {
            throw new IllegalArgumentException(e.describe(data.users().id(e.user()), data.artistName(e.item())), e);
        }
    }

    /** What the saved model records about its making (keys in {@link ModelMetadata}). */
    Map<String, String> provenance(AlsParams params, long rows) {
        Map<String, String> m = provenance(importArgs, "tastemap train", rows);
        if (holdout != null) {
            Map<String, String> all = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (k.equals(ModelMetadata.TRAINED_ON)) {
                    all.put(ModelMetadata.HOLDOUT, holdout.toString());
                    all.put(ModelMetadata.HOLDOUT_SEED, Long.toString(params.seed()));
                }
                all.put(k, v);
            });
            return all;
        }
        return m;
    }

    /** Provenance, then {@code trained.on = all} and the rows, for a model trained on every row of the input. */
    static Map<String, String> provenance(ImportArgs importArgs, String createdBy, long rows) {
        Path name = importArgs.input.getFileName();
        Map<String, String> m = ModelMetadata.provenance(createdBy, Cli.version(),
                name == null ? importArgs.input.toString() : name.toString());
        m.put(ModelMetadata.TRAINED_ON, "all");
        m.put(ModelMetadata.TRAINED_ROWS, Long.toString(rows));
        return m;
    }

    static void print(PrintWriter w, IterationReport r) {
        print(w, "", r);
    }

    static void print(PrintWriter w, String prefix, IterationReport r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%siteration %3d  %7.3f s", prefix, r.iteration(), r.seconds()));
        if (r.hasLoss()) {
            line.append(String.format(Locale.ROOT, "  loss %.6g", r.loss()));
        }
        if (r.metrics() != null) {
            line.append("  ").append(r.metrics());
        }
        w.println(line);
        w.flush();
    }
}
