package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tastemap.app.shell.MainWindow;

/**
 * The window's own screens warm up while hidden (docs/performance.md, "The UI thread while
 * training"): their empty tables get rows and cells once, laid out with the window's own CSS, and
 * come back empty with their own lists, with nothing else changed. An empty table has no rows at all
 * (checked first), so rows afterwards show the warm-up laid them out.
 */
@ExtendWith(ApplicationExtension.class)
class WarmUpFlowTest {
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
    void hiddenScreensGetTableRowsAndKeepTheirEmptyLists() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node artists = window.artistsView();
        Node users = window.usersView();
        TableView<?> results = (TableView<?>) artists.lookup("#artist-results");
        TableView<?> history = (TableView<?>) users.lookup("#user-history");
        var ownResults = results.getItems();
        var ownHistory = history.getItems();
        assertEquals(0, rows(results), "an empty table has no rows");
        assertEquals(0, rows(history));
        int tab = fx(() -> selectedTab());
        fx(() -> {
            window.artistsView().warmUp();
            window.usersView().warmUp();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#artist-results", "#similar-artists", "#top-listeners"}) {
            assertTrue(rows((TableView<?>) artists.lookup(id)) > 3, id + " has rows to reuse");
        }
        for (String id : new String[] {"#user-history", "#user-recommendations", "#similar-users"}) {
            assertTrue(rows((TableView<?>) users.lookup(id)) > 3, id + " has rows to reuse");
        }
        assertSame(ownResults, results.getItems(), "the table has its own list back");
        assertSame(ownHistory, history.getItems());
        assertTrue(results.getItems().isEmpty() && window.artists().results().isEmpty(), "no made-up row is left");
        assertTrue(window.users().history().isEmpty());
        assertEquals(tab, (int) fx(() -> selectedTab()), "the screen shown did not change");
    }

    private int selectedTab() {
        return ((javafx.scene.control.TabPane) window.artistsView().getScene().lookup(".main-tabs")).getSelectionModel().getSelectedIndex();
    }

    private static int rows(TableView<?> t) throws Exception {
        return fx(() -> {
            int n = 0;
            for (Node r : t.lookupAll(".table-row-cell")) {
                n += r instanceof TableRow<?> ? 1 : 0;
            }
            return n;
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }
}
