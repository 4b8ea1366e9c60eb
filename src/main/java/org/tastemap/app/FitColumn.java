package org.tastemap.app;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table column of short texts (numbers) kept exactly as wide as its widest text over all rows, not
 * only those on screen, and its header: "19,608" is never cut to "19,…". The width is measured in the
 * cells' own font and padding once the rows change, when a cell is next laid out; the column then
 * neither shrinks nor grows with the table, so a constrained table gives the room left to the others.
 */
public final class FitColumn<R> {
    /** Room beyond the measured text, so that rounding never elides it. */
    private static final double SLACK = 4;
    /** Room left by {@link #fillWith} for a table's padding and border (4 px) and a vertical scroll bar (up to 16 px). */
    private static final double SCROLL_BAR = 22;
    private final TableView<R> table;
    private final TableColumn<R, String> column;
    private final InvalidationListener rowsChanged = o -> dirty = true;
    private final InvalidationListener listChanged;
    private boolean dirty = true;

    private FitColumn(TableView<R> table, TableColumn<R, String> column) {
        this.table = table;
        this.column = column;
        // weak: the rows often outlive the window (a view model's list), the column must not
        table.getItems().addListener(new WeakInvalidationListener(rowsChanged));
        listChanged = o -> {
            dirty = true;
            if (table.getItems() != null) {
                table.getItems().addListener(new WeakInvalidationListener(rowsChanged));
            }
        };
        table.itemsProperty().addListener(new WeakInvalidationListener(listChanged));
    }

    /** Gives {@code column} of {@code table} cells that show its text and keep it as wide as the widest. */
    public static <R> void toWidest(TableView<R> table, TableColumn<R, String> column) {
        FitColumn<R> fit = new FitColumn<>(table, column);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }

            @Override
            protected void layoutChildren() {
                if (fit.dirty) {
                    fit.measure(getFont(), snappedLeftInset() + snappedRightInset());
                }
                super.layoutChildren();
            }
        });
    }

    /**
     * Gives {@code filler} all the width of {@code table} that its other columns leave, less room for a
     * vertical scroll bar, whenever the table or a column changes width: number columns sized by
     * {@link #toWidest} then never leave a gap or push the table into scrolling sideways. The filler
     * cannot be resized by hand; the others can. Call it once the columns are in the table.
     */
    public static <R> void fillWith(TableView<R> table, TableColumn<R, ?> filler) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        filler.setResizable(false);
        java.util.List<javafx.beans.Observable> deps = new java.util.ArrayList<>();
        deps.add(table.widthProperty());
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (c != filler) {
                deps.add(c.widthProperty());
            }
        }
        filler.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (TableColumn<R, ?> c : table.getColumns()) {
                if (c != filler && c.isVisible()) {
                    others += c.getWidth();
                }
            }
            // less the table's border and a vertical scroll bar, so that it never scrolls sideways
            return Math.max(filler.getMinWidth(), Math.floor(table.getWidth() - others - SCROLL_BAR));
        }, deps.toArray(javafx.beans.Observable[]::new)));
    }

    /** The width the column needs in {@code font} with {@code padding}: the widest row text or the header (bold). */
    double measure(Font font, double padding) {
        dirty = false;
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        int rows = table.getItems() == null ? 0 : table.getItems().size();
        for (int i = 0; i < rows; i++) {
            String s = column.getCellData(i);
            if (s != null && !s.isEmpty()) {
                probe.setText(s);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
        }
        // the header's label is bold, at most the cells' size: measured so, it is never narrower than it needs
        Text header = new Text(column.getText() == null ? "" : column.getText());
        header.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        widest = Math.max(widest, header.getLayoutBounds().getWidth());
        double w = Math.ceil(widest + padding + SLACK);
        if (w != column.getWidth()) {
            column.setMinWidth(w);
            column.setPrefWidth(w);
            column.setMaxWidth(w);
            // set during a cell's layout, the new width reaches the rows laid out before it only with a fresh layout
            javafx.application.Platform.runLater(table::refresh);
        }
        return w;
    }
}
