package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.session.UncaughtErrors;

/** An exception thrown by a click handler on the real FX thread reaches the dialog, and the app keeps going. */
@ExtendWith(ApplicationExtension.class)
class UncaughtErrorFlowTest {
    private final CopyOnWriteArrayList<String> shown = new CopyOnWriteArrayList<>();
    private final AtomicInteger clicks = new AtomicInteger();
    private Thread.UncaughtExceptionHandler previousDefault;
    private Thread.UncaughtExceptionHandler previousFx;
    private Thread fxThread;

    @Start
    void start(Stage stage) {
        Button broken = new Button("Broken");
        broken.setId("broken");
        broken.setOnAction(e -> {
            throw new IllegalStateException("the broken button broke");
        });
        Button fine = new Button("Fine");
        fine.setId("fine");
        fine.setOnAction(e -> clicks.incrementAndGet());
        stage.setScene(new Scene(new VBox(10, broken, fine), 300, 200));
        stage.show();
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        fxThread = Thread.currentThread();
        previousFx = fxThread.getUncaughtExceptionHandler();
        new UncaughtErrors((title, message, whatToDo) -> shown.add(title + ": " + message + " / " + whatToDo),
                Platform::runLater, System::nanoTime).install();
    }

    @AfterEach
    void restore() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        fxThread.setUncaughtExceptionHandler(previousFx);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void aThrowingClickHandlerShowsTheDialogAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        robot.clickOn("#broken");
        AppHarness.waitUntil(() -> !shown.isEmpty());
        assertTrue(shown.get(0).contains("the broken button broke"), shown.get(0));
        assertTrue(shown.get(0).contains("keeps running"), shown.get(0));
        robot.clickOn("#fine");
        AppHarness.waitUntil(() -> clicks.get() == 1);
        assertEquals(1, shown.size());
    }

    @Test
    void aBackgroundThreadsUncaughtErrorIsShownToo() throws Exception {
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "worker");
        t.start();
        t.join();
        AppHarness.waitUntil(() -> !shown.isEmpty());
        assertTrue(shown.get(0).contains("memory") && shown.get(0).contains("smaller dataset"), shown.get(0));
    }
}
