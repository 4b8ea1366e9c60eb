package org.tastemap.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

/**
 * The fixed header of a model file (layout in {@link ModelFile}; 120 bytes in version 1, 124 in
 * version 2, 128 in version 3): the counts that fix the size of every later section, and the
 * training parameters. Parsing checks every count before the caller allocates anything.
 *
 * @param version       the format version, {@link #VERSION_1}, {@link #VERSION} or {@link #VERSION_3}
 * @param metadataBytes bytes of the metadata section; 0 in version 1, which has none
 * @param heldUsers     H, the listeners whose histories a version-3 file holds (a sample);
 *                      -1 in versions 1 and 2, which hold every listener's history
 */
record ModelFileHeader(int version, int factors, int numUsers, int numArtists, int nnz, int iterations,
                       int userIdBytes, int artistKeyBytes, int artistNameBytes, int artistMbidBytes,
                       int metadataBytes, int heldUsers, AlsParams params) {

    /** The header size of version 1. */
    static final int BYTES_V1 = 120;
    /** The header size of version 2. */
    static final int BYTES_V2 = 124;
    /** The header size of version 3. */
    static final int BYTES_V3 = 128;
    /** The bytes that hold the magic and the version, the same in every version. */
    static final int PREFIX = 12;
    static final int VERSION_1 = 1;
    /** The version {@link ModelFile#save} writes for a model holding every listener's history. */
    static final int VERSION = 2;
    /** The version {@link ModelFile#save} writes for a model holding a sample of histories. */
    static final int VERSION_3 = 3;
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'S', 'M', '\r', '\n', 0x1A, '\n'};
    /** The largest array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Where the metadata size is in version 2. */
    private static final int METADATA_OFFSET = 116;
    /** Where H, the held listeners, is in version 3. */
    private static final int HELD_OFFSET = 120;

    /**
     * The header {@link ModelFile#save} writes: version 2 when {@code heldUsers} is -1 (every
     * history held), else version 3.
     */
    ModelFileHeader(int factors, int numUsers, int numArtists, int nnz, int iterations, int userIdBytes,
                    int artistKeyBytes, int artistNameBytes, int artistMbidBytes, int metadataBytes, int heldUsers,
                    AlsParams params) {
        this(heldUsers < 0 ? VERSION : VERSION_3, factors, numUsers, numArtists, nnz, iterations, userIdBytes,
                artistKeyBytes, artistNameBytes, artistMbidBytes, metadataBytes, heldUsers, params);
    }

    /** The header size of {@code version}. */
    static int bytes(int version) {
        return switch (version) {
            case VERSION_1 -> BYTES_V1;
            case VERSION_3 -> BYTES_V3;
            default -> BYTES_V2;
        };
    }

    /** Whether this file holds a sample of listener histories (the version-3 section). */
    boolean sampled() {
        return version == VERSION_3;
    }

    /** Bytes of the listener-histories section: i64 total rows, H held user indices, A listener counts. */
    long historyBytes() {
        return sampled() ? 8 + 4L * heldUsers + 4L * numArtists : 0;
    }

    /** The size of this header. */
    int bytes() {
        return bytes(version);
    }

    /** A named run of bytes in the file, in file order. */
    record Section(String name, long bytes) {
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(bytes()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(version);
        b.putInt(factors).putInt(numUsers).putInt(numArtists).putInt(nnz).putInt(iterations);
        b.putInt(userIdBytes).putInt(artistKeyBytes).putInt(artistNameBytes).putInt(artistMbidBytes);
        b.putDouble(params.alpha()).putDouble(params.eps()).putDouble(params.bm25K1()).putDouble(params.bm25B())
                .putDouble(params.lambda()).putLong(params.seed());
        b.putInt(params.factors()).putInt(params.iterations()).putInt(params.cgSteps()).putInt(params.threads());
        b.put(confidenceCode(params.confidence())).put(solverCode(params.solver()))
                .put((byte) (params.scaleLambdaByCount() ? 1 : 0)).put((byte) 0);
        if (version != VERSION_1) {
            b.putInt(metadataBytes);
        }
        if (version == VERSION_3) {
            b.putInt(heldUsers);
        }
        b.putInt(crc(b.array(), b.position()));
        return b.array();
    }

    /** The CRC-32 of header bytes {@code 0..crcOffset-1}, the value stored at {@code crcOffset}. */
    static int crc(byte[] header, int crcOffset) {
        CRC32 c = new CRC32();
        c.update(header, 0, crcOffset);
        return (int) c.getValue();
    }

    /**
     * The format version in the first {@link #PREFIX} bytes of a file, after checking the magic.
     * {@code bytes} holds the first {@code min(fileSize, PREFIX)} bytes.
     *
     * @throws ModelFileException when the file is not a model file, is too short to tell, or has a
     *                            version this Tastemap cannot read
     */
    static int version(byte[] bytes, String file) throws ModelFileException {
        int n = bytes.length;
        if (!Arrays.equals(bytes, 0, Math.min(n, MAGIC.length), MAGIC, 0, Math.min(n, MAGIC.length))) {
            throw new ModelFileException(file, "is not a Tastemap model file (it does not start with the model file magic bytes)");
        }
        if (n < PREFIX) {
            throw new ModelFileException(file, "is truncated: expected " + BYTES_V1 + " bytes of header, found " + n);
        }
        int version = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(MAGIC.length);
        if (version != VERSION_1 && version != VERSION && version != VERSION_3) {
            throw new ModelFileException(file, "is in model format version " + Integer.toUnsignedString(version)
                    + ", which this Tastemap cannot read (it reads versions 1 to " + VERSION_3
                    + "): the file comes from a newer Tastemap, or is corrupted");
        }
        return version;
    }

    /**
     * Parses and checks a header. {@code bytes} holds the first {@code min(fileSize, bytes(version))}
     * bytes, and {@code version} was read from them by {@link #version}.
     *
     * @throws ModelFileException when the header is truncated, corrupted or describes impossible sizes
     */
    static ModelFileHeader parse(byte[] bytes, int version, String file) throws ModelFileException {
        int n = bytes.length;
        int size = bytes(version);
        if (n < size) {
            throw new ModelFileException(file, "is truncated: expected " + size + " bytes of header, found " + n);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(size - 4) != crc(bytes, size - 4)) {
            throw new ModelFileException(file, "is corrupted: header checksum mismatch");
        }
        b.position(12);
        int factors = b.getInt();
        int numUsers = b.getInt();
        int numArtists = b.getInt();
        int nnz = b.getInt();
        int iterations = b.getInt();
        int userIdBytes = b.getInt();
        int artistKeyBytes = b.getInt();
        int artistNameBytes = b.getInt();
        int artistMbidBytes = b.getInt();
        double alpha = b.getDouble();
        double eps = b.getDouble();
        double bm25K1 = b.getDouble();
        double bm25B = b.getDouble();
        double lambda = b.getDouble();
        long seed = b.getLong();
        int pFactors = b.getInt();
        int pIterations = b.getInt();
        int cgSteps = b.getInt();
        int threads = b.getInt();
        ConfidenceKind confidence = confidence(b.get(), file);
        SolverKind solver = solver(b.get(), file);
        int scale = b.get();
        if (scale != 0 && scale != 1) {
            throw new ModelFileException(file, "is corrupted: the lambda scaling flag is " + scale + ", not 0 or 1");
        }
        if (b.get() != 0) {
            throw new ModelFileException(file, "is corrupted: the reserved header byte 115 is not 0");
        }
        int metadataBytes = version == VERSION_1 ? 0 : b.getInt(METADATA_OFFSET);
        int heldUsers = version == VERSION_3 ? b.getInt(HELD_OFFSET) : -1;
        ModelFileHeader h = new ModelFileHeader(version, factors, numUsers, numArtists, nnz, iterations, userIdBytes,
                artistKeyBytes, artistNameBytes, artistMbidBytes, metadataBytes, heldUsers, new AlsParams(pFactors, alpha, confidence, eps, bm25K1,
                bm25B, lambda, scale == 1, pIterations, solver, cgSteps, seed, threads));
        h.checkSizes(file);
        ModelFileChecks.params(h.params(), h.factors(), file);
        return h;
    }

    /** Rejects counts that are negative or could not be held in Java arrays, before anything is allocated. */
    private void checkSizes(String file) throws ModelFileException {
        String bad = null;
        if (factors < 1) {
            bad = "a factor count of " + factors;
        } else if (numUsers < 0 || numUsers >= MAX_ARRAY) {
            bad = num(numUsers) + " users";
        } else if (numArtists < 0) {
            bad = num(numArtists) + " artists";
        } else if (nnz < 0 || nnz > (long) numUsers * numArtists) {
            bad = num(nnz) + " plays for " + num(numUsers) + " users and " + num(numArtists) + " artists";
        } else if (iterations < 0) {
            bad = num(iterations) + " iterations";
        } else if ((long) factors * numUsers > MAX_ARRAY || (long) factors * numArtists > MAX_ARRAY) {
            bad = "factor tables of " + num(numUsers) + " users and " + num(numArtists) + " artists times "
                    + num(factors) + " factors, more values than a Java array holds";
        } else if (userIdBytes < 4L * numUsers) {
            bad = "a user-id section of " + num(userIdBytes) + " bytes for " + num(numUsers) + " users";
        } else if (artistKeyBytes < 4L * numArtists || artistNameBytes < 4L * numArtists
                || artistMbidBytes < 4L * numArtists) {
            bad = "artist sections of " + num(artistKeyBytes) + ", " + num(artistNameBytes) + " and "
                    + num(artistMbidBytes) + " bytes for " + num(numArtists) + " artists";
        } else if (version != VERSION_1 && (metadataBytes < 4 || metadataBytes > MetadataSection.MAX_BYTES)) {
            bad = "a metadata section of " + num(metadataBytes) + " bytes (4 to " + num(MetadataSection.MAX_BYTES) + " allowed)";
        } else if (sampled() && (heldUsers < 0 || heldUsers > numUsers)) {
            bad = "histories of " + num(heldUsers) + " sampled listeners of " + num(numUsers) + " (0 to all allowed)";
        } else if (sampled() && nnz > (long) heldUsers * numArtists) {
            bad = num(nnz) + " plays for " + num(heldUsers) + " held listeners and " + num(numArtists) + " artists";
        }
        if (bad != null) {
            throw new ModelFileException(file, "is corrupted: its header describes " + bad);
        }
    }

    /** Every section of the file in order, from the header to the final checksum. */
    List<Section> sections() {
        List<Section> s = new ArrayList<>();
        s.add(new Section("header", bytes()));
        if (version != VERSION_1) {
            s.add(new Section("metadata", metadataBytes));
        }
        if (sampled()) {
            s.add(new Section("listener histories", historyBytes()));
        }
        s.add(new Section("user ids", userIdBytes));
        s.add(new Section("artist keys", artistKeyBytes));
        s.add(new Section("artist names", artistNameBytes));
        s.add(new Section("artist MBIDs", artistMbidBytes));
        s.add(new Section("user row pointers", 4L * (numUsers + 1)));
        s.add(new Section("played artists", 4L * nnz));
        s.add(new Section("play counts", 4L * nnz));
        s.add(new Section("user factors", 4L * factors * numUsers));
        s.add(new Section("artist factors", 4L * factors * numArtists));
        s.add(new Section("checksum", 4));
        return s;
    }

    /** The exact size of a file with this header. */
    long fileBytes() {
        long total = 0;
        for (Section s : sections()) {
            total += s.bytes();
        }
        return total;
    }

    /**
     * Checks that the file has exactly the size this header describes; a short file is reported
     * with the section where it ends.
     */
    void checkFileSize(long size, String file) throws ModelFileException {
        long expected = fileBytes();
        if (size > expected) {
            throw new ModelFileException(file, "is corrupted: it has " + num(size - expected)
                    + " unexpected bytes after the checksum (" + num(size) + " bytes, the header describes " + num(expected) + ")");
        }
        if (size < expected) {
            long start = 0;
            for (Section s : sections()) {
                if (start + s.bytes() > size) {
                    throw new ModelFileException(file, "is truncated: expected " + num(s.bytes()) + " bytes of " + s.name()
                            + ", found " + num(Math.max(0, size - start)) + " (the file has " + num(size) + " of "
                            + num(expected) + " bytes)");
                }
                start += s.bytes();
            }
        }
    }

    static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static byte confidenceCode(ConfidenceKind c) {
        if (c == null) {
            return (byte) 255;
        }
        return switch (c) {
            case LINEAR -> 0;
            case LOG -> 1;
            case BM25 -> 2;
        };
    }

    private static ConfidenceKind confidence(byte code, String file) throws ModelFileException {
        return switch (code & 0xff) {
            case 0 -> ConfidenceKind.LINEAR;
            case 1 -> ConfidenceKind.LOG;
            case 2 -> ConfidenceKind.BM25;
            case 255 -> null;
            default -> throw new ModelFileException(file, "is corrupted: unknown confidence code " + (code & 0xff));
        };
    }

    private static byte solverCode(SolverKind s) {
        if (s == null) {
            return (byte) 255;
        }
        return switch (s) {
            case CG -> 0;
            case CHOLESKY -> 1;
        };
    }

    private static SolverKind solver(byte code, String file) throws ModelFileException {
        return switch (code & 0xff) {
            case 0 -> SolverKind.CG;
            case 1 -> SolverKind.CHOLESKY;
            case 255 -> null;
            default -> throw new ModelFileException(file, "is corrupted: unknown solver code " + (code & 0xff));
        };
    }
}
