package org.tastemap.app.session;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Opening plain or gzip text while counting the bytes read from disk, and splitting lines into fields. */
final class TextFiles {
    private TextFiles() {
    }

    /** Counts bytes as they are read from the file (compressed bytes for gzip). */
    static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** A reader over the (possibly gzip) file; {@code counter} receives the raw stream. */
    static BufferedReader open(Path file, CountingStream[] counter) throws IOException {
        boolean gzip = isGzip(file);
        CountingStream raw = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        if (counter != null) {
            counter[0] = raw;
        }
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Splits a line at {@code delimiter}; double quotes group a field (as in CSV) except for tab files. */
    static List<String> split(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        if (delimiter == '\t' || line.indexOf('"') < 0) {
            int start = 0;
            for (int p = 0; p <= line.length(); p++) {
                if (p == line.length() || line.charAt(p) == delimiter) {
                    out.add(line.substring(start, p));
                    start = p + 1;
                }
            }
            return out;
        }
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int p = 0; p < line.length(); p++) {
            char c = line.charAt(p);
            if (quoted) {
                if (c == '"' && p + 1 < line.length() && line.charAt(p + 1) == '"') {
                    f.append('"');
                    p++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    static boolean isNumber(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
