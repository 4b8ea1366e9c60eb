package org.tastemap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tastemap.io.SyntheticLastFm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = "Write synthetic listening data in the exact Last.fm 360K format, with planted genres (deterministic by seed; .gz compresses).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.tsv or .tsv.gz).")
    Path out;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + SyntheticLastFm.DEFAULT_USERS, description = "Users (default ${DEFAULT-VALUE}; the real file has about 358,000).")
    int users;

    @Option(names = "--artists", paramLabel = "N", defaultValue = "" + SyntheticLastFm.DEFAULT_ARTISTS, description = "Artists (default ${DEFAULT-VALUE}).")
    int artists;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SyntheticLastFm.DEFAULT_SEED, description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--genres", description = "Also write the planted genre of every artist to FILE.genres.tsv.")
    boolean genres;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SyntheticLastFm gen = SyntheticLastFm.create(users, artists, seed);
        long t0 = System.nanoTime();
        SyntheticLastFm.Summary s = gen.write(out);
        if (genres) {
            gen.writeGenres(SyntheticLastFm.genresSidecar(out));
        }
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "wrote %s: %,d users, %,d artists, %,d rows, %,d bytes in %.1f s%n",
                out, s.users(), s.artists(), s.rows(), s.bytes(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
