package org.tastemap.io;

/** Parses play counts: plain non-negative decimals such as "12", "12.0", "0.5" or "1e3". */
final class PlayCounts {
    /** Returned for text that is not a number. */
    static final double NOT_A_NUMBER = Double.NaN;

    private PlayCounts() {
    }

    /**
     * The number in {@code s} (surrounding spaces ignored), or {@link #NOT_A_NUMBER}. Accepts an optional
     * sign, digits with an optional fraction, and an optional exponent; rejects "NaN", "Infinity", hex,
     * type suffixes and numbers too large for a float.
     */
    static double parse(String s) {
        String t = s.strip();
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return NOT_A_NUMBER;
            }
        }
        if (i != n) {
            return NOT_A_NUMBER;
        }
        if (digits == n && n <= 18) {
            // plain digits, the common case: no need for the general parser
            long whole = 0;
            for (int k = 0; k < n; k++) {
                whole = whole * 10 + (t.charAt(k) - '0');
            }
            return whole;
        }
        double v = Double.parseDouble(t);
        return Float.isInfinite((float) v) ? NOT_A_NUMBER : v;
    }

    /** Whether {@code s} parses as a play count (used by the format detector). */
    static boolean isNumber(String s) {
        return !Double.isNaN(parse(s));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
