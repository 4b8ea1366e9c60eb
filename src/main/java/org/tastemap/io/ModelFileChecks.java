package org.tastemap.io;

import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;

/**
 * The value checks of {@link ModelFile#load}: a file whose checksums match can still hold values
 * no Tastemap writes (a buggy writer, or a hand-edited file re-signed). Each check names the field
 * as the layout table in {@link ModelFile} does, and the offending entry.
 */
final class ModelFileChecks {
    /** The most factors a model may have, as {@link AlsParams#problems()} allows. */
    static final int MAX_FACTORS = 1024;

    private ModelFileChecks() {
    }

    /** The stored parameters, each against the range training accepts ({@link AlsParams#problems()}). */
    static void params(AlsParams p, int k, String file) throws ModelFileException {
        if (k > MAX_FACTORS) {
            throw bad(file, "k is " + k + "; a model has 1 to " + MAX_FACTORS + " factors");
        }
        atLeastZero(p.alpha(), "params.alpha", file);
        atLeastZero(p.lambda(), "params.lambda", file);
        // eps and K1 divide: above 0 where the model's confidence uses them, never negative
        atLeastZero(p.eps(), "params.eps", file);
        if (p.confidence() == ConfidenceKind.LOG && p.eps() == 0) {
            throw bad(file, "params.eps is 0.0; log confidence divides by it");
        }
        atLeastZero(p.bm25K1(), "params.bm25K1", file);
        if (p.confidence() == ConfidenceKind.BM25 && p.bm25K1() == 0) {
            throw bad(file, "params.bm25K1 is 0.0; BM25 confidence needs it above 0");
        }
        if (!(p.bm25B() >= 0 && p.bm25B() <= 1)) {
            throw bad(file, "params.bm25B is " + p.bm25B() + "; it must be between 0 and 1");
        }
        range(p.factors(), 1, MAX_FACTORS, "params.factors", file);
        range(p.iterations(), 0, 10_000, "params.iterations", file);
        range(p.cgSteps(), 1, 1000, "params.cgSteps", file);
        range(p.threads(), 0, 1024, "params.threads", file);
    }

    /**
     * The interaction matrix in CSR form: {@code ptr} runs from 0 to nnz without decreasing, every
     * row's artist indexes lie in {@code [0, numArtists)} and strictly increase, and every play
     * count is positive and finite.
     */
    static void rows(int[] ptr, int[] items, float[] values, int numArtists, String file) throws ModelFileException {
        int nnz = items.length;
        if (ptr[0] != 0) {
            throw bad(file, "user row pointers: pointer 0 is " + ptr[0] + ", not 0");
        }
        for (int u = 1; u < ptr.length; u++) {
            if (ptr[u] < ptr[u - 1]) {
                throw bad(file, "user row pointers: pointer " + u + " is " + ptr[u] + ", below pointer " + (u - 1)
                        + " (" + ptr[u - 1] + ")");
            }
        }
        int last = ptr.length - 1;
        if (ptr[last] != nnz) {
            throw bad(file, "user row pointers: pointer " + last + " is " + ptr[last] + ", not the " + nnz + " plays");
        }
        for (int u = 0; u < last; u++) {
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int i = items[p];
                if (i < 0 || i >= numArtists) {
                    throw bad(file, "played artists: entry " + p + " (user " + u + ") is " + i + ", outside 0.."
                            + (numArtists - 1));
                }
                if (p > ptr[u] && i <= items[p - 1]) {
                    throw bad(file, "played artists: entry " + p + " (user " + u + ") is " + i
                            + ", not above the previous " + items[p - 1]);
                }
                float v = values[p];
                if (!(v > 0) || Float.isInfinite(v)) {
                    throw bad(file, "play counts: entry " + p + " (user " + u + ") is " + v + "; plays are positive and finite");
                }
            }
        }
    }

    /**
     * The listener-histories section of a version-3 file: held users strictly increasing in
     * {@code [0, U)}, where U is {@code ptr.length - 1}; the rows of other users empty; each artist's
     * full-data listener count in {@code [0, U]} and at least its held listeners (those in the
     * matrix); the counts adding up to the full data's cells {@code totalRows}.
     */
    static void histories(int[] held, int[] listeners, long totalRows, int[] ptr, int[] items, String file)
            throws ModelFileException {
        int numUsers = ptr.length - 1;
        String f = "listener histories: ";
        for (int j = 0; j < held.length; j++) {
            if (held[j] < 0 || held[j] >= numUsers) {
                throw bad(file, f + "held listener " + j + " is user " + held[j] + ", outside 0.." + (numUsers - 1));
            }
            if (j > 0 && held[j] <= held[j - 1]) {
                throw bad(file, f + "held listener " + j + " is user " + held[j] + ", not above the previous " + held[j - 1]);
            }
        }
        // rows of users not held must be empty: walk the users and the held list together
        int next = 0;
        for (int u = 0; u < numUsers; u++) {
            boolean isHeld = next < held.length && held[next] == u;
            if (isHeld) {
                next++;
            } else if (ptr[u + 1] > ptr[u]) {
                throw bad(file, f + "user " + u + " has " + (ptr[u + 1] - ptr[u])
                        + " played artists but is not a held listener");
            }
        }
        int[] heldListeners = new int[listeners.length];
        for (int i : items) {
            heldListeners[i]++;
        }
        long sum = 0;
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] < heldListeners[i] || listeners[i] > numUsers) {
                throw bad(file, f + "artist " + i + " has " + listeners[i] + " listeners; it has "
                        + heldListeners[i] + " held listeners and at most " + numUsers);
            }
            sum += listeners[i];
        }
        if (sum != totalRows) {
            throw bad(file, f + "the full data's rows are " + totalRows + ", but the artists' listeners add up to " + sum);
        }
    }

    /** Every value of a row-major factor table is finite. */
    static void finite(float[] factors, int k, String table, String row, String file) throws ModelFileException {
        for (int j = 0; j < factors.length; j++) {
            if (!Float.isFinite(factors[j])) {
                throw bad(file, table + ": " + row + " " + j / k + ", factor " + j % k + " is " + factors[j]
                        + "; factors are finite");
            }
        }
    }

    private static void atLeastZero(double v, String field, String file) throws ModelFileException {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw bad(file, field + " is " + v + "; it must be a finite number of at least 0");
        }
    }

    private static void range(int v, int min, int max, String field, String file) throws ModelFileException {
        if (v < min || v > max) {
            throw bad(file, field + " is " + v + "; it must be between " + min + " and " + max);
        }
    }

    private static ModelFileException bad(String file, String problem) {
        return new ModelFileException(file, "is corrupted: " + problem);
    }
}
