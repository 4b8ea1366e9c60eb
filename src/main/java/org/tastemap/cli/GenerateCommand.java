package org.tastemap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tastemap.io.SyntheticLastFm;
import org.tastemap.io.SyntheticShape;
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

    @Option(names = "--shape", paramLabel = "NAME", defaultValue = "default",
            description = "Shape of the rows: default (every drawn artist, plays median near 124), lastfm360k (each listener's top 50 of a median 150, plays median near 150, like the real file) or light (plays median 2-3).")
    String shape;

    @Option(names = "--top", paramLabel = "N", description = "Keep only each listener's N most-played artists (0 keeps all; overrides the shape's).")
    Integer top;

    @Option(names = "--artists-per-user", paramLabel = "M", description = "Median artists a listener draws before --top (overrides the shape's; default shape 44).")
    Double artistsPerUser;

    @Option(names = "--median-plays", paramLabel = "P", description = "Median plays per drawn row before the 1.5x of favoured genres (overrides the shape's; default shape 90).")
    Double medianPlays;

    @Option(names = "--genres", description = "Also write the planted genre of every artist to FILE.genres.tsv.")
    boolean genres;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SyntheticShape s0 = SyntheticShape.named(shape);
        if (top != null) {
            s0 = s0.withTop(top);
        }
        if (artistsPerUser != null) {
            s0 = s0.withMedianArtists(artistsPerUser);
        }
        if (medianPlays != null) {
            s0 = s0.withMedianPlays(medianPlays);
        }
        SyntheticLastFm gen = SyntheticLastFm.create(users, artists, seed, s0);
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
