package org.tastemap.app.data.wizard;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.tastemap.app.session.Imported;

/** Step 6: what was imported and what was skipped, with example line numbers. */
final class SummaryStep extends WizardStep {
    private Label summary;
    private TableView<Imported.Skipped> skipped;
    private Label skippedTitle;
    private GridPane facts;
    private Label report;

    SummaryStep(ImportWizardModel model) {
        super(model, "6 · Summary", "Press Finish to open this dataset; a quick model is trained right after.");
    }

    @Override
    protected Node body() {
        summary = new Label();
        summary.setId("wizard-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("facts");
        skipped = new TableView<>();
        skipped.setPlaceholder(new Label("No row was skipped."));
        skipped.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Imported.Skipped, String> reason = new TableColumn<>("Skipped because");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        TableColumn<Imported.Skipped, Long> count = new TableColumn<>("Rows");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        TableColumn<Imported.Skipped, String> lines = new TableColumn<>("Example lines");
        lines.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().exampleLines().stream()
                .map(String::valueOf).collect(Collectors.joining(", "))));
        skipped.getColumns().addAll(java.util.List.of(reason, count, lines));
        skipped.setPrefHeight(220);
        skippedTitle = new Label("Skipped rows");
        skippedTitle.getStyleClass().add("section-title");
        // an empty table is a big empty box: only shown when something was skipped
        skipped.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(skipped.getItems()));
        skipped.managedProperty().bind(skipped.visibleProperty());
        skippedTitle.visibleProperty().bind(skipped.visibleProperty());
        skippedTitle.managedProperty().bind(skipped.visibleProperty());
        facts = new GridPane();
        facts.setHgap(18);
        facts.setVgap(6);
        report = new Label();
        report.getStyleClass().addAll("muted");
        report.setWrapText(true);
        Label reportTitle = new Label("Import report");
        reportTitle.getStyleClass().add("section-title");
        return new VBox(12, summary, facts, skippedTitle, skipped, reportTitle, report);
    }

    @Override
    protected void entered() {
        Imported r = model.result.get();
        if (r == null) {
            return;
        }
        var m = r.dataset().matrix();
        summary.setText(String.format(Locale.ROOT, "%,d users · %,d artists · %,d user–artist rows (from %,d rows read, %s).",
                m.numUsers(), m.numItems(), m.nnz(), r.rowsRead(), r.skippedTotal() == 0 ? "none skipped"
                        : String.format(Locale.ROOT, "%,d skipped", r.skippedTotal())));
        skipped.getItems().setAll(r.skipped());
        facts.getChildren().clear();
        double density = m.numUsers() == 0 || m.numItems() == 0 ? 0 : m.nnz() / ((double) m.numUsers() * m.numItems());
        fact(0, "Read as", model.importedSettings() == null ? "" : model.importedSettings().describe());
        fact(1, "Artists per user, on average", String.format(Locale.ROOT, "%,.1f artists", m.numUsers() == 0 ? 0 : m.nnz() / (double) m.numUsers()));
        fact(2, "Listeners per artist, on average", String.format(Locale.ROOT, "%,.1f users", m.numItems() == 0 ? 0 : m.nnz() / (double) m.numItems()));
        fact(3, "Density", String.format(Locale.ROOT, "%.2f%% of all user–artist pairs", 100 * density));
        report.setText(r.summary());
    }

    private void fact(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("field-label");
        Label v = new Label(value);
        v.setWrapText(true);
        facts.addRow(row, n, v);
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.imported;
    }
}
