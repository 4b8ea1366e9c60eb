package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLastFmTest {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern MBID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern PLAYS = Pattern.compile("[1-9][0-9]*");

    /** The default sample (3,000 users, 1,500 artists, seed 7), generated once for the whole class. */
    private static SyntheticLastFm sample;
    private static byte[] sampleBytes;
    private static List<String[]> sampleRows;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateSample() throws IOException {
        sample = SyntheticLastFm.defaults();
        sampleBytes = bytes(sample);
        sampleRows = new ArrayList<>();
        for (String line : new String(sampleBytes, StandardCharsets.UTF_8).split("\n")) {
            sampleRows.add(line.split("\t", -1));
        }
    }

    private static byte[] bytes(SyntheticLastFm g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.writeTo(out, FileProgress.NONE, () -> false);
        return out.toByteArray();
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a.tsv.gz");
        Path b = dir.resolve("b.tsv.gz");
        SyntheticLastFm.create(400, 300, 11).write(a);
        SyntheticLastFm.create(400, 300, 11).write(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path plain = dir.resolve("c.tsv");
        SyntheticLastFm.create(400, 300, 11).write(plain);
        assertArrayEquals(Files.readAllBytes(plain), gunzip(a), "the .gz holds exactly the plain file");
        assertFalse(Arrays.equals(Files.readAllBytes(plain), bytes(SyntheticLastFm.create(400, 300, 12))));
    }

    @Test
    void committedSampleIsWhatTheDocumentedCommandGenerates() throws IOException {
        // sample-data/README.md: generate --out sample-data/lastfm-sample.tsv.gz --users 3000 --artists 1500 --seed 7.
        // Compared after decompression: the content is the contract, gzip bytes may vary with zlib.
        Path committed = Path.of("sample-data", "lastfm-sample.tsv.gz");
        assertTrue(Files.exists(committed), "run from the project directory");
        assertArrayEquals(sampleBytes, gunzip(committed));
        assertEquals(3000, SyntheticLastFm.DEFAULT_USERS);
        assertEquals(1500, SyntheticLastFm.DEFAULT_ARTISTS);
        assertEquals(7, SyntheticLastFm.DEFAULT_SEED);
    }

    @Test
    void everyLineHasTheLastFm360kLayout() {
        String text = new String(sampleBytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        assertFalse(text.contains("\r"));
        Map<String, String> mbidOf = new HashMap<>();
        Set<String> userArtist = new HashSet<>();
        String previousUser = "";
        Set<String> finishedUsers = new HashSet<>();
        long previousPlays = Long.MAX_VALUE;
        for (String[] f : sampleRows) {
            assertEquals(4, f.length, String.join("|", f));
            assertTrue(SHA1.matcher(f[0]).matches(), f[0]);
            assertTrue(f[1].isEmpty() || MBID.matcher(f[1]).matches(), f[1]);
            assertFalse(f[2].isBlank());
            assertTrue(PLAYS.matcher(f[3]).matches(), f[3]);
            assertTrue(userArtist.add(f[0] + "\t" + f[2]), "no artist twice for a user: " + f[0] + " " + f[2]);
            assertEquals(mbidOf.computeIfAbsent(f[2], k -> f[1]), f[1], "one MBID per artist");
            assertNotNull(sample.genreOf(f[2]), f[2]);
            long plays = Long.parseLong(f[3]);
            if (f[0].equals(previousUser)) {
                assertTrue(plays <= previousPlays, "a user's artists by descending plays");
            } else {
                assertTrue(f[0].compareTo(previousUser) > 0, "users in sha1 order, each once");
                assertTrue(finishedUsers.add(f[0]));
                previousUser = f[0];
            }
            previousPlays = plays;
        }
        assertEquals(3000, finishedUsers.size());
        // about 15% of artists have no MBID (Bernoulli(0.15) over 1,500 artists: 225 +- 14)
        long noMbid = sample.artists().stream().filter(a -> a.mbid().isEmpty()).count();
        assertTrue(noMbid > 180 && noMbid < 270, "artists without MBID: " + noMbid);
    }

    @Test
    void artistsPerUserAndPlaysAreHeavyTailed() {
        Map<String, Integer> perUser = new HashMap<>();
        long maxPlays = 0;
        int[] plays = new int[sampleRows.size()];
        int i = 0;
        for (String[] f : sampleRows) {
            perUser.merge(f[0], 1, Integer::sum);
            plays[i++] = Integer.parseInt(f[3]);
            maxPlays = Math.max(maxPlays, plays[i - 1]);
        }
        int[] counts = perUser.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        // designed median: round(44 e^(0.55 z)) for 96% of users, 1..20 for 4%, so a little under 44
        int median = counts[counts.length / 2];
        assertTrue(median >= 35 && median <= 50, "median artists per user " + median);
        assertEquals(1, counts[0], "some users listen to a single artist");
        // 44 e^(0.55 * 3) = 229: among 3,000 lognormal draws the largest is near 3 sigma
        assertTrue(counts[counts.length - 1] >= 150, "max artists per user " + counts[counts.length - 1]);
        Arrays.sort(plays);
        int medianPlays = plays[plays.length / 2];
        assertTrue(medianPlays >= 60 && medianPlays <= 250, "median plays " + medianPlays);
        // the largest of ~150,000 draws of 90 e^(1.36 z) (z near 4.4) is about 35,000
        assertTrue(maxPlays >= 10_000, "max plays " + maxPlays);
    }

    @Test
    void usersListenMostlyWithinTheirFewGenres() {
        // rows per user and genre, users in file order
        Map<String, Map<String, Integer>> byUser = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String[] f : sampleRows) {
            if (!byUser.containsKey(f[0])) {
                order.add(f[0]);
            }
            byUser.computeIfAbsent(f[0], k -> new HashMap<>()).merge(sample.genreOf(f[2]), 1, Integer::sum);
        }
        int users = 0;
        int mostlyTop3 = 0;
        double[] favouredShare = new double[order.size()];
        for (int u = 0; u < order.size(); u++) {
            Map<String, Integer> g = byUser.get(order.get(u));
            int total = g.values().stream().mapToInt(Integer::intValue).sum();
            int favoured = 0;
            for (String genre : sample.favouredGenres(u)) {
                favoured += g.getOrDefault(genre, 0);
            }
            favouredShare[u] = favoured / (double) total;
            if (total >= 10) {
                users++;
                int top3 = g.values().stream().sorted((a, b) -> b - a).limit(3).mapToInt(Integer::intValue).sum();
                if (top3 >= 0.75 * total) {
                    mostlyTop3++;
                }
            }
        }
        // planted: 85-90% of picks from 1-3 favoured genres, plus popularity picks that land there too
        assertTrue(mostlyTop3 >= 0.9 * users, mostlyTop3 + " of " + users + " users have 75% of rows in 3 genres");
        Arrays.sort(favouredShare);
        assertTrue(favouredShare[favouredShare.length / 2] >= 0.85, "median share in favoured genres " + favouredShare[favouredShare.length / 2]);
        assertEquals(16, sample.genres().size());
    }

    @Test
    void namesAreUniqueAndGroundTruthIsConsistent() throws IOException {
        List<SyntheticLastFm.ArtistInfo> artists = sample.artists();
        assertEquals(1500, artists.size());
        Set<String> names = new HashSet<>();
        for (SyntheticLastFm.ArtistInfo a : artists) {
            assertTrue(names.add(a.name()), a.name());
            assertEquals(a.genre(), sample.genreOf(a.name()));
            assertTrue(sample.genres().contains(a.genre()));
            assertFalse(a.name().contains("\t") || a.name().contains("\n"));
        }
        assertEquals(null, sample.genreOf("No Such Artist"));
        Path data = dir.resolve("x.tsv.gz");
        Path sidecar = SyntheticLastFm.genresSidecar(data);
        assertEquals("x.tsv.gz.genres.tsv", sidecar.getFileName().toString());
        sample.writeGenres(sidecar);
        List<String> lines = Files.readAllLines(sidecar, StandardCharsets.UTF_8);
        assertEquals(1500, lines.size());
        assertEquals(artists.get(7).name() + "\t" + artists.get(7).genre(), lines.get(7));
    }

    @Test
    void namesStayUniqueAtFullLastFmScale() {
        // 290,000 artists, the top of the real file's range; users do not matter here
        SyntheticLastFm big = SyntheticLastFm.create(1, 290_000, 3);
        Set<String> names = new HashSet<>();
        big.artists().forEach(a -> names.add(a.name()));
        assertEquals(290_000, names.size());
    }

    @Test
    void cancellingLeavesNoFile() throws IOException {
        Path out = dir.resolve("big.tsv.gz");
        int[] reports = {0};
        assertThrows(CancellationException.class, () -> SyntheticLastFm.create(5000, 500, 1)
                .write(out, (task, done, total) -> reports[0]++, () -> reports[0] >= 2));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticLastFm.create(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticLastFm.create(10, 1, 1));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
