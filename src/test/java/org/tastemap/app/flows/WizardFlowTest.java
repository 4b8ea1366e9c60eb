package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void closeDialogs() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /** The visible button with this text, or null while the wizard swaps pages. */
    private Button button(FxRobot robot, String text) {
        // the wizard's own buttons (ControlsFX pads "Finish " with a space)
        return robot.lookup(".dialog-pane .button").<Button>queryAll().stream()
                .filter(b -> b.getText() != null && b.getText().trim().equals(text))
                .filter(b -> b.getScene() != null && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing())
                .findFirst().orElse(null);
    }

    private boolean enabled(FxRobot robot, String text) {
        Button b = button(robot, text);
        return b != null && !b.isDisabled();
    }

    private void next(FxRobot robot) throws Exception {
        AppHarness.waitUntil(() -> enabled(robot, "Next"));
        // fire() rather than a click: the headless screen may stack the dialog over other windows
        robot.interact(() -> button(robot, "Next").fire());
    }

    @Test
    void importsAGeneratedFileThroughAllSixSteps(FxRobot robot) throws Exception {
        Path file = AppHarness.sampleFile();
        Platform.runLater(() -> window.openWizard(file));
        AppHarness.waitUntil(() -> robot.lookup("#wizard-choose").tryQuery().isPresent());
        next(robot);   // to preview
        AppHarness.waitUntil(() -> robot.lookup("#wizard-facts").queryAs(Label.class).getText().contains("Last.fm"));
        next(robot);   // to mapping
        next(robot);   // to filters
        next(robot);   // to import: starts at once
        next(robot);   // to summary: enabled once the import finished
        AppHarness.waitUntil(() -> robot.lookup("#wizard-summary").queryAs(Label.class).getText().contains("users"));
        AppHarness.waitUntil(() -> enabled(robot, "Finish"));
        robot.interact(() -> button(robot, "Finish").fire());
        AppHarness.waitUntil(() -> window.state().data() != null && window.state().model() != null
                && !window.train().runningProperty().get());
        assertEquals(file.toString(), window.state().data().source());
    }

    @Test
    void aMalformedFileIsExplainedInsideTheWizardAndTheAppSurvives(FxRobot robot) throws Exception {
        Path bad = Files.createTempFile("not-listening", ".tsv");
        byte[] junk = new byte[8192];
        new java.util.Random(3).nextBytes(junk);
        Files.write(bad, junk);
        Platform.runLater(() -> window.openWizard(bad));
        AppHarness.waitUntil(() -> robot.lookup("#wizard-file-problem").tryQuery().isPresent());
        AppHarness.waitUntil(() -> !robot.lookup("#wizard-file-problem").queryAs(Label.class).getText().isBlank());
        String problem = robot.lookup("#wizard-file-problem").queryAs(Label.class).getText();
        assertTrue(robot.lookup("#wizard-file-problem").query().isVisible());
        assertFalse(problem.contains("Exception"), problem);
        assertFalse(enabled(robot, "Next"), "Next stays disabled while the file is unusable");
        robot.interact(() -> button(robot, "Cancel").fire());
        AppHarness.waitUntil(() -> robot.lookup("#wizard-choose").tryQuery().isEmpty());
        assertTrue(window.state().data() == null && window.state().model() == null);
        assertTrue(robot.lookup("#tab-data").tryQuery().isPresent() || robot.lookup(".main-tabs").tryQuery().isPresent(),
                "the main window is still there");
        assertNull(window.state().data());
        Files.deleteIfExists(bad);
    }
}
