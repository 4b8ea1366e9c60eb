package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

class ModelFileTest {
    @TempDir
    Path dir;

    /** Size of the small model's file by the layout in ModelFile's Javadoc, summed by hand. */
    private static long smallFileSize() {
        long strings = 0;
        for (String[] group : List.of(ExportTestModels.USERS, ExportTestModels.ARTIST_KEYS,
                ExportTestModels.ARTIST_NAMES, ExportTestModels.ARTIST_MBIDS)) {
            for (String s : group) {
                strings += 4 + s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        // header 124, empty metadata (its count, 4), strings, userPtr 5 ints, 7 artist indexes, 7 plays,
        // 4x3 + 4x3 factors, checksum 4
        return 124 + 4 + strings + 4 * 5 + 4 * 7 + 4 * 7 + 4 * 12 + 4 * 12 + 4;
    }

    @Test
    void roundTripKeepsEveryPart() throws IOException {
        TrainedModel model = ExportTestModels.small();
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, model);
        assertEquals(smallFileSize(), Files.size(file));

        TrainedModel back = ModelFile.load(file);
        assertSameModel(model, back);
    }

    @Test
    void roundTripOfALargerRandomModel() throws IOException {
        // 3,000 x 2,000 with k = 17 crosses the 1 MiB buffer boundaries at odd offsets
        TrainedModel model = ExportTestModels.random(3000, 2000, 17, 20, 99);
        Path file = dir.resolve("big.tsm");
        ModelFile.save(file, model);
        assertSameModel(model, ModelFile.load(file));
    }

    @Test
    void emptyMatrixRoundTrips() throws IOException {
        InteractionMatrix m = InteractionMatrix.fromTriplets(0, 0, new int[0], new int[0], new float[0], 0);
        Dataset d = Dataset.of(m, IdIndex.of(), IdIndex.of());
        TrainedModel model = new TrainedModel(d, new FactorModel(8, 0, 0, new float[0], new float[0],
                org.tastemap.core.model.AlsParams.defaults(), 0));
        Path file = dir.resolve("empty.tsm");
        ModelFile.save(file, model);
        assertSameModel(model, ModelFile.load(file));
    }

    @Test
    void headerFollowsTheDocumentedLayout() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        // the magic, byte by byte from the Javadoc
        assertArrayEquals(new byte[] {(byte) 0x89, 0x54, 0x53, 0x4D, 0x0D, 0x0A, 0x1A, 0x0A}, magic);
        assertEquals(2, b.getInt(8), "version");
        assertEquals(3, b.getInt(12), "k");
        assertEquals(4, b.getInt(16), "users");
        assertEquals(4, b.getInt(20), "artists");
        assertEquals(7, b.getInt(24), "plays");
        assertEquals(6, b.getInt(28), "iterations");
        assertEquals(40.5, b.getDouble(48), "alpha");
        assertEquals(-1234567890123L, b.getLong(88), "seed");
        assertEquals(2, b.get(112), "confidence bm25");
        assertEquals(1, b.get(113), "solver cholesky");
        assertEquals(1, b.get(114), "scale lambda");
        assertEquals(4, b.getInt(116), "metadata bytes: just the count");
        CRC32 head = new CRC32();
        head.update(b.array(), 0, 120);
        assertEquals((int) head.getValue(), b.getInt(120), "header checksum");
        assertEquals(0, b.getInt(124), "metadata entries");
        // the first user id: length 4, then "00a1"
        assertEquals(4, b.getInt(128));
        assertEquals("00a1", new String(b.array(), 132, 4, StandardCharsets.US_ASCII));
        CRC32 all = new CRC32();
        all.update(b.array(), 0, b.capacity() - 4);
        assertEquals((int) all.getValue(), b.getInt(b.capacity() - 4), "file checksum");
    }

    @Test
    void truncatedFilesAreRejectedNamingTheSection() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] full = Files.readAllBytes(file);
        long size = full.length;
        // artist factors are the last 48 bytes before the 4-byte checksum (4 artists x 3 factors x 4 bytes)
        long artistFactorsStart = size - 4 - 48;
        Path cut = dir.resolve("cut.tsm");

        Files.write(cut, Arrays.copyOf(full, (int) artistFactorsStart + 10));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(cut));
        assertEquals(cut + " is truncated: expected 48 bytes of artist factors, found 10 (the file has "
                + (artistFactorsStart + 10) + " of " + size + " bytes)", e.getMessage());

        Files.write(cut, Arrays.copyOf(full, 60));
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(cut));
        assertEquals(cut + " is truncated: expected 124 bytes of header, found 60", e.getMessage());

        for (int n : new int[] {0, 1, 7, 8, 11, 12, 119, 120, 121, 123, 124, 127, 200, (int) size / 2, (int) size - 5, (int) size - 1}) {
            Files.write(cut, Arrays.copyOf(full, n));
            e = assertThrows(ModelFileException.class, () -> ModelFile.load(cut), "cut at " + n);
            assertTrue(e.getMessage().startsWith(cut + " is truncated: expected "), n + ": " + e.getMessage());
        }
    }

    @Test
    void everySingleFlippedByteIsRejected() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] full = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.tsm");
        for (int p = 0; p < full.length; p++) {
            byte[] copy = full.clone();
            copy[p] ^= 0x40;
            Files.write(bad, copy);
            // CRC-32 detects every error burst of up to 32 bits, so no position may slip through
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad), "byte " + p);
            assertTrue(e.getMessage().startsWith(bad + " is "), e.getMessage());
        }
    }

    @Test
    void flippedFactorByteIsAChecksumMismatch() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] full = Files.readAllBytes(file);
        full[full.length - 20] ^= 1; // inside the artist factors
        Files.write(file, full);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith(file + " is corrupted: checksum mismatch"), e.getMessage());

        full[full.length - 20] ^= 1;
        full[20] ^= 1; // the artist count in the header
        Files.write(file, full);
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertEquals(file + " is corrupted: header checksum mismatch", e.getMessage());
    }

    @Test
    void otherFilesAreNotModelFiles() throws IOException {
        Path tsv = dir.resolve("plays.tsv");
        Files.writeString(tsv, "00000c289a1829a808ac09c00daf10bc3c4e223b\t\tbetty blowtorch\t2137\n");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(tsv));
        assertEquals(tsv + " is not a Tastemap model file (it does not start with the model file magic bytes)", e.getMessage());
    }

    @Test
    void anotherVersionIsNamed() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] full = Files.readAllBytes(file);
        // version 3 exists (sampled histories, ModelFileHistoriesTest), 4 does not
        ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 4);
        Files.write(file, full);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("is in model format version 4, which this Tastemap cannot read (it reads versions 1 to 3)"), e.getMessage());
    }

    @Test
    void absurdSizesAreRejectedBeforeAllocating() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] good = Files.readAllBytes(file);
        // A crafted header with a valid header checksum. Had the reader trusted it, 30M users x k=64
        // floats (7.7 GB) would not fit in the 3 GB test heap: an OutOfMemoryError, not this exception.
        assertRejected(good, file, 16, 30_000_000, 32, 120_000_000, "is truncated: expected 120,000,000 bytes of user ids");
        // k * users past the largest Java array (64 x 100M = 6.4G values)
        assertRejected(good, file, 12, 64, 16, 100_000_000, "more values than a Java array holds");
        assertRejected(good, file, 12, 1, 24, -1, "describes -1 plays");
        assertRejected(good, file, 12, 0, 12, 0, "describes a factor count of 0");
        // more plays than the 4 x 4 matrix has cells
        assertRejected(good, file, 24, 17, 24, 17, "describes 17 plays for 4 users and 4 artists");
        // a string length inside a section is checked against the section, after the checksum
        // (to get past the checksum the whole file is re-signed, as a buggy writer would)
        byte[] copy = good.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(128, Integer.MAX_VALUE); // after the 124-byte header and the 4-byte empty metadata
        resign(copy);
        Files.write(file, copy);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("entry 0 of the user ids claims 2147483647 bytes"), e.getMessage());
    }

    private void assertRejected(byte[] good, Path file, int off1, int v1, int off2, int v2, String expected) throws IOException {
        byte[] copy = good.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(off1, v1);
        b.putInt(off2, v2);
        CRC32 c = new CRC32();
        c.update(copy, 0, 120);
        b.putInt(120, (int) c.getValue());
        Files.write(file, copy);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void resign(byte[] copy) {
        CRC32 c = new CRC32();
        c.update(copy, 0, copy.length - 4);
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(copy.length - 4, (int) c.getValue());
    }

    @Test
    void failedSaveLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] before = Files.readAllBytes(file);

        // a user id with an unpaired surrogate cannot be stored as UTF-8: the save must fail
        TrainedModel good = ExportTestModels.small();
        Dataset d = good.dataset();
        Dataset broken = new Dataset(d.matrix(), IdIndex.of("a", "b", "c\uD800", "d"), d.artists(), d.artistNames(), d.artistMbids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(file, new TrainedModel(broken, good.factors())));
        assertTrue(e.getMessage().contains("entry 2 of the user ids is not valid Unicode"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        // a target that is a non-empty directory: the whole file is written, then the rename fails
        Path taken = dir.resolve("taken.tsm");
        Files.createDirectories(taken.resolve("inside"));
        assertThrows(IOException.class, () -> ModelFile.save(taken, good));
        assertTrue(Files.isDirectory(taken.resolve("inside")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("model.tsm", "taken.tsm"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void saveReplacesAnExistingModel() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.random(10, 10, 4, 3, 1));
        TrainedModel second = ExportTestModels.small();
        ModelFile.save(file, second);
        assertSameModel(second, ModelFile.load(file));
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ModelFile.load(dir.resolve("nothing.tsm")));
    }

    static void assertSameModel(TrainedModel expected, TrainedModel actual) {
        Dataset a = expected.dataset();
        Dataset b = actual.dataset();
        assertEquals(a.users(), b.users());
        assertEquals(a.artists(), b.artists());
        assertArrayEquals(a.artistNames(), b.artistNames());
        assertArrayEquals(a.artistMbids(), b.artistMbids());
        InteractionMatrix m = a.matrix();
        InteractionMatrix n = b.matrix();
        assertEquals(m.numUsers(), n.numUsers());
        assertEquals(m.numItems(), n.numItems());
        assertArrayEquals(m.userPtr(), n.userPtr());
        assertArrayEquals(m.userItems(), n.userItems());
        assertArrayEquals(m.userValues(), n.userValues());
        assertArrayEquals(m.itemPtr(), n.itemPtr());
        assertArrayEquals(m.itemUsers(), n.itemUsers());
        assertArrayEquals(m.itemValues(), n.itemValues());
        FactorModel f = expected.factors();
        FactorModel g = actual.factors();
        assertEquals(f.factors(), g.factors());
        assertEquals(f.iterations(), g.iterations());
        assertEquals(f.params(), g.params());
        assertArrayEquals(f.userFactors(), g.userFactors());
        assertArrayEquals(f.itemFactors(), g.itemFactors());
        assertFalse(f.userFactors() == g.userFactors());
    }
}
