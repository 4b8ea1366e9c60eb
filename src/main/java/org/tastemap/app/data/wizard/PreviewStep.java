package org.tastemap.app.data.wizard;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tastemap.app.session.Columns;
import org.tastemap.app.session.FilePreview;

/** Step 2: what was detected (format, delimiter, header, gzip) and the first rows with the suggested mapping. */
final class PreviewStep extends WizardStep {
    private Label facts;
    private TableView<List<String>> table;

    PreviewStep(ImportWizardModel model) {
        super(model, "2 · Check the detected format", "Tastemap read the first lines of the file. The column headers show the mapping it suggests.");
    }

    @Override
    protected Node body() {
        facts = new Label();
        facts.getStyleClass().add("facts");
        facts.setId("wizard-facts");
        table = new TableView<>();
        table.setId("wizard-preview");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(10, facts, table);
    }

    @Override
    protected void entered() {
        FilePreview p = model.preview.get();
        if (p == null) {
            return;
        }
        facts.setText("Format: " + p.format() + "    Delimiter: " + p.delimiterName() + "    Header: "
                + (p.hasHeader() ? "yes" : "no") + "    Compressed: " + (p.gzip() ? "gzip" : "no")
                + "    Preview: " + p.rows().size() + " rows");
        table.getColumns().clear();
        Columns s = new Columns(model.userColumn.get(), model.artistColumn.get(), model.nameColumn.get(), model.playsColumn.get(),
                model.mbidColumn.get());
        for (int c = 0; c < p.columnCount(); c++) {
            int col = c;
            String role = c == s.user() ? "user" : c == s.artist() ? (c == s.name() ? "artist + name" : "artist")
                    : c == s.name() ? "artist name" : c == s.plays() ? "plays" : c == s.mbid() ? "MBID" : "";
            // numbered from 0, as the CLI's --user-col and --item-col take them
            String header = c + " · " + p.headerNames().get(c) + (role.isEmpty() ? "" : "  → " + role);
            TableColumn<List<String>, String> tc = new TableColumn<>(header);
            tc.setCellValueFactory(cd -> new ReadOnlyStringWrapper(col < cd.getValue().size() ? cd.getValue().get(col) : ""));
            // the header (with its role) always shows in full; long ids give up width first
            double headerWidth = textWidth(header) + 28;
            double content = headerWidth;
            for (List<String> row : p.rows().subList(0, Math.min(20, p.rows().size()))) {
                content = Math.max(content, col < row.size() ? textWidth(row.get(col)) + 20 : 0);
            }
            tc.setMinWidth(headerWidth);
            // a column of numbers lines up on the right
            boolean numeric = !p.rows().isEmpty() && p.rows().stream().allMatch(row -> col >= row.size() || isNumber(row.get(col)));
            if (numeric) {
                tc.getStyleClass().add("numeric");
            }
            tc.setPrefWidth(Math.min(content, 320));
            table.getColumns().add(tc);
        }
        table.getItems().setAll(p.rows());
    }

    private static double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(javafx.scene.text.Font.font(13));
        return t.getLayoutBounds().getWidth();
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.fileReady;
    }

    static boolean isNumber(String v) {
        try {
            Double.parseDouble(v.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
