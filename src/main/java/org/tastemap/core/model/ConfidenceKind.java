package org.tastemap.core.model;

/** How raw play counts r_ui become confidences c_ui. See {@link Confidence}. */
public enum ConfidenceKind {
    /** {@code c_ui = 1 + alpha * r_ui}, as in Hu, Koren &amp; Volinsky (2008), eq. (1). */
    LINEAR,
    /** {@code c_ui = 1 + alpha * log(1 + r_ui / eps)}, HKV eq. (6). */
    LOG,
    /** {@code c_ui = 1 + alpha * bm25(r_ui)}: plays re-weighted by Okapi BM25 with K1 and B. */
    BM25;

    /** Parses "linear", "log" or "bm25", ignoring case. */
    public static ConfidenceKind parse(String s) {
        for (ConfidenceKind k : values()) {
            if (k.name().equalsIgnoreCase(s.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("confidence must be linear, log or bm25, not '" + s + "'");
    }
}
