package org.tastemap.cli;

import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.Recommender;
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
        RankedTable.print(spec.commandLine().getOut(), d, new Recommender(m).recommend(u, n, null), "score");
        return 0;
    }
}
