package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.Format;
import org.tastemap.app.Theme;
import org.tastemap.app.shell.MainWindow;

/** One theme, light or dark; no monospaced text, no enum names, one way of writing the loss. */
@ExtendWith(ApplicationExtension.class)
class ThemeFlowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
        Theme.darkProperty().set(false);
    }

    private double canvasBrightness(FxRobot robot) {
        Region root = (Region) stage.getScene().getRoot();
        return ((Color) root.getBackground().getFills().get(0).getFill()).getBrightness();
    }

    @Test
    void darkModeSwitchesEveryScreen(FxRobot robot) {
        robot.interact(() -> Theme.darkProperty().set(false));
        assertTrue(canvasBrightness(robot) > 0.8, "light canvas");
        robot.interact(() -> Theme.darkProperty().set(true));
        assertTrue(stage.getScene().getStylesheets().contains(Theme.darkStylesheet()));
        assertTrue(canvasBrightness(robot) < 0.3, "dark canvas");
        robot.interact(() -> Theme.darkProperty().set(false));
        assertFalse(stage.getScene().getStylesheets().contains(Theme.darkStylesheet()));
    }

    @Test
    void dropdownsNameTheirChoicesInWords(FxRobot robot) {
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        for (String id : List.of("#confidence", "#solver")) {
            ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
            for (Object item : box.getItems()) {
                String shown = showAs(box, item);
                assertFalse(shown.equals(((Enum<?>) item).name()), id + " shows the raw enum name " + shown);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String showAs(ComboBox<T> box, Object item) {
        return box.getConverter().toString((T) item);
    }

    @Test
    void noTextIsMonospaced(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.users().openRandom());
        AppHarness.waitUntil(() -> !window.users().recommendations().isEmpty());
        List<String> mono = new ArrayList<>();
        for (MainWindow.Screen s : MainWindow.Screen.values()) {
            robot.interact(() -> window.show(s));
            robot.interact(() -> collectMono(stage.getScene().getRoot(), mono));
        }
        assertEquals(List.of(), mono);
    }

    private static void collectMono(Node n, List<String> out) {
        String family = n instanceof Labeled l ? l.getFont().getFamily()
                : n instanceof TextInputControl t ? t.getFont().getFamily() : "";
        if (family.toLowerCase().contains("mono")) {
            out.add(n.getId() + " " + n.getClass().getSimpleName() + " '" + (n instanceof Labeled l ? l.getText() : "") + "' in " + family);
        }
        if (n instanceof Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                collectMono(k, out);
            }
        }
    }

    @Test
    void theLossIsWrittenOneWay(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        double loss = window.state().model().loss();
        String shown = Format.loss(loss);
        // by hand: grouped digits, no exponent, for the sizes a loss has on listening data
        assertEquals("490,912", Format.loss(490_912.3));
        assertEquals("1,234,567,890", Format.loss(1_234_567_890.0));
        assertEquals("0.5", Format.loss(0.5));
        assertEquals("12.35", Format.loss(12.345));
        String status = robot.lookup("#status-model").queryLabeled().getText();
        assertTrue(status.contains("loss " + shown), status + " vs " + shown);
    }

    @Test
    void theAboutBoxTypesetsTheFormulasAndHasBm25() {
        String f = org.tastemap.app.shell.AboutDialog.formulas();
        assertTrue(f.contains("BM25"), f);
        for (String ascii : List.of("^-1", "_u", "_i", " * ", "sum_", "lambda", "alpha")) {
            assertFalse(f.contains(ascii), "ASCII '" + ascii + "' in\n" + f);
        }
    }
}
