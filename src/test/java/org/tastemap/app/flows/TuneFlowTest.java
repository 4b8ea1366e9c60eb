package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.train.RunRecord;
import org.tastemap.app.train.TuneHeatmap;
import org.tastemap.app.train.TuneMap;
import org.tastemap.app.train.TuneViewModel;
import org.tastemap.core.tune.CandidateResult;

/** The Tune panel in the real window (headless): the offer, the live heatmap, a cell's tooltip and click, Cancel, Use. */
@ExtendWith(ApplicationExtension.class)
class TuneFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    private TuneViewModel tune() {
        return window.train().tune();
    }

    @Test
    void theOfferRunsATuneWhoseHeatmapCellsShowAndAdoptTheirSettings(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        assertTrue(robot.lookup("#tune-offer").query().isVisible(), "an import offers to tune for the data");
        robot.interact(() -> {
            // one factor count keeps it to the defaults, 3 x 8 grid cells and the refinement
            tune().factorChoices().forEach(b -> b.set(false));
            tune().factorChoices().get(TuneViewModel.FACTOR_CHOICES.indexOf(16)).set(true);
        });
        robot.clickOn("#tune-offer-start");
        AppHarness.waitUntil(() -> !tune().runningProperty().get() && window.train().history().size() == 2);
        assertFalse(robot.lookup("#tune-offer").query().isVisible(), "the offer is taken");
        TuneHeatmap heat = window.trainView().tuneHeatmap();
        assertTrue(heat.isVisible() && heat.getScene() != null, "the Tune panel is in front");
        TuneMap map = tune().mapProperty().get();
        assertSame(map, heat.mapProperty().get());
        assertEquals(3 * 8, map.cellsDone(), "every grid cell filled");
        RunRecord entry = window.train().history().get(0);
        assertEquals(RunRecord.Ending.TUNED, entry.ending());
        // the tuned model has the best candidate's settings
        CandidateResult best = map.best();
        assertEquals(best.candidate().params().alpha(), window.state().model().trained().factors().params().alpha());
        assertEquals(best.candidate().params().lambda(), window.state().model().trained().factors().params().lambda());
        // the star sits on the map's highest cell, found here by scanning the cells
        CandidateResult top = map.scoredCells(new TuneMap.Slice(0, 0)).stream()
                .max(Comparator.comparingDouble(CandidateResult::value)).orElseThrow();
        assertEquals(top.value(), heat.starred().value());

        // a cell other than the best: its tooltip, then a click adopts it
        CandidateResult cell = map.scoredCells(new TuneMap.Slice(0, 0)).stream()
                .filter(r -> r.value() < top.value()).findFirst().orElseThrow();
        Point2D centre = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> heat.localToScreen(heat.cellCentre(
                cell.candidate().alphaCell(), cell.candidate().lambdaCell()))).get();
        robot.moveTo(centre);
        String tip = heat.tooltip().getText();
        assertTrue(tip.contains(String.format(Locale.ROOT, "MAP@10 %.4f · NDCG@10 %.4f · precision@10 %.4f",
                cell.metrics().mapAtK(), cell.metrics().ndcgAtK(), cell.metrics().precisionAtK())), tip);
        assertTrue(tip.contains(cell.iterations() + " iteration") && tip.contains(String.format(Locale.ROOT, "%.2f s", cell.seconds())), tip);
        assertTrue(tip.contains("α " + TuneMap.plain(cell.candidate().params().alpha()))
                && tip.contains("λ " + TuneMap.plain(cell.candidate().params().lambda())), tip);
        ModelState tuned = window.state().model();
        robot.clickOn(centre);
        AppHarness.waitUntil(() -> !window.train().runningProperty().get() && window.train().history().size() == 3);
        assertEquals(cell.candidate().params().alpha(), window.state().model().trained().factors().params().alpha());
        assertEquals(cell.candidate().params().lambda(), window.state().model().trained().factors().params().lambda());
        Slider alpha = robot.lookup("#alpha").queryAs(Slider.class);
        assertEquals(Math.log10(cell.candidate().params().alpha()), alpha.getValue(), 1e-9, "the alpha slider moved to the cell");
        assertSame(map, tune().mapProperty().get(), "the map stays");

        // Use on the tune's entry retrains to the tune's settings
        robot.interact(() -> window.train().use(entry));
        AppHarness.waitUntil(() -> !window.train().runningProperty().get() && window.train().history().size() == 4);
        assertEquals(entry.params().alpha(), window.state().model().trained().factors().params().alpha());
        assertEquals(entry.params().lambda(), window.state().model().trained().factors().params().lambda());
        assertTrue(tuned != window.state().model());
    }

    @Test
    void cancelKeepsThePartialMapAndTheModel(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> {
            window.show(MainWindow.Screen.TRAIN);
            window.trainView().showTune();
            // every kind and factor count: 12 maps of 3 x 8, far more than the test waits for
            tune().factorChoices().forEach(b -> b.set(true));
            tune().confidenceChoices().forEach(b -> b.set(true));
        });
        ModelState before = window.state().model();
        robot.clickOn("#tune-start");
        AppHarness.waitUntil(() -> tune().mapProperty().get() != null && tune().mapProperty().get().results().size() >= 3);
        assertTrue(robot.lookup("#tune-slice").query().isVisible(), "several maps: a selector chooses the one shown");
        robot.clickOn("#tune-cancel");
        AppHarness.waitUntil(() -> !tune().runningProperty().get());
        TuneMap map = tune().mapProperty().get();
        assertNotNull(map);
        assertTrue(map.results().size() >= 3 && map.cellsDone() < 12 * 24, "kept " + map.results().size());
        assertNull(map.running(), "nothing outlined as running");
        assertSame(before, window.state().model(), "the model stays");
        assertEquals(RunRecord.Ending.CANCELLED, window.train().history().get(0).ending());
        assertSame(map, window.train().history().get(0).tune());
    }
}
