package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sparse file: a few KB on disk, but as long as its header claims, so the size check passes.
 * Its sections are holes that read as zeros, so its checksum cannot match; the loader must find
 * that out before it allocates the sections.
 */
class ModelFileSparseTest {
    @TempDir
    Path dir;

    @Test
    void aSparseFileClaimingAGigabyteIsRejectedWithoutAllocatingIt() throws IOException {
        Path good = dir.resolve("good.tsm");
        ModelFile.save(good, ExportTestModels.small());
        ModelFileBytes b = ModelFileBytes.read(good);
        // 60M users, k = 3 (header offsets 16 and 32): 240 MB of user ids (4 bytes each, all empty),
        // 240 MB of row pointers and 720 MB of user factors, 1.2 GB in all
        int users = 60_000_000;
        b.buf.putInt(16, users);
        b.buf.putInt(32, 4 * users);
        b.resign();
        ModelFileHeader h = ModelFileHeader.parse(java.util.Arrays.copyOf(b.bytes, 124), 2, "test");
        long claimed = h.fileBytes();
        assertTrue(claimed > 1_200_000_000L, "claims " + claimed);

        Path sparse = dir.resolve("sparse.tsm");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.write(b.bytes, 0, 124 + 4); // the header and the empty metadata; the rest is a hole
            f.setLength(claimed);
        }
        assertEquals(claimed, Files.size(sparse));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(sparse));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().startsWith(sparse + " is corrupted: checksum mismatch"), e.getMessage());
        // the 1 MiB read buffer is direct (off the heap); what remains is the header and the exception
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes for a file claiming " + claimed);
    }
}
