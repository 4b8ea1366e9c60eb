package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.RecordingFiles;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.SessionFile;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.app.train.RunRecord;
import org.tastemap.app.train.TrainViewModel;
import org.tastemap.app.train.TuneMap;
import org.tastemap.app.train.TuneViewModel;
import org.tastemap.core.tune.CandidateResult;

/** A tune's history entry across a quit and a relaunch: its map comes back (or, from an old or damaged file, says why not). */
class TuneSessionTest {
    @TempDir
    Path dir;
    private AppPrefs prefs;

    private record Launch(AppState state, TrainViewModel train, MainViewModel main) {
    }

    private Launch launch(AppState state) {
        SameThreadExecutor ex = new SameThreadExecutor();
        Fixtures.Errors errors = new Fixtures.Errors();
        TrainViewModel train = new TrainViewModel(state, ex, new Debouncer.Manual(), errors);
        return new Launch(state, train, new MainViewModel(state, ex, new RecordingFiles(), prefs, errors, train));
    }

    @BeforeEach
    void setUp() {
        prefs = AppPrefs.inMemory();
        prefs.put("sessionDir", dir.resolve("session").toString());
    }

    private Path session() {
        return dir.resolve("session");
    }

    /** A training run, then a tune at k 16 (the defaults, 3 x 8 cells, refinement), then quit with Save. */
    private Launch tunedAndQuit() {
        Launch a = launch(Fixtures.stateWithData());
        a.train().factorsProperty().set(8);
        a.train().iterationsProperty().set(4);
        a.train().train();
        TuneViewModel t = a.train().tune();
        t.factorChoices().forEach(b -> b.set(false));
        t.factorChoices().get(TuneViewModel.FACTOR_CHOICES.indexOf(16)).set(true);
        t.budgetProperty().set(600);
        t.start();
        assertEquals(RunRecord.Ending.TUNED, a.train().history().get(0).ending());
        assertNotNull(a.train().history().get(0).tune());
        assertTrue(a.main().session().unsavedProperty().get(), "the tuned model is in no file yet");
        List<String> asked = new java.util.ArrayList<>();
        a.main().session().quit((title, text) -> {
            asked.add(title);
            return SessionKeeper.Answer.SAVE;
        }, () -> { });
        assertEquals(List.of("Save the trained model?"), asked, "quitting asks before the tuned model could be lost");
        return a;
    }

    private Launch relaunch() {
        Launch b = launch(new AppState());
        b.main().startup();
        assertNotNull(b.state().model(), "the session's model reopens");
        return b;
    }

    private List<Path> tuneFiles() throws Exception {
        try (Stream<Path> s = Files.list(session())) {
            return s.filter(f -> f.getFileName().toString().startsWith("tune-")).toList();
        }
    }

    @Test
    void aRelaunchShowsTheTuneOfTheHistoryWithTheSameCells() throws Exception {
        Launch a = tunedAndQuit();
        TuneMap before = a.train().history().get(0).tune();
        Launch b = relaunch();
        RunRecord entry = b.train().history().get(0);
        assertEquals(RunRecord.Ending.TUNED, entry.ending());
        assertEquals(before, entry.tune(), "the same space, baseline, candidates (every field) and choice");
        TuneMap shown = b.train().tune().mapProperty().get();
        assertEquals(entry.tune(), shown, "the Tune panel shows it at once");
        assertEquals(a.train().history().get(0).seconds(), entry.seconds());

        // each grid cell holds the value the saved file gives its candidate (read here with a plain JSON parser)
        List<Path> files = tuneFiles();
        assertEquals(1, files.size());
        JsonObject json = JsonParser.parseString(Files.readString(files.get(0))).getAsJsonObject();
        int cells = 0;
        java.util.Map<Integer, JsonObject> byIndex = new java.util.HashMap<>();
        json.getAsJsonArray("candidates").forEach(e -> byIndex.put(e.getAsJsonObject().get("index").getAsInt(), e.getAsJsonObject()));
        for (var e : json.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("phase").getAsString().equals("grid")) {
                CandidateResult r = shown.cell(new TuneMap.Slice(0, 0), c.get("alphaCell").getAsInt(), c.get("lambdaCell").getAsInt());
                // the cell shows this candidate, or the re-run from a random start that stands for its settings
                JsonObject saved = byIndex.get(r.candidate().index());
                assertTrue(saved == c || saved.get("phase").getAsString().equals("check"), saved.toString());
                assertEquals(saved.get("value").getAsDouble(), r.value());
                assertEquals(saved.getAsJsonObject("metrics").get("ndcg@10").getAsDouble(), r.metrics().ndcgAtK());
                cells++;
            }
        }
        assertEquals(3 * 8, cells);
        assertEquals(json.get("chosen").getAsInt(), shown.chosen());
        assertEquals(shown.best().candidate().index(), shown.chosen(), "the star is on the tune's choice");
        assertTrue(b.train().tune().messageProperty().get().startsWith("The tune of the last session (run "
                + entry.number() + "): best "), b.train().tune().messageProperty().get());
        assertTrue(b.train().tune().progressTextProperty().get().startsWith(shown.results().size() + " candidates in "));

        // a cell of the restored map still trains with its settings
        CandidateResult cell = shown.scoredCells(new TuneMap.Slice(0, 0)).get(0);
        b.train().tune().adopt(cell);
        var p = b.state().model().trained().factors().params();
        assertEquals(List.of(cell.candidate().params().alpha(), cell.candidate().params().lambda(), cell.candidate().params().factors()),
                List.of(p.alpha(), p.lambda(), p.factors()));
        assertEquals(RunRecord.Ending.REACHED, b.train().history().get(0).ending());
    }

    @Test
    void aSessionFromBeforeTunesWereKeptLoadsAndSaysTheMapWasNotKept() throws Exception {
        Launch a = tunedAndQuit();
        // the same session as version 1 wrote it: no run.N.tune entries and no tune files
        Path props = session().resolve(SessionFile.NAME);
        String text = Files.readString(props);
        Files.writeString(props, text.replaceAll("(?m)^run\\.\\d+\\.tune=.*\\R", "").replace("version=2", "version=1"));
        for (Path f : tuneFiles()) {
            Files.delete(f);
        }
        Launch b = relaunch();
        assertEquals(a.train().history().size(), b.train().history().size());
        RunRecord entry = b.train().history().get(0);
        assertEquals(RunRecord.Ending.TUNED, entry.ending());
        assertNull(entry.tune());
        assertEquals(a.train().history().get(0).params().lambda(), entry.params().lambda());
        assertNull(b.train().tune().mapProperty().get(), "no map to show");
        assertEquals("Reopened the last session: the model, its run history and the Train settings.",
                b.main().noticeProperty().get(), "nothing is wrong with an old session");
        b.train().use(entry);
        assertNull(b.train().tune().mapProperty().get());
        assertTrue(b.train().tune().messageProperty().get().contains("its map was not kept"), b.train().tune().messageProperty().get());
        assertEquals(entry.params().lambda(), b.train().params().lambda(), "Use still brings its settings back");
    }

    @Test
    void aDamagedTuneFileIsReportedAndTheRestOfTheSessionLoads() throws Exception {
        Launch a = tunedAndQuit();
        Path f = tuneFiles().get(0);
        String json = Files.readString(f);
        Files.writeString(f, json.replace("\"space\": {", "\"space\": [{"));
        Launch b = relaunch();
        assertEquals(a.train().history().size(), b.train().history().size(), "every run of the history is back");
        assertEquals(List.copyOf(a.train().points()), List.copyOf(b.train().points()), "and the chart");
        assertNull(b.train().history().get(0).tune());
        assertNull(b.train().tune().mapProperty().get());
        String notice = b.main().noticeProperty().get();
        assertTrue(notice.startsWith("Reopened the last session") && notice.contains(f.toString())
                && notice.contains("cannot be read") && notice.contains("without its map"), notice);
    }
}
