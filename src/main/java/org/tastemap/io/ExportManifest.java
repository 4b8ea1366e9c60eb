package org.tastemap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@value #FILE} that {@link FactorExport} writes last, and removes first: a folder holds a
 * complete export exactly when it has a manifest and every file the manifest lists has the listed
 * size and SHA-256. A JSON object (UTF-8):
 *
 * <pre>{@code
 * {
 *   "format": "tastemap-factor-export",
 *   "version": 1,
 *   "created": "2026-12-07T04:30:00Z",
 *   "factors": 64, "users": 358868, "artists": 160112,
 *   "model": { ...the model's metadata, keys in order... },
 *   "files": [ {"name": "user_ids.txt", "bytes": 14713588, "sha256": "9f86d0..."}, ... ]
 * }
 * }</pre>
 */
final class ExportManifest {
    static final String FILE = "manifest.json";
    static final String FORMAT = "tastemap-factor-export";

    private ExportManifest() {
    }

    /** The manifest text for the staged files {@code names} in {@code staging}. */
    static String of(Path staging, List<String> names, int factors, int users, int artists, Map<String, String> model)
            throws IOException {
        StringBuilder b = new StringBuilder(256 + 128 * names.size());
        b.append("{\n  \"format\": ").append(quote(FORMAT)).append(",\n  \"version\": 1,\n");
        b.append("  \"created\": ").append(quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(",\n");
        b.append(String.format(Locale.ROOT, "  \"factors\": %d,\n  \"users\": %d,\n  \"artists\": %d,\n", factors, users, artists));
        b.append("  \"model\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : model.entrySet()) {
            b.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        b.append(model.isEmpty() ? "},\n" : "\n  },\n");
        b.append("  \"files\": [");
        sep = "\n";
        for (String name : names) {
            Path f = staging.resolve(name);
            b.append(sep).append("    {\"name\": ").append(quote(name)).append(", \"bytes\": ").append(Files.size(f))
                    .append(", \"sha256\": ").append(quote(sha256(f))).append('}');
            sep = ",\n";
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    /** The SHA-256 of a file's content, as lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static byte[] bytes(String manifest) {
        return manifest.getBytes(StandardCharsets.UTF_8);
    }
}
