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

@Command(name = "similar", description = "Artists most similar to an artist (cosine of artist factors).")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Mixin
    ArtistArg artistArg = new ArtistArg();

    @Mixin
    FilterArgs filterArgs = new FilterArgs();

    int n = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many (default ${DEFAULT-VALUE}).")
    void setN(int v) {
        n = CountOption.atLeastOne(spec, "-n", v);
    }

    @Override
    public Integer call() throws Exception {
        filterArgs.filter();
        TrainedModel m = modelArgs.load();
        Dataset d = m.dataset();
        int i = artistArg.index(d);
        RankedTable.print(spec.commandLine().getOut(), d, new Recommender(m).similarArtists(i, n, filterArgs.allowed(m)), "cosine");
        return 0;
    }
}
