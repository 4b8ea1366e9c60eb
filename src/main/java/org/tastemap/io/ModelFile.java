package org.tastemap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.ListenerHistories;
import org.tastemap.core.model.TrainedModel;

/**
 * Saves and loads a {@link TrainedModel} in the Tastemap model file format (extension
 * {@value #EXTENSION}).
 *
 * <h2>Format, versions 2 and 3 (version 1 is read too)</h2>
 * All numbers are <b>little-endian</b>; {@code i32}/{@code i64} are two's-complement integers,
 * {@code u32} unsigned, {@code f32}/{@code f64} IEEE 754. Strings are UTF-8, each prefixed by its
 * byte length as an {@code i32}. The file is the fixed header, the body sections in the order
 * below, and a final checksum; its size is exactly determined by the header. Version 2 adds the
 * metadata size at offset 116 (moving the header checksum to 120) and the metadata section after
 * the header; version 1 has neither, its header checksum is at 116 and its user ids start at 120.
 * Version 3 is written only for a model that holds the histories of a sample of listeners (a
 * model trained on a cluster, see {@link ListenerHistories}): it adds H, the held listeners, at
 * offset 120 (moving the header checksum to 124) and the listener-histories section after the
 * metadata. A model holding every listener's history is still written as version 2, so Tastemaps
 * that read versions 1 and 2 open it unchanged. In a version-3 file the user ids and factors cover
 * every listener, and the rows of listeners not held are empty.
 *
 * <pre>
 * offset size  type    field
 * ------ ----  ------  ------------------------------------------------------------------
 *      0    8  u8[8]   magic: 89 54 53 4D 0D 0A 1A 0A  ("\x89TSM\r\n\x1a\n", as PNG does, so that
 *                      text-mode transfers and 7-bit channels are detected)
 *      8    4  u32     format version = 2 (or 1)
 *     12    4  i32     k, the factors per vector (at least 1)
 *     16    4  i32     U, the number of users
 *     20    4  i32     A, the number of artists
 *     24    4  i32     N, the number of stored plays (non-zeros of the interaction matrix)
 *     28    4  i32     iterations behind the stored factors
 *     32    4  i32     SU, bytes of the user-id section
 *     36    4  i32     SK, bytes of the artist-key section
 *     40    4  i32     SN, bytes of the artist-name section
 *     44    4  i32     SM, bytes of the artist-MBID section
 *     48    8  f64     params.alpha
 *     56    8  f64     params.eps
 *     64    8  f64     params.bm25K1
 *     72    8  f64     params.bm25B
 *     80    8  f64     params.lambda
 *     88    8  i64     params.seed
 *     96    4  i32     params.factors
 *    100    4  i32     params.iterations
 *    104    4  i32     params.cgSteps
 *    108    4  i32     params.threads
 *    112    1  u8      params.confidence: 0 linear, 1 log, 2 bm25, 255 unset
 *    113    1  u8      params.solver: 0 cg, 1 cholesky, 255 unset
 *    114    1  u8      params.scaleLambdaByCount: 0 false, 1 true
 *    115    1  u8      reserved, 0
 *    116    4  i32     SX, bytes of the metadata section, 4 to 1,048,576
 *    120    4  u32     CRC-32 of bytes 0..119 (the header checksum); in version 3 instead:
 *    120    4  i32       H, the listeners whose histories are held, 0 to U (version 3 only)
 *    124    4  u32       CRC-32 of bytes 0..123 (version 3 only)
 *    124   SX          metadata (at 128 in version 3): i32 M, the number of entries (at most
 *                      1,024), then M pairs of strings (key, value) in the writer's order; keys
 *                      are unique and 1 to 256 bytes, values 0 to 65,536 bytes, strictly valid UTF-8
 *      .   8+4H+4A     listener histories (version 3 only):
 *                        i64    T, the listener-artist cells of the full data (= the sum below)
 *                        4H i32 held user indices, strictly increasing, each in [0, U)
 *                        4A i32 per artist, its listeners in the full data, each in [0, U]
 *      .   SU          user ids: U strings, user u's external id (Last.fm sha1)
 *      .   SK          artist keys: A strings, the artist index's ids
 *      .   SN          artist names: A strings, display names
 *      .   SM          artist MBIDs: A strings, empty when unknown
 *      .   4(U+1) i32  userPtr: row u of the matrix is [userPtr[u], userPtr[u+1]); userPtr[0] = 0,
 *                      non-decreasing, userPtr[U] = N
 *      .   4N     i32  userItems: artist indexes, strictly increasing within each row
 *      .   4N     f32  userValues: play counts r_ui, positive and finite
 *      .   4kU    f32  user factors, row-major: x_u[f] is value u*k + f
 *      .   4kA    f32  artist factors, row-major: y_i[f] is value i*k + f
 *    end-4   4  u32    CRC-32 of every byte before it, from offset 0
 * </pre>
 *
 * CRC-32 is the zlib/PNG polynomial ({@link java.util.zip.CRC32}, Python's {@code zlib.crc32}).
 * The transpose of the matrix is not stored: {@link InteractionMatrix#fromCsr} rebuilds it.
 *
 * <h2>Reading</h2>
 * {@link #load} checks the magic, the version, the header checksum and every count (not negative,
 * fitting in Java arrays, {@code k*U} not overflowing, the metadata within its limits), then that
 * the file has exactly the size the header describes, all before allocating anything; so a
 * corrupted file cannot cause a huge allocation. Since a sparse file (a header followed by holes)
 * has the size its header claims, it then verifies the file's checksum in a streaming pass through
 * a fixed 1 MiB buffer, and allocates the sections only after it matched. The parameters are checked against the ranges
 * training accepts (alpha, lambda, eps, BM25 K1 finite and not negative, eps or K1 above 0 where
 * the confidence uses them, BM25 B in [0, 1], k and params.factors 1..1024, params.iterations
 * 0..10,000, cgSteps 1..1,000, threads 0..1,024). It then reads the sections into primitive arrays,
 * verifies the final checksum, and checks every stored value, since a file re-signed by a buggy
 * writer passes the checksums: row pointers from 0 to N without decreasing, artist indexes in range
 * and strictly increasing within a row, play counts positive and finite, factors finite; in
 * version 3, the held users in range and increasing, only their rows non-empty, each artist's
 * listener count in range and at least its held listeners, and the counts adding up to T. Only then
 * does it decode strings and build the model. Every problem is a {@link ModelFileException} naming
 * the file and the field, for example {@code "m.tsm is corrupted: params.lambda is NaN; ..."}.
 *
 * <h2>Writing</h2>
 * {@link #save} writes a temporary file next to the target, forces it to disk and renames it over
 * the target, so a failed or interrupted save leaves any previous file intact.
 */
public final class ModelFile {
    /** The customary file extension. */
    public static final String EXTENSION = ".tsm";

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file}, atomically replacing any file there.
     *
     * @throws IllegalArgumentException when an id, name or metadata entry is not valid Unicode, or
     *                                  the metadata passes its limits (see the format above)
     * @throws IOException              when the file cannot be written; a previous file is then untouched
     */
    public static void save(Path file, TrainedModel model) throws IOException {
        Dataset d = model.dataset();
        FactorModel f = model.factors();
        InteractionMatrix m = d.matrix();
        byte[] userIds = StringSection.encode(d.users().size(), d.users()::id, "user ids");
        byte[] artistKeys = StringSection.encode(d.artists().size(), d.artists()::id, "artist keys");
        byte[] artistNames = StringSection.encode(d.artistNames().length, i -> d.artistNames()[i], "artist names");
        byte[] artistMbids = StringSection.encode(d.artistMbids().length, i -> d.artistMbids()[i], "artist MBIDs");
        byte[] metadata = MetadataSection.encode(model.metadata());
        ListenerHistories hist = model.histories();
        int[] held = hist.isComplete() ? null : hist.heldUsers();
        ModelFileHeader header = new ModelFileHeader(f.factors(), m.numUsers(), m.numItems(), m.nnz(), f.iterations(),
                userIds.length, artistKeys.length, artistNames.length, artistMbids.length, metadata.length,
                held == null ? -1 : held.length, f.params());
        AtomicFileWrite.write(file, ch -> {
            ChecksummedOutput out = new ChecksummedOutput(ch);
            out.put(header.toBytes());
            out.put(metadata);
            if (held != null) {
                out.put(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(hist.totalRows()).array());
                out.putInts(held);
                out.putInts(hist.artistListenerCounts());
            }
            out.put(userIds);
            out.put(artistKeys);
            out.put(artistNames);
            out.put(artistMbids);
            out.putInts(m.userPtr());
            out.putInts(m.userItems());
            out.putFloats(m.userValues(), 0, m.nnz());
            out.putFloats(f.userFactors(), 0, f.userFactors().length);
            out.putFloats(f.itemFactors(), 0, f.itemFactors().length);
            out.flush();
            out.putInt(out.crc());
            out.flush();
            if (out.written() != header.fileBytes()) {
                throw new IllegalStateException("wrote " + out.written() + " bytes, the header describes " + header.fileBytes());
            }
        });
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws ModelFileException when the file is not a model file, has another format version, is
     *                            truncated or corrupted
     * @throws NoSuchFileException when there is no such file
     */
    public static TrainedModel load(Path file) throws IOException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ChecksummedInput in = new ChecksummedInput(ch, name);
            byte[] prefix = new byte[(int) Math.min(size, ModelFileHeader.PREFIX)];
            in.get(prefix, 0, prefix.length, "header");
            int version = ModelFileHeader.version(prefix, name);
            byte[] head = Arrays.copyOf(prefix, (int) Math.min(size, ModelFileHeader.bytes(version)));
            in.get(head, prefix.length, head.length - prefix.length, "header");
            ModelFileHeader h = ModelFileHeader.parse(head, version, name);
            h.checkFileSize(size, name);
            // A sparse file (a header and holes) has the size its header claims, so the size check
            // alone bounds nothing: the checksum is verified in a streaming pass first, so that
            // every allocation below is bounded by data the file really holds.
            verifyChecksum(ch, size, name);
            byte[] metadata = bytes(in, h.metadataBytes(), "metadata");
            long totalRows = -1;
            int[] held = null;
            int[] listeners = null;
            if (h.sampled()) {
                totalRows = ByteBuffer.wrap(bytes(in, 8, "listener histories")).order(ByteOrder.LITTLE_ENDIAN).getLong();
                held = new int[h.heldUsers()];
                in.getInts(held, "listener histories");
                listeners = new int[h.numArtists()];
                in.getInts(listeners, "listener histories");
            }
            byte[] userIds = bytes(in, h.userIdBytes(), "user ids");
            byte[] artistKeys = bytes(in, h.artistKeyBytes(), "artist keys");
            byte[] artistNames = bytes(in, h.artistNameBytes(), "artist names");
            byte[] artistMbids = bytes(in, h.artistMbidBytes(), "artist MBIDs");
            int[] userPtr = new int[h.numUsers() + 1];
            in.getInts(userPtr, "user row pointers");
            int[] userItems = new int[h.nnz()];
            in.getInts(userItems, "played artists");
            float[] userValues = new float[h.nnz()];
            in.getFloats(userValues, "play counts");
            float[] userFactors = new float[h.factors() * h.numUsers()];
            in.getFloats(userFactors, "user factors");
            float[] artistFactors = new float[h.factors() * h.numArtists()];
            in.getFloats(artistFactors, "artist factors");
            int computed = in.crc();
            int stored = in.getIntUnchecked("checksum");
            if (computed != stored) {
                // matched in the first pass: the file changed while being read
                throw checksumMismatch(name, stored, computed);
            }
            ModelFileChecks.rows(userPtr, userItems, userValues, h.numArtists(), name);
            ModelFileChecks.finite(userFactors, h.factors(), "user factors", "user", name);
            ModelFileChecks.finite(artistFactors, h.factors(), "artist factors", "artist", name);
            if (h.sampled()) {
                ModelFileChecks.histories(held, listeners, totalRows, userPtr, userItems, name);
            }
            try {
                InteractionMatrix matrix = InteractionMatrix.fromCsr(h.numUsers(), h.numArtists(), userPtr, userItems, userValues);
                Dataset dataset = new Dataset(matrix,
                        IdIndex.of(StringSection.decode(userIds, h.numUsers(), "user ids", name)),
                        IdIndex.of(StringSection.decode(artistKeys, h.numArtists(), "artist keys", name)),
                        StringSection.decode(artistNames, h.numArtists(), "artist names", name),
                        StringSection.decode(artistMbids, h.numArtists(), "artist MBIDs", name));
                FactorModel factors = new FactorModel(h.factors(), h.numUsers(), h.numArtists(), userFactors,
                        artistFactors, h.params(), h.iterations());
                Map<String, String> meta = version == ModelFileHeader.VERSION_1 ? Map.of() : MetadataSection.decode(metadata, name);
                ListenerHistories histories = h.sampled()
                        ? ListenerHistories.sample(h.numUsers(), held, listeners, totalRows)
                        : ListenerHistories.complete(h.numUsers());
                return new TrainedModel(dataset, factors, meta, histories);
            } catch (IllegalArgumentException e) {
                // the checksum matched, so the writer itself stored something inconsistent
                throw new ModelFileException(name, "is inconsistent: " + e.getMessage());
            }
        }
    }

    /**
     * Compares the CRC-32 of bytes {@code 0..size-4} with the one stored in the last 4, reading
     * through one 1 MiB direct buffer with positional reads (the channel's position is unchanged).
     */
    private static void verifyChecksum(FileChannel ch, long size, String name) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        CRC32 crc = new CRC32();
        long end = size - 4;
        for (long pos = 0; pos < end; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new ModelFileException(name, "is truncated: it ended at byte " + ModelFileHeader.num(pos) + " while being read");
            }
            buf.flip();
            crc.update(buf);
            pos += n;
        }
        buf.clear().limit(4);
        while (buf.hasRemaining()) {
            if (ch.read(buf, end + buf.position()) < 0) {
                throw new ModelFileException(name, "is truncated: it ended inside its checksum while being read");
            }
        }
        int stored = buf.flip().order(ByteOrder.LITTLE_ENDIAN).getInt();
        int computed = (int) crc.getValue();
        if (computed != stored) {
            throw checksumMismatch(name, stored, computed);
        }
    }

    private static ModelFileException checksumMismatch(String name, int stored, int computed) {
        return new ModelFileException(name, "is corrupted: checksum mismatch (stored "
                + Integer.toHexString(stored) + ", computed " + Integer.toHexString(computed) + ")");
    }

    private static byte[] bytes(ChecksummedInput in, int n, String what) throws IOException {
        byte[] b = new byte[n];
        in.get(b, 0, n, what);
        return b;
    }
}
