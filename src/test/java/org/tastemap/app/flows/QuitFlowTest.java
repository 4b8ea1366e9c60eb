package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.SessionFile;
import org.tastemap.app.shell.MainWindow;

@ExtendWith(ApplicationExtension.class)
class QuitFlowTest {
    private MainWindow window;
    private Stage stage;
    private AppPrefs prefs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefs = AppHarness.testPrefs();
        window = AppHarness.start(stage, prefs);
    }

    @Test
    void quittingWithAnUnsavedModelAsksAndSaveReopensItOnTheNextLaunch(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        Path session = prefs.sessionDir();
        // Ctrl+Q or the window's close button: both ask when the trained model is not saved
        Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        AppHarness.waitUntil(() -> robot.lookup("#answer-cancel").tryQuery().isPresent());
        robot.clickOn("#answer-cancel");
        AppHarness.waitUntil(() -> robot.lookup("#save-question").tryQuery().isEmpty());
        assertTrue(stage.isShowing(), "Cancel keeps the app open");
        assertFalse(Files.exists(session.resolve(SessionFile.NAME)));

        int iterations = window.state().model().iterations();
        int runs = window.train().history().size();
        Platform.runLater(window::quit);
        AppHarness.waitUntil(() -> robot.lookup("#answer-save").tryQuery().isPresent());
        robot.clickOn("#answer-save");
        AppHarness.waitUntil(() -> !stage.isShowing());
        assertTrue(Files.isRegularFile(session.resolve(SessionFile.MODEL)), "the model is saved with the session");
        assertTrue(Files.isRegularFile(session.resolve(SessionFile.NAME)));

        // the next launch: the same preferences, a new window
        MainWindow[] next = new MainWindow[1];
        Stage[] nextStage = new Stage[1];
        robot.interact(() -> {
            nextStage[0] = new Stage();
            next[0] = AppHarness.start(nextStage[0], prefs);
            next[0].main().startup();
        });
        AppHarness.waitUntil(() -> next[0].state().model() != null && !Double.isNaN(next[0].state().model().loss()));
        assertEquals(iterations, next[0].state().model().iterations());
        assertEquals(runs, next[0].train().history().size(), "the run history is back");
        assertFalse(next[0].main().session().unsavedProperty().get());
        assertTrue(next[0].main().noticeProperty().get().contains("Reopened the last session"), next[0].main().noticeProperty().get());
        // a reopened, saved model is not asked about: quitting closes at once
        Platform.runLater(next[0]::quit);
        AppHarness.waitUntil(() -> !nextStage[0].isShowing());
    }
}
