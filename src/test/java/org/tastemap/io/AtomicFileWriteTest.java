package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriteTest {
    @TempDir
    Path dir;

    @Test
    void failureHalfwayKeepsTheOldFileAndCleansUp() throws IOException {
        Path file = dir.resolve("out.bin");
        Files.writeString(file, "old content");
        IOException boom = new IOException("disk full");
        IOException e = assertThrows(IOException.class, () -> AtomicFileWrite.write(file, ch -> {
            ch.write(ByteBuffer.wrap(new byte[100_000]));
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals("old content", Files.readString(file));
        assertEquals(List.of("out.bin"), names());
    }

    @Test
    void cancellationKeepsTheOldFileAndCleansUp() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");
        assertThrows(CancellationException.class, () -> AtomicFileWrite.writeStream(file, out -> {
            out.write("half of the new".getBytes());
            throw new CancellationException("cancelled");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void successReplacesAndCreatesMissingDirectories() throws IOException {
        Path file = dir.resolve("a/b/out.txt");
        AtomicFileWrite.writeStream(file, out -> out.write("first".getBytes()));
        AtomicFileWrite.writeStream(file, out -> out.write("second".getBytes()));
        assertEquals("second", Files.readString(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(1, s.count());
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
