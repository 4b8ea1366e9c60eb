package org.tastemap.app.data.wizard;

import java.nio.file.Path;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.tastemap.app.session.AppPrefs;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.Imported;
import org.tastemap.app.task.BackgroundExecutor;

/**
 * The import wizard: six steps over one {@link ImportWizardModel}. Finish hands the imported
 * dataset over; Cancel (or closing) leaves the open data untouched and stops a running import.
 */
public final class ImportWizard {
    private final ImportWizardModel model;
    private final Wizard wizard;

    /** Preferences for wizards opened without the app's: the chooser's folder is kept for this run only. */
    private static final AppPrefs RUN_ONLY = AppPrefs.inMemory();

    public ImportWizard(Window owner, DataFiles files, BackgroundExecutor executor) {
        this(owner, files, executor, RUN_ONLY);
    }

    /** A wizard whose file chooser opens in the folder {@code prefs} remember (see {@link AppPrefs#chooserFolder}). */
    public ImportWizard(Window owner, DataFiles files, BackgroundExecutor executor, AppPrefs prefs) {
        model = new ImportWizardModel(files, executor);
        wizard = new Wizard(owner, "Import listening data");
        wizard.setReadSettings(false);
        wizard.setFlow(new Wizard.LinearFlow(new ChooseFileStep(model, prefs), new PreviewStep(model), new MappingStep(model),
                new FiltersStep(model), new ImportStep(model), new SummaryStep(model)));
    }

    public ImportWizardModel model() {
        return model;
    }

    /** What Finish hands over: the file, the settings it was imported with (to open it the same way again), the data. */
    @FunctionalInterface
    public interface Finished {
        void accept(Path file, ImportSettings settings, Imported imported);
    }

    /** Shows the wizard (blocking in a nested event loop) and calls {@code onFinish} with the result. */
    public void show(Path preselected, Finished onFinish) {
        if (preselected != null) {
            model.chooseFile(preselected);
        }
        var result = wizard.showAndWait();
        model.cancelImport();
        if (result.isPresent() && result.get() == ButtonType.FINISH && model.result.get() != null) {
            onFinish.accept(model.file.get(), model.importedSettings(), model.result.get());
        }
    }
}
