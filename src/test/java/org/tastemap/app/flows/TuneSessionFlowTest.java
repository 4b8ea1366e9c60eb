package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.SessionFile;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.app.train.RunRecord;
import org.tastemap.app.train.TuneHeatmap;
import org.tastemap.app.train.TuneMap;
import org.tastemap.app.train.TuneViewModel;
import org.tastemap.core.tune.CandidateResult;

/** A tune in the real window (headless) survives a quit: the next launch draws the same heatmap, star and tooltips. */
@ExtendWith(ApplicationExtension.class)
class TuneSessionFlowTest {
    private MainWindow window;
    private Stage stage;
    private AppPrefs prefs;
    /** The second launch's window, hidden at the end of a test. */
    private Stage nextStage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefs = AppHarness.testPrefs();
        window = AppHarness.start(stage, prefs);
    }

    /** A tune at k 16 (the defaults, 3 x 8 grid cells and the refinement) in the first window. */
    private TuneMap tune(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        TuneViewModel tune = window.train().tune();
        robot.interact(() -> {
            window.show(MainWindow.Screen.TRAIN);
            window.trainView().showTune();
            tune.factorChoices().forEach(b -> b.set(false));
            tune.factorChoices().get(TuneViewModel.FACTOR_CHOICES.indexOf(16)).set(true);
        });
        robot.clickOn("#tune-start");
        AppHarness.waitUntil(() -> !tune.runningProperty().get() && window.train().history().get(0).isTune());
        assertEquals(RunRecord.Ending.TUNED, window.train().history().get(0).ending());
        return tune.mapProperty().get();
    }

    /** Quits with Save, then opens a second window over the same preferences, as the next launch does. */
    private MainWindow quitAndRelaunch(FxRobot robot) throws Exception {
        Platform.runLater(window::quit);
        AppHarness.waitUntil(() -> robot.lookup("#answer-save").tryQuery().isPresent());
        robot.clickOn("#answer-save");
        AppHarness.waitUntil(() -> !stage.isShowing());
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            nextStage = new Stage();
            next[0] = AppHarness.start(nextStage, prefs);
            next[0].main().startup();
            next[0].show(MainWindow.Screen.TRAIN);
        });
        AppHarness.waitUntil(() -> next[0].state().model() != null && !next[0].train().history().isEmpty());
        return next[0];
    }

    private List<Path> tuneFiles() throws Exception {
        try (Stream<Path> s = Files.list(prefs.sessionDir())) {
            return s.filter(f -> f.getFileName().toString().startsWith("tune-")).toList();
        }
    }

    /** What the heatmap draws: the tooltip text and the fill colour (beside the printed value) of every grid cell. */
    private static List<String> drawn(FxRobot robot, TuneHeatmap heat, TuneMap map) throws Exception {
        List<String> out = new ArrayList<>();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        TuneMap.Slice s = new TuneMap.Slice(0, 0);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> heat.snapshot(null, null)).get();
        Point2D origin = WaitForAsyncUtils.asyncFx(() -> heat.cellCentre(0, 0)).get();
        Point2D right = WaitForAsyncUtils.asyncFx(() -> heat.cellCentre(0, 1)).get();
        Point2D up = WaitForAsyncUtils.asyncFx(() -> heat.cellCentre(1, 0)).get();
        double cw = right.getX() - origin.getX();
        double ch = origin.getY() - up.getY();
        for (int a = 0; a < map.space().alphas().size(); a++) {
            for (int l = 0; l < map.space().lambdas().size(); l++) {
                int ai = a;
                int li = l;
                Point2D c = WaitForAsyncUtils.asyncFx(() -> heat.cellCentre(ai, li)).get();
                // the lower left of the cell: inside its fill, clear of the value, the star and the best cell's outline
                int argb = image.getPixelReader().getArgb((int) (c.getX() - cw / 2 + 6), (int) (c.getY() + ch / 2 - 6));
                robot.moveTo(WaitForAsyncUtils.asyncFx(() -> heat.localToScreen(c)).get());
                WaitForAsyncUtils.waitForFxEvents();
                CandidateResult r = map.cell(s, a, l);
                colours.add(argb);
                out.add(a + "," + l + " " + Integer.toHexString(argb) + " " + heat.tooltip().getText());
                assertTrue(heat.tooltip().getText().startsWith(map.describe(r)), heat.tooltip().getText());
            }
        }
        // the map is drawn: cells of different values have different colours of the scale
        assertTrue(colours.size() >= 8, "colours " + colours);
        return out;
    }

    @Test
    void aRelaunchDrawsTheTuneAsItWasAndACellStillTrains(FxRobot robot) throws Exception {
        TuneMap live = tune(robot);
        TuneHeatmap liveHeat = window.trainView().tuneHeatmap();
        List<String> before = drawn(robot, liveHeat, live);
        CandidateResult liveStar = liveHeat.starred();

        MainWindow next = quitAndRelaunch(robot);
        AppHarness.waitUntil(() -> next.train().tune().mapProperty().get() != null);
        TuneHeatmap heat = next.trainView().tuneHeatmap();
        TuneMap map = heat.mapProperty().get();
        assertTrue(heat.isVisible() && heat.getScene() != null, "the newest run is the tune: its panel is in front");
        assertEquals(live, map, "the same candidates, space, baseline and choice");
        assertNull(map.running());
        assertEquals(liveStar, heat.starred(), "the star on the same cell");
        assertEquals(before, drawn(robot, heat, map), "every cell has the same colour and tooltip as in the live window");
        assertFalse(robot.lookup("#tune-empty").query().isVisible(), "a map: no \"No tune to show\"");

        // the values in the cells are those of the saved file, read with a plain JSON parser
        List<Path> files = tuneFiles();
        assertEquals(1, files.size());
        JsonObject json = JsonParser.parseString(Files.readString(files.get(0))).getAsJsonObject();
        int grid = 0;
        java.util.Map<Integer, JsonObject> byIndex = new java.util.HashMap<>();
        json.getAsJsonArray("candidates").forEach(e -> byIndex.put(e.getAsJsonObject().get("index").getAsInt(), e.getAsJsonObject()));
        for (var e : json.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("phase").getAsString().equals("grid")) {
                CandidateResult r = map.cell(new TuneMap.Slice(0, 0), c.get("alphaCell").getAsInt(), c.get("lambdaCell").getAsInt());
                // the cell shows this candidate, or the re-run from a random start that stands for its settings
                JsonObject saved = byIndex.get(r.candidate().index());
                assertTrue(saved == c || saved.get("phase").getAsString().equals("check"), saved.toString());
                assertEquals(saved.get("value").getAsDouble(), r.value());
                grid++;
            }
        }
        assertEquals(3 * 8, grid);

        // a click on a cell that is not the tuned one trains a model with its settings
        CandidateResult cell = map.scoredCells(new TuneMap.Slice(0, 0)).stream()
                .filter(r -> r.candidate().index() != map.chosen()).findFirst().orElseThrow();
        int runs = next.train().history().size();
        robot.clickOn(WaitForAsyncUtils.asyncFx(() -> heat.localToScreen(heat.cellCentre(cell.candidate().alphaCell(),
                cell.candidate().lambdaCell()))).get());
        AppHarness.waitUntil(() -> !next.train().runningProperty().get() && next.train().history().size() == runs + 1);
        var p = next.state().model().trained().factors().params();
        assertEquals(cell.candidate().params().alpha(), p.alpha());
        assertEquals(cell.candidate().params().lambda(), p.lambda());
        assertEquals(map, next.train().tune().mapProperty().get(), "the map stays");
        robot.interact(nextStage::hide);
    }

    @Test
    void anOldSessionWithoutTuneDataSaysThereIsNoTuneToShow(FxRobot robot) throws Exception {
        tune(robot);
        MainWindow[] next = new MainWindow[1];
        // the session as version 1 wrote it: the same entries without run.N.tune, and no tune files
        Platform.runLater(window::quit);
        AppHarness.waitUntil(() -> robot.lookup("#answer-save").tryQuery().isPresent());
        robot.clickOn("#answer-save");
        AppHarness.waitUntil(() -> !stage.isShowing());
        assertNotEquals(List.of(), tuneFiles());
        Path props = prefs.sessionDir().resolve(SessionFile.NAME);
        Files.writeString(props, Files.readString(props).replaceAll("(?m)^run\\.\\d+\\.tune=.*\\R", "").replace("version=2", "version=1"));
        for (Path f : tuneFiles()) {
            Files.delete(f);
        }
        robot.interact(() -> {
            nextStage = new Stage();
            next[0] = AppHarness.start(nextStage, prefs);
            next[0].main().startup();
            next[0].show(MainWindow.Screen.TRAIN);
            next[0].trainView().showTune();
        });
        AppHarness.waitUntil(() -> next[0].state().model() != null && !next[0].train().history().isEmpty());
        RunRecord entry = next[0].train().history().get(0);
        assertEquals(RunRecord.Ending.TUNED, entry.ending());
        assertNull(next[0].train().tune().mapProperty().get());
        Label empty = robot.lookup("#tune-empty").queryAs(Label.class);
        assertTrue(empty.isVisible() && empty.getScene() != null, "the Tune tab says so");
        assertTrue(empty.getText().startsWith("No tune to show."), empty.getText());
        robot.interact(() -> next[0].train().use(entry));
        String message = robot.lookup("#tune-message").queryAs(Label.class).getText();
        assertTrue(message.contains("its map was not kept"), message);
        assertNotNull(next[0].state().model());
        AppHarness.waitUntil(() -> !next[0].train().runningProperty().get());
        robot.interact(nextStage::hide);
    }
}
