package org.tastemap.app.shell;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.tastemap.app.Theme;
import org.tastemap.app.session.ErrorReporter;

/** Shows problems in a dialog: what happened, and what to do next. */
final class FxErrorReporter implements ErrorReporter {
    private final Window owner;

    FxErrorReporter(Window owner) {
        this.owner = owner;
    }

    @Override
    public void show(String title, String message, String whatToDo) {
        org.tastemap.app.StartupLog.errorShown(title, message);
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Tastemap");
        // the app's own header (title and line icon) instead of Modena's grey band and stock icon
        a.getDialogPane().setHeader(org.tastemap.app.DialogHeader.of(title, org.tastemap.app.Icons.WARNING));
        a.getDialogPane().getStyleClass().add("error-dialog");
        a.setHeaderText(title);
        a.setContentText(message + (whatToDo == null || whatToDo.isBlank() ? "" : "\n\nWhat to do: " + whatToDo));
        Theme.apply(a.getDialogPane().getStylesheets());
        a.getDialogPane().setMinWidth(460);
        a.show();
    }
}
