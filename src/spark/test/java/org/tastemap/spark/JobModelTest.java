package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.ModelFile;

/** The job end to end on a small generated file: its output, its model file in the CLI, its Parquet tables. */
class JobModelTest {
    static final int USERS = 400;
    static final int SAMPLE = 60;

    @TempDir
    static Path dir;
    static Path plays;
    static Path model;
    static LocalSpark.Run run;
    static Dataset full;

    @BeforeAll
    static void train() throws Exception {
        plays = LocalSpark.generate(dir.resolve("plays.tsv"), USERS, 300, 5);
        full = Importer.importFile(plays, ImportOptions.lastFm()).dataset();
        model = dir.resolve("spark.tsm");
        run = LocalSpark.job("--master", "local[2]", "--no-ui", "--input", plays.toString(), "--factors", "8",
                "--iterations", "4", "--holdout", "0.2", "--history-sample", Integer.toString(SAMPLE), "--seed", "9",
                "--out", model.toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void printsALinePerIterationAndTheHeldOutMetrics() {
        for (String prefix : List.of("held-out iteration", "iteration")) {
            for (int t = 1; t <= 4; t++) {
                Pattern line = Pattern.compile("(?m)^" + prefix + "\\s+" + t + "\\s+(\\d+\\.\\d{3}) s$");
                assertTrue(line.matcher(run.out()).find(), prefix + " " + t + " in:\n" + run.out());
            }
        }
        Matcher pop = Pattern.compile("most popular baseline: p@10=\\S+ map@10=(\\S+)").matcher(run.out());
        Matcher als = Pattern.compile("held-out: p@10=\\S+ map@10=(\\S+) ndcg@10=\\S+").matcher(run.out());
        assertTrue(pop.find() && als.find(), run.out());
        assertTrue(Double.parseDouble(als.group(1)) > Double.parseDouble(pop.group(1)), run.out());
    }

    @Test
    void modelRecordsSparkAndKeepsASampleOfHistories() throws Exception {
        TrainedModel m = ModelFile.load(model);
        assertEquals("spark", m.metadata().get(ModelMetadata.TRAINED_BY));
        assertEquals(LocalSpark.session().version(), m.metadata().get(ModelMetadata.SPARK_VERSION));
        assertEquals("local[2]", m.metadata().get(ModelMetadata.SPARK_MASTER));
        assertEquals("count", m.metadata().get(ModelMetadata.LAMBDA_SCALING));
        assertEquals("sample", m.metadata().get(ModelMetadata.HISTORIES));
        assertEquals("tastemap-spark", m.metadata().get("created.by"));
        assertEquals("plays.tsv", m.metadata().get("input"));
        assertTrue(m.factors().params().scaleLambdaByCount());
        assertEquals(8, m.factors().factors());
        // every listener and artist is there; the rows of exactly SAMPLE listeners, each as imported
        Dataset d = m.dataset();
        assertEquals(full.users().size(), d.users().size());
        assertEquals(full.artists().size(), d.artists().size());
        int held = 0;
        for (int u = 0; u < d.users().size(); u++) {
            if (d.matrix().userCount(u) > 0) {
                held++;
                int fu = full.users().indexOf(d.users().id(u));
                assertEquals(full.matrix().userCount(fu), d.matrix().userCount(u));
                for (int p = d.matrix().userPtr()[u]; p < d.matrix().userPtr()[u + 1]; p++) {
                    int fi = full.artists().indexOf(d.artists().id(d.matrix().userItems()[p]));
                    assertEquals(full.matrix().get(fu, fi), d.matrix().userValues()[p]);
                }
            }
        }
        assertEquals(SAMPLE, held);
        assertEquals(SAMPLE, m.histories().heldCount());
        assertEquals(full.matrix().nnz(), m.histories().totalRows());
        for (int i = 0; i < d.artists().size(); i++) {
            assertEquals(full.matrix().itemCount(full.artists().indexOf(d.artists().id(i))), m.artistListeners(i));
        }
    }

    @Test
    void parquetTablesHoldTheModelsFactorsByOriginalId() throws Exception {
        TrainedModel m = ModelFile.load(model);
        Path tables = dir.resolve("spark-factors");
        List<Row> users = LocalSpark.session().read().parquet(tables.resolve("users").toString()).collectAsList();
        List<Row> artists = LocalSpark.session().read().parquet(tables.resolve("artists").toString()).collectAsList();
        assertEquals(m.dataset().users().size(), users.size());
        assertEquals(m.dataset().artists().size(), artists.size());
        for (Row r : users) {
            int u = m.dataset().users().indexOf(r.getAs("user_id"));
            assertEquals(u, (int) r.<Integer>getAs("index"));
            List<Float> f = r.getList(r.fieldIndex("factors"));
            float[] got = new float[f.size()];
            for (int j = 0; j < got.length; j++) {
                got[j] = f.get(j);
            }
            assertArrayEquals(m.factors().userVector(u), got);
        }
        for (Row r : artists) {
            int i = m.dataset().artists().indexOf(r.getAs("artist"));
            assertEquals(i, (int) r.<Integer>getAs("index"));
            assertEquals(m.dataset().artistName(i), r.getAs("name"));
        }
    }

    @Test
    void recommendSimilarAndExplainWorkForAHeldListener() throws Exception {
        TrainedModel m = ModelFile.load(model);
        InteractionMatrix x = m.dataset().matrix();
        int u = 0;
        while (x.userCount(u) == 0) {
            u++;
        }
        String user = m.dataset().users().id(u);
        LocalSpark.Run rec = LocalSpark.cli("recommend", "--model", model.toString(), "--user", user, "-n", "5");
        assertEquals(0, rec.code(), rec.err());
        Set<String> played = new HashSet<>();
        for (int p = x.userPtr()[u]; p < x.userPtr()[u + 1]; p++) {
            played.add(m.dataset().artistName(x.userItems()[p]));
        }
        List<String> ranked = rec.out().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).toList();
        assertEquals(5, ranked.size(), rec.out());
        String top = ranked.get(0).trim().replaceFirst("^1\\s+", "").replaceFirst("\\s+-?\\d+\\.\\d+$", "");
        assertFalse(played.contains(top), "a played artist is never recommended: " + rec.out());

        LocalSpark.Run similar = LocalSpark.cli("similar", "--model", model.toString(), "--artist", top, "-n", "3");
        assertEquals(0, similar.code(), similar.err());
        assertEquals(3, similar.out().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).count(), similar.out());

        LocalSpark.Run explain = LocalSpark.cli("explain", "--model", model.toString(), "--user", user, "--artist", top);
        assertEquals(0, explain.code(), explain.err());
        // explain re-solves the listener's row from the history the file keeps, with the model's parameters
        // (count-scaled lambda): it lands on Spark's own factors when the mapping is right
        Matcher score = Pattern.compile("score (-?\\d+\\.\\d+) \\(re-solved user row; stored factors give (-?\\d+\\.\\d+)\\)")
                .matcher(explain.out());
        assertTrue(score.find(), explain.out());
        assertEquals(Double.parseDouble(score.group(2)), Double.parseDouble(score.group(1)), 2e-3, explain.out());
        assertTrue(explain.out().contains("because you played"), explain.out());
    }

    @Test
    void aFailedRunLeavesTheModelAndTablesAsTheyWere() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "a\tb\nc\td\ne\tf\n");
        byte[] before = Files.readAllBytes(model);
        Set<String> tablesBefore = listing(dir.resolve("spark-factors"));
        LocalSpark.Run failed = LocalSpark.job("--no-ui", "--format", "lastfm", "--input", bad.toString(), "--factors", "4",
                "--iterations", "1", "--out", model.toString());
        assertEquals(1, failed.code(), failed.out());
        assertTrue(failed.err().contains("bad.tsv"), failed.err());
        assertArrayEquals(before, Files.readAllBytes(model));
        assertEquals(tablesBefore, listing(dir.resolve("spark-factors")));
    }

    @Test
    void constantLambdaIsRefusedWithTheReason() {
        LocalSpark.Run r = LocalSpark.job("--no-ui", "--input", plays.toString(), "--constant-lambda", "--out",
                dir.resolve("never.tsm").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("no Spark equivalent"), r.err());
        assertFalse(Files.exists(dir.resolve("never.tsm")));
    }

    private static Set<String> listing(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            Set<String> out = new HashSet<>();
            s.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.add(p.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return out;
        }
    }
}
