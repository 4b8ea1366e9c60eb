package org.tastemap.app.data.wizard;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 1: choose a file with a file chooser, or drop it onto the page. */
final class ChooseFileStep extends WizardStep {
    /** Where the folder of the last file chosen is kept, across launches. */
    private final org.tastemap.app.session.AppPrefs prefs;

    ChooseFileStep(ImportWizardModel model, org.tastemap.app.session.AppPrefs prefs) {
        super(model, "1 · Choose a listening file",
                "A text file with one row per user and artist: the Last.fm 360K TSV, or any CSV/TSV with user, artist and plays columns. Plain or .gz.");
        this.prefs = prefs;
    }

    @Override
    protected Node body() {
        Button choose = new Button("Choose file…");
        choose.setId("wizard-choose");
        choose.getStyleClass().add("accent");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Choose a listening file");
            // the folder used last, else the bundled sample's
            Path start = prefs.chooserFolder(org.tastemap.app.shell.SampleData.find().map(Path::getParent).orElse(null));
            if (start != null) {
                fc.setInitialDirectory(start.toFile());
            }
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Listening data", "*.tsv", "*.csv", "*.txt", "*.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                prefs.rememberChooserFolder(f.toPath().toAbsolutePath().getParent());
                model.chooseFile(f.toPath());
            }
        });
        Label path = new Label();
        path.getStyleClass().add("muted");
        path.textProperty().bind(Bindings.createStringBinding(
                () -> model.file.get() == null ? "No file chosen." : model.file.get().toString(), model.file));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.detecting);
        Label drop = new Label("…or drop a file here");
        StackPane dropZone = new StackPane(drop);
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setPrefHeight(160);
        dropZone.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        dropZone.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                model.chooseFile(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        Label problem = problemLabel();
        problem.setId("wizard-file-problem");
        problem.textProperty().bind(model.fileProblem);
        return new VBox(12, new HBox(10, choose, busy), path, dropZone, problem);
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.fileReady;
    }
}
