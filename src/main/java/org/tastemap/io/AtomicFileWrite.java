package org.tastemap.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part:
 * the content goes to a hidden temporary file in the same directory, which is flushed to disk
 * ({@code fsync}) and then renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}, or a
 * plain replacing move where the file system cannot rename atomically). When writing fails or is
 * cancelled (any exception from the body), the temporary file is deleted and an existing target is
 * left untouched. The temporary file is named {@code .NAME.PID-N.tmp}; it is removed on SIGTERM and
 * SIGINT, and a later save to the same place removes those of processes that died (see
 * {@link TempFiles}).
 */
final class AtomicFileWrite {
    private AtomicFileWrite() {
    }

    /** Writes the content of a file through its channel. */
    @FunctionalInterface
    interface ChannelBody {
        void write(FileChannel channel) throws IOException;
    }

    /** Writes the content of a file through a buffered stream; the stream is flushed afterwards. */
    @FunctionalInterface
    interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Creates or replaces {@code target} with what {@code body} writes to the channel. */
    static void write(Path target, ChannelBody body) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = TempFiles.createFile(file);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                body.write(ch);
                ch.force(true);
            }
            move(tmp, file);
            moved = true;
            TempFiles.done(tmp);
        } finally {
            if (!moved) {
                // quietly: the original failure is the one worth reporting
                TempFiles.discard(tmp);
            }
        }
        syncDirectory(dir);
    }

    /**
     * Renames {@code from} over {@code to} (same folder or file system), atomically where the file
     * system allows.
     */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates or replaces {@code target} with what {@code body} writes to a buffered stream. */
    static void writeStream(Path target, StreamBody body) throws IOException {
        write(target, ch -> {
            // not closed here: closing would close the channel before it is forced to disk
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(out);
            out.flush();
        });
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported (Windows) or not permitted: the file itself is already on disk
        }
    }
}
