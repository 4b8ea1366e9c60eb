package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tastemap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.ModelFile;

/** The command line end to end, as a script would call it, on a small generated file. */
class CliTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static String user;
    static String artist;
    static String trainOut;

    @BeforeAll
    static void generateAndTrain() throws IOException {
        data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 300, 200, 4);
        String first = Files.readAllLines(data).get(0);
        user = first.split("\t")[0];
        artist = first.split("\t")[2];
        Run t = CliRun.train(data, model, "--factors", "8", "--iterations", "4", "--loss", "--holdout", "0.2", "--threads", "2");
        assertTrue(Files.size(model) > 0);
        trainOut = t.out();
    }

    @Test
    void aModelTrainedWithHoldoutIsSavedTrainedOnAllRowsAndNeverRecommendsAPlayedArtist() throws IOException {
        // issue 15: the @BeforeAll model was trained with --holdout 0.2; it used to be saved trained on 80% of the rows
        Dataset file = Importer.importFile(data, ImportOptions.auto()).dataset();
        TrainedModel m = ModelFile.load(model);
        int rows = file.matrix().nnz();
        assertEquals(rows, m.dataset().matrix().nnz(), "the saved model holds every row of the file");
        assertTrue(trainOut.contains(String.format("final model: all %,d rows", rows)), trainOut);
        assertEquals("all", m.metadata().get(ModelMetadata.TRAINED_ON), m.metadata().toString());
        assertEquals("42", m.metadata().get(ModelMetadata.HOLDOUT_SEED), m.metadata().toString());
        // every listener, every artist ranked: none the file says they played (brute force over the file's rows)
        Recommender r = new Recommender(m);
        for (int fu = 0; fu < file.users().size(); fu++) {
            int u = m.dataset().users().indexOf(file.users().id(fu));
            java.util.Set<String> played = new java.util.HashSet<>();
            for (int p = file.matrix().userPtr()[fu]; p < file.matrix().userPtr()[fu + 1]; p++) {
                played.add(file.artists().id(file.matrix().userItems()[p]));
            }
            for (var s : r.recommend(u, m.dataset().artists().size(), null)) {
                assertFalse(played.contains(m.dataset().artists().id(s.index())), "listener " + file.users().id(fu)
                        + " is recommended an artist they played: " + m.dataset().artistName(s.index()));
            }
        }
    }

    @Test
    void trainPrintsOneLinePerIterationWithLossAndMetrics() {
        Run t = run("train", "--input", data.toString(), "--factors", "8", "--iterations", "3", "--loss", "--holdout", "0.2",
                "--out", dir.resolve("m2.tsm").toString());
        assertEquals(0, t.code(), t.err());
        List<String> lines = t.out().lines().filter(l -> l.startsWith("iteration")).toList();
        assertEquals(3, lines.size(), t.out());
        for (String l : lines) {
            assertTrue(l.contains(" s") && l.contains("loss") && l.contains("map@10"), l);
        }
        assertTrue(t.out().contains("most popular baseline"), t.out());
    }

    @Test
    void queriesAnswerFromTheSavedModel() throws IOException {
        Run r = run("recommend", "--model", model.toString(), "--user", user, "-n", "5");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, r.out().lines().count(), "header + 5 rows:\n" + r.out());
        // the user's played artists are never recommended
        List<String> played = Files.readAllLines(data).stream().filter(l -> l.startsWith(user + "\t")).map(l -> l.split("\t")[2]).toList();
        for (String line : r.out().lines().skip(1).toList()) {
            for (String p : played) {
                assertFalse(line.substring(6, 46).trim().equals(p), "played artist recommended: " + p);
            }
        }
        Run s = run("similar", "--model", model.toString(), "--artist", artist, "-n", "3");
        assertEquals(0, s.code(), s.err());
        assertEquals(4, s.out().lines().count(), s.out());
        assertFalse(s.out().lines().skip(1).anyMatch(l -> l.substring(6, 46).trim().equals(artist)), "artist similar to itself");
        String recommended = r.out().lines().skip(1).findFirst().orElseThrow().substring(6, 46).trim();
        Run e = run("explain", "--model", model.toString(), "--user", user, "--artist", recommended);
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("score "), e.out());
        assertEquals(played.size() + 2, e.out().lines().count(), "score line, header, one line per played artist:\n" + e.out());
    }

    @Test
    void evaluateReportsModelBesideTheBaseline() {
        Run r = run("evaluate", "--model", model.toString(), "--input", data.toString(), "--holdout", "0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model") && r.out().contains("most popular"), r.out());
    }

    @Test
    void explainOnAPlayedArtistSaysItWasPlayedThenExplainsItsScore() throws IOException {
        // the first row of the file: `user` played `artist`, this many times (the file's own count)
        String[] first = Files.readAllLines(data).get(0).split("\t");
        long plays = Math.round(Double.parseDouble(first[3]));
        Run e = run("explain", "--model", model.toString(), "--user", user, "--artist", artist);
        assertEquals(0, e.code(), e.err());
        List<String> lines = e.out().lines().toList();
        assertEquals(String.format("%s already played %s: %,d plays (never recommended to them); its score explained:", user, artist, plays),
                lines.get(0), e.out());
        assertTrue(lines.get(1).startsWith("score "), e.out());
        assertTrue(lines.stream().skip(3).anyMatch(l -> l.startsWith(artist)), "its own plays contribute to its score:\n" + e.out());
    }

    @Test
    void evaluateSaysWhatTheModelWasTrainedOnAndWarnsWhenItSawTheTestRows() throws IOException {
        int rows = Importer.importFile(data, ImportOptions.auto()).dataset().matrix().nnz();
        Run r = run("evaluate", "--model", model.toString(), "--input", data.toString(), "--holdout", "0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(String.format("model trained on all %,d rows of plays.tsv (holdout 0.2, seed 42 evaluated while training)", rows)),
                r.out());
        assertTrue(r.out().contains("optimistic"), "the test rows were in the model's training rows:\n" + r.out());
    }

    @Test
    void exportWritesTsvAndNpy() {
        Path out = dir.resolve("export");
        Run r = run("export", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("user_factors.tsv", "item_factors.tsv", "user_factors.npy", "item_factors.npy")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void everyCommandAnswersHelpAsTheErrorHintPromises() {
        // the parameter-error hint says "Try 'tastemap bench --help'"; that must print the options, not fail
        for (String cmd : List.of("import", "train", "evaluate", "recommend", "similar", "explain", "export", "generate", "bench", "sweep")) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertTrue(r.out().contains("Usage: tastemap " + cmd), cmd + ":\n" + r.out());
        }
    }

    @Test
    void importReportsTheDataset() {
        Run r = run("import", "--input", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("users"), r.out());
    }

    @Test
    void importTakesEncodingAndValueChoices() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "user,artist,score\nu1,Björk,0.5\nu1,Bjärk,1.5\nu2,Björk,2\n".getBytes(StandardCharsets.ISO_8859_1));
        Run auto = run("import", "--input", latin1.toString());
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.out().contains("encoding: latin-1 ("), auto.out());
        assertTrue(auto.out().contains("values: read as weight"), auto.out());
        assertTrue(auto.out().contains("2 artists"), auto.out());

        Run chosen = run("import", "--input", latin1.toString(), "--encoding", "utf-8", "--values", "presence");
        assertEquals(0, chosen.code(), chosen.err());
        assertTrue(chosen.out().contains("encoding: utf-8 (chosen)"), chosen.out());
        assertTrue(chosen.out().contains("values: read as presence"), chosen.out());
        assertTrue(chosen.out().contains("3: " + org.tastemap.io.ImportNote.INVALID_UTF8.description()), chosen.out());

        Run wrong = run("import", "--input", latin1.toString(), "--encoding", "ebcdic");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("auto, utf-8, latin-1 or windows-1252"), wrong.err());
    }

    @Test
    void importReadsStandardInputGivenAsDash() throws IOException {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(Files.newInputStream(data));
            Run r = run("import", "--input", "-");
            assertEquals(0, r.code(), r.err());
            Run file = run("import", "--input", data.toString());
            // the same rows either way; the report names the copy "stdin"
            String last = file.out().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(r.out().contains(last), r.out());
            assertTrue(r.out().startsWith("stdin ("), r.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void devicesAreRefusedByTheCli() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Run r = run("import", "--input", "/dev/zero");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("zero: this is not a regular file"), r.err());
    }

    @Test
    void errorsAreOneSentenceOnStderrWithoutStackTrace() {
        Run unknown = run("recommend", "--model", model.toString(), "--user", "nobody");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("tastemap: no user 'nobody'"), unknown.err());
        assertFalse(unknown.err().contains("\tat "), "no stack trace without --debug");

        Run missing = run("import", "--input", dir.resolve("missing.tsv").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("missing.tsv"), missing.err());
        assertFalse(missing.err().contains("\tat "));

        Run bad = run("train", "--input", data.toString(), "--factors", "0", "--out", dir.resolve("x.tsm").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("Factors must be between 1 and 1024"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.tsm")), "nothing saved for invalid parameters");

        Run usage = run("recommend", "--user", "x");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--model"), usage.err());

        Run debug = run("recommend", "--model", model.toString(), "--user", "nobody", "--debug");
        assertTrue(debug.err().contains("\tat "), "--debug shows the stack trace");
    }
}
