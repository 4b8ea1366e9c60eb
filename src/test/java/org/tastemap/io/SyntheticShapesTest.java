package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The row shapes of {@link SyntheticLastFm}: the top-N cap, the play-count medians, and the default unchanged. */
class SyntheticShapesTest {

    private static byte[] bytes(SyntheticLastFm g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.writeTo(out, FileProgress.NONE, () -> false);
        return out.toByteArray();
    }

    /** Each user's rows (artist and plays), users in file order. */
    private static Map<String, List<String[]>> byUser(byte[] data) {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    private static int medianPlays(byte[] data) {
        int[] plays = byUser(data).values().stream().flatMap(List::stream).mapToInt(f -> Integer.parseInt(f[3])).sorted().toArray();
        return plays[plays.length / 2];
    }

    @Test
    void theDefaultShapeStillWritesTheCommittedSample() throws IOException {
        // The committed sample was generated before shapes existed (sample-data/README.md); the
        // default shape, named or given field by field, must write it byte for byte.
        byte[] committed;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("sample-data", "lastfm-sample.tsv.gz")))) {
            committed = in.readAllBytes();
        }
        assertArrayEquals(committed, bytes(SyntheticLastFm.create(3000, 1500, 7, SyntheticShape.named("default"))));
        assertArrayEquals(committed, bytes(SyntheticLastFm.create(3000, 1500, 7, new SyntheticShape(0, 44, 90))));
    }

    @Test
    void topKeepsEachUsersMostPlayedArtistsOfTheSameDraw() throws IOException {
        // same seed, same medians, once uncapped: the capped file must hold exactly each user's
        // first (most played) 50 rows of the uncapped one
        SyntheticShape capped = SyntheticShape.LASTFM_360K;
        Map<String, List<String[]>> all = byUser(bytes(SyntheticLastFm.create(1000, 1200, 5, capped.withTop(0))));
        Map<String, List<String[]>> top = byUser(bytes(SyntheticLastFm.create(1000, 1200, 5, capped)));
        assertEquals(all.keySet(), top.keySet(), "every user keeps at least one row");
        int atCap = 0;
        for (Map.Entry<String, List<String[]>> e : all.entrySet()) {
            List<String[]> full = e.getValue();
            List<String[]> kept = top.get(e.getKey());
            assertEquals(Math.min(50, full.size()), kept.size(), e.getKey());
            for (int i = 0; i < kept.size(); i++) {
                assertArrayEquals(full.get(i), kept.get(i), e.getKey() + " row " + i);
            }
            atCap += kept.size() == 50 ? 1 : 0;
        }
        // 150 e^(0.55 z) < 50 needs z < -2.0 (2%), plus the 4% light users with 1-20: about 94% at the cap
        assertTrue(atCap > 900, "users with exactly 50 artists: " + atCap);
    }

    @Test
    void lastFm360kShapeHasMedianPlaysOf100To300PerRow() throws IOException {
        int median = medianPlays(bytes(SyntheticLastFm.create(2000, 1500, 3, SyntheticShape.LASTFM_360K)));
        assertTrue(median >= 100 && median <= 300, "median plays per row " + median);
    }

    @Test
    void lightShapeHasMedianPlaysOf1To5PerRow() throws IOException {
        int median = medianPlays(bytes(SyntheticLastFm.create(2000, 1500, 3, SyntheticShape.LIGHT)));
        assertTrue(median >= 1 && median <= 5, "median plays per row " + median);
        // heavy by comparison: the default shape on the same tastes
        int heavy = medianPlays(bytes(SyntheticLastFm.create(2000, 1500, 3, SyntheticShape.DEFAULT)));
        assertTrue(heavy >= 100 && heavy <= 300, "default median plays per row " + heavy);
    }

    @Test
    void medianArtistsMovesTheArtistsPerUser() throws IOException {
        // median of round(m e^(0.55 z)) is m for the 96% drawn that way; 4% light users pull it down a little
        Map<String, List<String[]>> u = byUser(bytes(SyntheticLastFm.create(2000, 3000, 3, SyntheticShape.DEFAULT.withMedianArtists(100))));
        int[] counts = u.values().stream().mapToInt(List::size).sorted().toArray();
        int median = counts[counts.length / 2];
        assertTrue(median >= 90 && median <= 105, "median artists per user " + median);
    }

    @Test
    void rejectsImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticShape(-1, 44, 90));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticShape(0, 0, 90));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticShape(0, 44, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticShape(0, 44, Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticShape.named("huge"));
        assertTrue(e.getMessage().contains("default, lastfm360k or light"), e.getMessage());
        assertEquals(Arrays.asList(SyntheticShape.DEFAULT, SyntheticShape.LASTFM_360K, SyntheticShape.LIGHT),
                Arrays.asList(SyntheticShape.named("default"), SyntheticShape.named("LastFm360K"), SyntheticShape.named("light")));
    }
}
