package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.TrainedModel;

/**
 * An export over an earlier one either replaces the whole set or leaves the earlier set as it was,
 * and the manifest, written last, tells a complete set from a partial one (issue 16, item 4: a
 * folder held user_ids.txt of one model and user_factors.npy of another).
 */
class FactorExportAtomicTest {
    @TempDir
    Path dir;

    private static final List<String> SIX = List.of("user_ids.txt", "artist_names.txt", "user_factors.npy",
            "item_factors.npy", "user_factors.tsv", "item_factors.tsv");

    /** Every file of the folder by name, with its bytes. */
    private static Map<String, byte[]> contents(Path d) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same files, and no temporary one");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    /** A reader's check, from the manifest's documented rule: it exists and lists every file's size and SHA-256. */
    static boolean complete(Path d) throws Exception {
        Path m = d.resolve("manifest.json");
        if (!Files.exists(m)) {
            return false;
        }
        JsonObject o = JsonParser.parseString(Files.readString(m)).getAsJsonObject();
        if (!o.get("format").getAsString().equals("tastemap-factor-export")) {
            return false;
        }
        for (JsonElement e : o.getAsJsonArray("files")) {
            JsonObject f = e.getAsJsonObject();
            Path p = d.resolve(f.get("name").getAsString());
            if (!Files.exists(p) || Files.size(p) != f.get("bytes").getAsLong()) {
                return false;
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
            if (!sha.equals(f.get("sha256").getAsString())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theManifestListsEveryFileAndTheModel() throws Exception {
        TrainedModel model = ExportTestModels.small().withMetadata(Map.of("created", "2026-01-02T03:04:05Z", "note", "a \"quoted\"\n\\ value"));
        FactorExport.exportAll(model, dir);
        assertTrue(complete(dir));
        JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        assertEquals(1, o.get("version").getAsInt());
        assertEquals(3, o.get("factors").getAsInt());
        assertEquals(4, o.get("users").getAsInt());
        assertEquals(4, o.get("artists").getAsInt());
        assertEquals("a \"quoted\"\n\\ value", o.getAsJsonObject("model").get("note").getAsString());
        assertEquals(SIX, o.getAsJsonArray("files").asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList());
        // a file changed afterwards no longer matches
        Files.writeString(dir.resolve("user_ids.txt"), "someone else\n");
        assertFalse(complete(dir));
    }

    @Test
    void aFailedExportLeavesTheEarlierExportWhole() throws Exception {
        FactorExport.exportAll(ExportTestModels.small(), dir);
        Map<String, byte[]> before = contents(dir);
        assertEquals(7, before.size(), "six files and the manifest");

        // a larger model, failing halfway through its fifth file (the user TSV), after four files are finished
        TrainedModel other = ExportTestModels.random(10_000, 100, 4, 2, 5);
        RuntimeException e = assertThrows(UncheckedIOException.class, () -> FactorExport.exportAll(other, dir, (task, done, total) -> {
            if (task.equals("user_factors.tsv") && done > 2 * 10_100L) {
                throw new UncheckedIOException(new IOException("disk full (injected)"));
            }
        }, () -> false));
        assertEquals("disk full (injected)", e.getCause().getMessage());
        assertSameFiles(before, contents(dir));
        assertTrue(complete(dir));

        // the same with a cancellation
        boolean[] cancel = {false};
        assertThrows(CancellationException.class, () -> FactorExport.exportAll(other, dir, (task, done, total) -> {
            if (task.equals("item_factors.npy")) {
                cancel[0] = true;
            }
        }, () -> cancel[0]));
        assertSameFiles(before, contents(dir));
    }

    @Test
    void aSuccessfulExportReplacesTheWholeSetAndKeepsOtherFiles() throws Exception {
        FactorExport.exportAll(ExportTestModels.small(), dir);
        Files.writeString(dir.resolve("notes.txt"), "the analyst's own file\n");
        TrainedModel other = ExportTestModels.random(50, 30, 4, 2, 5);
        FactorExport.exportAll(other, dir);
        assertTrue(complete(dir));
        assertEquals(50, Files.readAllLines(dir.resolve("user_ids.txt")).size());
        assertArrayEquals(other.factors().itemFactors(), FactorExportTest.readNpy(dir.resolve("item_factors.npy"), "(30, 4)"));
        assertEquals("the analyst's own file\n", Files.readString(dir.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(8, s.count(), "six files, the manifest, the analyst's file; no staging folder");
        }
    }
}
