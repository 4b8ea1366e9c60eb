package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.train.IterationPoint;
import org.tastemap.core.eval.BeyondAccuracy;
import org.tastemap.core.eval.EvaluationDetail;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.model.Popularity;
import org.tastemap.core.model.TrainedModel;

/**
 * The Train screen's beyond-accuracy line after a held-out training started with the Train button:
 * its MAP@10, coverage, popularity percentile and novelty, for the model and the most-popular
 * baseline, are those the test measures itself with core's Holdout protocol and BeyondAccuracy on
 * the screen's own split, and its MAP@10 is the last one the quality chart drew.
 */
@ExtendWith(ApplicationExtension.class)
class BeyondAccuracyFlowTest {
    private static final Pattern LINE = Pattern.compile("MAP@10 ([0-9.]+) \\(([0-9.]+)\\) · coverage ([0-9.]+)% \\(([0-9.]+)%\\)"
            + " · popularity percentile ([0-9.]+) \\(([0-9.]+)\\) · novelty ([0-9.]+) bits \\(([0-9.]+)\\) · top 10 of ([0-9,]+) held-out listeners");
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theLineShowsTheMeasuresOfTheTrainedModelBesideItsMap(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> {
            window.show(MainWindow.Screen.TRAIN);
            window.train().heldOutProperty().set(true);
            window.train().iterationsProperty().set(5);
        });
        TrainedModel before = window.state().model().trained();
        robot.clickOn("#train-button");
        AppHarness.waitUntil(() -> !window.train().runningProperty().get() && window.state().model().trained() != before
                && window.train().beyondAccuracy().textProperty().get().contains("novelty"));
        String line = robot.lookup("#beyond-accuracy").queryAs(Label.class).getText();
        Matcher got = LINE.matcher(line);
        assertTrue(got.find(), line);

        // measured here: the screen's split, the protocol's sample of listeners, the model the screen shows
        LoadedData d = window.state().data();
        TrainedModel model = window.state().model().trained();
        Popularity pop = Popularity.of(model);
        EvaluationDetail mine = new EvaluationDetail();
        Metrics modelMetrics = LoadedData.PROTOCOL.evaluate(Scorer.of(model.factors()), d.split(), LoadedData.EVAL_USERS, 2, mine);
        EvaluationDetail popular = new EvaluationDetail();
        Metrics popularMetrics = LoadedData.PROTOCOL.evaluate(Scorer.popularity(d.split().train()), d.split(), LoadedData.EVAL_USERS, 2,
                popular);
        BeyondAccuracy m = BeyondAccuracy.of(mine, pop);
        BeyondAccuracy p = BeyondAccuracy.of(popular, pop);
        assertTrue(m.lists() > 0 && m.coverage() > 0, m.toString());

        // each number as printed, so within half of its last digit
        assertEquals(modelMetrics.mapAtK(), number(got, 1), 0.00005 + 1e-12, "MAP@10 of the model");
        assertEquals(popularMetrics.mapAtK(), number(got, 2), 0.00005 + 1e-12, "MAP@10 of the most popular");
        assertEquals(100 * m.coverage(), number(got, 3), 0.05 + 1e-9, "coverage");
        assertEquals(100 * p.coverage(), number(got, 4), 0.05 + 1e-9, "coverage of the most popular");
        assertEquals(m.popularityPercentile(), number(got, 5), 0.05 + 1e-9, "popularity percentile");
        assertEquals(p.popularityPercentile(), number(got, 6), 0.05 + 1e-9, "popularity percentile of the most popular");
        assertEquals(m.novelty(), number(got, 7), 0.005 + 1e-9, "novelty");
        assertEquals(p.novelty(), number(got, 8), 0.005 + 1e-9, "novelty of the most popular");
        assertEquals(m.lists(), Integer.parseInt(got.group(9).replace(",", "")), "listeners with a top 10");
        // the model ranks beyond the most popular artists: more of the catalogue, less popular, more novel
        assertTrue(m.coverage() > p.coverage() && m.novelty() > p.novelty(), m + " vs " + p);

        // beside MAP@10: the line's MAP@10 is the last one the held-out chart drew for this run
        IterationPoint last = window.train().points().get(window.train().points().size() - 1);
        assertEquals(last.map(), number(got, 1), 0.00005 + 1e-12, "the chart's last MAP@10");
    }

    private static double number(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }
}
