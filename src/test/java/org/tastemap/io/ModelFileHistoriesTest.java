package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.ListenerHistories;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;

/**
 * Format version 3: a model holding the histories of a sample of listeners. The model is
 * {@link ExportTestModels#small} (4 users, 4 artists, 7 plays) keeping users 0 and 2. Its plays, by
 * hand: user 0 artists 0, 2; user 1 artist 1; user 2 artists 0, 1, 3; user 3 artist 3. So the full
 * data's listeners per artist are 2, 2, 1, 2 (7 cells), and the held rows keep 5 plays.
 */
class ModelFileHistoriesTest {
    private static final int[] HELD = {0, 2};
    private static final int[] LISTENERS = {2, 2, 1, 2};

    @TempDir
    Path dir;
    Path good;
    Path bad;
    TrainedModel sampled;

    @BeforeEach
    void save() throws IOException {
        good = dir.resolve("sampled.tsm");
        bad = dir.resolve("bad.tsm");
        sampled = ExportTestModels.small().keepHistoriesOf(HELD)
                .withMetadata(java.util.Map.of(ModelMetadata.HISTORIES, ModelMetadata.HISTORIES_SAMPLE));
        ModelFile.save(good, sampled);
    }

    @Test
    void aSampledModelRoundTripsBitForBit() throws IOException {
        TrainedModel back = ModelFile.load(good);
        ModelFileTest.assertSameModel(sampled, back);
        assertEquals(sampled.histories(), back.histories());
        assertEquals(sampled.metadata(), back.metadata());
        assertArrayEquals(HELD, back.histories().heldUsers());
        assertArrayEquals(LISTENERS, back.histories().artistListenerCounts());
        assertEquals(7, back.totalRows());
        assertEquals(5, back.dataset().matrix().nnz());
        float[] a = sampled.factors().userFactors();
        float[] b = back.factors().userFactors();
        for (int j = 0; j < a.length; j++) {
            assertEquals(Float.floatToRawIntBits(a[j]), Float.floatToRawIntBits(b[j]), "user factor " + j);
        }
        // the user ids and factors of the listeners not held are kept too
        assertEquals("user two", back.dataset().users().id(1));
        assertFalse(back.holdsHistory(1));
    }

    @Test
    void theSectionIsWhereTheLayoutSaysByHand() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(good)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.getInt(8), "version");
        assertEquals(2, b.getInt(120), "H");
        // metadata at 128: one entry, "histories" (9 bytes) = "sample" (6 bytes): 4 + 4 + 9 + 4 + 6 = 27 bytes
        assertEquals(27, b.getInt(116), "SX");
        assertEquals(1, b.getInt(128));
        int at = 128 + 27;
        assertEquals(7, b.getLong(at), "T");
        assertEquals(0, b.getInt(at + 8));
        assertEquals(2, b.getInt(at + 12));
        for (int i = 0; i < 4; i++) {
            assertEquals(LISTENERS[i], b.getInt(at + 16 + 4 * i), "listeners of artist " + i);
        }
    }

    @Test
    void completeModelsAreStillWrittenAsVersion2() throws IOException {
        Path v2 = dir.resolve("complete.tsm");
        ModelFile.save(v2, ExportTestModels.small());
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(v2)).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
        TrainedModel back = ModelFile.load(v2);
        assertTrue(back.histories().isComplete());
        assertEquals(ListenerHistories.complete(4), back.histories());
        // the full-data count of a complete model is its matrix's: artist 0 has users 0 and 2
        assertEquals(2, back.artistListeners(0));
    }

    private void assertRejected(Consumer<ModelFileBytes> patch, String expected) throws IOException {
        ModelFileBytes b = ModelFileBytes.read(good);
        patch.accept(b);
        b.resign().write(bad);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(bad), expected);
        assertTrue(e.getMessage().startsWith(bad + " is "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
    }

    private static int section(ModelFileBytes b) {
        try {
            return b.offsetOf("listener histories");
        } catch (ModelFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyValueOfTheSectionIsChecked() throws IOException {
        // held users: 8 bytes after the section start; artist counts after the 2 held users
        assertRejected(b -> b.buf.putInt(section(b) + 12, 0), "listener histories: held listener 1 is user 0, not above the previous 0");
        assertRejected(b -> b.buf.putInt(section(b) + 12, 4), "listener histories: held listener 1 is user 4, outside 0..3");
        assertRejected(b -> b.buf.putInt(section(b) + 8, -1), "held listener 0 is user -1");
        // holding users 0 and 1 leaves user 2's three plays in a row that is not held
        assertRejected(b -> b.buf.putInt(section(b) + 12, 1), "user 2 has 3 played artists but is not a held listener");
        // artist 0 has 2 held listeners (users 0 and 2)
        assertRejected(b -> b.buf.putInt(section(b) + 16, 1), "artist 0 has 1 listeners; it has 2 held listeners and at most 4");
        assertRejected(b -> b.buf.putInt(section(b) + 16 + 4, 5), "artist 1 has 5 listeners; it has 1 held listeners and at most 4");
        assertRejected(b -> b.buf.putLong(section(b), 8), "the full data's rows are 8, but the artists' listeners add up to 7");
        assertRejected(b -> b.buf.putInt(section(b) + 16 + 12, 3), "the full data's rows are 7, but the artists' listeners add up to 8");
    }

    @Test
    void absurdHeldCountsAreRejectedBeforeAllocating() throws IOException {
        // patched in the header only, so the header checksum is redone and the sizes no longer add up
        assertRejected(b -> b.buf.putInt(120, Integer.MAX_VALUE), "describes histories of 2,147,483,647 sampled listeners of 4");
        assertRejected(b -> b.buf.putInt(120, -1), "describes histories of -1 sampled listeners of 4");
        // one more held user than stored: the file is 4 bytes short of what its header describes
        assertRejected(b -> b.buf.putInt(120, 3), "is truncated");
        // 5 plays cannot fit 1 held listener of 4 artists
        assertRejected(b -> b.buf.putInt(120, 1), "describes 5 plays for 1 held listeners and 4 artists");
    }
}
