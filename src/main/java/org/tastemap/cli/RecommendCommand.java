package org.tastemap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "recommend", description = {"Top artists for a user, among those the user has not played.",
        "With --all, every listener's top N as a CSV for spreadsheets (FILE.csv: user,rank,artist,score), streamed and written atomically."})
final class RecommendCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Mixin
    FilterArgs filterArgs = new FilterArgs();

    /** Exactly one of --user and --all. */
    static final class Who {
        @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id.")
        String user;

        @Option(names = "--all", required = true, description = "Every listener in the model, written to --out.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "With --all: the CSV to write (replaced atomically).")
    Path out;

    int n = 10;

    @Option(names = "--exclude-played", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave out the artists the listener played (default; --no-exclude-played ranks them too).")
    boolean excludePlayed;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", paramLabel = "N", defaultValue = "10",
            description = "How many per listener (default ${DEFAULT-VALUE}; more than the catalogue means all).")
    void setN(int v) {
        n = CountOption.atLeastOne(spec, "-n", v);
    }

    @Override
    public Integer call() throws Exception {
        if (who.all && out == null) {
            throw new ParameterException(spec.commandLine(), "--all needs --out FILE.csv");
        }
        if (!who.all && out != null) {
            throw new ParameterException(spec.commandLine(), "--out goes with --all; --user prints a table");
        }
        if (who.all) {
            OutputPaths.checkFile("--out", out);
        }
        filterArgs.filter();
        TrainedModel m = modelArgs.load();
        Recommender r = new Recommender(m);
        IntPredicate allowed = filterArgs.allowed(m);
        if (who.all) {
            BatchRecommendations.write(r, n, excludePlayed, allowed, out, spec.commandLine().getErr());
            int users = m.dataset().users().size();
            if (m.histories().isComplete()) {
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote the top %,d of %,d listeners to %s%n",
                        Math.min(n, m.dataset().artists().size()), users, out);
            } else {
                // only held listeners have plays to leave out and to explain: the others are not written
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote the top %,d of the %,d sampled listeners whose "
                        + "histories the model holds (of %,d) to %s%n", Math.min(n, m.dataset().artists().size()),
                        m.histories().heldCount(), users, out);
            }
            return 0;
        }
        Dataset d = m.dataset();
        int u = Lookup.heldUser(m, who.user);
        List<ScoredItem> items = BatchRecommendations.one(r, u, n, excludePlayed, allowed);
        PrintWriter w = spec.commandLine().getOut();
        RankedTable.print(w, d, items, "score");
        return 0;
    }
}
