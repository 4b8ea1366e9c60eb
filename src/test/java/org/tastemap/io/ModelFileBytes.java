package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A model file's bytes for tests that patch them as a hostile writer would: change values, then
 * {@link #resign} recomputes both CRC-32s (the header's and the file's), so that the patched file
 * gets past the checksums and only the value checks can reject it. Offsets follow the layout table
 * in {@link ModelFile}'s Javadoc.
 */
final class ModelFileBytes {
    final byte[] bytes;
    final ByteBuffer buf;

    ModelFileBytes(byte[] bytes) {
        this.bytes = bytes;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ModelFileBytes read(Path file) throws IOException {
        return new ModelFileBytes(Files.readAllBytes(file));
    }

    int version() {
        return buf.getInt(8);
    }

    /** The header checksum's offset: 116 in version 1, 120 in version 2, 124 in version 3. */
    int headerCrcOffset() {
        return switch (version()) {
            case 1 -> 116;
            case 3 -> 124;
            default -> 120;
        };
    }

    /** Where section {@code name} starts (names as in the layout: "user ids", "play counts", "artist factors"...). */
    int offsetOf(String name) throws ModelFileException {
        ModelFileHeader h = ModelFileHeader.parse(java.util.Arrays.copyOf(bytes, headerCrcOffset() + 4), version(), "test");
        long at = 0;
        for (ModelFileHeader.Section s : h.sections()) {
            if (s.name().equals(name)) {
                return (int) at;
            }
            at += s.bytes();
        }
        throw new IllegalArgumentException("no section " + name);
    }

    /** Recomputes the header checksum, then the file checksum over everything before the last 4 bytes. */
    ModelFileBytes resign() {
        int h = headerCrcOffset();
        CRC32 head = new CRC32();
        head.update(bytes, 0, h);
        buf.putInt(h, (int) head.getValue());
        CRC32 all = new CRC32();
        all.update(bytes, 0, bytes.length - 4);
        buf.putInt(bytes.length - 4, (int) all.getValue());
        return this;
    }

    Path write(Path file) throws IOException {
        Files.write(file, bytes);
        return file;
    }
}
