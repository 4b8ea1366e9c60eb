package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/** {@code evaluate}'s beyond-accuracy table and {@code --per-listener FILE}, checked by brute force on a small model. */
class EvaluateMetricsCliTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static TrainedModel trained;

    @BeforeAll
    static void generateAndTrain() throws IOException {
        data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 300, 400, 8);
        CliRun.train(data, model, "--factors", "6", "--iterations", "3", "--threads", "2", "--seed", "7");
        trained = ModelFile.load(model);
    }

    @Test
    void perListenerRanksMatchABruteForceRankingAndAddUpToPrecision() throws IOException {
        Path tsv = dir.resolve("held.tsv");
        Run r = CliRun.run("evaluate", "--model", model.toString(), "--input", data.toString(), "--per-listener", tsv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertEquals("listener\tartist\tplays\trank\tin_top_10", lines.get(0));
        // the same split the command uses: the model's seed, holdout 0.2, over the model's rows (the file is the training file)
        InteractionMatrix all = trained.dataset().matrix();
        TrainTestSplit split = new Holdout(0.2, 7).split(all);
        FactorModel f = trained.factors();
        Map<String, int[]> hitsAndHeld = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            int u = trained.dataset().users().indexOf(c[0]);
            int i = trained.dataset().artists().indexOf(c[1]);
            assertTrue(split.test().get(u, i) > 0, "a held-out cell: " + line);
            assertEquals(split.test().get(u, i), Float.parseFloat(c[2]), line);
            // brute force: 1 + the artists not played in training that score strictly higher
            double mine = f.score(u, i);
            int above = 0;
            for (int j = 0; j < all.numItems(); j++) {
                if (split.train().get(u, j) == 0 && f.score(u, j) > mine) {
                    above++;
                }
            }
            assertEquals(above + 1, Integer.parseInt(c[3]), line);
            assertEquals(above + 1 <= 10 ? "1" : "0", c[4], line);
            int[] h = hitsAndHeld.computeIfAbsent(c[0], k -> new int[2]);
            h[0] += above + 1 <= 10 ? 1 : 0;
            h[1]++;
        }
        // precision@10 = mean over listeners of hits / min(10, held out), as the command prints it
        double p = hitsAndHeld.values().stream().mapToDouble(h -> (double) h[0] / Math.min(10, h[1])).average().orElseThrow();
        String modelRow = r.out().lines().filter(l -> l.startsWith("model ")).findFirst().orElseThrow();
        assertTrue(modelRow.contains(String.format(Locale.ROOT, " %.4f ", p)), p + " in " + modelRow);
        assertTrue(r.out().contains(String.format("wrote the held-out artists of %,d listeners", hitsAndHeld.size())), r.out());
    }

    @Test
    void theBeyondAccuracyTableShowsTheBaselineAsLeastNovel() {
        Run r = CliRun.run("evaluate", "--model", model.toString(), "--input", data.toString());
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        int header = out.indexOf(out.stream().filter(l -> l.contains("coverage") && l.contains("novelty")).findFirst().orElseThrow());
        String[] mod = out.get(header + 1).trim().split("\\s+");
        String[] pop = out.get(header + 2).replace("most popular", "most_popular").trim().split("\\s+");
        assertEquals("model", mod[0]);
        // the baseline gives everyone the same 10 most listened artists (minus their own): few distinct
        // artists, near the top percentile, least novel
        assertTrue(Double.parseDouble(mod[1]) > Double.parseDouble(pop[1]), r.out());
        assertTrue(Double.parseDouble(mod[3]) > Double.parseDouble(pop[3]), r.out());
        assertTrue(Double.parseDouble(pop[2]) > 75, r.out());
    }
}
