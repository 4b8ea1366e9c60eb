package org.tastemap.app.artists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.core.TestData;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.data.NameSearch;
import org.tastemap.io.SyntheticLastFm;

/**
 * The artist search field over 300,000 artists, the size of the Last.fm 360K catalogue: every
 * keystroke of a few dozen typed names goes through the provider the search field uses, on a
 * background thread as ControlsFX calls it. Checks what each keystroke suggests against a brute-force
 * scan of all names; how fast it is, is measured by {@code bench} ("autocomplete per keystroke").
 */
class ArtistSearchScaleTest {
    static final int ARTISTS = 300_000;
    static final int USERS = 20_000;
    private static ExecutorService keystrokes;
    private static ArtistsViewModel vm;
    private static Dataset dataset;

    @BeforeAll
    static void buildCatalogue() {
        dataset = catalogue(ARTISTS, USERS, 99L);
        LoadedData d = new LoadedData(dataset, "generated", null, NameSearch.artists(dataset), NameSearch.users(dataset), null);
        AppState state = new AppState();
        state.setData(d);
        vm = new ArtistsViewModel(state, new SameThreadExecutor(), new Fixtures.Errors());
        keystrokes = Executors.newSingleThreadExecutor(r -> new Thread(r, "autocomplete"));
    }

    @AfterAll
    static void stop() {
        keystrokes.shutdownNow();
    }

    @Test
    void typingNamesCharacterByCharacterOverThreeHundredThousandArtists() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> typed = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            typed.add(dataset.artistName(rnd.nextInt(ARTISTS)));
        }
        // misses scan every name: the slowest case
        List<String> misses = List.of("zzqx", "Sigur Ros", "xylophone orchestra");
        typed.addAll(misses);
        // warm up the JIT on other names so the first measured keystrokes are not interpreted code
        for (int k = 0; k < 20; k++) {
            String w = dataset.artistName(rnd.nextInt(ARTISTS));
            for (int c = 1; c <= w.length(); c++) {
                String prefix = w.substring(0, c);
                keystrokes.submit(() -> vm.suggestions().request(prefix)).get();
            }
        }
        String[] normalized = new String[ARTISTS];
        Arrays.setAll(normalized, a -> NameSearch.normalize(dataset.artistName(a)));
        int found = 0;
        for (String name : typed) {
            for (int c = 1; c <= name.length(); c++) {
                String prefix = name.substring(0, c);
                List<ArtistRow> rows = keystrokes.submit(() -> vm.suggestions().request(prefix)).get(30, TimeUnit.SECONDS);
                assertTrue(rows.size() <= ArtistsViewModel.SUGGESTIONS);
                String q = NameSearch.normalize(prefix);
                for (ArtistRow r : rows) {
                    assertTrue(NameSearch.normalize(r.name()).contains(q), r.name() + " matches " + prefix);
                }
                if (!misses.contains(name)) {
                    assertFalse(rows.isEmpty(), "a prefix of an existing name always suggests something: " + prefix);
                }
            }
            // the whole name: names that start with it come first, so when at most SUGGESTIONS names do
            // (counted by a scan of every name), the name itself is among them
            String q = NameSearch.normalize(name);
            long starting = Arrays.stream(normalized).filter(n -> n.startsWith(q)).count();
            List<ArtistRow> rows = keystrokes.submit(() -> vm.suggestions().request(name)).get(30, TimeUnit.SECONDS);
            boolean hit = rows.stream().anyMatch(r -> r.name().equals(name));
            if (misses.contains(name)) {
                assertEquals(0, starting, name);
                assertFalse(hit, name);
            } else if (starting <= ArtistsViewModel.SUGGESTIONS) {
                assertTrue(hit, name + " is among its own suggestions (" + starting + " names start with it)");
                found++;
            } else {
                assertEquals(ArtistsViewModel.SUGGESTIONS, rows.size(), name);
                assertTrue(rows.stream().allMatch(r -> NameSearch.normalize(r.name()).startsWith(q)), name);
            }
        }
        assertTrue(found > 0, "some typed names are specific enough to be found whole");
    }

    @Test
    void aBurstOfKeystrokesRunsFewSearchesAndAnswersTheLastOne() throws Exception {
        // as ControlsFX does: one thread per keystroke, none waiting for the previous one
        String name = dataset.artistName(12_345);
        ExecutorService burst = Executors.newCachedThreadPool();
        try {
            List<Future<List<ArtistRow>>> answers = new ArrayList<>();
            for (int c = 1; c <= name.length(); c++) {
                String prefix = name.substring(0, c);
                long before = vm.suggestions().arrived();
                answers.add(burst.submit(() -> vm.suggestions().request(prefix)));
                // the next key is pressed once this one reached the provider (keystrokes keep their order),
                // but without waiting for its answer
                while (vm.suggestions().arrived() == before) {
                    Thread.onSpinWait();
                }
            }
            List<ArtistRow> last = answers.get(answers.size() - 1).get(30, TimeUnit.SECONDS);
            for (Future<List<ArtistRow>> f : answers) {
                // every keystroke is answered (the overtaken ones with nothing), none fails
                f.get(30, TimeUnit.SECONDS);
            }
            assertFalse(last.isEmpty());
            assertTrue(last.stream().anyMatch(r -> r.name().equals(name)), "the final keystroke finds " + name);
        } finally {
            burst.shutdownNow();
        }
    }

    @Test
    void theResultsTableSearchGoesThroughTheSameGate() {
        String name = dataset.artistName(777);
        vm.queryProperty().set(name);
        assertTrue(vm.results().stream().anyMatch(r -> r.name().equals(name)));
        assertTrue(vm.results().size() <= ArtistsViewModel.RESULTS);
    }

    /**
     * The product generator's catalogue of {@code artists} names (unique, some with accents), with
     * popularity from {@link TestData#zipf}: {@code users} listeners of 15 artists each.
     */
    static Dataset catalogue(int artists, int users, long seed) {
        String[] names = SyntheticLastFm.create(1, artists, seed).artists().stream().map(SyntheticLastFm.ArtistInfo::name)
                .toArray(String[]::new);
        InteractionMatrix m = TestData.zipf(users, artists, 15, seed);
        String[] userIds = new String[users];
        Arrays.setAll(userIds, u -> String.format(Locale.ROOT, "user-%06d", u));
        String[] mbids = new String[artists];
        Arrays.fill(mbids, "");
        return new Dataset(m, IdIndex.of(userIds), IdIndex.of(names), names, mbids);
    }
}
