package org.tastemap.core.data;

import java.util.Arrays;

/**
 * An immutable users x artists matrix of play counts {@code r_ui > 0}, held twice in compressed
 * sparse row form: by user (row u lists the artists u played) and by artist (its transpose).
 * Within a row, column indexes are strictly increasing. Absent cells are {@code r_ui = 0}.
 *
 * <p>The arrays are shared, not copied, by the accessors: callers must not modify them.
 */
public final class InteractionMatrix {
    private final int numUsers;
    private final int numItems;
    private final int[] userPtr;
    private final int[] userItems;
    private final float[] userValues;
    private final int[] itemPtr;
    private final int[] itemUsers;
    private final float[] itemValues;

    /** One order of the matrix in compressed sparse row form: row r is {@code cols/values[ptr[r]..ptr[r+1])}. */
    private record Rows(int[] ptr, int[] cols, float[] values) {
    }

    private InteractionMatrix(int numUsers, int numItems, Rows byUser, Rows byItem) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.userPtr = byUser.ptr();
        this.userItems = byUser.cols();
        this.userValues = byUser.values();
        this.itemPtr = byItem.ptr();
        this.itemUsers = byItem.cols();
        this.itemValues = byItem.values();
    }

    private InteractionMatrix(int numUsers, int numItems, int[] userPtr, int[] userItems, float[] userValues) {
        this(numUsers, numItems, new Rows(userPtr, userItems, userValues),
                transpose(numUsers, numItems, userPtr, userItems, userValues));
    }

    /**
     * The transpose of a {@code rows x cols} matrix by counting sort: row order within each column
     * stays increasing, so each transposed row comes out sorted.
     */
    private static Rows transpose(int rows, int cols, int[] ptr, int[] idx, float[] vals) {
        int nnz = idx.length;
        int[] outPtr = new int[cols + 1];
        for (int p = 0; p < nnz; p++) {
            outPtr[idx[p] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            outPtr[c + 1] += outPtr[c];
        }
        int[] outIdx = new int[nnz];
        float[] outVals = new float[nnz];
        int[] next = Arrays.copyOf(outPtr, cols);
        for (int r = 0; r < rows; r++) {
            for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                int q = next[idx[p]]++;
                outIdx[q] = r;
                outVals[q] = vals[p];
            }
        }
        return new Rows(outPtr, outIdx, outVals);
    }

    /**
     * Builds a matrix from coordinate triplets (the first {@code n} entries of the arrays).
     * Duplicate (user, item) pairs are summed. Every value must be positive and finite.
     */
    public static InteractionMatrix fromTriplets(int numUsers, int numItems, int[] users, int[] items,
                                                 float[] values, int n) {
        if (numUsers < 0 || numItems < 0) {
            throw new IllegalArgumentException("negative dimensions " + numUsers + " x " + numItems);
        }
        int[] ptr = new int[numUsers + 1];
        for (int p = 0; p < n; p++) {
            int u = users[p];
            int i = items[p];
            if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
                throw new IllegalArgumentException("cell (" + u + ", " + i + ") outside " + numUsers + " x " + numItems);
            }
            float v = values[p];
            if (!(v > 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("value " + v + " at (" + u + ", " + i + ") is not positive and finite");
            }
            ptr[u + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            ptr[u + 1] += ptr[u];
        }
        int[] cols = new int[n];
        float[] vals = new float[n];
        int[] next = Arrays.copyOf(ptr, numUsers);
        for (int p = 0; p < n; p++) {
            int q = next[users[p]]++;
            cols[q] = items[p];
            vals[q] = values[p];
        }
        // sort each row by column and sum duplicates, compacting in place
        int[] outPtr = new int[numUsers + 1];
        int w = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = ptr[u];
            int to = ptr[u + 1];
            sortRow(cols, vals, from, to);
            int rowStart = w;
            for (int p = from; p < to; p++) {
                if (w > rowStart && cols[w - 1] == cols[p]) {
                    vals[w - 1] += vals[p];
                } else {
                    cols[w] = cols[p];
                    vals[w] = vals[p];
                    w++;
                }
            }
            outPtr[u + 1] = w;
        }
        if (w < n) {
            cols = Arrays.copyOf(cols, w);
            vals = Arrays.copyOf(vals, w);
        }
        return new InteractionMatrix(numUsers, numItems, outPtr, cols, vals);
    }

    /** Builds a matrix from user-major CSR arrays that are already sorted and free of duplicates. */
    public static InteractionMatrix fromCsr(int numUsers, int numItems, int[] userPtr, int[] userItems, float[] userValues) {
        if (userPtr.length != numUsers + 1 || userItems.length != userValues.length || userPtr[numUsers] != userItems.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        for (int u = 0; u < numUsers; u++) {
            for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                int i = userItems[p];
                if (i < 0 || i >= numItems || (p > userPtr[u] && userItems[p - 1] >= i)) {
                    throw new IllegalArgumentException("row " + u + " is not sorted, unique and in range");
                }
                if (!(userValues[p] > 0) || Float.isInfinite(userValues[p])) {
                    throw new IllegalArgumentException("value " + userValues[p] + " in row " + u + " is not positive and finite");
                }
            }
        }
        return new InteractionMatrix(numUsers, numItems, userPtr, userItems, userValues);
    }

    private static void sortRow(int[] cols, float[] vals, int from, int to) {
        // insertion sort for short rows; rows of real data are mostly short and often already sorted
        if (to - from < 48) {
            for (int a = from + 1; a < to; a++) {
                int c = cols[a];
                float v = vals[a];
                int b = a - 1;
                while (b >= from && cols[b] > c) {
                    cols[b + 1] = cols[b];
                    vals[b + 1] = vals[b];
                    b--;
                }
                cols[b + 1] = c;
                vals[b + 1] = v;
            }
            return;
        }
        boolean sorted = true;
        for (int a = from + 1; a < to && sorted; a++) {
            sorted = cols[a - 1] <= cols[a];
        }
        if (sorted) {
            return;
        }
        long[] packed = new long[to - from];
        for (int a = from; a < to; a++) {
            packed[a - from] = ((long) cols[a] << 32) | (Float.floatToRawIntBits(vals[a]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int a = from; a < to; a++) {
            cols[a] = (int) (packed[a - from] >>> 32);
            vals[a] = Float.intBitsToFloat((int) packed[a - from]);
        }
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    /** Number of stored (non-zero) cells. */
    public int nnz() {
        return userItems.length;
    }

    /** Row pointers by user: row u occupies {@code [userPtr[u], userPtr[u+1])} of {@link #userItems()}. */
    public int[] userPtr() {
        return userPtr;
    }

    public int[] userItems() {
        return userItems;
    }

    public float[] userValues() {
        return userValues;
    }

    /** Row pointers of the transpose: artist i occupies {@code [itemPtr[i], itemPtr[i+1])} of {@link #itemUsers()}. */
    public int[] itemPtr() {
        return itemPtr;
    }

    public int[] itemUsers() {
        return itemUsers;
    }

    public float[] itemValues() {
        return itemValues;
    }

    /** Number of artists user u played. */
    public int userCount(int u) {
        return userPtr[u + 1] - userPtr[u];
    }

    /** Number of listeners of artist i. */
    public int itemCount(int i) {
        return itemPtr[i + 1] - itemPtr[i];
    }

    /** The play count r_ui, or 0 when the cell is empty (binary search of the user's row). */
    public float get(int u, int i) {
        int p = Arrays.binarySearch(userItems, userPtr[u], userPtr[u + 1], i);
        return p >= 0 ? userValues[p] : 0f;
    }

    /** Sum of r_ui over the user's row. */
    public double userTotal(int u) {
        double s = 0;
        for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
            s += userValues[p];
        }
        return s;
    }

    /** Sum of r_ui over the artist's column. */
    public double itemTotal(int i) {
        double s = 0;
        for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
            s += itemValues[p];
        }
        return s;
    }

    /**
     * The same plays with users and artists renumbered: new user r is old user {@code userOrder[r]}
     * and new artist j is old artist {@code itemOrder[j]}; every cell keeps its value. Two counting-sort
     * passes in O(nnz): the by-artist arrays are filled in new user order, so each artist's users come
     * out increasing, and the by-user arrays are their {@link #transpose}.
     *
     * @throws IllegalArgumentException when either order is not a permutation of its index range
     */
    public InteractionMatrix permuted(int[] userOrder, int[] itemOrder) {
        int[] newItem = inverse(itemOrder, numItems, "artist");
        inverse(userOrder, numUsers, "user");
        int nnz = nnz();
        // by artist: column j is old column itemOrder[j]; fill it in new user order
        int[] cPtr = new int[numItems + 1];
        for (int j = 0; j < numItems; j++) {
            cPtr[j + 1] = cPtr[j] + itemCount(itemOrder[j]);
        }
        int[] cUsers = new int[nnz];
        float[] cValues = new float[nnz];
        int[] next = Arrays.copyOf(cPtr, numItems);
        for (int r = 0; r < numUsers; r++) {
            int u = userOrder[r];
            for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                int q = next[newItem[userItems[p]]]++;
                cUsers[q] = r;
                cValues[q] = userValues[p];
            }
        }
        // by user: the transpose, each row in new artist order
        Rows byUser = transpose(numItems, numUsers, cPtr, cUsers, cValues);
        return new InteractionMatrix(numUsers, numItems, byUser, new Rows(cPtr, cUsers, cValues));
    }

    /** {@code inv[order[i]] = i}, checking that {@code order} is a permutation of {@code [0, n)}. */
    private static int[] inverse(int[] order, int n, String what) {
        if (order.length != n) {
            throw new IllegalArgumentException(what + " order has " + order.length + " entries for " + n + " " + what + "s");
        }
        int[] inv = new int[n];
        Arrays.fill(inv, -1);
        for (int i = 0; i < n; i++) {
            int o = order[i];
            if (o < 0 || o >= n || inv[o] >= 0) {
                throw new IllegalArgumentException(what + " order is not a permutation: " + o + " at position " + i);
            }
            inv[o] = i;
        }
        return inv;
    }

    /** Approximate bytes held by the arrays of this matrix. */
    public long memoryBytes() {
        return 4L * (userPtr.length + itemPtr.length) + 16L * nnz();
    }
}
