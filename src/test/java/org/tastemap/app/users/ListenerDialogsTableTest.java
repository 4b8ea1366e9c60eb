package org.tastemap.app.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.collections.FXCollections;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The held-out dialog's tables: the artist names get the wide, left-aligned column wherever it stands. */
@ExtendWith(ApplicationExtension.class)
class ListenerDialogsTableTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void theArtistColumnIsTheWideOneEvenWhenTheRankComesFirst() {
        // "The model's top 10" lists "#" then "Artist": the rank was given 200 px and the names 70, right-aligned
        TableView<String> t = ListenerDialogs.table(FXCollections.observableArrayList("x"), "top",
                ListenerDialogs.col("#", r -> "1"), ListenerDialogs.col("Artist", r -> r));
        assertTrue(t.getColumns().get(0).getStyleClass().contains("numeric"), "# is a number column");
        assertFalse(t.getColumns().get(1).getStyleClass().contains("numeric"), "Artist is the names' column");
        // the names take the width the numbers leave (FitColumn.fillWith); the rank keeps its widest value's
        assertTrue(t.getColumns().get(1).prefWidthProperty().isBound(), "Artist takes the table's free width");
        assertFalse(t.getColumns().get(0).prefWidthProperty().isBound(), "# is as wide as its widest value");
    }

    @Test
    void withoutAnArtistColumnTheFirstHoldsTheNames() {
        TableView<String> t = ListenerDialogs.table(FXCollections.observableArrayList("x"), "listeners",
                ListenerDialogs.col("Listener", r -> r), ListenerDialogs.col("Plays", r -> "3"));
        assertFalse(t.getColumns().get(0).getStyleClass().contains("numeric"));
        assertTrue(t.getColumns().get(1).getStyleClass().contains("numeric"));
    }
}
