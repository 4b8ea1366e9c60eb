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

    @Mixin
    ArtistArg artistArg = new ArtistArg();

    @Option(names = "-n", paramLabel = "N", defaultValue = "20", description = "Show at most N contributions (default ${DEFAULT-VALUE}).")
    int n;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainedModel m = modelArgs.load();
        Dataset d = m.dataset();
        int u = Lookup.heldUser(m, user);
        int i = artistArg.index(d);
        Explanation e = new Recommender(m).explain(u, i);
        PrintWriter w = spec.commandLine().getOut();
        float plays = d.matrix().get(u, i);
        if (plays > 0) {
            // a played artist is never recommended: say so before explaining its score like any other
            w.printf("%s already played %s: %s plays (never recommended to them); its score explained:%n", d.users().id(u),
                    d.artistName(i), formatPlays(plays));
        }
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

    /** A play count as a person reads it: 1,234 for whole counts, else four significant digits. */
    static String formatPlays(double plays) {
        return plays == Math.rint(plays) && Math.abs(plays) < 1e15 ? String.format("%,d", (long) plays)
                : String.format(Locale.ROOT, "%.4g", plays);
    }
}
