package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.io.ModelFile;

/** {@code tune} and {@code train --auto} as a script calls them, on a small generated file. */
class TuneCliTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() {
        data = dir.resolve("plays.tsv");
        CliRun.Run g = CliRun.run("generate", "--out", data.toString(), "--users", "300", "--artists", "200", "--seed", "4");
        assertEquals(0, g.code(), g.err());
    }

    @Test
    void tunePrintsEachCandidateTheChoiceAndTheFinalTrainingAndSaves() throws Exception {
        Path model = dir.resolve("tuned.tsm");
        Path json = dir.resolve("tune.json");
        CliRun.Run r = CliRun.run("tune", "--input", data.toString(), "--factors", "4,8", "--confidence", "log,bm25",
                "--metric", "ndcg", "--budget", "300", "--seed", "3", "--threads", "2", "--json", json.toString(), "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        long lines = r.out().lines().filter(l -> l.startsWith("candidate ")).count();
        long checks = r.out().lines().filter(l -> l.startsWith("candidate ") && l.contains(" check ")).count();
        // defaults + 2 kinds x 2 factor counts x 3 alphas x 8 lambdas + refinement (at most 4 + 2), and the
        // re-runs from the random start of warm-started candidates that would have been chosen
        assertTrue(lines - checks >= 1 + 96 && lines - checks <= 1 + 96 + 6, r.out());
        assertTrue(r.out().contains("chosen: "), r.out());
        assertTrue(r.out().contains("final iteration "), r.out());
        assertTrue(r.out().indexOf("chosen: ") < r.out().indexOf("final iteration "));
        assertTrue(r.out().contains("saved " + model));
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(lines, j.getAsJsonArray("candidates").size());
        assertEquals("ndcg@10", j.get("metric").getAsString());
        assertTrue(j.getAsJsonArray("candidates").get(0).getAsJsonObject().getAsJsonObject("metrics").has("map@10"));
        Map<String, String> meta = ModelFile.load(model).metadata();
        assertEquals("ndcg@10", meta.get(ModelMetadata.TUNE_METRIC));
        assertEquals("300", meta.get(ModelMetadata.TUNE_BUDGET));
        assertEquals("tastemap tune", meta.get(ModelMetadata.CREATED_BY));
        assertEquals(Long.toString(lines), meta.get(ModelMetadata.TUNE_CANDIDATES));
    }

    @Test
    void trainAutoTunesThenTrainsAsUsual() throws Exception {
        Path model = dir.resolve("auto.tsm");
        CliRun.Run r = CliRun.run("train", "--auto", "--budget", "60", "--input", data.toString(), "--factors", "8", "--iterations", "6",
                "--threads", "2", "--holdout", "0.2", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("candidate   0 defaults"), r.out());
        assertTrue(r.out().contains("chosen: "), r.out());
        // the usual train output follows, with the chosen settings
        String after = r.out().substring(r.out().indexOf("chosen: "));
        assertTrue(after.contains("training k=8") && after.contains("iteration   6") && after.contains("final model: all"), r.out());
        Map<String, String> meta = ModelFile.load(model).metadata();
        assertEquals("map@10", meta.get(ModelMetadata.TUNE_METRIC));
        assertEquals("60", meta.get(ModelMetadata.TUNE_BUDGET));
        assertEquals("0.2", meta.get(ModelMetadata.HOLDOUT));
    }

    @Test
    void theDefaultsCandidateHasTheDataLambdaAndHalvingIsAStrategy() {
        Path model = dir.resolve("halving.tsm");
        CliRun.Run r = CliRun.run("tune", "--input", data.toString(), "--factors", "4", "--strategy", "halving", "--threads", "2",
                "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        String printed = r.out().lines().filter(l -> l.startsWith("default lambda for this data: ")).findFirst().orElseThrow();
        double lambda = Double.parseDouble(printed.substring(printed.indexOf(": ") + 2));
        // the rule for 300 listeners is at most sqrt(300) = 17.3 (README, "Choosing the defaults"), not the constant 100
        assertTrue(lambda > 0 && lambda <= Math.sqrt(300) + 1e-9, printed);
        String first = r.out().lines().filter(l -> l.startsWith("candidate   0 ")).findFirst().orElseThrow();
        assertTrue(first.contains("defaults") && first.contains("lambda=" + TuneReport.num(lambda) + " "), first + " / " + printed);
        // halving: the defaults, 3 alphas x 8 lambdas for 2 iterations, the best 8 to 6, the best 3 to the full length
        assertEquals(1 + 24 + 8 + 3, r.out().lines().filter(l -> l.startsWith("candidate ")).count(), r.out());
        assertTrue(Files.exists(model));
    }

    @Test
    void anUnknownStrategyIsRefusedBeforeAnyWork() {
        CliRun.Run r = CliRun.run("tune", "--input", dir.resolve("no-such-file.tsv").toString(), "--strategy", "random",
                "--out", dir.resolve("s.tsm").toString());
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("--strategy must be grid or halving, not 'random'"), r.err());
    }

    @Test
    void aBadOutIsRefusedBeforeAnyWork() {
        Path model = dir.resolve("missing-folder").resolve("m.tsm");
        CliRun.Run r = CliRun.run("tune", "--input", dir.resolve("no-such-file.tsv").toString(), "--out", model.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--out " + model), r.err());
        assertFalse(Files.exists(model));
    }

    @Test
    void budgetWithoutAutoIsAnError() {
        CliRun.Run r = CliRun.run("train", "--budget", "5", "--input", data.toString(), "--out", dir.resolve("x.tsm").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("need --auto"), r.err());
    }
}
