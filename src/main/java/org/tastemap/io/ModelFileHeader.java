package org.tastemap.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.tastemap.core.als.AlsParams;
import org.tastemap.core.als.ConfidenceKind;
import org.tastemap.core.als.SolverKind;

/**
 * The fixed 120-byte header of a model file (layout in {@link ModelFile}): the counts that fix the
 * size of every later section, and the training parameters. Parsing checks every count before the
 * caller allocates anything.
 */
record ModelFileHeader(int factors, int numUsers, int numArtists, int nnz, int iterations,
                       int userIdBytes, int artistKeyBytes, int artistNameBytes, int artistMbidBytes,
                       AlsParams params) {

    static final int BYTES = 120;
    static final int VERSION = 1;
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'S', 'M', '\r', '\n', 0x1A, '\n'};
    /** The largest array the JVM reliably allocates. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int CRC_OFFSET = 116;

    /** A named run of bytes in the file, in file order. */
    record Section(String name, long bytes) {
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION);
        b.putInt(factors).putInt(numUsers).putInt(numArtists).putInt(nnz).putInt(iterations);
        b.putInt(userIdBytes).putInt(artistKeyBytes).putInt(artistNameBytes).putInt(artistMbidBytes);
        b.putDouble(params.alpha()).putDouble(params.eps()).putDouble(params.bm25K1()).putDouble(params.bm25B())
                .putDouble(params.lambda()).putLong(params.seed());
        b.putInt(params.factors()).putInt(params.iterations()).putInt(params.cgSteps()).putInt(params.threads());
        b.put(confidenceCode(params.confidence())).put(solverCode(params.solver()))
                .put((byte) (params.scaleLambdaByCount() ? 1 : 0)).put((byte) 0);
        b.putInt(crc(b.array()));
        return b.array();
    }

    /** The CRC-32 of header bytes 0..115, the value stored at offset 116. */
    static int crc(byte[] header) {
        CRC32 c = new CRC32();
        c.update(header, 0, CRC_OFFSET);
        return (int) c.getValue();
    }

    /**
     * Parses and checks a header. {@code bytes} holds the first {@code min(fileSize, 120)} bytes.
     *
     * @throws ModelFileException when the file is not a model file, has another version, or its
     *                            header is truncated, corrupted or describes impossible sizes
     */
    static ModelFileHeader parse(byte[] bytes, String file) throws ModelFileException {
        int n = bytes.length;
        if (!Arrays.equals(bytes, 0, Math.min(n, MAGIC.length), MAGIC, 0, Math.min(n, MAGIC.length))) {
            throw new ModelFileException(file, "is not a Tastemap model file (it does not start with the model file magic bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (n >= 12) {
            int version = b.getInt(8);
            if (version != VERSION) {
                throw new ModelFileException(file, "is in model format version " + Integer.toUnsignedString(version)
                        + ", which this Tastemap cannot read (it reads version " + VERSION + "): the file comes from a newer Tastemap, or is corrupted");
            }
        }
        if (n < BYTES) {
            throw new ModelFileException(file, "is truncated: expected " + BYTES + " bytes of header, found " + n);
        }
        if (b.getInt(CRC_OFFSET) != crc(bytes)) {
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
        ModelFileHeader h = new ModelFileHeader(factors, numUsers, numArtists, nnz, iterations, userIdBytes,
                artistKeyBytes, artistNameBytes, artistMbidBytes, new AlsParams(pFactors, alpha, confidence, eps, bm25K1,
                bm25B, lambda, scale == 1, pIterations, solver, cgSteps, seed, threads));
        h.checkSizes(file);
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
        }
        if (bad != null) {
            throw new ModelFileException(file, "is corrupted: its header describes " + bad);
        }
    }

    /** Every section of the file in order, from the header to the final checksum. */
    List<Section> sections() {
        List<Section> s = new ArrayList<>();
        s.add(new Section("header", BYTES));
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
