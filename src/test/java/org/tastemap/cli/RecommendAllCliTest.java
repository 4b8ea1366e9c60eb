package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/** `recommend --all --out FILE.csv` (issue 16, batch recommendations) and the bounds of `-n`. */
class RecommendAllCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static TrainedModel trained;

    @BeforeAll
    static void generateAndTrain() throws IOException {
        Path data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 120, 80, 11);
        CliRun.train(data, model, "--factors", "6", "--iterations", "3", "--threads", "2");
        trained = ModelFile.load(model);
    }

    /** The CSV's rows by user id, artist names in rank order (spreadsheet protection undone). */
    static Map<String, List<String>> read(Path csv) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("user", "rank", "artist", "score"), p.getHeaderNames());
            for (CSVRecord r : p) {
                List<String> list = out.computeIfAbsent(unprotect(r.get("user")), k -> new ArrayList<>());
                list.add(unprotect(r.get("artist")));
                assertEquals(list.size(), Integer.parseInt(r.get("rank")), "ranks count from 1 in order");
            }
        }
        return out;
    }

    private static String unprotect(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
    }

    /** Brute force: every artist by x_u . y_i (FactorModel.score), best first, ties to the lower index. */
    static List<String> bruteForce(int u, int n, boolean excludePlayed) {
        Dataset d = trained.dataset();
        FactorModel f = trained.factors();
        Set<Integer> played = played(u);
        return IntStream.range(0, f.numItems()).boxed().filter(i -> !excludePlayed || !played.contains(i))
                .sorted(Comparator.comparingDouble((Integer i) -> -f.score(u, i)).thenComparing(i -> i))
                .limit(n).map(d::artistName).toList();
    }

    static Set<Integer> played(int u) {
        int[] ptr = trained.dataset().matrix().userPtr();
        Set<Integer> out = new HashSet<>();
        for (int p = ptr[u]; p < ptr[u + 1]; p++) {
            out.add(trained.dataset().matrix().userItems()[p]);
        }
        return out;
    }

    @Test
    void allListenersTopNWithoutPlayedArtists() throws IOException {
        Path out = dir.resolve("recs.csv");
        Run r = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", out.toString(), "-n", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("120 of 120 listeners"), "progress on stderr: " + r.err());
        Map<String, List<String>> recs = read(out);
        Dataset d = trained.dataset();
        assertEquals(d.users().size(), recs.size(), "every listener, in model order");
        int u = 0;
        for (Map.Entry<String, List<String>> e : recs.entrySet()) {
            assertEquals(d.users().id(u), e.getKey());
            Set<String> playedNames = new HashSet<>();
            for (int i : played(u)) {
                playedNames.add(d.artistName(i));
            }
            for (String a : e.getValue()) {
                assertFalse(playedNames.contains(a), "listener " + u + " played " + a);
            }
            assertEquals(bruteForce(u, 5, true), e.getValue(), "listener " + u);
            u++;
        }
        // --exclude-played, as the contract writes it, is the default
        Path again = dir.resolve("again.csv");
        Run r2 = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", again.toString(), "--exclude-played");
        assertEquals(0, r2.code(), r2.err());
        Map<String, List<String>> ten = read(again);
        assertEquals(bruteForce(7, 10, true), ten.get(d.users().id(7)));
    }

    @Test
    void noExcludePlayedRanksPlayedArtistsToo() throws IOException {
        Path out = dir.resolve("with-played.csv");
        Run r = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", out.toString(), "-n", "5",
                "--no-exclude-played");
        assertEquals(0, r.code(), r.err());
        Map<String, List<String>> recs = read(out);
        int withPlayed = 0;
        for (int u = 0; u < trained.dataset().users().size(); u++) {
            List<String> expected = bruteForce(u, 5, false);
            assertEquals(expected, recs.get(trained.dataset().users().id(u)), "listener " + u);
            if (!expected.equals(bruteForce(u, 5, true))) {
                withPlayed++;
            }
        }
        assertTrue(withPlayed > 0, "the option made a difference for some listener");
    }

    @Test
    void nIsClampedToTheCatalogue() throws IOException {
        String user = trained.dataset().users().id(3);
        int unplayed = trained.dataset().artists().size() - played(3).size();
        // would size a 2^31-entry heap (16 GB) if memory followed the request
        Run one = CliRun.run("recommend", "--model", model.toString(), "--user", user, "-n", "2147483647");
        assertEquals(0, one.code(), one.err());
        assertEquals(1 + unplayed, one.out().lines().count(), "header + every unplayed artist");
        Path out = dir.resolve("all.csv");
        Run all = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", out.toString(), "-n", "2147483647");
        assertEquals(0, all.code(), all.err());
        assertEquals(bruteForce(3, Integer.MAX_VALUE, true), read(out).get(user));
        Run similar = CliRun.run("similar", "--model", model.toString(), "--artist", trained.dataset().artistName(0),
                "-n", "2147483647");
        assertEquals(0, similar.code(), similar.err());
        assertTrue(similar.out().lines().count() <= trained.dataset().artists().size(), "at most every other artist, and a header");
    }

    @Test
    void nBelowOneIsAnError() {
        String user = trained.dataset().users().id(0);
        for (String n : List.of("0", "-5")) {
            Run r = CliRun.run("recommend", "--model", model.toString(), "--user", user, "-n", n);
            assertEquals(2, r.code(), r.out());
            assertTrue(r.err().contains("-n must be at least 1 (got " + n + ")"), r.err());
            Run s = CliRun.run("similar", "--model", model.toString(), "--artist", trained.dataset().artistName(0), "-n", n);
            assertEquals(2, s.code(), s.out());
            assertTrue(s.err().contains("-n must be at least 1 (got " + n + ")"), s.err());
            Run a = CliRun.run("recommend", "--model", model.toString(), "--all", "--out", dir.resolve("x.csv").toString(), "-n", n);
            assertEquals(2, a.code(), a.out());
        }
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void userOrAllButNotBothAndAllNeedsOut() {
        String user = trained.dataset().users().id(0);
        Run both = CliRun.run("recommend", "--model", model.toString(), "--user", user, "--all", "--out", dir.resolve("b.csv").toString());
        assertEquals(2, both.code(), both.err());
        Run neither = CliRun.run("recommend", "--model", model.toString());
        assertEquals(2, neither.code(), neither.err());
        Run noOut = CliRun.run("recommend", "--model", model.toString(), "--all");
        assertEquals(2, noOut.code(), noOut.err());
        assertTrue(noOut.err().contains("--all needs --out"), noOut.err());
    }

    @Test
    void anUnusableOutIsRefusedBeforeTheModelIsRead() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));
        Path broken = dir.resolve("unread.tsm");
        Files.write(broken, new byte[] {1, 2, 3});
        Run r = CliRun.run("recommend", "--model", broken.toString(), "--all", "--out", folder.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--out " + folder + " is a folder"), r.err());
    }

    @Test
    void aFailedRunLeavesTheOldFileAndNoOther() throws IOException {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "an earlier export\n");
        // a model that does not load: nothing is written
        Path broken = dir.resolve("broken.tsm");
        Files.write(broken, new byte[] {1, 2, 3});
        Run r = CliRun.run("recommend", "--model", broken.toString(), "--all", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("an earlier export\n", Files.readString(out));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }
}
