package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/**
 * {@code --exclude-top}, {@code --min-listeners} and {@code --max-listeners} on {@code similar} and
 * {@code recommend}: the filtered list is the unfiltered full ranking with the filtered artists
 * struck out (scores unchanged), where "filtered" is worked out here from the model's rows by
 * counting each artist's listeners directly.
 */
class FilterCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static TrainedModel trained;
    static int[] listeners;

    @BeforeAll
    static void generateAndTrain() throws IOException {
        Path data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 150, 60, 4);
        CliRun.train(data, model, "--factors", "6", "--iterations", "3", "--threads", "2");
        trained = ModelFile.load(model);
        InteractionMatrix m = trained.dataset().matrix();
        listeners = new int[m.numItems()];
        // a listener count by brute force: each user's row, artist by artist
        for (int u = 0; u < m.numUsers(); u++) {
            for (int i = 0; i < m.numItems(); i++) {
                if (m.get(u, i) > 0) {
                    listeners[i]++;
                }
            }
        }
    }

    /** The names of the n artists with most listeners (ties: lower index first). */
    static Set<String> top(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < listeners.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> listeners[a] != listeners[b] ? Integer.compare(listeners[b], listeners[a]) : Integer.compare(a, b));
        Set<String> out = new HashSet<>();
        for (int r = 0; r < n; r++) {
            out.add(trained.dataset().artistName(order.get(r)));
        }
        return out;
    }

    static int listenersOf(String name) {
        return listeners[trained.dataset().artists().indexOf(name)];
    }

    /** The table's rows as "name score". */
    static List<String> rows(Run r) {
        assertEquals(0, r.code(), r.err());
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.isBlank() || line.trim().startsWith("rank")) {
                continue;
            }
            out.add(line.substring(6, 46).trim() + " " + line.substring(46).trim());
        }
        return out;
    }

    static String name(String row) {
        return row.substring(0, row.lastIndexOf(' '));
    }

    @Test
    void similarWithoutTheMostPopularIsTheFullListWithThemStruckOut() {
        String artist = trained.dataset().artistName(3);
        List<String> all = rows(CliRun.run("similar", "--model", model.toString(), "--artist", artist, "-n", "1000"));
        Set<String> top = top(10);
        List<String> want = all.stream().filter(r -> !top.contains(name(r))).limit(8).toList();
        List<String> got = rows(CliRun.run("similar", "--model", model.toString(), "--artist", artist, "-n", "8", "--exclude-top", "10"));
        assertEquals(want, got);
        assertEquals(8, got.size());
    }

    @Test
    void recommendWithinAListenerRangeIsTheFullListWithTheOthersStruckOut() {
        String user = trained.dataset().users().id(5);
        List<String> all = rows(CliRun.run("recommend", "--model", model.toString(), "--user", user, "-n", "1000"));
        // the middle half of the listener counts
        int[] sorted = listeners.clone();
        java.util.Arrays.sort(sorted);
        int lo = sorted[sorted.length / 4];
        int hi = sorted[3 * sorted.length / 4];
        List<String> want = all.stream().filter(r -> listenersOf(name(r)) >= lo && listenersOf(name(r)) <= hi).limit(10).toList();
        List<String> got = rows(CliRun.run("recommend", "--model", model.toString(), "--user", user,
                "--min-listeners", "" + lo, "--max-listeners", "" + hi));
        assertEquals(want, got);
        assertFalse(got.isEmpty(), "the middle half of the artists is not empty");
    }

    @Test
    void recommendAllAppliesTheFilterToEveryListener() throws IOException {
        Path csv = dir.resolve("recs.csv");
        Run r = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", csv.toString(), "-n", "5", "--exclude-top", "15");
        assertEquals(0, r.code(), r.err());
        Map<String, List<String>> lists = RecommendAllCliTest.read(csv);
        assertEquals(trained.dataset().users().size(), lists.size());
        Set<String> top = top(15);
        for (var e : lists.entrySet()) {
            assertEquals(5, e.getValue().size(), e.getKey());
            for (String a : e.getValue()) {
                assertFalse(top.contains(a), e.getKey() + " got " + a + ", one of the 15 most popular");
            }
        }
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        String artist = trained.dataset().artistName(0);
        Run neg = CliRun.run("similar", "--model", model.toString(), "--artist", artist, "--exclude-top", "-3");
        assertEquals(2, neg.code());
        assertTrue(neg.err().contains("--exclude-top: the number of most popular artists to leave out must be 0 or more (got -3)"), neg.err());
        Run swapped = CliRun.run("recommend", "--model", model.toString(), "--user", trained.dataset().users().id(0),
                "--min-listeners", "50", "--max-listeners", "10");
        assertEquals(2, swapped.code());
        assertTrue(swapped.err().contains("the minimum listener count (50) is above the maximum (10)"), swapped.err());
        Run word = CliRun.run("similar", "--model", model.toString(), "--artist", artist, "--max-listeners", "many");
        assertEquals(2, word.code());
        assertTrue(word.err().contains("--max-listeners"), word.err());
        Run negMin = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", dir.resolve("x.csv").toString(),
                "--min-listeners", "-1");
        assertEquals(2, negMin.code());
        assertTrue(negMin.err().contains("--min-listeners: the minimum listener count must be 0 or more (got -1)"), negMin.err());
        assertFalse(dir.resolve("x.csv").toFile().exists(), "nothing written on a usage error");
    }
}
