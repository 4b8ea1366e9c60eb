package org.tastemap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.MapBuilder;
import org.tastemap.core.map.MapListener;
import org.tastemap.core.map.MapMethod;
import org.tastemap.core.map.MapOptions;
import org.tastemap.core.map.MapQuality;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ArtistMapTsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "map", description = "Lay out the most-listened artists in 2-D (Barnes-Hut t-SNE from the PCA view) with k-means"
        + " clusters, as TSV: artist, x, y, cluster, listeners.")
final class MapCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The TSV to write (replaced atomically).")
    Path out;

    @Option(names = "--artists", paramLabel = "N", defaultValue = "20000",
            description = "Map the N artists with the most listeners; 0 maps all (default ${DEFAULT-VALUE}).")
    int artists;

    @Option(names = "--method", paramLabel = "auto|tsne|umap|pca", defaultValue = "auto",
            description = "auto (t-SNE, the best measured), tsne, pca; umap is not built in this version (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seeds k-means (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clusters", paramLabel = "K", defaultValue = "0",
            description = "k for k-means; 0 chooses k by the best silhouette of k = 2..30 on a sample (default ${DEFAULT-VALUE}).")
    int clusters;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "Worker threads; 0 uses every core (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--quality", description = "Also print the 10-NN agreement of the map with cosine neighbours in factor space.")
    boolean quality;

    @Option(names = "--labels", paramLabel = "FILE", description = "With --quality: artist<TAB>label lines (such as generate --genres"
            + " writes); prints the 10-NN label agreement on the map and in factor space.")
    Path labels;

    @Override
    public Integer call() throws Exception {
        MapOptions o = options();
        OutputPaths.checkFile("--out", out);
        TrainedModel m = modelArgs.load();
        Dataset d = m.dataset();
        int[] listeners = m.artistListenerCounts(); // full-data counts, also for a model holding sampled histories
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ArtistMap map = MapBuilder.build(m.factors(), listeners, o, progress(err), () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        ArtistMapTsv.write(out, map, d);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %,d artists in %d clusters (%s) to %s in %.1f s%n", map.size(), map.clusterCount(), map.method().key(),
                out, seconds);
        if (quality) {
            int t = o.effectiveThreads();
            w.printf(Locale.ROOT, "10-NN agreement with cosine neighbours in factor space: %.3f%n",
                    MapQuality.neighbourAgreement(m.factors(), map, MapQuality.K, t));
            if (labels != null) {
                int[] label = readLabels(labels, d, err);
                w.printf(Locale.ROOT, "10-NN label agreement: map %.3f, factor space %.3f%n",
                        MapQuality.labelAgreement(null, map, label, MapQuality.K, t),
                        MapQuality.labelAgreement(m.factors(), map, label, MapQuality.K, t));
            }
        }
        w.flush();
        return 0;
    }

    private MapOptions options() {
        MapMethod mm;
        try {
            mm = MapMethod.valueOf(method.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--method must be auto, tsne, umap or pca, not '" + method + "'");
        }
        if (mm == MapMethod.UMAP) {
            throw new ParameterException(spec.commandLine(), "--method umap: the UMAP layout is not built in this version; use tsne"
                    + " (the default, auto) or pca");
        }
        if (labels != null && !quality) {
            throw new ParameterException(spec.commandLine(), "--labels goes with --quality");
        }
        try {
            return new MapOptions(artists, mm, seed, clusters, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Phase changes, and the layout every 10%, on stderr, with the seconds since the start. */
    private static MapListener progress(PrintWriter err) {
        long start = System.nanoTime();
        String[] last = {""};
        int[] tenth = {0};
        return (phase, fraction, snapshot) -> {
            int t = (int) (fraction * 10);
            if (!phase.equals(last[0]) || t > tenth[0]) {
                last[0] = phase;
                tenth[0] = t;
                err.printf(Locale.ROOT, "map: %s (%d%%, %.1f s)%n", phase.toLowerCase(Locale.ROOT), Math.round(fraction * 100),
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        };
    }

    /** A label per artist index from artist<TAB>label lines; unknown artists get -1, bad lines are counted. */
    private static int[] readLabels(Path file, Dataset d, PrintWriter err) throws IOException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < d.artists().size(); i++) {
            byName.putIfAbsent(d.artistName(i), i);
        }
        int[] label = new int[d.artists().size()];
        java.util.Arrays.fill(label, -1);
        Map<String, Integer> ids = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int skipped = 0;
        int unknown = 0;
        int firstBad = 0;
        for (int n = 0; n < lines.size(); n++) {
            String[] f = lines.get(n).split("\t", -1);
            if (f.length != 2 || f[1].isBlank()) {
                skipped++;
                firstBad = firstBad == 0 ? n + 1 : firstBad;
                continue;
            }
            Integer a = byName.get(f[0]);
            if (a == null) {
                unknown++;
                continue;
            }
            label[a] = ids.computeIfAbsent(f[1], x -> ids.size());
        }
        if (skipped > 0 || unknown > 0) {
            err.printf(Locale.ROOT, "%s: %,d lines skipped (not artist<TAB>label%s), %,d artists not in the model%n", file, skipped,
                    skipped > 0 ? ", first at line " + firstBad : "", unknown);
        }
        return label;
    }
}
