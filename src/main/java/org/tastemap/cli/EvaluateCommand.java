package org.tastemap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.BeyondAccuracy;
import org.tastemap.core.eval.EvaluationDetail;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.Popularity;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.PerListenerTsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Held-out metrics of a saved model. The file is imported, mapped onto the model's users and
 * artists (unknown ones are left out), and split with the same seeded per-user holdout that
 * {@code train --holdout} uses for its per-iteration metrics. A model saved by {@code train} is
 * trained on all rows, so on the file it was trained on these metrics are optimistic, and the
 * output says so.
 */
@Command(name = "evaluate", description = {"Held-out precision@10, MAP@10, NDCG@10, AUC and percentile rank of a model, beside the most-popular baseline,",
        "and the catalogue coverage, mean popularity percentile and novelty of its top-10 lists."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Option(names = "--holdout", paramLabel = "F", defaultValue = "0.2", description = "Share of each user's artists held out (default ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the split (default: the model's training seed).")
    Long seed;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + Holdout.EVAL_USERS,
            description = "Evaluate at most N test users, a seeded sample (default ${DEFAULT-VALUE}, as train --holdout and the app).")
    int maxUsers;

    @Option(names = "--per-listener", paramLabel = "FILE",
            description = "Also write each evaluated listener's held-out artists with the rank each reached (TSV: listener, artist, plays, rank, in_top_10).")
    Path perListener;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (perListener != null) {
            OutputPaths.checkFile("--per-listener", perListener);
        }
        TrainedModel model = modelArgs.load();
        Dataset file = importArgs.importFile().dataset();
        InteractionMatrix mapped = remap(file, model.dataset());
        long s = seed != null ? seed : model.factors().params().seed();
        Holdout protocol = new Holdout(holdout, s);
        TrainTestSplit split = protocol.split(mapped);
        int threads = Runtime.getRuntime().availableProcessors();
        EvaluationDetail modelLists = new EvaluationDetail();
        EvaluationDetail popLists = new EvaluationDetail();
        Metrics m = protocol.evaluate(Scorer.of(model.factors()), split, maxUsers, threads, modelLists);
        Metrics pop = protocol.evaluate(Scorer.popularity(split.train()), split, maxUsers, threads, popLists);
        w.printf("%-14s %10s %10s %10s %10s %10s%n", "", "p@10", "map@10", "ndcg@10", "auc", "epr");
        row(w, "model", m);
        row(w, "most popular", pop);
        Popularity popularity = Popularity.of(model);
        w.printf("%-14s %10s %10s %10s%n", "", "coverage", "pop pct", "novelty");
        row(w, "model", BeyondAccuracy.of(modelLists, popularity));
        row(w, "most popular", BeyondAccuracy.of(popLists, popularity));
        w.printf("%,d test users; holdout %.2f, seed %d%n", m.users(), holdout, s);
        w.println("coverage: share of the catalogue in the top-10 lists; pop pct: mean popularity percentile of the listed artists"
                + " (100 = most listened); novelty: mean -log2(listeners / users) of the listed artists, in bits");
        if (perListener != null) {
            PerListenerTsv.write(perListener, model.dataset(), modelLists);
            w.printf("wrote the held-out artists of %,d listeners with their ranks to %s%n", modelLists.size(), perListener);
        }
        trainedOn(w, model.metadata(), importArgs.input);
        return 0;
    }

    /** What the model says it was trained on, and a warning when its training rows include these test rows. */
    static void trainedOn(PrintWriter w, Map<String, String> meta, Path input) {
        String on = meta.get(ModelMetadata.TRAINED_ON);
        if (on == null) {
            return;
        }
        String rows = meta.get(ModelMetadata.TRAINED_ROWS);
        String source = meta.getOrDefault(ModelMetadata.INPUT, "its input");
        StringBuilder line = new StringBuilder("model trained on ").append(on);
        if (rows != null && rows.matches("\\d+")) {
            line.append(String.format(" %,d", Long.parseLong(rows)));
        }
        line.append(" rows of ").append(source);
        if (meta.containsKey(ModelMetadata.HOLDOUT)) {
            line.append(" (holdout ").append(meta.get(ModelMetadata.HOLDOUT)).append(", seed ")
                    .append(meta.getOrDefault(ModelMetadata.HOLDOUT_SEED, "?")).append(" evaluated while training)");
        }
        w.println(line);
        Path name = input.getFileName();
        if ("all".equals(on) && name != null && name.toString().equals(source)) {
            w.println("note: the model was trained on every row of this file, the held-out rows included, so these metrics are"
                    + " optimistic; train --holdout prints the honest held-out metrics of each iteration");
        }
    }

    private static void row(PrintWriter w, String name, BeyondAccuracy b) {
        w.printf(java.util.Locale.ROOT, "%-14s %10.4f %10.2f %10.3f%n", name, b.coverage(), b.popularityPercentile(), b.novelty());
    }

    private static void row(PrintWriter w, String name, Metrics m) {
        w.printf(java.util.Locale.ROOT, "%-14s %10.4f %10.4f %10.4f %10.4f %10.4f%n", name, m.precisionAtK(), m.mapAtK(),
                m.ndcgAtK(), m.auc(), m.expectedPercentileRank());
    }

    /** The file's cells in the model's index space; users and artists the model does not know are left out. */
    static InteractionMatrix remap(Dataset file, Dataset model) {
        InteractionMatrix f = file.matrix();
        int[] userMap = new int[f.numUsers()];
        for (int u = 0; u < userMap.length; u++) {
            userMap[u] = model.users().indexOf(file.users().id(u));
        }
        int[] itemMap = new int[f.numItems()];
        for (int i = 0; i < itemMap.length; i++) {
            itemMap[i] = model.artists().indexOf(file.artists().id(i));
        }
        int[] us = new int[f.nnz()];
        int[] is = new int[f.nnz()];
        float[] vs = new float[f.nnz()];
        int n = 0;
        for (int u = 0; u < f.numUsers(); u++) {
            if (userMap[u] < 0) {
                continue;
            }
            for (int p = f.userPtr()[u]; p < f.userPtr()[u + 1]; p++) {
                int i = itemMap[f.userItems()[p]];
                if (i >= 0) {
                    us[n] = userMap[u];
                    is[n] = i;
                    vs[n++] = f.userValues()[p];
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the file shares no users and artists with the model");
        }
        return InteractionMatrix.fromTriplets(model.users().size(), model.artists().size(), us, is, vs, n);
    }
}
