package org.tastemap.app.data.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.tastemap.app.DialogHeader;
import org.tastemap.app.Icons;
import org.tastemap.app.Theme;

/**
 * One page of the import wizard over the shared {@link ImportWizardModel}. While the page shows,
 * the wizard's Next (or Finish) is disabled exactly when {@link #valid()} is false.
 */
abstract class WizardStep extends WizardPane {
    protected final ImportWizardModel model;

    WizardStep(ImportWizardModel model, String title, String intro) {
        this.model = model;
        getStyleClass().add("wizard-step");
        Theme.apply(getStylesheets());
        setHeader(DialogHeader.of(title, Icons.IMPORT));
        Label lead = new Label(intro);
        lead.setWrapText(true);
        lead.getStyleClass().add("wizard-intro");
        VBox box = new VBox(12, lead, body());
        box.setPrefSize(720, 440);
        setContent(box);
    }

    /** The page's controls. */
    protected abstract Node body();

    /** When the user may go on from this page. */
    protected abstract ObservableBooleanValue valid();

    /** Called when the page shows. */
    protected void entered() {
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        wizard.invalidProperty().unbind();
        wizard.invalidProperty().bind(javafx.beans.binding.Bindings.not(valid()));
        entered();
    }

    @Override
    public void onExitingPage(Wizard wizard) {
        wizard.invalidProperty().unbind();
    }

    static Label problemLabel() {
        Label l = new Label();
        l.getStyleClass().add("problem");
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}
