package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;

@ExtendWith(ApplicationExtension.class)
class ExploreFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void closeWindows() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void searchingAnArtistShowsSimilarArtistsAndNavigates(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.ARTISTS));
        String name = window.state().data().dataset().artistName(0);
        robot.clickOn("#artist-search");
        robot.interact(() -> robot.lookup("#artist-search").queryTextInputControl().setText(name.substring(0, 6)));
        AppHarness.waitUntil(() -> !window.artists().results().isEmpty());
        // the suggestion popup opens a moment after the text changes (ControlsFX waits 250 ms, then asks on
        // a background thread): Escape sent before it shows closes nothing, and the open popup then takes
        // the first click of the double-click below as the click that closes it
        AppHarness.waitUntil(ExploreFlowTest::suggestionsShowing);
        robot.type(KeyCode.ESCAPE);   // close the suggestion popup
        AppHarness.waitUntil(() -> !suggestionsShowing());
        robot.interact(() -> robot.lookup("#artist-results").queryTableView().getSelectionModel().select(0));
        AppHarness.waitUntil(() -> window.artists().similar().size() > 0 && !window.artists().listeners().isEmpty());
        int first = window.artists().currentProperty().get().index();
        TableView<?> similar = robot.lookup("#similar-artists").queryTableView();
        assertFalse(similar.getItems().isEmpty());
        robot.doubleClickOn(robot.lookup("#similar-artists .table-row-cell").<javafx.scene.Node>query(), MouseButton.PRIMARY);
        AppHarness.waitUntil(() -> window.artists().currentProperty().get().index() != first);
        robot.clickOn("#artist-back");
        AppHarness.waitUntil(() -> window.artists().currentProperty().get().index() == first);
    }

    private static boolean suggestionsShowing() {
        return javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.PopupWindow && w.isShowing());
    }

    @Test
    void openingAUserShowsRecommendationsAndAnExplanation(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        robot.clickOn("#random-user");
        AppHarness.waitUntil(() -> !window.users().recommendations().isEmpty());
        assertNotNull(window.users().currentProperty().get());
        robot.clickOn("#user-recommendations .table-row-cell");
        AppHarness.waitUntil(() -> window.usersView().explanationBars() > 0);
        assertEquals(window.users().explanation().size(), window.usersView().explanationBars());
        int user = window.users().currentProperty().get().index();
        robot.clickOn("#similar-users .hyperlink");
        AppHarness.waitUntil(() -> window.users().currentProperty().get().index() != user);
    }

    @Test
    void theTasteBuilderRecommendsForPickedArtists(FxRobot robot) throws Exception {
        AppHarness.loadWithModel(window);
        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        robot.clickOn("Taste builder");
        for (int artist : new int[] {0, 8, 16}) {
            String name = window.state().data().dataset().artistName(artist);
            robot.clickOn("#taste-artist");
            robot.interact(() -> robot.lookup("#taste-artist").queryTextInputControl().setText(name));
            robot.type(KeyCode.ESCAPE);   // close the suggestion popup
            robot.interact(() -> robot.lookup("#taste-add").queryButton().fire());
            final int done = java.util.List.of(0, 8, 16).indexOf(artist) + 1;
            AppHarness.waitUntil(() -> window.taste().picks().size() == done);
        }
        AppHarness.waitUntil(() -> window.taste().picks().size() == 3 && !window.taste().recommendations().isEmpty());
        assertNotEquals(0, window.taste().recommendations().size());
    }
}
