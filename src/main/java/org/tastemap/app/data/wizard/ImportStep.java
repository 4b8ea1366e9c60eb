package org.tastemap.app.data.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 5: the import runs as soon as the page shows, with progress and Cancel. */
final class ImportStep extends WizardStep {
    ImportStep(ImportWizardModel model) {
        super(model, "5 · Import", "Reading the whole file. You can cancel at any time; the data you have open stays as it was.");
    }

    @Override
    protected Node body() {
        ProgressBar bar = new ProgressBar();
        bar.setId("wizard-import-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(model.importProgress);
        Button cancel = new Button("Cancel import");
        cancel.setId("wizard-import-cancel");
        cancel.disableProperty().bind(model.importing.not());
        cancel.setOnAction(e -> model.cancelImport());
        Button again = new Button("Import again");
        again.setId("wizard-import-again");
        again.disableProperty().bind(model.importing.or(model.importProblem.isEmpty()));
        again.setOnAction(e -> model.startImport());
        Label status = new Label();
        status.setId("wizard-import-status");
        status.textProperty().bind(model.importStatus);
        Label problem = problemLabel();
        problem.setId("wizard-import-problem");
        problem.textProperty().bind(model.importProblem);
        return new VBox(12, new HBox(10, bar, cancel, again), status, problem);
    }

    @Override
    protected void entered() {
        model.startImport();
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.imported;
    }
}
