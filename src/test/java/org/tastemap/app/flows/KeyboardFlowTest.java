package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

/** The screens without a mouse: Shortcut+1..4 go to a screen and put the focus in its first field; dialogs close with Escape. */
@ExtendWith(ApplicationExtension.class)
class KeyboardFlowTest {
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
    }

    private String focused() {
        Node n = stage.getScene().getFocusOwner();
        // a text field's skin may hold the focus in a child: report the nearest node with an id
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? "nothing" : n.getId();
    }

    @Test
    void shortcutsOpenEachScreenWithTheFocusInItsFirstField(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.clickOn("#tab-data");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        AppHarness.waitUntil(() -> "artist-search".equals(focused()));
        // Enter on a similar artist goes there, as a double-click does
        robot.interact(() -> window.artists().open(0));
        AppHarness.waitUntil(() -> !window.artists().similar().isEmpty());
        int next = window.artists().similar().get(0).index();
        robot.interact(() -> {
            var similar = robot.lookup("#similar-artists").queryTableView();
            similar.requestFocus();
            similar.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        AppHarness.waitUntil(() -> window.artists().currentProperty().get().index() == next);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        AppHarness.waitUntil(() -> "user-search".equals(focused()));
        // a listener opened from the keyboard alone: type the id, Enter
        String id = window.state().data().dataset().users().id(7);
        robot.interact(() -> window.users().queryProperty().set(""));
        robot.write(id);
        robot.type(KeyCode.ESCAPE);   // the suggestion popup
        robot.type(KeyCode.ENTER);
        AppHarness.waitUntil(() -> window.users().currentProperty().get() != null
                && window.users().currentProperty().get().index() == 7);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        AppHarness.waitUntil(() -> "factors".equals(focused()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        AppHarness.waitUntil(() -> "data-import".equals(focused()));
    }

    @Test
    void theAboutBoxClosesWithEscapeAndWithEnter(FxRobot robot) throws Exception {
        for (KeyCode key : new KeyCode[] {KeyCode.ESCAPE, KeyCode.ENTER}) {
            robot.press(KeyCode.F1).release(KeyCode.F1);
            AppHarness.waitUntil(() -> Window.getWindows().size() == 2);
            robot.type(key);
            AppHarness.waitUntil(() -> Window.getWindows().size() == 1);
        }
        assertEquals(1, Window.getWindows().size());
        assertTrue(stage.isShowing());
    }
}
