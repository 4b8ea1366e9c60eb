package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

class ArtistLabelFileTest {
    @TempDir
    Path dir;

    private static Dataset data() {
        IdIndex artists = IdIndex.of("Björk", "Radiohead", "=cmd", "Sigur Rós");
        IdIndex users = IdIndex.of("u1");
        InteractionMatrix m = InteractionMatrix.fromTriplets(1, 4, new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3},
                new float[] {1, 2, 3, 4}, 4);
        return Dataset.of(m, users, artists);
    }

    @Test
    void aCsvWithHeaderQuotesAndBomIsRead() throws IOException {
        Path f = dir.resolve("genres.csv");
        Files.writeString(f, "\uFEFFartist,genre\r\n\"Radiohead\",\"rock, alt\"\r\nbjork,electronic\r\n", StandardCharsets.UTF_8);
        ArtistLabelFile.Result r = ArtistLabelFile.read(f, data());
        assertEquals(List.of("rock, alt", "electronic"), List.of(r.labels()));
        // Björk matched ignoring case and accents
        assertEquals(1, r.labelOf()[0]);
        assertEquals(0, r.labelOf()[1]);
        assertEquals(-1, r.labelOf()[2]);
        assertEquals(2, r.kept());
        assertEquals(0, r.skipped());
    }

    @Test
    void badLinesAreSkippedWithTheirLinesAndUnknownArtistsCounted() throws IOException {
        Path f = dir.resolve("labels.tsv");
        Files.writeString(f, "Radiohead\trock\nSigur Rós\n\tpop\nNobody\tjazz\nBjörk\t\u0007x\n=cmd\tnoise\nRadiohead\tpop\n\n",
                StandardCharsets.UTF_8);
        ArtistLabelFile.Result r = ArtistLabelFile.read(f, data());
        assertEquals(2, r.kept());
        assertEquals(3, r.skipped());
        assertEquals(List.of("line 2: no label (expected artist, then label)", "line 3: empty artist", "line 5: a control character"),
                r.skippedExamples());
        assertEquals(1, r.unknown());
        assertEquals(List.of("\"Nobody\" (line 4)"), r.unknownExamples());
        assertEquals(1, r.repeated());
        assertEquals(List.of("rock", "noise"), List.of(r.labels()));
    }

    @Test
    void aFileWithNoUsableLineIsRefusedNamingItAndItsProblems() throws IOException {
        Path f = dir.resolve("wrong.tsv");
        Files.writeString(f, "just one column\nanother\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ArtistLabelFile.read(f, data()));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 1: no label"), e.getMessage());
        Path other = dir.resolve("other.tsv");
        Files.writeString(other, "Nobody\tjazz\n", StandardCharsets.UTF_8);
        IOException e2 = assertThrows(IOException.class, () -> ArtistLabelFile.read(other, data()));
        assertTrue(e2.getMessage().contains("none of its 1 artists is in the open data"), e2.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAMessage() throws IOException {
        Path f = dir.resolve("latin.tsv");
        Files.write(f, "Bj\u00f6rk\tpop\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> ArtistLabelFile.read(f, data()));
        assertTrue(e.getMessage().contains("is not UTF-8"), e.getMessage());
    }
}
