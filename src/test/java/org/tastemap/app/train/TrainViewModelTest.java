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
        // warm start: the model's iteration count continues from the previous model's
        assertEquals(4 + Math.min(TrainViewModel.RETRAIN_ITERATIONS, 4), after.iterations());
        assertEquals(10.0, after.trained().factors().params().alpha());
        assertEquals(2, vm.history().size());
        assertTrue(vm.history().get(0).warm());
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
        assertEquals(1, vm.history().size());
    }

    @Test
    void trainingLeavesACoreForTheUserInterfaceFromThreeCoresUp() {
        assertEquals(1, TrainViewModel.trainingThreads(1));
        assertEquals(2, TrainViewModel.trainingThreads(2));
        assertEquals(2, TrainViewModel.trainingThreads(3));
        assertEquals(7, TrainViewModel.trainingThreads(8));
        assertEquals(TrainViewModel.trainingThreads(Runtime.getRuntime().availableProcessors()), vm.params().threads());
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
}
