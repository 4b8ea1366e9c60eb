package org.tastemap.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How the bytes of names and ids are turned into text. The Last.fm 360K file is UTF-8; older
 * exports are Latin-1 (ISO-8859-1) or Windows-1252, which differs from Latin-1 only in bytes
 * 0x80-0x9F (printable characters such as the euro sign instead of control codes).
 */
public enum TextEncoding {
    /** UTF-8 when every name is valid UTF-8; otherwise decided from the names (see {@link Importer}). */
    AUTO("auto", null),
    UTF_8("utf-8", StandardCharsets.UTF_8),
    LATIN_1("latin-1", StandardCharsets.ISO_8859_1),
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"));

    private final String cliName;
    private final Charset charset;

    TextEncoding(String cliName, Charset charset) {
        this.cliName = cliName;
        this.charset = charset;
    }

    /** The name used on the command line and in reports, e.g. "latin-1". */
    public String cliName() {
        return cliName;
    }

    /** The charset, null for {@link #AUTO}. */
    public Charset charset() {
        return charset;
    }

    /** Parses "auto", "utf-8", "latin-1" (or "iso-8859-1"), "windows-1252" (or "cp1252"), ignoring case. */
    public static TextEncoding parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (k) {
            case "auto" -> AUTO;
            case "utf-8", "utf8" -> UTF_8;
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1" -> LATIN_1;
            case "windows-1252", "cp1252", "win-1252" -> WINDOWS_1252;
            default -> throw new IllegalArgumentException("the encoding must be auto, utf-8, latin-1 or windows-1252, not '" + s + "'");
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
