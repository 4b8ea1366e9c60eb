package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.MapBuilder;
import org.tastemap.core.map.MapMethod;
import org.tastemap.core.map.MapOptions;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/** `map --model MODEL --out FILE` (issue 13): the TSV contract, options, refusals and the atomic write. */
class MapCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static TrainedModel trained;

    @BeforeAll
    static void generateAndTrain() throws IOException {
        Path data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 400, 160, 11);
        CliRun.train(data, model, "--factors", "8", "--iterations", "5", "--threads", "2");
        trained = ModelFile.load(model);
    }

    static int[] listeners(Dataset d) {
        return IntStream.range(0, d.artists().size()).map(i -> d.matrix().itemCount(i)).toArray();
    }

    @Test
    void writesTheMostListenedArtistsWithTheEnginesLayout() throws IOException {
        Path out = dir.resolve("map.tsv");
        Run r = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--artists", "100", "--clusters", "4",
                "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 100 artists in 4 clusters (tsne)"), r.out());
        assertTrue(r.err().contains("map: layout"), "progress on stderr: " + r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("artist\tx\ty\tcluster\tlisteners", lines.get(0));
        assertEquals(101, lines.size());
        Dataset d = trained.dataset();
        int[] listeners = listeners(d);
        // the 100 most-listened, most first, ties to the lower index (brute force over the dataset)
        List<Integer> expected = IntStream.range(0, listeners.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -listeners[i]).thenComparing(i -> i)).limit(100).toList();
        // the same layout as the engine's for the same options (deterministic)
        ArtistMap engine = MapBuilder.build(trained.factors(), listeners, new MapOptions(100, MapMethod.AUTO, 3, 4, 1));
        for (int p = 0; p < 100; p++) {
            String[] f = lines.get(p + 1).split("\t");
            int a = expected.get(p);
            assertEquals(d.artistName(a), f[0], "row " + p);
            assertEquals(engine.x()[p], Float.parseFloat(f[1]));
            assertEquals(engine.y()[p], Float.parseFloat(f[2]));
            assertEquals(engine.cluster()[p], Integer.parseInt(f[3]));
            assertEquals(listeners[a], Integer.parseInt(f[4]));
        }
        byte[] first = Files.readAllBytes(out);
        assertEquals(0, CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--artists", "100", "--clusters", "4",
                "--seed", "3", "--threads", "1").code());
        assertArrayEquals(first, Files.readAllBytes(out), "the same seed writes the same file, whatever the threads");
    }

    @Test
    void pcaAndAllArtists() throws IOException {
        Path out = dir.resolve("pca.tsv");
        Run r = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--artists", "0", "--method", "PCA");
        assertEquals(0, r.code(), r.err());
        long played = IntStream.of(listeners(trained.dataset())).filter(l -> l > 0).count();
        assertEquals(played + 1, Files.readAllLines(out).size(), "every artist with a listener");
        assertTrue(r.out().contains("(pca)"), r.out());
    }

    @Test
    void refusesUmapAndBadOptionsBeforeTouchingTheFile() throws IOException {
        Path out = dir.resolve("kept.tsv");
        Files.writeString(out, "an earlier map\n");
        Run umap = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--method", "umap");
        assertEquals(2, umap.code());
        assertTrue(umap.err().contains("UMAP layout is not built") && umap.err().contains("tsne"), umap.err());
        Run bad = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--method", "mds");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--method must be auto, tsne, umap or pca, not 'mds'"), bad.err());
        Run negative = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--artists", "-5");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("-5"), negative.err());
        Run missing = CliRun.run("map", "--model", dir.resolve("nope.tsm").toString(), "--out", out.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.tsm"), missing.err());
        assertEquals("an earlier map\n", Files.readString(out), "a failed run leaves the earlier file");
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }

    @Test
    void qualityWithLabels() throws IOException {
        Path out = dir.resolve("q.tsv");
        Path labels = dir.resolve("labels.tsv");
        Dataset d = trained.dataset();
        // label = the artist's index parity: a label the map has no reason to follow, so both numbers are printed, not judged
        StringBuilder s = new StringBuilder("no tab here\n");
        for (int i = 0; i < d.artists().size(); i++) {
            s.append(d.artistName(i)).append('\t').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(labels, s);
        Run r = CliRun.run("map", "--model", model.toString(), "--out", out.toString(), "--artists", "80", "--quality", "--labels",
                labels.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("10-NN agreement with cosine neighbours in factor space: "), r.out());
        assertTrue(r.out().contains("10-NN label agreement: map "), r.out());
        assertTrue(r.err().contains("1 lines skipped (not artist<TAB>label, first at line 1)"), r.err());
    }
}
