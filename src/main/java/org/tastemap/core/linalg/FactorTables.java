package org.tastemap.core.linalg;

import java.util.Arrays;

/**
 * Factor tables as the engine reads them. Row r of a table with {@code rows} rows and k factors is
 * {@code t[origin + r k .. origin + r k + k)}. A plain table ({@code rows k} floats, as
 * {@code FactorModel} holds them) has origin 0; the trainer's own tables come
 * from {@link #allocate}, have origin {@link #ORIGIN} ({@code ORIGIN} floats longer) and start their
 * row 0 on a cache line. The engine tells the two apart by the length ({@link #origin}).
 *
 * <p>Why: half an iteration gathers one factor row of the other side per non-zero, mostly from
 * memory at full size. A float array's elements usually start {@value #FALLBACK_BASE_OFFSET} bytes
 * after the object (JDK 17, compressed class pointers), and G1 places an array larger than half a
 * region (every table of a full-size model) at a region boundary. So with origin 0, a row of k = 64 floats (256 bytes) spans 5 cache lines instead
 * of 4, and one of k = 32 spans 3 instead of 2. Starting row 0 on a line boundary cut the k = 64
 * iteration by 14% at 17.7M rows (docs/performance.md). Where the array is not line-aligned (small
 * tables, another collector) the origin only costs its few floats.
 */
public final class FactorTables {
    private FactorTables() {
    }

    static final int CACHE_LINE_BYTES = 64;

    /** The usual {@code Unsafe.ARRAY_FLOAT_BASE_OFFSET} of a 64-bit JVM with compressed class pointers. */
    static final int FALLBACK_BASE_OFFSET = 16;

    /** Floats before row 0 in {@link #allocate}d tables: 12 with a 16-byte array header. */
    public static final int ORIGIN = originFor(arrayBaseOffset());

    /** A zero table of {@code rows x k} whose row 0 starts {@link #ORIGIN} floats in. */
    public static float[] allocate(int rows, int k) {
        return new float[Math.addExact(ORIGIN, Math.multiplyExact(rows, k))];
    }

    /** {@code plain} (origin 0, {@code rows x k}) copied into an {@link #allocate}d table. */
    public static float[] aligned(float[] plain, int rows, int k) {
        if (plain.length != (long) rows * k) {
            throw new IllegalArgumentException("expected a plain table of " + rows + " x " + k + ", got " + plain.length + " floats");
        }
        float[] out = allocate(rows, k);
        System.arraycopy(plain, 0, out, ORIGIN, plain.length);
        return out;
    }

    /** The rows of {@code table} as a plain table (origin 0): a copy. */
    public static float[] plain(float[] table, int rows, int k) {
        int o = origin(table, rows, k, "factor table");
        return Arrays.copyOfRange(table, o, table.length);
    }

    /**
     * Where row 0 of {@code table} starts, for a table of {@code rows x k}: 0 for a plain table,
     * {@link #ORIGIN} for an {@link #allocate}d one. Any other length is refused, naming the table
     * ({@code what}): a table with a row too many or too few must not be read shifted.
     */
    public static int origin(float[] table, int rows, int k, String what) {
        long plain = (long) rows * k;
        if (table.length == plain) {
            return 0;
        }
        if (table.length == plain + ORIGIN) {
            return ORIGIN;
        }
        throw new IllegalArgumentException(what + ": a table of " + rows + " x " + k + " factors has " + plain
                + (ORIGIN == 0 ? "" : " or " + (plain + ORIGIN)) + " floats, not " + table.length);
    }

    /** Floats to skip so that element {@code origin} of an array whose start is line-aligned is line-aligned too. */
    static int originFor(int baseOffsetBytes) {
        int bytes = Math.floorMod(-baseOffsetBytes, CACHE_LINE_BYTES);
        return bytes % Float.BYTES == 0 ? bytes / Float.BYTES : 0;
    }

    /** {@code sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET} when it can be read, else the usual 16. */
    static int arrayBaseOffset() {
        try {
            return Class.forName("sun.misc.Unsafe").getField("ARRAY_FLOAT_BASE_OFFSET").getInt(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return FALLBACK_BASE_OFFSET;
        }
    }
}
