package org.tastemap.core.map;

import java.util.Arrays;
import org.tastemap.core.model.FactorModel;

/** Choosing the artists of a map and their cosine-normalised factor rows. */
final class Rows {
    private Rows() {
    }

    /**
     * The artists with at least one listener, most listeners first (ties: lower index first), at most
     * {@code max} of them (0 = all).
     */
    static int[] mostListened(int[] listeners, int numItems, int max) {
        if (listeners.length != numItems) {
            throw new IllegalArgumentException(listeners.length + " listener counts for " + numItems + " artists");
        }
        long[] keys = new long[numItems];
        int n = 0;
        for (int i = 0; i < numItems; i++) {
            if (listeners[i] > 0) {
                // sort key: listeners descending, then index ascending
                keys[n++] = ((long) (Integer.MAX_VALUE - listeners[i]) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, n);
        int take = max == 0 ? n : Math.min(max, n);
        int[] out = new int[take];
        for (int p = 0; p < take; p++) {
            out[p] = (int) keys[p];
        }
        return out;
    }

    /** Rows {@code y_i / |y_i|} of the chosen artists (a zero vector stays zero), row-major. */
    static float[] unit(FactorModel m, int[] artists) {
        int k = m.factors();
        float[] y = m.itemFactors();
        float[] out = new float[artists.length * k];
        for (int p = 0; p < artists.length; p++) {
            int src = artists[p] * k;
            double ss = 0;
            for (int f = 0; f < k; f++) {
                ss += (double) y[src + f] * y[src + f];
            }
            // y_i / |y_i|
            double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
            for (int f = 0; f < k; f++) {
                out[p * k + f] = (float) (y[src + f] * inv);
            }
        }
        return out;
    }
}
