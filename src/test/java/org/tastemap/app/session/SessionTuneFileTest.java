package org.tastemap.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneListener;
import org.tastemap.core.tune.TuneOptions;
import org.tastemap.core.tune.TuneResult;
import org.tastemap.core.tune.TuneSpace;
import org.tastemap.core.tune.Tuner;

/** The tunes a session keeps: written beside session.properties, read back exactly; old and damaged files still load. */
class SessionTuneFileTest {
    @TempDir
    Path dir;

    private static TuneResult result;

    /** A real tune on the fixture data (defaults + 2 kinds x 2 alphas x 3 lambdas at k 8, no refinement), run once. */
    private static synchronized TuneResult realTune() {
        if (result == null) {
            AlsParams base = AlsParams.defaults().withFactors(8).withIterations(4).withThreads(1);
            TuneSpace space = new TuneSpace(List.of(ConfidenceKind.LOG, ConfidenceKind.BM25), List.of(8), List.of(0.3, 3.0),
                    List.of(0.01, 1.0, 100.0), false);
            result = Tuner.tune(Fixtures.data().split().train(), TuneOptions.defaults(base).withSpace(space).withTrainFinal(false),
                    TuneListener.NONE, () -> false);
        }
        return result;
    }

    /** The real tune's candidates, and one more by hand that the budget stopped before it was scored (NaN value, no metrics). */
    private static SessionTune tune() {
        TuneResult t = realTune();
        List<CandidateResult> all = new ArrayList<>(t.candidates());
        CandidateResult last = all.get(all.size() - 1);
        Candidate c = new Candidate(all.size(), Candidate.Phase.REFINE, last.candidate().params().withLambda(0.1 + 0.2), 1, 0, 1, 1);
        all.add(new CandidateResult(c, CandidateResult.Outcome.OUT_OF_TIME, 0, 0, last.candidate().index(), null, Double.NaN, 0.125));
        TuneSpace space = new TuneSpace(List.of(ConfidenceKind.LOG, ConfidenceKind.BM25), List.of(8), List.of(0.3, 3.0),
                List.of(0.01, 1.0, 100.0), false);
        return new SessionTune(space, org.tastemap.core.tune.TuneMetric.MAP, 60, t.baseline(), all, t.chosen().candidate().index());
    }

    private static SessionFile session(List<SessionFile.Run> runs) {
        AlsParams p = AlsParams.defaults().withFactors(8);
        return new SessionFile("/data/x.tsv", "", "/m/model.tsm", false, p, true, true, runs, List.of());
    }

    private static SessionFile.Run tuned(int number, SessionTune t) {
        AlsParams chosen = t.candidates().stream().filter(r -> r.candidate().index() == t.chosen()).findFirst().orElseThrow()
                .candidate().params();
        // the history keeps factors, iterations, alpha, lambda, confidence and solver of a run (threads are the screen's)
        return new SessionFile.Run(number, chosen.withThreads(0), false, 4, Double.NaN, 0.05, 3.5, "TUNED", t);
    }

    private Path tuneFile() throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader(Files.readString(dir.resolve(SessionFile.NAME))));
        return dir.resolve(p.getProperty("run.0.tune"));
    }

    @Test
    void aSavedTuneReadsBackAsTheSameCandidates() throws Exception {
        SessionTune t = tune();
        // defaults + 12 grid cells, and a re-run from a random start when a warm-started cell led
        long grid = realTune().candidates().stream().filter(r -> r.candidate().phase() == Candidate.Phase.GRID).count();
        assertTrue(grid == 12 && realTune().candidates().size() >= 13 && realTune().chosen() != null, "defaults + 12 grid cells, one chosen");
        SessionFile.Run plain = new SessionFile.Run(1, AlsParams.defaults(), false, 15, 12.5, 0.04, 2.0, "REACHED");
        session(List.of(tuned(2, t), plain)).write(dir);
        SessionFile back = SessionFile.read(dir).orElseThrow();
        assertEquals(List.of(), back.problems());
        SessionTune r = back.runs().get(0).tune();
        // every field of every candidate (records compare their doubles exactly), in order; the NaN of the unscored one too
        assertEquals(t.candidates(), r.candidates());
        assertEquals(t.space(), r.space());
        assertEquals(t.baseline(), r.baseline());
        assertEquals(List.of(t.chosen(), t.metric(), t.budget()), List.of(r.chosen(), r.metric(), r.budget()));
        assertEquals(t, r);
        assertNull(back.runs().get(1).tune(), "a training run has no tune");
        assertEquals(session(List.of(tuned(2, t), plain)).runs(), back.runs());
        assertTrue(Files.readString(dir.resolve(SessionFile.NAME)).contains("version=2"));
    }

    @Test
    void theTuneFileIsReadableJsonOfTheDocumentedShape() throws Exception {
        SessionTune t = tune();
        session(List.of(tuned(1, t))).write(dir);
        Path f = tuneFile();
        assertTrue(f.getFileName().toString().matches("tune-[0-9a-f]{16}\\.json"), f.toString());
        var root = com.google.gson.JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertEquals("tastemap-tune", root.get("format").getAsString());
        assertEquals(1, root.get("version").getAsInt());
        assertEquals("map", root.get("metric").getAsString());
        assertEquals(List.of("log", "bm25"), root.getAsJsonObject("space").getAsJsonArray("confidences").asList().stream()
                .map(com.google.gson.JsonElement::getAsString).toList());
        var cands = root.getAsJsonArray("candidates");
        assertEquals(t.candidates().size(), cands.size());
        for (int i = 0; i < cands.size(); i++) {
            var c = cands.get(i).getAsJsonObject();
            CandidateResult want = t.candidates().get(i);
            assertEquals(want.candidate().params().lambda(), c.getAsJsonObject("params").get("lambda").getAsDouble());
            assertEquals(want.seconds(), c.get("seconds").getAsDouble());
            if (want.metrics() != null) {
                assertEquals(want.metrics().mapAtK(), c.getAsJsonObject("metrics").get("map@10").getAsDouble());
                assertEquals(want.metrics().ndcgAtK(), c.getAsJsonObject("metrics").get("ndcg@10").getAsDouble());
            }
        }
        var unscored = cands.get(cands.size() - 1).getAsJsonObject();
        assertEquals("NaN", unscored.get("value").getAsString(), "a value that is no number is the string NaN");
        assertTrue(unscored.get("metrics").isJsonNull());
        assertEquals("out_of_time", unscored.get("outcome").getAsString());
    }

    @Test
    void filesOfTunesNoLongerInTheHistoryAreDeletedAndTheSameTuneIsNotWrittenTwice() throws Exception {
        SessionTune t = tune();
        session(List.of(tuned(1, t))).write(dir);
        Path first = tuneFile();
        long written = Files.getLastModifiedTime(first).toMillis();
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        session(List.of(tuned(2, t), tuned(1, t))).write(dir);
        assertEquals(written - 60_000, Files.getLastModifiedTime(first).toMillis(), "the same content is the same file, kept");
        SessionTune other = new SessionTune(t.space(), t.metric(), 30, t.baseline(), t.candidates().subList(0, 3),
                t.candidates().get(2).candidate().index());
        session(List.of(tuned(1, other))).write(dir);
        assertFalse(Files.exists(first), "no session refers to it any more");
        assertEquals(other, SessionFile.read(dir).orElseThrow().runs().get(0).tune());
        session(List.of()).write(dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(SessionFile.NAME), files.map(x -> x.getFileName().toString()).toList());
        }
    }

    /** A session as version 1 (before tunes were kept) wrote it: a tune's entry, a training run, the chart. */
    static final String VERSION_1 = String.join("\n",
            "#Tastemap session: reopened on the next launch",
            "version=1",
            "data.source=/data/listening.tsv",
            "data.importSettings=",
            "model.file=/m/model.tsm",
            "model.heldOut=true",
            "train.controls=16;15;3.0;0.1;LOG;CG",
            "train.heldOut=true",
            "train.autoRetrain=true",
            "runs=2",
            "run.0=2;16;15;3.0;0.1;LOG;CG;false;7;NaN;0.0712;4.25;TUNED",
            "run.1=1;32;10;1.0;100.0;LOG;CG;false;10;1234.5;0.0402;1.5;REACHED",
            "points=1",
            "point.0=1.0;1234.5;0.0402;0.061;0.2;0.2",
            "");

    @Test
    void aSessionOfVersionOneStillLoadsWithItsTuneEntryWithoutAMap() throws Exception {
        Files.writeString(dir.resolve(SessionFile.NAME), VERSION_1, StandardCharsets.ISO_8859_1);
        SessionFile s = SessionFile.read(dir).orElseThrow();
        assertEquals(List.of(), s.problems(), "nothing is wrong with an old file");
        assertEquals(2, s.runs().size());
        SessionFile.Run tune = s.runs().get(0);
        assertEquals(List.of(2, "TUNED", 3.0, 0.1, 16, 7), List.of(tune.number(), tune.ending(), tune.params().alpha(),
                tune.params().lambda(), tune.params().factors(), tune.iterations()));
        assertNull(tune.tune());
        assertEquals(0.0712, tune.map());
        assertEquals(1, s.points().size());
    }

    @Test
    void aDamagedTuneIsReportedWithItsFileAndTheRestOfTheSessionLoads() throws Exception {
        SessionTune t = tune();
        SessionFile.Run plain = new SessionFile.Run(1, AlsParams.defaults(), false, 15, 12.5, 0.04, 2.0, "REACHED");
        session(List.of(tuned(2, t), plain)).write(dir);
        Path f = tuneFile();
        String json = Files.readString(f);
        // the third candidate's MAP@10 is no longer a number
        int third = json.indexOf("\"index\": 2,");
        int at = json.indexOf("\"map@10\": ", third) + "\"map@10\": ".length();
        Files.writeString(f, json.substring(0, at) + "\"x\"" + json.substring(json.indexOf(',', at)));
        SessionFile s = SessionFile.read(dir).orElseThrow();
        assertEquals(2, s.runs().size(), "every run loads");
        assertNull(s.runs().get(0).tune(), "without the damaged map");
        assertEquals("TUNED", s.runs().get(0).ending());
        assertEquals(plain, s.runs().get(1));
        assertEquals(1, s.problems().size());
        String p = s.problems().get(0);
        assertTrue(p.startsWith(f.toString()) && p.contains("candidates[2].metrics.map@10: expected a number, found \"x\"")
                && p.contains("run 2"), p);

        Files.writeString(f, json.substring(0, json.length() / 2));
        String cut = SessionFile.read(dir).orElseThrow().problems().get(0);
        assertTrue(cut.startsWith(f.toString()) && cut.contains("not valid JSON"), cut);
        Files.delete(f);
        String missing = SessionFile.read(dir).orElseThrow().problems().get(0);
        assertTrue(missing.startsWith(f.toString()) && missing.contains("missing"), missing);
    }

    @Test
    void readingSaysWhatIsWrongWithATune() {
        String good = TuneFile.write(tune());
        assertEquals(tune(), TuneFile.read(good));
        assertEquals("version 2 is not one this Tastemap reads (1 to 1; a newer Tastemap wrote it)", assertThrows(
                IllegalArgumentException.class, () -> TuneFile.read(good.replace("\"version\": 1", "\"version\": 2"))).getMessage());
        assertEquals("format: expected \"tastemap-tune\", found \"other\"", assertThrows(IllegalArgumentException.class,
                () -> TuneFile.read(good.replace("tastemap-tune", "other"))).getMessage());
        // a cell outside the space would draw nowhere: refused
        String cell = good.replaceFirst("\"lambdaCell\": \\d+", "\"lambdaCell\": 3");
        assertNotEquals(good, cell);
        assertEquals("candidates[0].lambdaCell: 3 is outside the space's 3 values", assertThrows(IllegalArgumentException.class,
                () -> TuneFile.read(cell)).getMessage());
        String chosen = good.replaceFirst("\"chosen\": \\d+", "\"chosen\": 99");
        assertEquals("chosen: 99 is the index of no candidate", assertThrows(IllegalArgumentException.class,
                () -> TuneFile.read(chosen)).getMessage());
        String kind = good.replaceFirst("\"bm25\"", "\"cubic\"");
        assertEquals("space.confidences[1]: expected one of linear, log, bm25, found \"cubic\"", assertThrows(
                IllegalArgumentException.class, () -> TuneFile.read(kind)).getMessage());
    }
}
