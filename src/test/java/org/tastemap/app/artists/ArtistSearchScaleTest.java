package org.tastemap.app.artists;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.data.NameSearch;

/**
 * The artist search field over 300,000 artists, the size of the Last.fm 360K catalogue: every
 * keystroke of a few dozen typed names goes through the provider the search field uses, on a
 * background thread as ControlsFX calls it. Prints the per-keystroke times; asserts only behaviour.
 */
class ArtistSearchScaleTest {
    static final int ARTISTS = 300_000;
    static final int USERS = 20_000;
    private static ExecutorService keystrokes;
    private static ArtistsViewModel vm;
    private static Dataset dataset;

    @BeforeAll
    static void buildCatalogue() {
        long t0 = System.nanoTime();
        dataset = catalogue(ARTISTS, USERS, 99L);
        long t1 = System.nanoTime();
        LoadedData d = new LoadedData(dataset, "generated", null, NameSearch.artists(dataset), NameSearch.users(dataset), null);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "[artist search] %,d artists: generated in %.0f ms, search index built in %.0f ms%n",
                ARTISTS, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
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
        List<Double> millis = new ArrayList<>();
        int hits = 0;
        for (String name : typed) {
            for (int c = 1; c <= name.length(); c++) {
                String prefix = name.substring(0, c);
                long t0 = System.nanoTime();
                List<ArtistRow> rows = keystrokes.submit(() -> vm.suggestions().request(prefix)).get(30, TimeUnit.SECONDS);
                millis.add((System.nanoTime() - t0) / 1e6);
                assertTrue(rows.size() <= ArtistsViewModel.SUGGESTIONS);
                String q = NameSearch.normalize(prefix);
                for (ArtistRow r : rows) {
                    assertTrue(NameSearch.normalize(r.name()).contains(q), r.name() + " matches " + prefix);
                }
                if (!misses.contains(name)) {
                    assertFalse(rows.isEmpty(), "a prefix of an existing name always suggests something: " + prefix);
                }
                if (c == name.length() && rows.stream().anyMatch(r -> r.name().equals(name))) {
                    hits++;
                }
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "[artist search] %,d keystrokes over %,d names: median %.2f ms, p90 %.2f ms, max %.2f ms"
                + " (%d of 40 whole names were among their own 12 suggestions)%n", sorted.length, ARTISTS, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1], hits);
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
            int answered = 0;
            for (Future<List<ArtistRow>> f : answers) {
                answered += f.get(30, TimeUnit.SECONDS).isEmpty() ? 0 : 1;
            }
            assertFalse(last.isEmpty());
            assertTrue(last.stream().anyMatch(r -> r.name().equals(name)), "the final keystroke finds " + name);
            System.out.printf(Locale.ROOT, "[artist search] burst of %d keystrokes: %d answered, the rest skipped as stale%n",
                    answers.size(), answered);
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

    /** Unique artist names from word lists (some with accents), with Zipf-popular listening by USERS users. */
    static Dataset catalogue(int artists, int users, long seed) {
        String[] adj = {"Crimson", "Velvet", "Silver", "Golden", "Electric", "Hollow", "Quiet", "Wild", "Broken", "Midnight",
            "Neon", "Paper", "Iron", "Glass", "Lunar", "Solar", "Frozen", "Burning", "Silent", "Distant", "Northern",
            "Little", "Black", "Scarlet", "Amber", "Violet", "Wandering", "Sleeping", "Dancing", "Rising", "Gentle",
            "Savage", "Royal", "Lost", "Secret", "Cosmic", "Static", "Analog", "Tender", "Bitter", "Sweet", "Restless"};
        String[] noun = {"Owl", "Harbor", "River", "Mountain", "Forest", "Wolf", "Raven", "Fox", "Tiger", "Ghost",
            "Machine", "Engine", "Signal", "Garden", "Ocean", "Island", "Desert", "Valley", "Tower", "Bridge", "Mirror",
            "Lantern", "Anchor", "Comet", "Planet", "Cloud", "Storm", "Flame", "Shadow", "Echo", "Dream", "Crown",
            "Sparrow", "Falcon", "Swan", "Serpent", "Dragon", "Tide", "Cathedral", "Empire", "Circus", "Radio"};
        String[] first = {"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira",
            "Leo", "Maya", "Nina", "Oscar", "Björn", "Søren", "José", "Chloé", "Zoë", "Ángel", "Mikaël"};
        String[] last = {"Lindqvist", "Moreau", "Harper", "Okafor", "Tanaka", "Novak", "García", "Müller", "Rossi",
            "Silva", "Kowalski", "Dubois", "Ferreira", "Andersen", "Nakamura", "Brennan", "Ramírez", "Østergaard"};
        String[] group = {"Trio", "Quartet", "Band", "Ensemble", "Collective", "Orchestra", "Project", "Sound System"};
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Integer> seen = new HashMap<>();
        String[] names = new String[artists];
        for (int a = 0; a < artists; a++) {
            String base = switch (r.nextInt(5)) {
                case 0 -> "The " + adj[r.nextInt(adj.length)] + " " + noun[r.nextInt(noun.length)] + "s";
                case 1 -> first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)];
                case 2 -> adj[r.nextInt(adj.length)] + " " + noun[r.nextInt(noun.length)];
                case 3 -> first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)] + " " + group[r.nextInt(group.length)];
                default -> noun[r.nextInt(noun.length)] + " & the " + adj[r.nextInt(adj.length)] + " " + noun[r.nextInt(noun.length)] + "s";
            };
            int n = seen.merge(base, 1, Integer::sum);
            names[a] = n == 1 ? base : base + " " + n;
        }
        // dedupe once more: "X 2" may also have been drawn as a base
        java.util.Set<String> unique = new java.util.HashSet<>();
        for (int a = 0; a < artists; a++) {
            while (!unique.add(names[a])) {
                names[a] = names[a] + "'";
            }
        }
        int per = 15;
        int[] us = new int[users * per];
        int[] is = new int[users * per];
        float[] ps = new float[users * per];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < per; k++) {
                us[n] = u;
                // Zipf-like: index ~ artists^(uniform^2), so low indexes are popular
                is[n] = Math.min(artists - 1, (int) Math.pow(artists, r.nextDouble() * r.nextDouble()));
                ps[n++] = 1 + r.nextInt(200);
            }
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(users, artists, us, is, ps, n);
        String[] userIds = new String[users];
        Arrays.setAll(userIds, u -> String.format(Locale.ROOT, "user-%06d", u));
        String[] mbids = new String[artists];
        Arrays.fill(mbids, "");
        return new Dataset(m, IdIndex.of(userIds), IdIndex.of(names), names, mbids);
    }
}
