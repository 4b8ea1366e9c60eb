package org.tastemap.app.users;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;
import org.tastemap.app.Theme;

/** The Users screen's two windows about the open listener: Compare with another listener, and the held-out test. */
final class ListenerDialogs {
    private ListenerDialogs() {
    }

    /** Opens the comparison of the open listener with {@code other} (-1: pick one in the window). */
    static Stage compare(Window owner, UsersViewModel users, CompareViewModel vm, int other) {
        UserRow me = users.currentProperty().get();
        TextField pick = new TextField();
        pick.setId("compare-with");
        pick.setPromptText("Another listener's id…");
        HBox.setHgrow(pick, Priority.ALWAYS);
        var binding = TextFields.bindAutoCompletion(pick, req -> users.suggestions().request(req.getUserText()));
        binding.setOnAutoCompleted(e -> vm.compare(me.index(), e.getCompletion().index(), users.recommendationFilterProperty().get()));
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        // no empty coloured box when there is nothing to say
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button go = new Button("Compare");
        go.setId("compare-go");
        go.setDefaultButton(true);
        go.setOnAction(e -> {
            int u = vm.state().data().dataset().users().indexOf(pick.getText().trim());
            problem.setText(u < 0 ? "No listener \"" + pick.getText().trim() + "\"." : "");
            if (u >= 0) {
                vm.compare(me.index(), u, users.recommendationFilterProperty().get());
            }
        });
        HBox bar = new HBox(8, new Label("Compare " + me.id() + " with"), pick, go);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label headline = new Label();
        headline.setId("compare-headline");
        headline.setWrapText(true);
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.getStyleClass().add("headline-small");
        headline.textProperty().bind(vm.headlineProperty());

        String a = "A";
        String b = "B";
        // "Both played" has two numbers' columns: it gets the wider share, so the names keep their room
        GridPane played = grid(40, 30, 30);
        played.add(titled("Both played", table(vm.shared(), "compare-shared",
                col("Artist", r -> r.name()), col(a + " plays", r -> plays(r.a())), col(b + " plays", r -> plays(r.b())))), 0, 0);
        played.add(titled("Only A played", table(vm.onlyA(), "compare-only-a", col("Artist", r -> r.name()),
                col("Plays", r -> plays(r.a())))), 1, 0);
        played.add(titled("Only B played", table(vm.onlyB(), "compare-only-b", col("Artist", r -> r.name()),
                col("Plays", r -> plays(r.b())))), 2, 0);
        GridPane recs = grid(50, 50);
        recs.add(titled("Recommended to A · ● also to B", table(vm.recsA(), "compare-recs-a", col("Artist", ListenerDialogs::marked),
                col("Score", r -> String.format(Locale.ROOT, "%.3f", r.a())))), 0, 0);
        recs.add(titled("Recommended to B · ● also to A", table(vm.recsB(), "compare-recs-b", col("Artist", ListenerDialogs::marked),
                col("Score", r -> String.format(Locale.ROOT, "%.3f", r.a())))), 1, 0);
        Label who = new Label();
        who.getStyleClass().add("muted");
        vm.pairProperty().addListener((o, x, p) -> who.setText(p == null ? "" : "A = " + vm.state().data().dataset().users().id(p[0])
                + "   B = " + vm.state().data().dataset().users().id(p[1])));
        VBox root = new VBox(10, bar, problem, headline, who, played, recs);
        VBox.setVgrow(played, Priority.ALWAYS);
        VBox.setVgrow(recs, Priority.ALWAYS);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("app-root");
        Stage s = stage(owner, "Compare listeners", root, 960, 600);
        if (other >= 0) {
            pick.setText(vm.state().data().dataset().users().id(other));
            vm.compare(me.index(), other, users.recommendationFilterProperty().get());
        }
        s.show();
        return s;
    }

    /** Opens the held-out test of the open listener. */
    static Stage heldOut(Window owner, UsersViewModel users, HeldOutViewModel vm) {
        UserRow me = users.currentProperty().get();
        Label summary = new Label();
        summary.setId("held-out-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("headline-small");
        summary.textProperty().bind(vm.summaryProperty());
        Label how = new Label("The Train screen's split holds out a fifth of each listener's artists (of those with "
                + "5 or more). The rank counts the artists they did not play in training that the model scores higher, plus one.");
        how.setWrapText(true);
        how.getStyleClass().add("muted");
        GridPane g = grid(50, 50);
        g.add(titled("Held-out artists · ● came back in the top 10", table(vm.heldOut(), "held-out-artists",
                col("Artist", r -> (r.hit() ? "● " : "") + r.name()), col("Plays", r -> plays(r.plays())),
                col("Rank", r -> r.rank() > 0 ? String.format(Locale.ROOT, "%,d", r.rank()) : "—"))), 0, 0);
        g.add(titled("The model's top 10 for them · ● held out", table(vm.top(), "held-out-top",
                col("#", r -> Integer.toString(r.rank())), col("Artist", r -> (r.hit() ? "● " : "") + r.name()))), 1, 0);
        VBox root = new VBox(10, summary, how, g);
        VBox.setVgrow(g, Priority.ALWAYS);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("app-root");
        Stage s = stage(owner, "Held-out test of " + me.id(), root, 760, 520);
        vm.show(me.index());
        s.show();
        return s;
    }

    private static Stage stage(Window owner, String title, VBox root, double w, double h) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.initModality(Modality.NONE);
        s.setTitle(title);
        Scene scene = new Scene(root, w, h);
        Theme.apply(scene.getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                s.close();
            }
        });
        s.setScene(scene);
        return s;
    }

    private static String marked(CompareViewModel.Row r) {
        return (r.both() ? "● " : "") + r.name();
    }

    private static String plays(double v) {
        return Double.isNaN(v) ? "" : UsersViewModel.formatPlays(v);
    }

    /** Columns of these percentages of the width. */
    private static GridPane grid(double... percents) {
        GridPane g = new GridPane();
        g.setHgap(12);
        for (double p : percents) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(p);
            g.getColumnConstraints().add(cc);
        }
        return g;
    }

    private static VBox titled(String title, TableView<?> t) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox v = new VBox(6, l, t);
        VBox.setVgrow(t, Priority.ALWAYS);
        GridPane.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    record Col<R>(String name, Function<R, String> text) {
    }

    static <R> Col<R> col(String name, Function<R, String> text) {
        return new Col<>(name, text);
    }

    @SafeVarargs
    static <R> TableView<R> table(ObservableList<R> rows, String id, Col<R>... cols) {
        TableView<R> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new Label("None."));
        // the numbers' columns keep the width of their widest value (FitColumn): the names take the rest
        t.setMinHeight(80);
        t.setPrefHeight(200);
        // the names' column is wide and left-aligned (the "Artist" one, else the first); the rest are numbers
        Col<R> names = java.util.Arrays.stream(cols).filter(c -> c.name().equals("Artist")).findFirst().orElse(cols[0]);
        for (Col<R> c : cols) {
            TableColumn<R, String> tc = new TableColumn<>(c.name());
            tc.setCellValueFactory(x -> new ReadOnlyStringWrapper(c.text().apply(x.getValue())));
            tc.setSortable(false);
            if (c != names) {
                tc.getStyleClass().add("numeric");
                org.tastemap.app.FitColumn.toWidest(t, tc);
            } else {
                tc.setPrefWidth(200);
            }
            t.getColumns().add(tc);
        }
        org.tastemap.app.FitColumn.fillWith(t, t.getColumns().get(java.util.Arrays.asList(cols).indexOf(names)));
        t.setRowFactory(v -> new TableRow<>());
        return t;
    }
}
