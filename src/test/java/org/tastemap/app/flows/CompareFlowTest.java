package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;

/**
 * The Users screen's Compare window, opened as a user does (find listener A, "Compare with…", type B's
 * id, Compare), checked against what the test works out from the data and the model itself: the
 * cosine of the two factor vectors, the artists both or only one played (from the two histories),
 * each one's recommendations (Recommender), and that no number is cut short in its column.
 */
@ExtendWith(ApplicationExtension.class)
class CompareFlowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Listener A: the one with the most plays of one artist; B: another listener of that artist, the one who played it most. */
    private int[] pickPair() throws Exception {
        AppHarness.loadWithModel(window);
        InteractionMatrix m = window.state().data().dataset().matrix();
        int a = -1;
        int artist = -1;
        float most = -1;
        for (int u = 0; u < m.numUsers(); u++) {
            for (int p = m.userPtr()[u]; p < m.userPtr()[u + 1]; p++) {
                if (m.userValues()[p] > most) {
                    most = m.userValues()[p];
                    a = u;
                    artist = m.userItems()[p];
                }
            }
        }
        int b = -1;
        float bMost = -1;
        for (int u = 0; u < m.numUsers(); u++) {
            float v = plays(m, u, artist);
            if (u != a && v > bMost) {
                bMost = v;
                b = u;
            }
        }
        // the fixture's heaviest row has five digits: the case where "10,000" must not become "10,…"
        assertTrue(most >= 10_000 && bMost > 0, "a shared artist with 10,000+ plays: " + most + ", " + bMost);
        return new int[] {a, b};
    }

    private static float plays(InteractionMatrix m, int u, int artist) {
        for (int p = m.userPtr()[u]; p < m.userPtr()[u + 1]; p++) {
            if (m.userItems()[p] == artist) {
                return m.userValues()[p];
            }
        }
        return 0;
    }

    /** Opens A on the Users screen by typing its id, then the Compare window, and compares with B by typing B's id. */
    private Window openCompare(FxRobot robot, int a, int b) throws Exception {
        var users = window.state().data().dataset().users();
        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        robot.clickOn("#user-search");
        robot.interact(() -> window.users().queryProperty().set(""));
        robot.write(users.id(a));
        robot.type(KeyCode.ESCAPE);   // the suggestion popup, as KeyboardFlowTest does
        robot.type(KeyCode.ENTER);
        try {
            AppHarness.waitUntil(() -> window.users().currentProperty().get() != null
                    && window.users().currentProperty().get().index() == a && !window.users().similarUsers().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("listener " + users.id(a) + " not opened: query \"" + window.users().queryProperty().get()
                    + "\", problem \"" + window.users().problemProperty().get() + "\", current " + window.users().currentProperty().get()
                    + ", similar " + window.users().similarUsers().size(), e);
        }
        // a suggestion popup that showed after the Escape may lie over the button: its first click only closes it
        for (int i = 0; i < 3 && robot.lookup("#compare-with").tryQuery().isEmpty(); i++) {
            robot.clickOn("#compare-button");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        AppHarness.waitUntil(() -> robot.lookup("#compare-with").tryQuery().isPresent());
        Window dialog = robot.lookup("#compare-with").query().getScene().getWindow();
        robot.interact(() -> robot.lookup("#compare-with").queryTextInputControl().clear());
        robot.clickOn("#compare-with").write(users.id(b));
        // the first click outside a showing suggestion popup only closes it: click Compare until it took
        for (int i = 0; i < 3 && !pairIs(a, b); i++) {
            robot.clickOn("#compare-go");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        AppHarness.waitUntil(() -> {
            int[] pair = window.users().compare().pairProperty().get();
            return pair != null && pair[0] == a && pair[1] == b && window.users().compare().recsB().size() == 10
                    && window.users().compare().headlineProperty().get().contains("cosine");
        });
        return dialog;
    }

    private boolean pairIs(int a, int b) {
        int[] pair = window.users().compare().pairProperty().get();
        return pair != null && pair[0] == a && pair[1] == b;
    }

    @Test
    void theCompareWindowShowsTheCosineTheArtistsAndBothRecommendations(FxRobot robot) throws Exception {
        int[] ab = pickPair();
        int a = ab[0];
        int b = ab[1];
        openCompare(robot, a, b);
        var d = window.state().data().dataset();
        InteractionMatrix m = d.matrix();
        var model = window.state().model().trained();

        // the cosine, by hand from the two factor vectors in double
        float[] xa = model.factors().userVector(a);
        float[] xb = model.factors().userVector(b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < xa.length; f++) {
            dot += (double) xa[f] * xb[f];
            na += (double) xa[f] * xa[f];
            nb += (double) xb[f] * xb[f];
        }
        double cosine = dot / Math.sqrt(na * nb);
        String headline = robot.lookup("#compare-headline").queryAs(Label.class).getText();
        Matcher cos = Pattern.compile("cosine of their factors (-?[0-9.]+)").matcher(headline);
        assertTrue(cos.find(), headline);
        assertEquals(cosine, Double.parseDouble(cos.group(1)), 0.0005, headline);

        // the artists from the two histories: both played (by the sum of plays, most first), only one played (by plays)
        List<String[]> shared = new ArrayList<>();
        List<String[]> onlyA = new ArrayList<>();
        List<String[]> onlyB = new ArrayList<>();
        List<float[]> sharedKeys = new ArrayList<>();
        for (int i = 0; i < m.numItems(); i++) {
            float pa = plays(m, a, i);
            float pb = plays(m, b, i);
            if (pa > 0 && pb > 0) {
                sharedKeys.add(new float[] {i, pa, pb});
            } else if (pa > 0) {
                onlyA.add(new String[] {d.artistName(i), String.format(Locale.ROOT, "%,.0f", pa), Float.toString(pa)});
            } else if (pb > 0) {
                onlyB.add(new String[] {d.artistName(i), String.format(Locale.ROOT, "%,.0f", pb), Float.toString(pb)});
            }
        }
        sharedKeys.sort(Comparator.<float[]>comparingDouble(k -> -(k[1] + (double) k[2])).thenComparingDouble(k -> k[0]));
        for (float[] k : sharedKeys) {
            shared.add(new String[] {d.artistName((int) k[0]), String.format(Locale.ROOT, "%,.0f", k[1]),
                    String.format(Locale.ROOT, "%,.0f", k[2])});
        }
        // most plays first; ties in any order, so compare as (plays, name) sorted
        Comparator<String[]> byPlays = Comparator.<String[]>comparingDouble(r -> -Double.parseDouble(r[2])).thenComparing(r -> r[0]);
        onlyA.sort(byPlays);
        onlyB.sort(byPlays);
        assertTrue(!shared.isEmpty() && !onlyA.isEmpty() && !onlyB.isEmpty(), "A and B share some artists and not others");
        assertEquals(texts(shared, 3), shown(robot, "#compare-shared"), "both played");
        assertEquals(texts(onlyA, 2), sortedByPlays(shown(robot, "#compare-only-a")), "only A played");
        assertEquals(texts(onlyB, 2), sortedByPlays(shown(robot, "#compare-only-b")), "only B played");

        // each one's recommendations: the Recommender's top 10 for that listener, "●" where the other's top 10 has it too
        Recommender r = new Recommender(model);
        List<ScoredItem> ra = r.recommend(a, 10, null);
        List<ScoredItem> rb = r.recommend(b, 10, null);
        assertEquals(recTexts(d, ra, rb), shown(robot, "#compare-recs-a"), "recommended to A");
        assertEquals(recTexts(d, rb, ra), shown(robot, "#compare-recs-b"), "recommended to B");
        for (ScoredItem s : ra) {
            assertEquals(0f, plays(m, a, s.index()), "A never gets an artist A played");
        }
    }

    @Test
    void everyNumberInTheCompareTablesFitsItsColumn(FxRobot robot) throws Exception {
        int[] ab = pickPair();
        Window dialog = openCompare(robot, ab[0], ab[1]);
        robot.interact(() -> dialog.getScene().getRoot().layout());
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (String id : List.of("#compare-shared", "#compare-only-a", "#compare-only-b", "#compare-recs-a", "#compare-recs-b")) {
                TableView<?> t = robot.from(dialog.getScene().getRoot()).lookup(id).queryTableView();
                for (TableColumn<?, ?> c : t.getColumns()) {
                    if (!c.getStyleClass().contains("numeric")) {
                        continue;
                    }
                    TableCell<?, ?> cell = renderedCell(t, c);
                    if (cell == null) {
                        problems.add(id + " " + c.getText() + ": no cell shown");
                        continue;
                    }
                    // the widest value of all the rows, in the cells' font, plus their padding
                    Text probe = new Text();
                    probe.setFont(cell.getFont());
                    double widest = 0;
                    String widestText = "";
                    for (int i = 0; i < t.getItems().size(); i++) {
                        probe.setText(String.valueOf(c.getCellData(i)));
                        if (probe.getLayoutBounds().getWidth() > widest) {
                            widest = probe.getLayoutBounds().getWidth();
                            widestText = probe.getText();
                        }
                    }
                    double need = widest + cell.snappedLeftInset() + cell.snappedRightInset();
                    if (c.getWidth() + 0.5 < need) {
                        problems.add(String.format(Locale.ROOT, "%s %s: %.1f px for \"%s\", which needs %.1f", id, c.getText(),
                                c.getWidth(), widestText, need));
                    }
                }
                // and what is drawn: no number is cut to "…"
                for (Node n : t.lookupAll(".table-cell")) {
                    TableCell<?, ?> cell = (TableCell<?, ?>) n;
                    if (cell.getTableColumn() == null || !cell.getTableColumn().getStyleClass().contains("numeric")) {
                        continue;
                    }
                    Node drawn = cell.lookup(".text");
                    if (cell.getText() != null && !cell.getText().isEmpty() && drawn instanceof Text tx && cell.isVisible()
                            && !tx.getText().equals(cell.getText())) {
                        problems.add(id + ": \"" + cell.getText() + "\" drawn as \"" + tx.getText() + "\"");
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    private static TableCell<?, ?> renderedCell(TableView<?> t, TableColumn<?, ?> c) {
        for (Node n : t.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == c && cell.getText() != null && !cell.getText().isEmpty()) {
                return cell;
            }
        }
        return null;
    }

    /** The rows of a table as its columns' texts joined by " | ". */
    private static List<String> shown(FxRobot robot, String id) {
        TableView<?> t = robot.lookup(id).queryTableView();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.getItems().size(); i++) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<?, ?> c : t.getColumns()) {
                cells.add(String.valueOf(c.getCellData(i)));
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    private static List<String> texts(List<String[]> rows, int columns) {
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(String.join(" | ", java.util.Arrays.copyOf(r, columns)));
        }
        return out;
    }

    /** Checks that rows "name | 1,234" come most plays first, and returns them with ties (any order in the window) by name. */
    private static List<String> sortedByPlays(List<String> rows) {
        java.util.function.ToDoubleFunction<String> plays = s -> Double.parseDouble(s.substring(s.lastIndexOf("| ") + 2).replace(",", ""));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(plays.applyAsDouble(rows.get(i - 1)) >= plays.applyAsDouble(rows.get(i)), "most plays first: " + rows);
        }
        List<String> out = new ArrayList<>(rows);
        out.sort(Comparator.<String>comparingDouble(s -> -plays.applyAsDouble(s)).thenComparing(s -> s.substring(0, s.lastIndexOf(" | "))));
        return out;
    }

    private static List<String> recTexts(org.tastemap.core.data.Dataset d, List<ScoredItem> mine, List<ScoredItem> other) {
        List<String> out = new ArrayList<>();
        for (ScoredItem s : mine) {
            boolean both = other.stream().anyMatch(o -> o.index() == s.index());
            out.add((both ? "● " : "") + d.artistName(s.index()) + " | " + String.format(Locale.ROOT, "%.3f", s.score()));
        }
        return out;
    }
}
