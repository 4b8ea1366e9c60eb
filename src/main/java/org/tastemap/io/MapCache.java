package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.MapMethod;
import org.tastemap.core.map.MapOptions;
import org.tastemap.core.model.FactorModel;

/**
 * Finished artist maps kept on disk, one file per model and options, so that a map reopens at once.
 * The folder is {@code ~/.tastemap/maps} by default, or {@code maps} beside the session folder when
 * that is set elsewhere ({@link #besideSession}). A map is keyed by the model ({@link #modelKey}: the
 * model file's size and its whole-file CRC-32, or a CRC-32 of the factors of a model not saved) and
 * by every option that changes the result (artists, method, seed, clusters; not the threads).
 *
 * <h2>File format, version 1</h2>
 * Little-endian: magic {@code "TMAP"}, i32 version 1, the key as an i32 byte length and UTF-8 bytes,
 * i32 maxArtists, i64 seed, i32 clusters (as asked), u8 method (the {@link MapMethod} ordinal of the
 * layout), u8 finished, i32 n, i32 clusterCount, then n i32 artists, n f32 x, n f32 y, n i32 clusters,
 * and a final u32 CRC-32 of every byte before it. Files are written atomically ({@link AtomicFileWrite}).
 * {@link #load} checks the size, the checksum, the key and options, and every value (artists in range
 * and distinct, clusters below clusterCount, coordinates finite) before returning the map.
 */
public final class MapCache {
    private static final int MAGIC = 0x50414D54; // "TMAP" little-endian
    private static final int VERSION = 1;
    private static final int MAX_KEY = 4096;
    private final Path folder;

    public MapCache(Path folder) {
        this.folder = folder;
    }

    /** The default cache: {@code ~/.tastemap/maps}. */
    public static MapCache defaultCache() {
        return new MapCache(Path.of(System.getProperty("user.home"), ".tastemap", "maps"));
    }

    /** The cache beside a session folder ({@code DIR/../maps}): {@code ~/.tastemap/maps} for the default session. */
    public static MapCache besideSession(Path sessionDir) {
        Path abs = sessionDir.toAbsolutePath();
        return new MapCache(abs.getParent() == null ? abs.resolve("maps") : abs.resolveSibling("maps"));
    }

    public Path folder() {
        return folder;
    }

    /** The key of a saved model: its size and the CRC-32 its last 4 bytes hold (of every byte before them). */
    public static String modelKey(Path modelFile) throws IOException {
        try (FileChannel ch = FileChannel.open(modelFile, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 4) {
                throw new ModelFileException(modelFile.toString(), "is not a model file (" + size + " bytes)");
            }
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b, size - 4 + b.position()) >= 0) {
                // read the trailing checksum
            }
            return String.format(Locale.ROOT, "f%x-%08x", size, b.getInt(0));
        }
    }

    /** The key of a model in memory: its sizes and a CRC-32 of its artist factors' bits. */
    public static String modelKey(FactorModel m) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : m.itemFactors()) {
            if (b.remaining() < 4) {
                crc.update(b.flip());
                b.clear();
            }
            b.putFloat(v);
        }
        crc.update(b.flip());
        return String.format(Locale.ROOT, "m%x-%x-%x-%08x", m.numUsers(), m.numItems(), m.factors(), crc.getValue());
    }

    /** The file a map of this model and these options is kept in. */
    public Path fileFor(String modelKey, MapOptions o) {
        String safe = modelKey.replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.resolve(String.format(Locale.ROOT, "%s-%s-n%d-s%d-k%d.tmap", safe, o.method().resolved().key(), o.maxArtists(),
                o.seed(), o.clusters()));
    }

    /**
     * The cached map of this model and options, or empty when there is none.
     *
     * @param numItems the model's artists, which every stored artist index must be below
     * @throws IOException naming the file and the problem when it is there but damaged or not this
     *                     model's (callers then rebuild the map; {@link #save} replaces the file)
     */
    public Optional<ArtistMap> load(String modelKey, MapOptions o, int numItems) throws IOException {
        Path file = fileFor(modelKey, o);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(decode(file, bytes, modelKey, o, numItems));
    }

    /** Keeps a map (replacing any earlier one of the same model and options). */
    public void save(String modelKey, MapOptions o, ArtistMap map) throws IOException {
        byte[] key = modelKey.getBytes(StandardCharsets.UTF_8);
        int n = map.size();
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + key.length + 4 + 8 + 4 + 2 + 8 + 16 * n + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(key.length).put(key);
        b.putInt(o.maxArtists()).putLong(o.seed()).putInt(o.clusters());
        b.put((byte) map.method().ordinal()).put((byte) (map.finished() ? 1 : 0));
        b.putInt(n).putInt(map.clusterCount());
        for (int v : map.artists()) {
            b.putInt(v);
        }
        for (float v : map.x()) {
            b.putFloat(v);
        }
        for (float v : map.y()) {
            b.putFloat(v);
        }
        for (int v : map.cluster()) {
            b.putInt(v);
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        Files.createDirectories(folder);
        AtomicFileWrite.write(fileFor(modelKey, o), ch -> {
            ByteBuffer out = ByteBuffer.wrap(b.array());
            while (out.hasRemaining()) {
                ch.write(out);
            }
        });
    }

    private static ArtistMap decode(Path file, byte[] bytes, String modelKey, MapOptions o, int numItems) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt() != MAGIC) {
            throw bad(file, "it is not a Tastemap map file");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw bad(file, "its version is " + version + ", not " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if (b.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw bad(file, "its checksum does not match (damaged or cut short)");
        }
        int keyLength = b.getInt();
        if (keyLength < 0 || keyLength > MAX_KEY || keyLength > b.remaining() - 30) {
            throw bad(file, "its key length " + keyLength + " does not fit the file");
        }
        byte[] key = new byte[keyLength];
        b.get(key);
        if (!new String(key, StandardCharsets.UTF_8).equals(modelKey)) {
            throw bad(file, "it belongs to another model");
        }
        if (b.getInt() != o.maxArtists() || b.getLong() != o.seed() || b.getInt() != o.clusters()) {
            throw bad(file, "it was made with other options");
        }
        int method = b.get();
        boolean finished = b.get() == 1;
        int n = b.getInt();
        int k = b.getInt();
        if (method < 0 || method >= MapMethod.values().length || n < 0 || (long) n * 16 + 4 != b.remaining()) {
            throw bad(file, "its size does not match " + n + " artists");
        }
        int[] artists = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int[] cluster = new int[n];
        java.util.BitSet seen = new java.util.BitSet();
        for (int p = 0; p < n; p++) {
            artists[p] = b.getInt();
            if (artists[p] < 0 || artists[p] >= numItems || seen.get(artists[p])) {
                throw bad(file, "artist " + artists[p] + " at point " + p + " is out of range or repeated");
            }
            seen.set(artists[p]);
        }
        for (float[] coords : new float[][] {x, y}) {
            for (int p = 0; p < n; p++) {
                coords[p] = b.getFloat();
                if (!Float.isFinite(coords[p])) {
                    throw bad(file, "point " + p + " has a coordinate that is not finite");
                }
            }
        }
        for (int p = 0; p < n; p++) {
            cluster[p] = b.getInt();
        }
        try {
            return new ArtistMap(artists, x, y, cluster, k, MapMethod.values()[method], finished);
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static IOException bad(Path file, String why) {
        return new IOException("the cached map " + file + " cannot be used: " + why);
    }
}
