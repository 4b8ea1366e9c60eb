package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.Debouncer;
import org.tastemap.app.task.SameThreadExecutor;

class TrainViewModelTest {
    private AppState state;
    private SameThreadExecutor executor;
    private Debouncer.Manual debouncer;
    private Fixtures.Errors errors;
    private TrainViewModel vm;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        executor = new SameThreadExecutor();
        debouncer = new Debouncer.Manual();
        errors = new Fixtures.Errors();
        vm = new TrainViewModel(state, executor, debouncer, errors);
        vm.factorsProperty().set(8);
        vm.iterationsProperty().set(4);
    }

    @Test
    void trainingProducesOneChartPointPerIterationAndAHistoryRow() {
        vm.train();
        assertEquals(4, vm.points().size());
        for (IterationPoint p : vm.points()) {
            assertFalse(Double.isNaN(p.loss()), "loss is computed every iteration");
            assertFalse(Double.isNaN(p.map()), "held-out MAP@10 is computed every iteration");
            assertTrue(p.precision() >= 0 && p.precision() <= 1);
        }
        assertEquals(1, vm.history().size());
        RunRecord run = vm.history().get(0);
        assertFalse(run.warm());
        assertEquals(vm.points().get(3).map(), run.map());
        ModelState m = state.model();
        assertNotNull(m);
        assertEquals(4, m.iterations());
        assertTrue(m.heldOut());
        assertFalse(vm.runningProperty().get());
        assertTrue(errors.shown.isEmpty());
        assertFalse(Double.isNaN(vm.baselineMap()), "the popularity baseline is known for the reference line");
    }

    @Test
    void trainingAsksTheWorkerLimitWithTheRunsThreadCount() {
        // two workers, so the trainer's pool (which asks the limit) is used on any machine
        String before = System.getProperty("tastemap.trainThreads");
        System.setProperty("tastemap.trainThreads", "2");
        try {
            java.util.List<Integer> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.Set<String> askers = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
            // one worker throughout, as while a person types
            vm.setWorkerLimit(n -> {
                asked.add(n);
                askers.add(Thread.currentThread().getName().startsWith("tastemap-als-") ? "row workers" : "evaluation");
                return n - 1;
            });
            vm.train();
            assertFalse(asked.isEmpty(), "the limit is asked during training");
            assertTrue(asked.stream().allMatch(n -> n == 2), "with the run's thread count: " + asked.subList(0, 1));
            // the row workers ask before each chunk; each held-out evaluation asks once, on the job's thread
            assertEquals(java.util.Set.of("row workers", "evaluation"), askers);
            assertEquals(4, vm.points().size(), "training completes on one worker");
        } finally {
            if (before == null) {
                System.clearProperty("tastemap.trainThreads");
            } else {
                System.setProperty("tastemap.trainThreads", before);
            }
        }
    }

    @Test
    void lossFallsOverIterations() {
        vm.train();
        // ALS never increases the full loss (each half-step minimises it exactly or by CG from the previous factors)
        assertTrue(vm.points().get(3).loss() <= vm.points().get(0).loss());
    }

    @Test
    void movingAlphaRetrainsWarmStartedOnceTheSliderSettles() {
        vm.train();
        ModelState before = state.model();
        vm.alphaProperty().set(8.0);
        vm.alphaProperty().set(10.0);
        assertSame(before, state.model(), "nothing happens until the debounce fires");
        assertTrue(debouncer.hasPending());
        debouncer.fire();
        ModelState after = state.model();
        RunRecord run = vm.history().get(0);
        // warm start: the model's iteration count continues from the previous model's
        assertEquals(4 + run.iterations(), after.iterations());
        assertEquals(10.0, after.trained().factors().params().alpha());
        assertEquals(2, vm.history().size());
        assertTrue(run.warm());
        assertEquals(5, vm.points().get(0).iteration(), "the chart's x axis continues after the warm start");
        assertEquals(5, vm.firstIterationProperty().get());
        assertEquals(8, vm.lastIterationProperty().get());
    }

    @Test
    void movingLambdaWithoutAModelDoesNotTrain() {
        vm.lambdaProperty().set(1.0);
        assertFalse(debouncer.hasPending());
        assertNull(state.model());
    }

    @Test
    void restoringARunSetsItsParametersWithoutRetraining() {
        vm.alphaProperty().set(3.0);
        vm.train();
        vm.alphaProperty().set(50.0);
        debouncer.fire();
        vm.restore(vm.history().get(1).params());
        assertEquals(3.0, vm.alphaProperty().get());
        assertFalse(debouncer.hasPending(), "restoring does not start a retrain");
    }

    @Test
    void cancellingKeepsThePreviousModel() {
        vm.train();
        ModelState good = state.model();
        executor.cancelNextJob();
        vm.factorsProperty().set(16);
        vm.train();
        assertSame(good, state.model());
        assertTrue(vm.messageProperty().get().contains("previous model is kept"), vm.messageProperty().get());
        assertEquals(2, vm.history().size(), "the cancelled run is listed with how it ended");
        assertEquals(RunRecord.Ending.CANCELLED, vm.history().get(0).ending());
        assertEquals("cancelled after 0 iterations", vm.history().get(0).endingText());
        assertEquals(RunRecord.Ending.REACHED, vm.history().get(1).ending());
        assertEquals("reached 4 iterations", vm.history().get(1).endingText());
    }

    @Test
    void trainingLeavesACoreForTheUserInterfaceFromThreeCoresUp() {
        assertEquals(1, TrainSettings.trainingThreads(1));
        assertEquals(2, TrainSettings.trainingThreads(2));
        assertEquals(2, TrainSettings.trainingThreads(3));
        assertEquals(7, TrainSettings.trainingThreads(8));
        assertEquals(TrainSettings.trainingThreads(Runtime.getRuntime().availableProcessors()), vm.params().threads());
    }

    @Test
    void newDataClearsTheRunHistoryAndTheCharts() {
        vm.train();
        assertEquals(1, vm.history().size());
        state.setData(null);
        state.setData(Fixtures.data());
        assertTrue(vm.history().isEmpty(), "runs on other data are not comparable");
        assertTrue(vm.points().isEmpty());
    }

    @Test
    void invalidParametersAreReportedNotTrained() {
        vm.factorsProperty().set(0);
        vm.train();
        assertNull(state.model());
        assertTrue(vm.messageProperty().get().contains("Factors"), vm.messageProperty().get());
    }

    @Test
    void aWordInANumberFieldIsRefusedAsTypedWithTheReasonAndTrainingWaits() {
        vm.iterationsInput().textProperty().set("abc");
        assertFalse(vm.canTrainBinding().get(), "Train is disabled while a field is invalid");
        String why = vm.iterationsInput().errorBinding().get();
        assertTrue(why.contains("Iterations") && why.contains("\"abc\" is not a whole number") && why.contains("1 to 200"), why);
        assertEquals(4, vm.iterationsProperty().get(), "the last good value stays");
        vm.train();
        assertNull(state.model(), "nothing trains");
        assertTrue(vm.messageProperty().get().contains("not a whole number"), vm.messageProperty().get());
        vm.factorsInput().textProperty().set("0");
        assertTrue(vm.factorsInput().errorBinding().get().contains("from 1 to 512"), vm.factorsInput().errorBinding().get());
        vm.factorsInput().textProperty().set(" 6 ");
        vm.iterationsInput().textProperty().set("3");
        assertTrue(vm.canTrainBinding().get());
        assertEquals(6, vm.factorsProperty().get());
        vm.train();
        assertEquals(3, state.model().iterations());
        vm.iterationsProperty().set(7);
        assertEquals("7", vm.iterationsInput().textProperty().get(), "a value set by code shows in the field");
    }

    @Test
    void aSliderRetrainRunsUntilTheLossSettlesOrTheIterationsBoxIsReached() {
        vm.train();
        vm.iterationsProperty().set(40);
        vm.alphaProperty().set(12.0);
        debouncer.fire();
        RunRecord run = vm.history().get(0);
        // the relative loss changes of the run, from its chart points; the first point has no predecessor in this run
        int n = vm.points().size();
        assertEquals(run.iterations(), n);
        for (int i = 1; i < n - 1; i++) {
            double change = Math.abs(vm.points().get(i - 1).loss() - vm.points().get(i).loss()) / vm.points().get(i - 1).loss();
            assertTrue(change >= TrainViewModel.CONVERGENCE, "it did not stop at the first settled iteration " + (i + 1));
        }
        if (run.ending() == RunRecord.Ending.CONVERGED) {
            double last = Math.abs(vm.points().get(n - 2).loss() - vm.points().get(n - 1).loss()) / vm.points().get(n - 2).loss();
            assertTrue(last < TrainViewModel.CONVERGENCE, "converged means the last change was below the threshold: " + last);
            assertEquals("converged at iteration " + n, run.endingText());
        } else {
            assertEquals(RunRecord.Ending.REACHED, run.ending());
            assertEquals(40, n, "without settling it runs the Iterations box's count");
        }
        // the fixed retrain length this replaces was 5 warm iterations
        assertTrue(n > 5, "on this data the loss still falls after 5 warm iterations: " + n);
        assertEquals(4 + n, state.model().iterations());
    }

    @Test
    void useRetrainsToTheRunsSettingsWhenRetrainingIsOn() {
        vm.alphaProperty().set(3.0);
        vm.train();
        vm.autoRetrainProperty().set(false);
        vm.alphaProperty().set(50.0);
        vm.train();
        assertEquals(50.0, state.model().trained().factors().params().alpha());
        assertFalse(vm.settingsDifferBinding().get());
        vm.autoRetrainProperty().set(true);
        vm.use(vm.history().get(1));
        assertEquals(3.0, vm.alphaProperty().get());
        assertEquals(3.0, state.model().trained().factors().params().alpha(), "the model follows the restored settings");
        assertTrue(vm.history().get(0).warm());
        assertFalse(vm.settingsDifferBinding().get());
    }

    @Test
    void useWithoutRetrainingMarksThatTheSettingsDifferUntilTheyMatchAgain() {
        vm.alphaProperty().set(3.0);
        vm.train();
        vm.autoRetrainProperty().set(false);
        vm.alphaProperty().set(50.0);
        vm.train();
        vm.use(vm.history().get(1));
        assertEquals(50.0, state.model().trained().factors().params().alpha(), "no retrain: the model stays");
        assertTrue(vm.settingsDifferBinding().get(), "the screen marks the difference");
        assertTrue(vm.messageProperty().get().contains("differ"), vm.messageProperty().get());
        vm.use(vm.history().get(0));
        assertFalse(vm.settingsDifferBinding().get(), "the marker goes when the settings match the model again");
        vm.factorsProperty().set(16);
        assertTrue(vm.settingsDifferBinding().get());
        vm.factorsProperty().set(8);
        assertFalse(vm.settingsDifferBinding().get());
        vm.alphaProperty().set(0.5);
        vm.lambdaProperty().set(2.0);
        assertTrue(vm.settingsDifferBinding().get());
        vm.matchModel();
        assertEquals(50.0, vm.alphaProperty().get(), "back to the model's settings");
        assertFalse(vm.settingsDifferBinding().get());
    }

    @Test
    void aModelOpenedWithoutNumbersIsMeasuredAndItsSettingsShown() {
        // a model trained elsewhere (as the bundled sample model is) arrives with no loss and no metrics
        var f = org.tastemap.core.als.AlsTrainer.train(state.data().dataset().matrix(),
                org.tastemap.core.model.AlsParams.defaults().withFactors(6).withIterations(3).withAlpha(7.0),
                org.tastemap.core.als.TrainingOptions.quiet().withLoss(true)).model();
        var trained = new org.tastemap.core.model.TrainedModel(state.data().dataset(), f);
        state.setModel(ModelState.of(trained, Double.NaN, null, false, "model.tsm"));
        ModelState m = state.model();
        assertSame(trained, m.trained());
        // the loss by the engine's formula, recomputed independently of the app
        double expected;
        try (var engine = new org.tastemap.core.als.AlsEngine(state.data().dataset().matrix(), f.params())) {
            expected = engine.loss(f.userFactors(), f.itemFactors());
        }
        assertEquals(expected, m.loss(), Math.abs(expected) * 1e-9);
        assertNotNull(m.metrics(), "held-out metrics are filled");
        assertEquals(1, vm.points().size(), "the chart shows the model's point");
        assertEquals(3, vm.points().get(0).iteration());
        assertEquals(m.metrics().mapAtK(), vm.points().get(0).map());
        assertEquals(6, vm.factorsProperty().get(), "the controls show the model's settings");
        assertEquals(7.0, vm.alphaProperty().get());
        assertFalse(vm.settingsDifferBinding().get());
    }

    @Test
    void aSavedHeldOutModelIsMeasuredOnTheSplitsTrainingPartAndCountsAsHeldOut() {
        var train = state.data().split().train();
        var f = org.tastemap.core.als.AlsTrainer.train(train,
                org.tastemap.core.model.AlsParams.defaults().withFactors(6).withIterations(3),
                org.tastemap.core.als.TrainingOptions.quiet()).model();
        // as the app saves a held-out model: every row, and metadata saying the factors learned from the split
        var trained = new org.tastemap.core.model.TrainedModel(state.data().dataset(), f, RunModel.trainedOn(true, train));
        state.setModel(ModelState.of(trained, Double.NaN, null, false, "held.tsm"));
        double expected;
        try (var engine = new org.tastemap.core.als.AlsEngine(train, f.params())) {
            expected = engine.loss(f.userFactors(), f.itemFactors());
        }
        assertEquals(expected, state.model().loss(), Math.abs(expected) * 1e-9, "the loss on the rows it learned from");
        assertTrue(state.model().heldOut(), "its MAP@10 on the held-out part is honest");
    }
}
