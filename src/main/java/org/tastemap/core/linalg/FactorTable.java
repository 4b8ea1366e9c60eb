package org.tastemap.core.linalg;

import java.util.Arrays;

/**
 * A factor table as the engine's kernels read it: row r of {@code rows} rows of {@code k} factors is
 * {@code data[origin + r k .. origin + r k + k)}. The origin is part of the value, so no kernel has
 * to infer it from the array's length: a plain table (as {@code FactorModel}
 * holds it) has origin 0, the trainer's own tables ({@link #allocate}) have
 * {@link FactorTables#ORIGIN}, which starts row 0 on a cache line ({@link FactorTables} says why).
 *
 * @param data   the floats, {@code origin + rows k} of them exactly
 * @param origin where row 0 starts
 * @param rows   the number of rows
 * @param k      factors per row
 */
public record FactorTable(float[] data, int origin, int rows, int k) {

    public FactorTable {
        if (k < 1 || rows < 0 || origin < 0 || data.length != origin + (long) rows * k) {
            throw new IllegalArgumentException("a table of " + rows + " x " + k + " factors from " + origin + " has "
                    + (origin + (long) rows * k) + " floats, not " + data.length);
        }
    }

    /** A plain table: row 0 at the start of {@code data}. */
    public static FactorTable plain(float[] data, int rows, int k) {
        return new FactorTable(data, 0, rows, k);
    }

    /**
     * The table that {@code data} holds when it is either plain or {@link FactorTables#allocate}d, for
     * callers that hand the engine bare arrays; refuses any other length, naming the table ({@code what}).
     */
    public static FactorTable of(float[] data, int rows, int k, String what) {
        return new FactorTable(data, FactorTables.origin(data, rows, k, what), rows, k);
    }

    /** A zero table whose row 0 starts on a cache line. */
    public static FactorTable allocate(int rows, int k) {
        return new FactorTable(FactorTables.allocate(rows, k), FactorTables.ORIGIN, rows, k);
    }

    /** Where row r starts in {@link #data}. */
    public int offset(int row) {
        return origin + row * k;
    }

    /** The rows as a plain array (origin 0): a copy. */
    public float[] toPlain() {
        return Arrays.copyOfRange(data, origin, data.length);
    }
}
