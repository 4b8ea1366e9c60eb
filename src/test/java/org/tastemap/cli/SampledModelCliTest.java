package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/**
 * The commands on a model that holds the histories of a sample of listeners (as the Spark job
 * writes): a model trained here on a generated file, then cut to users 0, 5, 10, ... through
 * {@link TrainedModel#keepHistoriesOf} and saved, so no Spark is needed.
 */
class SampledModelCliTest {
    @TempDir
    static Path dir;
    static Path sampled;
    static TrainedModel full;
    static TrainedModel cut;

    @BeforeAll
    static void trainAndSample() throws IOException {
        Path data = dir.resolve("plays.tsv");
        Path model = dir.resolve("full.tsm");
        CliRun.generate(data, 120, 80, 3);
        CliRun.train(data, model, "--factors", "6", "--iterations", "3", "--threads", "1");
        full = ModelFile.load(model);
        int users = full.dataset().users().size();
        int[] held = java.util.stream.IntStream.iterate(0, u -> u < users, u -> u + 5).toArray();
        cut = full.keepHistoriesOf(held).withMetadata(Map.of(ModelMetadata.TRAINED_BY, ModelMetadata.BY_SPARK,
                ModelMetadata.HISTORIES, ModelMetadata.HISTORIES_SAMPLE));
        sampled = dir.resolve("sampled.tsm");
        ModelFile.save(sampled, cut);
    }

    @Test
    void recommendAndExplainWorkForAHeldListener() {
        String user = full.dataset().users().id(5);
        CliRun.Run r = CliRun.run("recommend", "--model", sampled.toString(), "--user", user, "-n", "3");
        assertEquals(0, r.code(), r.err());
        // the same list as the complete model gives: the held row is the listener's whole history
        List<ScoredItem> expected = new Recommender(full).recommend(5, 3, null);
        for (ScoredItem s : expected) {
            assertTrue(r.out().contains(full.dataset().artistName(s.index())), r.out());
        }
        int artist = expected.get(0).index();
        CliRun.Run e = CliRun.run("explain", "--model", sampled.toString(), "--user", user, "--artist",
                full.dataset().artistName(artist));
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("because you played"), e.out());
    }

    @Test
    void aListenerWithoutHistoryIsRefusedSayingWhatTheModelHolds() {
        String user = full.dataset().users().id(3);
        int held = cut.histories().heldCount();
        for (String cmd : List.of("recommend", "explain")) {
            List<String> args = new java.util.ArrayList<>(List.of(cmd, "--model", sampled.toString(), "--user", user));
            if (cmd.equals("explain")) {
                args.addAll(List.of("--artist", full.dataset().artistName(0)));
            }
            CliRun.Run r = CliRun.run(args.toArray(String[]::new));
            assertEquals(1, r.code(), cmd + ": " + r.out());
            assertTrue(r.err().contains("holds no listening history for user '" + user + "'"), r.err());
            assertTrue(r.err().contains("histories of " + held + " sampled listeners of 120"), r.err());
            // it names held listeners to try instead
            assertTrue(r.err().contains(full.dataset().users().id(0)), r.err());
            assertFalse(r.out().contains("score"), r.out());
        }
    }

    @Test
    void similarWorksForEveryArtist() {
        for (int i = 0; i < full.dataset().artists().size(); i += 13) {
            CliRun.Run r = CliRun.run("similar", "--model", sampled.toString(), "--artist", full.dataset().artistName(i), "-n", "2");
            assertEquals(0, r.code(), r.err());
            // the factors are all there: the same neighbours as the complete model
            ScoredItem first = new Recommender(full).similarArtists(i, 1).get(0);
            assertTrue(r.out().contains(full.dataset().artistName(first.index())), r.out());
        }
    }

    @Test
    void recommendAllWritesTheHeldListenersOnly() throws IOException {
        Path csv = dir.resolve("all.csv");
        CliRun.Run r = CliRun.run("recommend", "--model", sampled.toString(), "--all", "--out", csv.toString(), "-n", "2");
        assertEquals(0, r.code(), r.err());
        int held = cut.histories().heldCount();
        assertTrue(r.out().contains("the " + held + " sampled listeners whose histories the model holds"), r.out());
        // a header line, then n rows per held listener
        assertEquals(1 + 2 * held, Files.readAllLines(csv).size());
    }
}
