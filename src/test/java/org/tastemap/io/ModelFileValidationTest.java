package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stored value is checked on load, even when both checksums match: the files here are
 * patched and re-signed ({@link ModelFileBytes#resign}) as a buggy or hostile writer would.
 * Offsets are those of the header table in {@link ModelFile}'s Javadoc. The model is
 * {@link ExportTestModels#small}: BM25 confidence, k = 3, 4 users, 4 artists, 7 plays.
 */
class ModelFileValidationTest {
    @TempDir
    Path dir;
    Path good;
    Path bad;

    @BeforeEach
    void save() throws IOException {
        good = dir.resolve("good.tsm");
        bad = dir.resolve("bad.tsm");
        ModelFile.save(good, ExportTestModels.small());
    }

    private void assertRejected(Consumer<ModelFileBytes> patch, String expected) throws IOException {
        ModelFileBytes b = ModelFileBytes.read(good);
        patch.accept(b);
        b.resign().write(bad);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad), expected);
        assertTrue(e.getMessage().startsWith(bad + " is corrupted: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
    }

    @Test
    void theUnpatchedFileLoads() throws IOException {
        ModelFileBytes b = ModelFileBytes.read(good);
        ModelFileTest.assertSameModel(ExportTestModels.small(), ModelFile.load(b.resign().write(bad)));
    }

    @Test
    void parametersOutsideTheirRangesAreRejected() throws IOException {
        assertRejected(b -> b.buf.putDouble(80, Double.NaN), "params.lambda is NaN");
        assertRejected(b -> b.buf.putDouble(80, -0.5), "params.lambda is -0.5");
        assertRejected(b -> b.buf.putDouble(56, -1), "params.eps is -1.0");
        assertRejected(b -> b.buf.putDouble(56, Double.POSITIVE_INFINITY), "params.eps is Infinity");
        // eps = 0 divides in log confidence: refused when the model uses it (confidence code 1)
        assertRejected(b -> b.buf.putDouble(56, 0).put(112, (byte) 1), "params.eps is 0.0");
        assertRejected(b -> b.buf.putDouble(48, -2), "params.alpha is -2.0");
        assertRejected(b -> b.buf.putDouble(48, Double.NaN), "params.alpha is NaN");
        assertRejected(b -> b.buf.putDouble(64, 0), "params.bm25K1 is 0.0");
        assertRejected(b -> b.buf.putDouble(72, 1.5), "params.bm25B is 1.5");
        assertRejected(b -> b.buf.putInt(108, Integer.MAX_VALUE), "params.threads is 2147483647");
        assertRejected(b -> b.buf.putInt(108, -1), "params.threads is -1");
        assertRejected(b -> b.buf.putInt(104, 0), "params.cgSteps is 0");
        assertRejected(b -> b.buf.putInt(96, 0), "params.factors is 0");
        assertRejected(b -> b.buf.putInt(100, -3), "params.iterations is -3");
    }

    @Test
    void epsOfZeroIsKeptWhereItIsUnused() throws IOException {
        // `train --confidence linear --eps 0` is accepted and saves eps = 0; such a model must load
        ModelFileBytes b = ModelFileBytes.read(good);
        b.buf.putDouble(56, 0).put(112, (byte) 0);
        assertEquals(0.0, ModelFile.load(b.resign().write(bad)).factors().params().eps());
    }

    @Test
    void nonFiniteFactorsAreRejectedNamingTheRow() throws IOException {
        // user factors are row-major: user 2, factor 1 is value 2 * 3 + 1
        assertRejected(b -> b.buf.putFloat(offset(b, "user factors") + 4 * (2 * 3 + 1), Float.NaN),
                "user factors: user 2, factor 1 is NaN");
        assertRejected(b -> b.buf.putFloat(offset(b, "artist factors") + 4 * (3 * 3), Float.NEGATIVE_INFINITY),
                "artist factors: artist 3, factor 0 is -Infinity");
    }

    @Test
    void playCountsMustBePositiveAndFinite() throws IOException {
        // plays of user 0 are entries 0 and 1 (artists 0 and 2); entry 2 is user 1's
        assertRejected(b -> b.buf.putFloat(offset(b, "play counts"), 0f), "play counts: entry 0 (user 0) is 0.0");
        assertRejected(b -> b.buf.putFloat(offset(b, "play counts") + 4 * 2, -7f), "play counts: entry 2 (user 1) is -7.0");
        assertRejected(b -> b.buf.putFloat(offset(b, "play counts") + 4 * 6, Float.NaN), "play counts: entry 6 (user 3) is NaN");
        assertRejected(b -> b.buf.putFloat(offset(b, "play counts") + 4, Float.POSITIVE_INFINITY),
                "play counts: entry 1 (user 0) is Infinity");
    }

    @Test
    void artistIndexesAndRowPointersAreChecked() throws IOException {
        assertRejected(b -> b.buf.putInt(offset(b, "played artists") + 4 * 2, 4), "played artists: entry 2 (user 1) is 4");
        assertRejected(b -> b.buf.putInt(offset(b, "played artists") + 4 * 2, -1), "played artists: entry 2 (user 1) is -1");
        // user 2 plays artists 0, 1, 3 (entries 3..5): a repeat breaks the strictly increasing order
        assertRejected(b -> b.buf.putInt(offset(b, "played artists") + 4 * 4, 0),
                "played artists: entry 4 (user 2) is 0, not above the previous 0");
        // userPtr = 0 2 3 6 7: make pointer 2 smaller than pointer 1
        assertRejected(b -> b.buf.putInt(offset(b, "user row pointers") + 4 * 2, 1), "user row pointers: pointer 2 is 1, below pointer 1 (2)");
        assertRejected(b -> b.buf.putInt(offset(b, "user row pointers"), 1), "user row pointers: pointer 0 is 1, not 0");
        assertRejected(b -> b.buf.putInt(offset(b, "user row pointers") + 4 * 4, 6), "user row pointers: pointer 4 is 6, not the 7 plays");
    }

    private static int offset(ModelFileBytes b, String section) {
        try {
            return b.offsetOf(section);
        } catch (ModelFileException e) {
            throw new AssertionError(e);
        }
    }
}
