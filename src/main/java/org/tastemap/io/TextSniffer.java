package org.tastemap.io;

/** Tells text from binary data by looking at the first bytes of a file. */
final class TextSniffer {
    private TextSniffer() {
    }

    /**
     * Why {@code sample} (the start of a decompressed file) is not delimited text, or null when it
     * looks like text. Text here is UTF-8 (or a close relative such as Latin-1) with under 1% NUL bytes
     * and under 5% control characters.
     */
    static String problem(byte[] sample) {
        int n = sample.length;
        if (n >= 262 && sample[257] == 'u' && sample[258] == 's' && sample[259] == 't' && sample[260] == 'a' && sample[261] == 'r') {
            return "this is a tar archive, not a text file: unpack it first and import the file inside";
        }
        if (n >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
            return "this is a zip archive, not a text file: unpack it first and import the file inside";
        }
        int control = 0;
        int nul = 0;
        int invalidUtf8 = 0;
        int i = 0;
        while (i < n) {
            int b = sample[i] & 0xff;
            if (b == 0) {
                nul++;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                control++;
                i++;
            } else if (b < 0x80) {
                i++;
            } else {
                int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 0) : b >= 0xC2 ? 2 : 0;
                int j = 1;
                while (len > 0 && j < len && i + j < n && (sample[i + j] & 0xC0) == 0x80) {
                    j++;
                }
                if (len == 0 || j < len && i + j < n) {
                    invalidUtf8++;
                    i++;
                } else {
                    i += j;
                }
            }
        }
        // a stray NUL or escape code is a bad row (refused by KeyDecoder wherever it is in the file);
        // many of them are binary data or UTF-16
        if (nul > 0 && nul >= n / 100.0) {
            return "this is not a text file (it contains NUL bytes; binary data such as an image or archive, or UTF-16 text?)";
        }
        if (control > n / 20) {
            return "this is not a text file (" + percent(control, n) + " of its first bytes are control characters)";
        }
        if (invalidUtf8 > n / 10) {
            return "this is not UTF-8 text (" + percent(invalidUtf8, n) + " of its first bytes are not valid UTF-8)";
        }
        return null;
    }

    static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
