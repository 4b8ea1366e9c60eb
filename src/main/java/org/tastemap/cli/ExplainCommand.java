package org.tastemap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.Explanation;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = "Which played artists make up a user's score for an artist (HKV section 5).")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id.")
    String user;

    @Option(names = "--artist", required = true, paramLabel = "NAME", description = "The artist's name.")
    String artist;

    @Option(names = "-n", paramLabel = "N", defaultValue = "20", description = "Show at most N contributions (default ${DEFAULT-VALUE}).")
    int n;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainedModel m = modelArgs.load();
        Dataset d = m.dataset();
        Explanation e = new Recommender(m).explain(Lookup.user(d, user), Lookup.artist(d, artist));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "score %.4f (re-solved user row; stored factors give %.4f)%n", e.scoreRefit(), e.scoreModel());
        w.printf("%-40s %10s %10s %10s %8s%n", "because you played", "plays", "similarity", "contrib.", "share");
        int shown = 0;
        for (Explanation.Contribution c : e.contributions()) {
            if (shown++ == n) {
                w.printf("... and %d more%n", e.contributions().size() - n);
                break;
            }
            w.printf(Locale.ROOT, "%-40s %10.0f %10.4f %10.4f %7.1f%%%n", Printable.name(d.artistName(c.item())), c.plays(), c.similarity(),
                    c.contribution(), 100 * e.share(c));
        }
        return 0;
    }
}
