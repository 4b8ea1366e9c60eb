package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.TrainedModel;

/** Format version 2's metadata section, and version 1 files still loading. */
class ModelFileMetadataTest {
    @TempDir
    Path dir;

    private static Map<String, String> sampleMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zeta", "last key first: order is kept, not sorted");
        m.put("created", "2026-12-07T04:30:00Z");
        m.put("input", "plays 🎸 Björk.tsv");
        m.put("empty", "");
        m.put("k".repeat(MetadataSection.MAX_KEY_BYTES), "v".repeat(MetadataSection.MAX_VALUE_BYTES));
        return m;
    }

    @Test
    void metadataRoundTripsInOrder() throws IOException {
        TrainedModel model = ExportTestModels.small().withMetadata(sampleMetadata());
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, model);
        TrainedModel back = ModelFile.load(file);
        assertEquals(new ArrayList<>(sampleMetadata().entrySet()), new ArrayList<>(back.metadata().entrySet()));
        ModelFileTest.assertSameModel(model, back);

        // the section by hand: the count, then "zeta" as length 4 and its bytes
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5, b.getInt(124));
        assertEquals(4, b.getInt(128));
        assertEquals("zeta", new String(b.array(), 132, 4, StandardCharsets.UTF_8));
    }

    @Test
    void modelsWithoutMetadataHaveAnEmptyUnmodifiableMap() {
        TrainedModel plain = ExportTestModels.small();
        assertEquals(Map.of(), plain.metadata());
        TrainedModel withSome = plain.withMetadata(Map.of("a", "1"));
        assertThrows(UnsupportedOperationException.class, () -> withSome.metadata().put("b", "2"));
        assertEquals(List.of("a", "b"), new ArrayList<>(withSome.withMetadata(Map.of("b", "2")).metadata().keySet()));
        assertThrows(IllegalArgumentException.class, () -> plain.withMetadata(Map.of("", "x")));
    }

    @Test
    void version1FilesStillLoad() throws IOException {
        // a version-1 file made by hand from a version-2 one, by the v1 layout in ModelFile's Javadoc:
        // the header loses the metadata size at 116 and its checksum moves to 116, the metadata goes
        Path v2 = dir.resolve("v2.tsm");
        TrainedModel model = ExportTestModels.small().withMetadata(Map.of("created", "now"));
        ModelFile.save(v2, model);
        byte[] b2 = Files.readAllBytes(v2);
        int metadataBytes = ByteBuffer.wrap(b2).order(ByteOrder.LITTLE_ENDIAN).getInt(116);
        int body = 124 + metadataBytes;
        byte[] b1 = new byte[120 + b2.length - body];
        System.arraycopy(b2, 0, b1, 0, 116);
        System.arraycopy(b2, body, b1, 120, b2.length - body);
        ByteBuffer b = ByteBuffer.wrap(b1).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, 1);
        new ModelFileBytes(b1).resign();
        Path v1 = dir.resolve("v1.tsm");
        Files.write(v1, b1);
        TrainedModel back = ModelFile.load(v1);
        ModelFileTest.assertSameModel(model, back);
        assertEquals(Map.of(), back.metadata());

        // the committed sample model is version 1 and stays loadable
        Path sample = Path.of("sample-data", "lastfm-sample.tsm");
        assertEquals(1, ModelFileBytes.read(sample).version());
        assertEquals(Map.of(), ModelFile.load(sample).metadata());
    }

    @Test
    void savingRefusesMetadataPastTheLimitsAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small());
        byte[] before = Files.readAllBytes(file);
        Map<String, String> longKey = Map.of("k".repeat(MetadataSection.MAX_KEY_BYTES + 1), "v");
        Map<String, String> longValue = Map.of("k", "v".repeat(MetadataSection.MAX_VALUE_BYTES + 1));
        // 2 bytes of UTF-8 per 'é': 129 of them are 258 bytes, past 256 though only 129 chars
        Map<String, String> longUtf8Key = Map.of("é".repeat(129), "v");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= MetadataSection.MAX_ENTRIES; i++) {
            many.put("key" + i, "");
        }
        Map<String, String> unpaired = Map.of("k", "bad \uD800 surrogate");
        for (Map<String, String> m : List.of(longKey, longValue, longUtf8Key, many, unpaired)) {
            TrainedModel model = ExportTestModels.small().withMetadata(m);
            assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, model));
            assertArrayEquals(before, Files.readAllBytes(file));
        }
    }

    @Test
    void corruptedMetadataIsRejectedNamingTheProblem() throws IOException {
        Path file = dir.resolve("model.tsm");
        ModelFile.save(file, ExportTestModels.small().withMetadata(Map.of("ab", "cd")));
        byte[] good = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.tsm");
        // section: count 1 @124, key length 2 @128, "ab" @132, value length 2 @134, "cd" @138

        // a header claiming a 2 GB section is refused before anything is allocated
        assertLoadFails(good, bad, b -> b.putInt(116, Integer.MAX_VALUE), true,
                "its header describes a metadata section of 2,147,483,647 bytes (4 to 1,048,576 allowed)");
        assertLoadFails(good, bad, b -> b.putInt(124, 100_000), false, "claims 100000 entries in 16 bytes");
        assertLoadFails(good, bad, b -> b.putInt(128, 0), false, "the key 0 claims 0 bytes (allowed 1 to 256");
        assertLoadFails(good, bad, b -> b.putInt(134, 1_000_000), false, "the value of \"ab\" claims 1000000 bytes");
        assertLoadFails(good, bad, b -> b.put(133, (byte) 0xC3), false, "the key 0 is not valid UTF-8");
        // a duplicate key: save two distinct keys, then rename the second to the first
        ModelFile.save(file, ExportTestModels.small().withMetadata(Map.of("ab", "cd")).withMetadata(Map.of("ac", "cd")));
        byte[] two = Files.readAllBytes(file);
        // count @124, "ab" @128+4, "cd" @134+4, then the second key: length @140, "ac" @144..145; make it "ab"
        assertLoadFails(two, bad, b -> b.put(145, (byte) 'b'), false, "the key \"ab\" appears twice");
    }

    private interface Patch {
        void apply(ByteBuffer b);
    }

    private static void assertLoadFails(byte[] good, Path bad, Patch patch, boolean header, String expected) throws IOException {
        byte[] copy = good.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        patch.apply(b);
        if (header) {
            CRC32 c = new CRC32();
            c.update(copy, 0, 120);
            b.putInt(120, (int) c.getValue());
        } else {
            new ModelFileBytes(copy).resign();
        }
        Files.write(bad, copy);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad));
        assertTrue(e.getMessage().startsWith(bad + " is corrupted: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
