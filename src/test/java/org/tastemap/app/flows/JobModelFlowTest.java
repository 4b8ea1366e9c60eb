package org.tastemap.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tastemap.app.shell.MainWindow;
import org.tastemap.cli.Cli;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/**
 * File > Open model on a model the Spark job wrote ({@code src/test/resources/spark-job/job-model.tsm},
 * made by the commands in the README beside it: 400 generated listeners, k = 8, 5 iterations, histories
 * of 100 listeners, seed 7). Expected values come from those commands, from the job's printed lambda,
 * and from the generated file itself: {@code generate} is deterministic by seed, so the test writes
 * the same file again and counts its rows, listeners and histories by brute force.
 */
@ExtendWith(ApplicationExtension.class)
class JobModelFlowTest {
    /** The data the job was trained on, as generated again: per listener, their artists and plays. */
    private static final Map<String, Map<String, Double>> playsByUser = new LinkedHashMap<>();
    /** Per artist name, its listeners in the full data. */
    private static final Map<String, Integer> listenersByArtist = new HashMap<>();
    private static long rows;
    private static Path modelFile;
    private static TrainedModel job;

    @TempDir
    static Path dir;

    private MainWindow window;

    @BeforeAll
    static void regenerateTheJobsInput() throws Exception {
        Path data = dir.resolve("plays-400.tsv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"generate", "--out", data.toString(), "--users", "400", "--artists", "500",
                "--seed", "7"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            rows++;
            playsByUser.computeIfAbsent(f[0], u -> new LinkedHashMap<>()).merge(f[2], Double.parseDouble(f[3]), Double::sum);
        }
        for (Map<String, Double> artists : playsByUser.values()) {
            for (String a : artists.keySet()) {
                listenersByArtist.merge(a, 1, Integer::sum);
            }
        }
        modelFile = Files.copy(Path.of(JobModelFlowTest.class.getResource("/spark-job/job-model.tsm").toURI()),
                dir.resolve("job-model.tsm"));
        job = ModelFile.load(modelFile);
        // the fixture is the model of this file: same listeners, artists and rows
        assertEquals(400, playsByUser.size());
        assertEquals(Set.copyOf(playsByUser.keySet()), Set.of(job.dataset().users().toArray()));
        assertEquals(rows, job.totalRows());
    }

    @Start
    void start(Stage stage) {
        window = AppHarness.start(stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Opens the fixture as File > Open model does (the menu's chooser hands its file to this call). */
    private void openJobModel() throws Exception {
        Platform.runLater(() -> window.main().openModel(modelFile, modelFile.toString()));
        AppHarness.waitUntil(() -> window.state().model() != null && window.state().data() != null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theStatusBarAndAboutSaySparkOnLocal2AndTheJobsParameters(FxRobot robot) throws Exception {
        openJobModel();
        // by the job's command: k=8, 5 iterations, 100 histories; 400 users and 500 artists by generate
        assertEquals("Spark 4.0.1 on local[2] model k=8 · 5 iterations · 100 sampled histories", text(robot, "#status-model"));
        assertEquals(String.format(Locale.ROOT, "job-model.tsm · 400 users (100 histories) · 500 artists · %,d rows", rows),
                text(robot, "#status-data"));

        robot.press(KeyCode.F1).release(KeyCode.F1);
        AppHarness.waitUntil(() -> robot.lookup("#about-model").tryQuery().isPresent());
        String about = text(robot, "#about-model");
        assertTrue(about.contains("Trained by Spark 4.0.1 on local[2]"), about);
        // lambda 0.4225 as the job printed it (the desktop default over 47.3 artists per listener);
        // alpha 1 and log confidence (eps 1) are the job's defaults
        assertTrue(about.contains("k = 8 · alpha 1 · lambda 0.4225, scaled by each row's count (ALS-WR, as Spark)"
                + " · log confidence (eps 1) · 5 iterations"), about);
        assertTrue(about.contains("Made by: tastemap-spark"), about);
        assertTrue(about.contains("Input: plays-400.tsv"), about);
        assertTrue(about.contains("Histories of 100 sampled listeners of 400 (seed 7)"), about);
        assertTrue(about.contains(String.format(Locale.ROOT, "500 artists, %,d listener-artist rows in the full data", rows)),
                about);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theUsersScreenRecommendsAndExplainsForAHeldListenerAndOffersTheTasteBuilderToAnother(FxRobot robot)
            throws Exception {
        openJobModel();
        robot.interact(() -> window.show(MainWindow.Screen.USERS));
        assertTrue(text(robot, "#user-histories").startsWith("Histories of 100 sampled listeners of 400"),
                text(robot, "#user-histories"));
        robot.clickOn("#random-user");
        AppHarness.waitUntil(() -> !window.users().recommendations().isEmpty());
        int user = window.users().currentProperty().get().index();
        String id = job.dataset().users().id(user);
        assertTrue(job.holdsHistory(user), "Random user opens a held listener, not " + id);
        // the history shown is the listener's rows in the generated file
        Map<String, Double> played = playsByUser.get(id);
        Map<String, Double> shownHistory = new HashMap<>();
        window.users().history().forEach(r -> shownHistory.put(r.name(), r.value()));
        assertEquals(played, shownHistory);
        // the first recommendation is, by brute force over the job's factors, the best-scoring artist not played
        int best = -1;
        for (int a = 0; a < job.dataset().artists().size(); a++) {
            if (!played.containsKey(job.dataset().artistName(a))
                    && (best < 0 || job.factors().score(user, a) > job.factors().score(user, best))) {
                best = a;
            }
        }
        assertEquals(job.dataset().artistName(best), window.users().recommendations().get(0).name());
        robot.clickOn("#user-recommendations .table-row-cell");
        AppHarness.waitUntil(() -> window.usersView().explanationBars() > 0);

        // a listener the sample lacks: said, and the taste builder offered
        String other = playsByUser.keySet().stream().filter(u -> !job.holdsHistory(job.dataset().users().indexOf(u)))
                .findFirst().orElseThrow();
        robot.interact(() -> window.users().openById(other));
        String problem = text(robot, "#user-problem");
        assertTrue(problem.contains("The model holds no listening history for \"" + other + "\""), problem);
        assertTrue(problem.contains("Taste builder"), problem);
        // ... which folds their plays in (their three most played artists, from the generated file)
        List<Map.Entry<String, Double>> top = playsByUser.get(other).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3).toList();
        robot.clickOn("Taste builder");
        robot.interact(() -> top.forEach(e -> assertTrue(window.taste().add(e.getKey(), e.getValue()), e.getKey())));
        AppHarness.waitUntil(() -> !window.taste().recommendations().isEmpty());
        Set<String> picked = new HashSet<>();
        top.forEach(e -> picked.add(e.getKey()));
        window.taste().recommendations().forEach(r -> assertFalse(picked.contains(r.name()), r.name() + " was picked"));
    }

    @Test
    void theArtistsScreenShowsListenerCountsOfTheFullData(FxRobot robot) throws Exception {
        openJobModel();
        // the artist with the most listeners in the generated file, by brute force
        String name = listenersByArtist.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int full = listenersByArtist.get(name);
        int artist = job.dataset().artists().indexOf(name);
        // the sample's count would be far lower: the job kept 100 of 400 histories
        assertTrue(job.dataset().matrix().itemCount(artist) < full, "held " + job.dataset().matrix().itemCount(artist));
        robot.interact(() -> window.show(MainWindow.Screen.ARTISTS));
        robot.interact(() -> robot.lookup("#artist-search").queryTextInputControl().setText(name));
        AppHarness.waitUntil(() -> window.artists().results().stream().anyMatch(r -> r.name().equals(name)));
        var row = window.artists().results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertEquals(full, row.listeners());
        assertTrue(Double.isNaN(row.plays()), "plays of the full data are unknown, shown as a dash");
        robot.interact(() -> window.artists().open(artist));
        AppHarness.waitUntil(() -> !window.artists().similar().isEmpty());
        String facts = String.format(Locale.ROOT, "%,d listeners in the full data", full);
        assertTrue(robot.lookup(".muted").queryAllAs(Labeled.class).stream().anyMatch(l -> facts.equals(l.getText())
                && shown(l)), "no label says " + facts);
        // the similar artists' counts are the full data's too
        for (var s : window.artists().similar()) {
            assertEquals((int) listenersByArtist.get(s.name()), s.listeners(), s.name());
        }
    }

    @Test
    void trainAndDataSayWhyTheyCannotRetrainAndWhatToDo(FxRobot robot) throws Exception {
        openJobModel();
        robot.interact(() -> window.show(MainWindow.Screen.TRAIN));
        AppHarness.waitUntil(() -> text(robot, "#train-message").contains("trained on Spark"));
        String message = text(robot, "#train-message");
        assertTrue(message.contains("only 100 sampled listeners of 400"), message);
        assertTrue(message.contains("cannot be retrained or evaluated on held-out plays here"), message);
        assertTrue(message.contains("Import the data it was trained on (File > Import…)"), message);
        assertTrue(shown(robot.lookup("#train-message").query()));
        assertTrue(robot.lookup("#train-button").query().isDisabled());
        robot.interact(() -> window.train().train());
        assertFalse(window.train().runningProperty().get());

        robot.interact(() -> window.show(MainWindow.Screen.DATA));
        AppHarness.waitUntil(() -> text(robot, "#data-facts").startsWith("Only "));
        assertEquals("Only 100 of 400 listeners' histories", text(robot, "#data-facts"));
        String why = text(robot, "#data-why");
        assertTrue(why.contains("cannot chart the data here") && why.contains("File > Import"), why);
        assertTrue(shown(robot.lookup("#data-why").query()));
        assertFalse(shown(robot.lookup("#long-tail-chart").query()), "no chart of the sample");
    }
}
