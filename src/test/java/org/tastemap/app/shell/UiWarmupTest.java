package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tastemap.app.Fixtures;
import org.tastemap.app.Theme;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

/**
 * The idle warm-up (docs/performance.md, "The UI thread while training"): it really styles and lays
 * out table rows of the app's own screens (rows exist only after a layout), one step per FX event,
 * and it starts once, when start-up has put the first model in place.
 */
@ExtendWith(ApplicationExtension.class)
class UiWarmupTest {
    @Start
    void start(Stage stage) {
        // no window: the warm-up needs none
    }

    @Test
    void laysOutRowsInEveryTableOfTheArtistsAndListenerScreens() throws Exception {
        UiWarmup w = new UiWarmup(List.of(Theme.stylesheet()), Platform::runLater);
        Platform.runLater(w::start);
        waitUntilDone(w);
        List<Node> screens = w.laidOut();
        // the Artists screen, the Users screen, the suggestion list and the chart, in that order
        assertEquals(4, screens.size());
        for (String id : List.of("#artist-results", "#similar-artists", "#top-listeners")) {
            assertTrue(filledRows(screens.get(0), id) > 3, id + " has laid-out rows with items");
        }
        for (String id : List.of("#user-history", "#user-recommendations", "#similar-users")) {
            assertTrue(filledRows(screens.get(1), id) > 3, id + " has laid-out rows with items");
        }
        // the suggestion list laid out its cells too
        assertTrue(screens.get(2).lookupAll(".list-cell").size() > 3);
    }

    @Test
    void eachStepIsItsOwnFxEventSoTheWindowAnswersBetweenThem() throws Exception {
        AtomicInteger events = new AtomicInteger();
        java.util.List<Integer> screensRanAt = new java.util.ArrayList<>();
        UiWarmup w = new UiWarmup(List.of(Theme.stylesheet()), r -> {
            events.incrementAndGet();
            Platform.runLater(r);
        }, List.of(() -> screensRanAt.add(events.get()), () -> screensRanAt.add(events.get())));
        Platform.runLater(w::start);
        waitUntilDone(w);
        // 4 throwaway screens x (build, style, lay out) + the window's 2 screens + the step that marks it done
        assertEquals(15, events.get());
        // the window's screens come after the throwaway copies, one event each
        assertEquals(List.of(13, 14), screensRanAt);
    }

    @Test
    void startsOnceWhenTheFirstModelIsInPlace() throws Exception {
        AtomicInteger events = new AtomicInteger();
        UiWarmup w = new UiWarmup(List.of(Theme.stylesheet()), r -> {
            events.incrementAndGet();
            Platform.runLater(r);
        });
        AppState state = new AppState();
        state.setData(Fixtures.data());
        // a fallback far away: only the model can start it here
        WaitForAsyncUtils.asyncFx(() -> w.startWhenIdle(state, Duration.hours(1))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, events.get(), "nothing runs before start-up has a model");
        WaitForAsyncUtils.asyncFx(() -> state.setModel(modelOn(state.data().dataset()))).get(10, TimeUnit.SECONDS);
        waitUntilDone(w);
        int once = events.get();
        // 4 throwaway screens x (build, style, lay out) + the step that marks it done
        assertEquals(13, once);
        // a later model (a retrain) does not run it again
        WaitForAsyncUtils.asyncFx(() -> state.setModel(modelOn(state.data().dataset()))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(once, events.get());
    }

    @Test
    void startsAfterTheFallbackWhenNoModelComes() throws Exception {
        UiWarmup w = new UiWarmup(List.of(Theme.stylesheet()), Platform::runLater);
        AppState state = new AppState();
        WaitForAsyncUtils.asyncFx(() -> w.startWhenIdle(state, Duration.millis(200))).get(10, TimeUnit.SECONDS);
        waitUntilDone(w);
        assertFalse(w.laidOut().isEmpty());
    }

    private static void waitUntilDone(UiWarmup w) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> w.doneProperty().get()).get());
    }

    private static int filledRows(Node screen, String tableId) {
        TableView<?> t = (TableView<?>) screen.lookup(tableId);
        int n = 0;
        for (Node r : t.lookupAll(".table-row-cell")) {
            n += r instanceof TableRow<?> row && row.getItem() != null && row.isVisible() ? 1 : 0;
        }
        return n;
    }

    private static ModelState modelOn(Dataset d) {
        int k = 4;
        FactorModel f = new FactorModel(k, d.users().size(), d.artists().size(), new float[d.users().size() * k],
                new float[d.artists().size() * k], AlsParams.defaults().withFactors(k), 1);
        return ModelState.of(new TrainedModel(d, f), Double.NaN, null, false, "test");
    }
}
