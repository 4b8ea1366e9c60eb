package org.tastemap.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the byte keys of users and artists into text once, after reading: the readers key rows by
 * raw bytes, so the hot path does no decoding and no per-byte checks, and every distinct key is
 * looked at here once (a few MB for the full Last.fm file).
 *
 * <p>With {@link TextEncoding#AUTO}: when every key is valid UTF-8 the file is UTF-8. When some are
 * not and no key uses UTF-8's multi-byte characters, the file is a single-byte encoding: Windows-1252
 * when a key holds a byte 0x80-0x9F (control codes in Latin-1, letters and signs in Windows-1252),
 * else Latin-1. When both kinds occur, the file is UTF-8 with some damaged rows: those keys are read as
 * Windows-1252 and reported. A key with a control character (NUL, ESC, BEL, C1 codes) or only spaces
 * is refused: its rows are skipped and counted. Keys that decode to the same text are merged, counted.
 */
final class KeyDecoder {
    private static final Charset CP1252 = TextEncoding.WINDOWS_1252.charset();
    /** Key classes from {@link #classify}. */
    static final int ASCII = 0;
    static final int UTF8 = 1;
    static final int INVALID = 2;
    /** What became of a key: kept, kept but not valid UTF-8, or refused. */
    static final byte OK = 0;
    static final byte BAD_UTF8 = 1;
    static final byte CONTROL = 2;
    static final byte BLANK = 3;

    /** The encoding used and why. */
    record Decision(TextEncoding encoding, String reason) {
    }

    /** One index decoded: unique keys, old id to new id (-1 refused), and each old key's fate. */
    record Keys(String[] keys, int[] map, byte[] fate, long[] firstLines, int merged, List<String> mergedExamples) {
    }

    private KeyDecoder() {
    }

    /** Chooses the encoding for keys of all {@code indexes}, as the class comment says. */
    static Decision decide(TextEncoding chosen, ByteKeyIndex... indexes) {
        if (chosen != TextEncoding.AUTO) {
            return new Decision(chosen, "chosen");
        }
        long invalid = 0;
        long multiByte = 0;
        boolean c1 = false;
        for (ByteKeyIndex index : indexes) {
            byte[] arena = index.arena();
            for (int id = 0; id < index.size(); id++) {
                int off = index.offset(id);
                int len = index.length(id);
                int cls = classify(arena, off, off + len);
                if (cls == INVALID) {
                    invalid++;
                    c1 |= hasC1Letter(arena, off, off + len);
                } else if (cls == UTF8) {
                    multiByte++;
                }
            }
        }
        if (invalid == 0) {
            return new Decision(TextEncoding.UTF_8, multiByte == 0 ? "all names are ASCII" : "all names are valid UTF-8");
        }
        if (multiByte == 0) {
            String why = String.format("%,d names are not valid UTF-8 and none uses UTF-8's multi-byte characters", invalid);
            return c1 ? new Decision(TextEncoding.WINDOWS_1252, why + "; bytes 0x80-0x9F are Windows-1252 signs")
                    : new Decision(TextEncoding.LATIN_1, why);
        }
        return new Decision(TextEncoding.UTF_8, String.format(
                "%,d names are UTF-8; %,d that are not valid UTF-8 were read as Windows-1252", multiByte, invalid));
    }

    /**
     * Decodes the keys of {@code index} as {@code decision} says. Under a chosen UTF-8 invalid bytes
     * become U+FFFD; under an automatic UTF-8 an invalid key is read as Windows-1252.
     */
    static Keys decode(ByteKeyIndex index, Decision decision, boolean fallback) {
        int n = index.size();
        byte[] arena = index.arena();
        Charset cs = decision.encoding().charset();
        String[] keys = new String[n];
        int[] map = new int[n];
        byte[] fate = new byte[n];
        long[] lines = new long[n];
        boolean maybeSame = false;
        for (int id = 0; id < n; id++) {
            int off = index.offset(id);
            int len = index.length(id);
            lines[id] = index.firstLine(id);
            String s;
            if (cs == StandardCharsets.UTF_8) {
                int cls = classify(arena, off, off + len);
                if (cls == INVALID) {
                    fate[id] = BAD_UTF8;
                    maybeSame = true;
                    s = new String(arena, off, len, fallback ? CP1252 : StandardCharsets.UTF_8);
                } else {
                    s = new String(arena, off, len, StandardCharsets.UTF_8);
                }
            } else {
                s = new String(arena, off, len, cs);
                maybeSame |= cs == CP1252 && s.indexOf('\uFFFD') >= 0;
            }
            if (hasControl(s)) {
                fate[id] = CONTROL;
            } else if (s.isBlank()) {
                fate[id] = BLANK;
            }
            keys[id] = s;
        }
        return unique(keys, fate, lines, maybeSame);
    }

    /** One byte string decoded as {@link #decode} would decode a key. */
    static String decodeOne(byte[] b, Decision decision, boolean fallback) {
        Charset cs = decision.encoding().charset();
        if (cs == StandardCharsets.UTF_8 && fallback && classify(b, 0, b.length) == INVALID) {
            return new String(b, CP1252);
        }
        return new String(b, cs);
    }

    /** Numbers the kept keys densely in order, merging keys with equal text when {@code maybeSame}. */
    private static Keys unique(String[] decoded, byte[] fate, long[] lines, boolean maybeSame) {
        int n = decoded.length;
        int[] map = new int[n];
        String[] keys = new String[n];
        Map<String, Integer> seen = maybeSame ? new HashMap<>() : null;
        int merged = 0;
        List<String> examples = new ArrayList<>();
        int w = 0;
        for (int id = 0; id < n; id++) {
            if (fate[id] == CONTROL || fate[id] == BLANK) {
                map[id] = -1;
                continue;
            }
            if (seen != null) {
                Integer first = seen.putIfAbsent(decoded[id], w);
                if (first != null) {
                    map[id] = first;
                    merged++;
                    if (examples.size() < RowNotes.EXAMPLES) {
                        examples.add("\"" + decoded[id] + "\" first seen on line " + lines[id] + " was merged with an earlier name");
                    }
                    continue;
                }
            }
            map[id] = w;
            keys[w++] = decoded[id];
        }
        return new Keys(w == n ? keys : java.util.Arrays.copyOf(keys, w), map, fate, lines, merged, examples);
    }

    /**
     * Renumbers the rows of {@code t} through the decoded keys: rows of a refused key are dropped and
     * counted in {@code skips}, rows of a key that is not valid UTF-8 counted in {@code notes}, as are
     * merged keys.
     */
    static void apply(Triplets t, Keys users, Keys artists, RowSkips skips, RowNotes notes) {
        boolean identity = users.merged() == 0 && artists.merged() == 0 && allOk(users) && allOk(artists);
        if (identity) {
            return;
        }
        long control = 0;
        long blank = 0;
        long badUtf8 = 0;
        int w = 0;
        for (int p = 0; p < t.size; p++) {
            int u = t.users[p];
            int a = t.items[p];
            int nu = users.map()[u];
            int na = artists.map()[a];
            if (nu < 0 || na < 0) {
                byte f = nu < 0 ? users.fate()[u] : artists.fate()[a];
                if (f == CONTROL) {
                    control++;
                } else {
                    blank++;
                }
                continue;
            }
            if (users.fate()[u] == BAD_UTF8 || artists.fate()[a] == BAD_UTF8) {
                badUtf8++;
            }
            t.users[w] = nu;
            t.items[w] = na;
            t.values[w] = t.values[p];
            w++;
        }
        t.size = w;
        if (control > 0) {
            skips.skipMany(SkipReason.CONTROL_CHARACTER, control, firstLines(CONTROL, users, artists));
        }
        if (blank > 0) {
            skips.skipMany(SkipReason.MISSING_FIELD, blank, firstLines(BLANK, users, artists));
        }
        if (badUtf8 > 0) {
            List<Long> lines = firstLines(BAD_UTF8, users, artists);
            notes.note(ImportNote.INVALID_UTF8, badUtf8, 0, null);
            for (long line : lines) {
                notes.note(ImportNote.INVALID_UTF8, 0, line, null);
            }
        }
        for (Keys keys : new Keys[] {users, artists}) {
            if (keys.merged() > 0) {
                notes.note(ImportNote.NAMES_MERGED, keys.merged(), 0, null);
                for (String example : keys.mergedExamples()) {
                    notes.note(ImportNote.NAMES_MERGED, 0, 0, example);
                }
            }
        }
    }

    private static boolean allOk(Keys keys) {
        for (byte f : keys.fate()) {
            if (f != OK) {
                return false;
            }
        }
        return true;
    }

    /** The smallest few first lines of keys with this fate. */
    private static List<Long> firstLines(byte fate, Keys... all) {
        List<Long> lines = new ArrayList<>();
        for (Keys keys : all) {
            for (int id = 0; id < keys.fate().length; id++) {
                if (keys.fate()[id] == fate) {
                    lines.add(keys.firstLines()[id]);
                }
            }
        }
        lines.sort(null);
        return lines.size() > RowSkips.EXAMPLES ? new ArrayList<>(lines.subList(0, RowSkips.EXAMPLES)) : lines;
    }

    /** {@link #ASCII}, {@link #UTF8} (valid, with multi-byte characters) or {@link #INVALID} for bytes {@code [from, to)}. */
    static int classify(byte[] b, int from, int to) {
        int cls = ASCII;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            // lead byte: C2-DF two bytes, E0-EF three, F0-F4 four; then continuation bytes 80-BF
            int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > to) {
                return INVALID;
            }
            int c1 = b[i + 1] & 0xff;
            // no overlong forms (E0 80-9F, F0 80-8F), no surrogates (ED A0-BF), nothing above U+10FFFF (F4 90-BF)
            int lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            int hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            if (c1 < lo || c1 > hi) {
                return INVALID;
            }
            for (int k = 2; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return INVALID;
                }
            }
            cls = UTF8;
            i += len;
        }
        return cls;
    }

    /** Whether bytes {@code [from, to)} hold a byte 0x80-0x9F that Windows-1252 maps to a printable sign. */
    private static boolean hasC1Letter(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x80 && c <= 0x9F && c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s} holds a C0 control, DEL or a C1 control. Tab, line feed and carriage return are
     * allowed: they can only come inside a quoted field of a delimited file, and print harmlessly.
     */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return true;
            }
        }
        return false;
    }
}
