package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/** What the command line says when a person mistypes, and that it never lets names drive the terminal. */
class CliMessagesTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static Path hostile;
    static String user;
    static String artist;

    static Run run(String... args) {
        return CliRun.run(args);
    }

    @BeforeAll
    static void generateAndTrain() throws IOException {
        data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        assertEquals(0, run("generate", "--out", data.toString(), "--users", "300", "--artists", "200", "--seed", "4").code());
        String[] first = Files.readAllLines(data).get(0).split("\t");
        user = first[0];
        artist = first[2];
        Run t = run("train", "--input", data.toString(), "--factors", "8", "--iterations", "3", "--out", model.toString());
        assertEquals(0, t.code(), t.err());

        // a model file as an older import could have written it: every artist name and one user id
        // carry terminal escape sequences (a colour change, and an OSC title ended by BEL)
        TrainedModel m = ModelFile.load(model);
        Dataset d = m.dataset();
        String[] names = Arrays.stream(d.artistNames()).map(CliMessagesTest::evil).toArray(String[]::new);
        String[] users = d.users().toArray();
        users[d.users().indexOf(user)] = evil(user);
        Dataset bad = new Dataset(d.matrix(), IdIndex.of(users), IdIndex.of(names), names, d.artistMbids());
        hostile = dir.resolve("hostile.tsm");
        ModelFile.save(hostile, new TrainedModel(bad, m.factors()));
    }

    static String evil(String s) {
        return "\u001b[31m" + s + "\u001b]0;owned\u0007";
    }

    /** Nothing a terminal acts on: no control character but the line end. */
    static void assertNoControlCharacters(String text) {
        for (char c : text.toCharArray()) {
            assertFalse(c != '\n' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)),
                    "control character U+" + Integer.toHexString(c) + " in:\n" + text);
        }
    }

    @Test
    void aMistypedOptionIsNamedWithTheClosestOne() {
        // the suggestions are the options one edit away, checked by hand against each command's --help
        Run noModel = run("similar", "--artst", "X");
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().startsWith("tastemap: Unknown option '--artst'; did you mean '--artist'?\n"), noModel.err());
        Run withModel = run("similar", "--model", model.toString(), "--artst", artist);
        assertTrue(withModel.err().startsWith("tastemap: Unknown option '--artst'; did you mean '--artist'?\n"), withModel.err());
        Run both = run("similar", "--model", model.toString(), "--artist", artist, "--artst", artist);
        assertTrue(both.err().startsWith("tastemap: Unknown option '--artst'; did you mean '--artist'?\n"), both.err());
        Run swapped = run("train", "--input", data.toString(), "--aplha", "1", "--out", dir.resolve("x.tsm").toString());
        assertTrue(swapped.err().startsWith("tastemap: Unknown option '--aplha'; did you mean '--alpha'?\n"), swapped.err());
        Run nothingClose = run("similar", "--model", model.toString(), "--artist", artist, "--zzzzzz");
        assertTrue(nothingClose.err().startsWith("tastemap: Unknown option '--zzzzzz'\n"), nothingClose.err());
        assertTrue(nothingClose.err().contains("Try 'tastemap similar --help'."), nothingClose.err());
    }

    @Test
    void aNameWithSpacesWithoutQuotesIsExplained() {
        Run r = run("similar", "--model", model.toString(), "--artist", "Northern", "Meadows");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tastemap: Unexpected argument 'Meadows' (put a value with spaces in quotes)\n"), r.err());
    }

    @Test
    void aMistypedCommandIsNamedWithTheClosestOne() {
        Run r = run("recomend", "--model", model.toString(), "--user", user);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tastemap: Unknown command 'recomend'; did you mean 'recommend'?\n"), r.err());
        Run t = run("traim");
        assertTrue(t.err().startsWith("tastemap: Unknown command 'traim'; did you mean 'train'?\n"), t.err());
        Run none = run("frobnicate");
        assertTrue(none.err().startsWith("tastemap: Unknown command 'frobnicate'\n"), none.err());
        assertTrue(none.err().contains("Try 'tastemap --help'."), none.err());
    }

    @Test
    void aMistypedArtistGetsTheClosestNames() {
        // one letter left out in the middle, as in "Nothern Meadows" for "Northern Meadows"
        int mid = artist.length() / 2;
        String typo = artist.substring(0, mid) + artist.substring(mid + 1);
        Run s = run("similar", "--model", model.toString(), "--artist", typo);
        assertEquals(1, s.code());
        assertTrue(s.err().startsWith("tastemap: no artist '" + typo + "' in the model; did you mean '" + artist + "'"), s.err());
        Run e = run("explain", "--model", model.toString(), "--user", user, "--artist", typo);
        assertTrue(e.err().contains("did you mean '" + artist + "'"), e.err());
        String userTypo = user.substring(0, 10) + user.substring(11);
        Run u = run("recommend", "--model", model.toString(), "--user", userTypo);
        assertTrue(u.err().startsWith("tastemap: no user '" + userTypo + "' in the model; did you mean '" + user + "'"), u.err());
    }

    @Test
    void namesAreEscapedWhereverTheyArePrinted() throws IOException {
        Run r = run("recommend", "--model", hostile.toString(), "--user", evil(user), "-n", "3");
        assertEquals(0, r.code(), r.err());
        assertNoControlCharacters(r.out());
        assertTrue(r.out().contains("\\e[31m") && r.out().contains("\\e]0;owned\\u0007"), r.out());

        Run s = run("similar", "--model", hostile.toString(), "--artist", evil(artist), "-n", "3");
        assertEquals(0, s.code(), s.err());
        assertNoControlCharacters(s.out());
        assertEquals(4, s.out().lines().count(), s.out());

        String recommended = Files.readAllLines(data).stream().filter(l -> !l.startsWith(user + "\t")).findFirst().orElseThrow().split("\t")[2];
        Run e = run("explain", "--model", hostile.toString(), "--user", evil(user), "--artist", evil(recommended));
        assertEquals(0, e.code(), e.err());
        assertNoControlCharacters(e.out());
        assertTrue(e.out().contains("\\e[31m"), e.out());

        // the import report names the file it read
        Path oddName = Files.copy(data, dir.resolve("\u001b]0;owned\u0007plays.tsv"));
        Run imported = run("import", "--input", oddName.toString());
        assertEquals(0, imported.code(), imported.err());
        assertNoControlCharacters(imported.out());
        assertTrue(imported.out().contains("\\e]0;owned\\u0007plays.tsv"), imported.out());

        // errors: the names suggested, the name typed, and a file name
        Run unknown = run("similar", "--model", hostile.toString(), "--artist", evil(artist.substring(1)));
        assertEquals(1, unknown.code());
        assertNoControlCharacters(unknown.err());
        assertTrue(unknown.err().contains("did you mean '\\e[31m"), unknown.err());
        Run missing = run("import", "--input", dir.resolve("\u001b[2Jmissing.tsv").toString());
        assertEquals(1, missing.code());
        assertNoControlCharacters(missing.err());
        assertTrue(missing.err().contains("\\e[2Jmissing.tsv"), missing.err());
        Run option = run("similar", "--\u001b[2J");
        assertNoControlCharacters(option.err());
    }
}
