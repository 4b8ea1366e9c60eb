package org.tastemap.io;

import java.util.Arrays;
import java.util.Locale;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Builds the matrix from read rows, adding up the rows of each (user, artist) pair in double: in
 * float, 2^24 + 1 is 2^24 again, and two rows of 3e38 overflow to infinity. A sum beyond the largest
 * float stops the import with a message naming the listener and artist (no value would train: its
 * confidence is not finite); a presence flag keeps 1 per pair.
 */
final class PairSums {
    private PairSums() {
    }

    static InteractionMatrix build(String fileName, RawData raw, ValueKind values) throws ImportException {
        Triplets t = raw.triplets();
        int numUsers = raw.userIds().length;
        int numItems = raw.artistKeys().length;
        int n = t.size;
        // counting sort of the row indexes by user
        int[] ptr = new int[numUsers + 1];
        for (int p = 0; p < n; p++) {
            ptr[t.users[p] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            ptr[u + 1] += ptr[u];
        }
        int[] next = Arrays.copyOf(ptr, numUsers);
        int[] cols = new int[n];
        float[] vals = new float[n];
        for (int p = 0; p < n; p++) {
            int q = next[t.users[p]]++;
            cols[q] = t.items[p];
            vals[q] = t.values[p];
        }
        int[] outPtr = new int[numUsers + 1];
        long[] scratch = new long[0];
        long overflows = 0;
        String firstOverflow = null;
        int w = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = ptr[u];
            int to = ptr[u + 1];
            if (!sorted(cols, from, to)) {
                // sort (artist, value bits) pairs; value bits of a positive float sort as the float
                if (scratch.length < to - from) {
                    scratch = new long[to - from];
                }
                for (int p = from; p < to; p++) {
                    scratch[p - from] = ((long) cols[p] << 32) | (Float.floatToRawIntBits(vals[p]) & 0xffffffffL);
                }
                Arrays.sort(scratch, 0, to - from);
                for (int p = from; p < to; p++) {
                    cols[p] = (int) (scratch[p - from] >>> 32);
                    vals[p] = Float.intBitsToFloat((int) scratch[p - from]);
                }
            }
            int p = from;
            while (p < to) {
                int c = cols[p];
                // r_ui = sum of the plays of all rows of (u, i), in double
                double sum = vals[p++];
                while (p < to && cols[p] == c) {
                    sum += vals[p++];
                }
                if (values == ValueKind.PRESENCE) {
                    sum = 1;
                } else if (sum > Float.MAX_VALUE) {
                    if (overflows++ == 0) {
                        firstOverflow = String.format(Locale.ROOT, "listener %s, artist '%s': the plays add up to %.3g",
                                raw.userIds()[u], raw.artistNames()[c], sum);
                    }
                }
                cols[w] = c;
                vals[w++] = (float) sum;
            }
            outPtr[u + 1] = w;
        }
        if (overflows > 0) {
            throw new ImportException(fileName, String.format(Locale.ROOT,
                    "%s, beyond the largest count that can be stored (%.3g)%s: correct the data, or import with"
                            + " --values presence", firstOverflow, (double) Float.MAX_VALUE,
                    overflows == 1 ? "" : String.format(Locale.ROOT, "; %,d user-artist pairs in all", overflows)));
        }
        return InteractionMatrix.fromCsr(numUsers, numItems, outPtr, w == n ? cols : Arrays.copyOf(cols, w),
                w == n ? vals : Arrays.copyOf(vals, w));
    }

    private static boolean sorted(int[] cols, int from, int to) {
        for (int p = from + 1; p < to; p++) {
            if (cols[p - 1] > cols[p]) {
                return false;
            }
        }
        return true;
    }
}
