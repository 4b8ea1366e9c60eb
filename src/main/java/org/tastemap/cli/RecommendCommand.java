package org.tastemap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recommend", description = "Top artists for a user, among those the user has not played.")
final class RecommendCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id.")
    String user;

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many (default ${DEFAULT-VALUE}).")
    int n;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainedModel m = modelArgs.load();
        Dataset d = m.dataset();
        int u = Lookup.user(d, user);
        List<ScoredItem> recs = new Recommender(m).recommend(u, n, null);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%4s  %-40s %8s%n", "rank", "artist", "score");
        int rank = 1;
        for (ScoredItem s : recs) {
            w.printf(java.util.Locale.ROOT, "%4d  %-40s %8.4f%n", rank++, d.artistName(s.index()), s.score());
        }
        return 0;
    }
}
