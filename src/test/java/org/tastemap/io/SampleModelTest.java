package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.Cli;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * The committed sample model (sample-data/lastfm-sample.tsm, which a first launch opens) is what
 * the command in sample-data/README.md makes from the committed sample data: same data, same
 * parameters, and the same factors up to float rounding (the kernels on another machine may add in
 * another order, so the comparison is not bit for bit).
 */
class SampleModelTest {
    private static final Path DATA = Path.of("sample-data", "lastfm-sample.tsv.gz");
    private static final Path MODEL = Path.of("sample-data", "lastfm-sample.tsm");

    @Test
    void committedModelIsWhatTheDocumentedCommandTrains(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(MODEL), "run from the project directory");
        Path fresh = dir.resolve("again.tsm");
        // sample-data/README.md: train --input sample-data/lastfm-sample.tsv.gz --factors 32 --iterations 10 --lambda 100 --threads 2 --out ...
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"train", "--input", DATA.toString(), "--factors", "32", "--iterations", "10", "--lambda", "100", "--threads", "2",
                "--out", fresh.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        TrainedModel committed = ModelFile.load(MODEL);
        TrainedModel trained = ModelFile.load(fresh);
        AlsParams p = committed.factors().params();
        assertEquals(32, committed.factors().factors());
        assertEquals(10, committed.factors().iterations());
        assertEquals(AlsParams.defaults().withFactors(32).withIterations(10).withThreads(2), p,
                "the engine's constant defaults at k=32, lambda 100 (sample-data/README.md)");
        assertEquals(trained.dataset().matrix().nnz(), committed.dataset().matrix().nnz());
        assertEquals(3000, committed.dataset().matrix().numUsers());
        assertEquals(1500, committed.dataset().matrix().numItems());

        float[] a = committed.factors().itemFactors();
        float[] b = trained.factors().itemFactors();
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff <= 1e-3 * scale, "artist factors differ by " + diff + " (largest " + scale + ")");

        // what a person sees: the top 10 of the first users agree
        Recommender rc = new Recommender(committed);
        Recommender rt = new Recommender(trained);
        for (int u = 0; u < 20; u++) {
            List<Integer> x = rc.recommend(u, 10, null).stream().map(ScoredItem::index).toList();
            List<Integer> y = rt.recommend(u, 10, null).stream().map(ScoredItem::index).toList();
            assertEquals(x, y, "user " + u);
        }
    }
}
