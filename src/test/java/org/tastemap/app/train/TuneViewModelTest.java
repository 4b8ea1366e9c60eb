package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneListener;
import org.tastemap.core.tune.TuneResult;
import org.tastemap.core.tune.Tuner;

/** The Tune panel's logic without a window: jobs run at once on the test thread (SameThreadExecutor). */
class TuneViewModelTest {
    private AppState state;
    private TrainViewModel train;
    private TuneViewModel tune;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        train = new TrainViewModel(state, new SameThreadExecutor(), new Debouncer.Manual(), new Fixtures.Errors());
        train.factorsProperty().set(8);
        train.iterationsProperty().set(4);
        train.train();
        tune = train.tune();
        // 16 factors and two confidence kinds: two slices of 3 x 8 cells, a few seconds on the fixture
        tune.factorChoices().forEach(b -> b.set(false));
        tune.factorChoices().get(TuneViewModel.FACTOR_CHOICES.indexOf(16)).set(true);
        tune.confidenceChoices().get(TuneViewModel.CONFIDENCE_CHOICES.indexOf(ConfidenceKind.BM25)).set(true);
        tune.budgetProperty().set(600);
    }

    /** The same tune run straight through the engine, without the app: the reference the map is checked against. */
    private TuneResult reference() {
        return Tuner.tune(state.data().split().train(), tune.options().withTrainFinal(false), TuneListener.NONE, () -> false);
    }

    @Test
    void aTuneFillsTheMapAndItsModelBecomesTheCurrentOne() {
        tune.start();
        TuneResult expected = reference();
        TuneMap map = tune.mapProperty().get();
        assertFalse(tune.runningProperty().get());
        assertEquals(TuneResult.Status.COMPLETED, expected.status());
        // every candidate of the engine's own run, in order, with the same values (the tune is deterministic)
        assertEquals(expected.candidates().stream().map(CandidateResult::value).toList(),
                map.results().stream().map(CandidateResult::value).toList());
        assertEquals(2 * 3 * 8, map.cellsDone(), "two slices of 3 alphas x 8 lambdas");
        assertEquals(2, map.slices().size());
        assertEquals(expected.chosen().candidate().index(), map.best().candidate().index());
        assertNull(map.running());
        // the tuned model is current, trained on the training rows with the chosen settings
        AlsParams chosen = expected.chosen().candidate().params();
        ModelState m = state.model();
        assertEquals(chosen.alpha(), m.trained().factors().params().alpha());
        assertEquals(chosen.lambda(), m.trained().factors().params().lambda());
        assertEquals(chosen.confidence(), m.trained().factors().params().confidence());
        assertEquals(Integer.toString(state.data().split().train().nnz()), m.trained().metadata().get(ModelMetadata.TRAINED_ROWS));
        assertEquals(Integer.toString(expected.candidates().size()), m.trained().metadata().get(ModelMetadata.TUNE_CANDIDATES));
        assertNotNull(m.metrics(), "held-out metrics of the tuned model, for the status bar");
        // the controls show the chosen settings, and the model has them
        assertEquals(chosen.alpha(), train.alphaProperty().get());
        assertEquals(chosen.lambda(), train.lambdaProperty().get());
        assertFalse(train.settingsDifferBinding().get());
        // one history entry for the whole tune
        assertEquals(2, train.history().size());
        RunRecord entry = train.history().get(0);
        assertEquals(RunRecord.Ending.TUNED, entry.ending());
        assertSame(map, entry.tune());
        assertTrue(entry.isTune() && entry.finished());
        assertEquals("tuned: " + expected.candidates().size() + " candidates", entry.endingText());
        assertEquals(m.metrics().mapAtK(), entry.map());
    }

    @Test
    void cancelKeepsThePartialMapAndTheModel() {
        ModelState before = state.model();
        // cancel as the third candidate finishes (on this thread, as the Cancel button would between events)
        tune.mapProperty().addListener((o, a, b) -> {
            if (b != null && b.results().size() == 3) {
                tune.cancel();
            }
        });
        tune.start();
        TuneMap map = tune.mapProperty().get();
        assertFalse(tune.runningProperty().get());
        // the three finished, plus at most the one that was starting when the flag was set
        assertTrue(map.results().size() == 3 || map.results().size() == 4, "kept " + map.results().size());
        assertEquals(Candidate.Phase.DEFAULTS, map.results().get(0).candidate().phase());
        // the first grid candidate, wherever the search order starts the grid
        Candidate firstGrid = map.results().get(1).candidate();
        assertEquals(Candidate.Phase.GRID, firstGrid.phase());
        assertNotNull(map.cell(new TuneMap.Slice(0, 0), firstGrid.alphaCell(), firstGrid.lambdaCell()),
                "the first grid cell stays on the map");
        assertNull(map.running());
        assertSame(before, state.model(), "a cancelled tune leaves the model as it was");
        RunRecord entry = train.history().get(0);
        assertEquals(RunRecord.Ending.CANCELLED, entry.ending());
        assertSame(map, entry.tune());
        assertTrue(entry.endingText().startsWith("tune stopped after"), entry.endingText());
        assertTrue(tune.messageProperty().get().contains("map keeps them"), tune.messageProperty().get());
    }

    @Test
    void adoptingACellTrainsItsSettingsOnTheTrainingRows() {
        tune.start();
        TuneMap map = tune.mapProperty().get();
        // a scored grid cell other than the best
        CandidateResult cell = map.scoredCells(new TuneMap.Slice(0, 0)).stream()
                .filter(r -> r.candidate().index() != map.best().candidate().index()).findFirst().orElseThrow();
        int runs = train.history().size();
        tune.adopt(cell);
        AlsParams p = state.model().trained().factors().params();
        assertEquals(cell.candidate().params().alpha(), p.alpha());
        assertEquals(cell.candidate().params().lambda(), p.lambda());
        assertEquals(cell.candidate().params().factors(), p.factors());
        assertEquals(cell.candidate().params().alpha(), train.alphaProperty().get(), "the slider moved");
        assertEquals(cell.candidate().params().lambda(), train.lambdaProperty().get());
        assertEquals(runs + 1, train.history().size());
        assertFalse(train.history().get(0).warm(), "a cell trains from a random start, as the tune's final model");
        assertEquals(train.defaultsForData().iterations(), state.model().iterations());
        assertSame(map, tune.mapProperty().get(), "the map stays");
    }

    @Test
    void useOnTheTuneEntryBringsBackItsMapSettingsAndModel() {
        tune.start();
        RunRecord entry = train.history().get(0);
        TuneMap map = tune.mapProperty().get();
        CandidateResult other = map.scoredCells(new TuneMap.Slice(1, 0)).get(0);
        tune.adopt(other);
        // another tune over a different space replaces the map
        tune.confidenceChoices().get(TuneViewModel.CONFIDENCE_CHOICES.indexOf(ConfidenceKind.BM25)).set(false);
        tune.start();
        assertNotEquals(map.space(), tune.mapProperty().get().space());
        train.use(entry);
        assertSame(map, tune.mapProperty().get());
        assertEquals(entry.params().alpha(), train.alphaProperty().get());
        assertEquals(entry.params().lambda(), train.lambdaProperty().get());
        assertEquals(entry.params().confidence(), train.confidenceProperty().get());
        AlsParams p = state.model().trained().factors().params();
        assertEquals(List.of(entry.params().alpha(), entry.params().lambda()), List.of(p.alpha(), p.lambda()),
                "Use retrains the model to the tune's settings");
    }

    @Test
    void newDataClearsTheMapAndTrainingWaitsForATune() {
        tune.start();
        assertNotNull(tune.mapProperty().get());
        tune.offer();
        state.setData(null);
        assertNull(tune.mapProperty().get());
        assertFalse(tune.offeredProperty().get(), "the offer was for the data that left");
        assertFalse(tune.canStartBinding().get(), "no data, no tune");
    }

    @Test
    void nothingToTryIsRefusedWithAReason() {
        tune.factorChoices().forEach(b -> b.set(false));
        assertFalse(tune.canStartBinding().get());
        tune.start();
        assertNull(tune.mapProperty().get());
        assertEquals("Tick at least one confidence kind and one factor count.", tune.messageProperty().get());
    }
}
