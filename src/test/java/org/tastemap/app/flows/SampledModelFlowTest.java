package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/**
 * File > Open model on a model shaped as the Spark job writes it: factors of every listener, the
 * histories of a sample (every 7th listener here) and Spark provenance. No Spark is needed: the app
 * trains its quick model on the generated file, and the test cuts it with
 * {@link TrainedModel#keepHistoriesOf} and saves it.
 */
@ExtendWith(ApplicationExtension.class)
class SampledModelFlowTest {
    private MainWindow window;
    private TrainedModel sampled;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /** Saves the sampled model and opens it as File > Open model does; waits until it is the app's model. */
    private void openSampledModel() throws Exception {
        AppHarness.loadWithModel(window);
        TrainedModel full = window.state().model().trained();
        int users = full.dataset().users().size();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelMetadata.CREATED, "2026-12-07T05:00:00Z");
        meta.put(ModelMetadata.CREATED_BY, "tastemap-spark");
        meta.put(ModelMetadata.INPUT, "plays.parquet");
        meta.put(ModelMetadata.TRAINED_BY, ModelMetadata.BY_SPARK);
        meta.put(ModelMetadata.SPARK_VERSION, "4.0.1");
        meta.put(ModelMetadata.SPARK_MASTER, "local[2]");
        meta.put(ModelMetadata.LAMBDA_SCALING, ModelMetadata.SCALING_COUNT);
        meta.put(ModelMetadata.HISTORIES, ModelMetadata.HISTORIES_SAMPLE);
        meta.put(ModelMetadata.HISTORIES_SEED, "7");
        sampled = full.keepHistoriesOf(IntStream.iterate(0, u -> u < users, u -> u + 7).toArray()).withMetadata(meta);
        Path dir = Files.createTempDirectory("tastemap-sampled");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("spark-model.tsm");
        ModelFile.save(file, sampled);
        file.toFile().deleteOnExit();
        Platform.runLater(() -> window.main().openModel(file, file.toString()));
        AppHarness.waitUntil(() -> window.state().model() != null && !window.state().model().trained().histories().isComplete());
    }

    /** The node and every parent are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void theStatusBarAndAboutSayWhereTheModelCameFrom(FxRobot robot) throws Exception {
        openSampledModel();
        int held = sampled.histories().heldCount();
        String model = text(robot, "#status-model");
        assertTrue(model.startsWith("Spark 4.0.1 on local[2] model k=" + sampled.factors().factors()), model);
        assertTrue(model.contains(held + " sampled histories"), model);
        String data = text(robot, "#status-data");
        // all 300 listeners, the histories held, and the full data's rows (not the sample's)
        assertTrue(data.contains("300 users (" + held + " histories)"), data);
        assertTrue(data.contains(String.format(java.util.Locale.ROOT, "%,d rows", sampled.totalRows())), data);

        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        robot.press(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.F1);
        AppHarness.waitUntil(() -> robot.lookup("#about-model").tryQuery().isPresent());
        String about = text(robot, "#about-model");
        assertTrue(about.contains("Trained by Spark 4.0.1 on local[2]"), about);
        assertTrue(about.contains("k = " + sampled.factors().factors() + " · alpha "), about);
        assertTrue(about.contains(" · " + sampled.factors().iterations() + " iterations"), about);
        assertTrue(about.contains("scaled by each row's count"), about);
        assertTrue(about.contains("Input: plays.parquet"), about);
        assertTrue(about.contains("Created: 2026-12-07T05:00:00Z"), about);
        assertTrue(about.contains("Histories of " + held + " sampled listeners of 300 (seed 7)"), about);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void theUsersScreenOffersHeldListenersWithRecommendationsAndExplanations(FxRobot robot) throws Exception {
        openSampledModel();
        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        String held = text(robot, "#user-histories");
        assertTrue(held.startsWith("Histories of " + sampled.histories().heldCount() + " sampled listeners of 300"), held);
        robot.clickOn("#random-user");
        AppHarness.waitUntil(() -> !window.users().recommendations().isEmpty());
        int user = window.users().currentProperty().get().index();
        assertTrue(sampled.holdsHistory(user), "Random user opens a held listener, not " + user);
        // their history is the held row; nothing they played is recommended
        assertEquals(sampled.dataset().matrix().userCount(user), window.users().history().size());
        for (var r : window.users().recommendations()) {
            assertEquals(0f, sampled.dataset().matrix().get(user, r.artist()), "played artist " + r.name() + " recommended");
        }
        robot.clickOn("#user-recommendations .table-row-cell");
        AppHarness.waitUntil(() -> window.usersView().explanationBars() > 0);
        // similar listeners are held ones too, so each can be opened
        for (var s : window.users().similarUsers()) {
            assertTrue(sampled.holdsHistory(s.index()), s.id());
        }

        // a listener whose history the model lacks: said, not shown empty
        String other = sampled.dataset().users().id(1);
        robot.interact(() -> window.users().openById(other));
        String problem = text(robot, "#user-problem");
        assertTrue(problem.contains("The model holds no listening history for \"" + other + "\""), problem);
        assertTrue(problem.contains("Taste builder"), problem);
        assertEquals(user, window.users().currentProperty().get().index(), "the open listener stays");
    }

    @Test
    void theTrainScreenSaysWhyItCannotRetrainAndWhatToDo(FxRobot robot) throws Exception {
        openSampledModel();
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        AppHarness.waitUntil(() -> text(robot, "#train-message").contains("trained on Spark"));
        String message = text(robot, "#train-message");
        assertTrue(message.contains("cannot be retrained or evaluated on held-out plays here"), message);
        assertTrue(message.contains("Import the data it was trained on (File > Import…)"), message);
        assertTrue(robot.lookup("#train-button").query().isDisabled());
        // a slider moved or Train asked for in code trains nothing either
        robot.interact(() -> window.train().train());
        assertFalse(window.train().runningProperty().get());
        assertFalse(window.state().model().trained().histories().isComplete());

        // the Data screen shows no statistics of the sample as if they were the data's
        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        AppHarness.waitUntil(() -> text(robot, "#data-facts").startsWith("Only "));
        assertEquals("Only " + sampled.histories().heldCount() + " of 300 listeners' histories", text(robot, "#data-facts"));
        assertTrue(text(robot, "#data-why").contains("cannot chart the data here"), text(robot, "#data-why"));
        assertFalse(shown(robot.lookup("#long-tail-chart").query()), "no chart of the sample");
    }
}
