package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

/**
 * What the screenshots at 1024 x 640 showed cut short: a text shown at all is shown whole. Buttons,
 * section titles and hints are drawn with their full text (or, for the Data screen's drop hint, not
 * at all); numbers and their headers in tables are never cut to "1,…"; a run's long texts in the run
 * history carry their full text as a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTextFitFlowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AppHarness.startSmall(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyTextShownAt1024x640IsShownWhole(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        AppHarness.loadWithModel(window);
        robot.interact(() -> {
            window.users().openRandom();
            window.artists().open(0);
            window.train().iterationsProperty().set(3);
            window.train().train();
        });
        AppHarness.waitUntil(() -> !window.users().recommendations().isEmpty() && !window.artists().similar().isEmpty()
                && !window.train().runningProperty().get() && window.train().history().size() == 2);
        List<String> problems = new ArrayList<>();
        for (MainWindow.Screen s : List.of(MainWindow.Screen.DATA, MainWindow.Screen.USERS, MainWindow.Screen.ARTISTS,
                MainWindow.Screen.TRAIN)) {
            robot.interact(() -> window.show(s));
            robot.interact(() -> stage.getScene().getRoot().layout());
            robot.interact(() -> {
                switch (s) {
                    case DATA -> {
                        Labeled hint = robot.lookup("#data-drop-hint").query();
                        if (hint.isVisible()) {
                            whole(s + " drop hint", hint, problems);
                        }
                    }
                    case USERS -> {
                        whole(s + " filter button", robot.lookup("#recommendation-filter").query(), problems);
                        for (Node n : robot.lookup(".section-title").queryAll()) {
                            if (n.isVisible() && n.getScene() != null && n.localToScene(n.getLayoutBounds()).getMaxX() > 0) {
                                whole(s + " section title", (Labeled) n, problems);
                            }
                        }
                        whole(s + " explanation placeholder", robot.lookup("#explanation-empty").query(), problems);
                    }
                    case ARTISTS -> {
                        for (String id : List.of("#similar-artists", "#top-listeners", "#artist-results")) {
                            numbersWhole(s + " " + id, robot.lookup(id).queryTableView(), problems);
                        }
                    }
                    case TRAIN -> {
                        TableView<?> runs = robot.lookup("#run-history").queryTableView();
                        numbersWhole(s + " run history", runs, problems);
                        for (Node n : runs.lookupAll(".button")) {
                            if (n.isVisible()) {
                                whole(s + " run history button", (Labeled) n, problems);
                            }
                        }
                        for (Node n : runs.lookupAll(".table-cell")) {
                            TableCell<?, ?> c = (TableCell<?, ?>) n;
                            if (c.getText() != null && !c.getText().isEmpty() && cut(c)
                                    && (c.getTooltip() == null || c.getTooltip().getText().length() < c.getText().length())) {
                                problems.add(s + " run history: \"" + c.getText() + "\" cut, with no tooltip that shows it");
                            }
                        }
                    }
                    default -> { }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /** Whether the text drawn in {@code l} is not its whole text ("Liste…" for "Listeners"). */
    private static boolean cut(Labeled l) {
        Node drawn = l.lookup(".text");
        return l.getText() != null && !l.getText().isEmpty() && drawn instanceof Text t && !t.getText().equals(l.getText());
    }

    private static void whole(String what, Labeled l, List<String> problems) {
        if (cut(l)) {
            problems.add(what + ": \"" + l.getText() + "\" drawn as \"" + ((Text) l.lookup(".text")).getText() + "\"");
        }
    }

    /** The numbers' columns: their headers and cells are drawn whole. */
    private static void numbersWhole(String what, TableView<?> t, List<String> problems) {
        for (Node n : t.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().getStyleClass().contains("numeric")) {
                for (Node label : h.lookupAll(".label")) {
                    whole(what + " header", (Labeled) label, problems);
                }
            }
        }
        for (Node n : t.lookupAll(".table-cell")) {
            TableCell<?, ?> c = (TableCell<?, ?>) n;
            TableColumn<?, ?> col = c.getTableColumn();
            if (col != null && col.getStyleClass().contains("numeric") && c.isVisible()) {
                whole(what + " " + col.getText(), c, problems);
            }
        }
    }
}
